"""Start-up stays light (README, "Start-up"): the window and the sign-in dialog open without
reportlab, the analysis stack, icalendar or (for a database at the head revision) Alembic;
headless commands never load Qt widgets. Each case runs in a fresh child process and reads its
sys.modules, since this test process has imported everything long ago."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nclm_desktop.commands.report import REPORT_LANGUAGES
from nclm_desktop.demo import DEMO_PASSWORD
from nclm_desktop.models.db import open_database, script_head
from nclm_desktop.models.schema_head import HEAD_REVISION
from nclm_desktop.services import report_data

HEAVY = ("reportlab", "matplotlib", "lifelines", "statsmodels", "pandas", "icalendar")

# Runs in the child: argv[1] is the case, the rest its arguments; prints the modules loaded.
CHILD = """
import json, sys
case, rest = sys.argv[1], sys.argv[2:]
if case == "window":
    from nclm_desktop.__main__ import _launch_gui
    from nclm_desktop.cli import run
    rc = run(rest, gui=_launch_gui)
elif case == "sign-in":
    from PySide6.QtWidgets import QApplication
    from nclm_desktop.models.db import open_database
    from nclm_desktop.ui.app import _application
    from nclm_desktop.ui.login import LoginDialog
    app = _application()
    db = open_database(rest[0], wait_for_check=False)
    dialog = LoginDialog(db)
    dialog.show()
    app.processEvents()
    rc = 0 if dialog.grab().width() > 0 else 1
    dialog.close()
    db.dispose()
elif case == "first-paint":  # the real start, ended as soon as the sign-in dialog is painted
    from nclm_desktop.__main__ import _launch_gui
    from nclm_desktop.cli import run
    from nclm_desktop.ui import app as gui
    shown, painted = gui.run_dialog, []
    def paint_and_close(dialog):
        dialog.first_painted.disconnect()  # what loads before the paint, not the opening after
        dialog.first_painted.connect(lambda: painted.append(1) or dialog.reject())
        return shown(dialog)
    gui.run_dialog = paint_and_close
    rc = run(rest, gui=_launch_gui) or (0 if painted else 1)
else:
    from nclm_desktop.cli import run
    rc = run(rest)
print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


def _child(case: str, *args: str, anchors: Path | None = None) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NCLM_PASSWORD": DEMO_PASSWORD}
    if anchors is not None:  # the demo study's anchors, shared by the tests that read it
        env["NCLM_ANCHOR_DIR"] = str(anchors)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, case, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0, out.stderr[-2000:]
    return set(result["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if n in modules]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "demo.db"
    _child("command", "--db", str(path), "demo", "--participants", "12", "--seed", "3",
           anchors=path.parent / "anchors")  # fmt: skip
    return path


def test_recorded_head_is_alembics_head() -> None:
    # A new migration must update models/schema_head.py, or databases would not be migrated.
    assert script_head() == HEAD_REVISION


def test_report_languages_match_the_service() -> None:
    assert REPORT_LANGUAGES == report_data.LANGUAGES


def test_main_window_opens_without_heavy_modules(db_path: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    modules = _child("window", "--db", str(db_path), "--smoke-test", str(shot))
    assert shot.stat().st_size > 0
    assert "PySide6.QtWidgets" in modules  # the child did open a window
    assert _loaded(modules, (*HEAVY, "alembic")) == []


def test_sign_in_dialog_opens_without_heavy_modules(db_path: Path) -> None:
    modules = _child("sign-in", str(db_path))
    assert _loaded(modules, (*HEAVY, "alembic")) == []


def test_sign_in_dialog_paints_before_sqlalchemy_loads(db_path: Path) -> None:
    # `nclm-desktop --db FILE` as started by a user: the dialog is on screen before the
    # database layer (SQLAlchemy, the ORM, the services) is imported at all.
    modules = _child("first-paint", "--db", str(db_path))
    assert "nclm_desktop.ui.login" in modules
    assert _loaded(modules, (*HEAVY, "alembic", "sqlalchemy", "nclm_desktop.models")) == []


def test_a_database_behind_the_head_still_loads_alembic_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    db.dispose()
    from nclm_desktop.models.db import _upgrade, create_db_engine, to_url

    engine = create_db_engine(to_url(path))
    _upgrade(engine, "0001")
    engine.dispose()
    modules = _child("command", "--db", str(path), "init")
    assert "alembic" in modules
    db = open_database(path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            HEAD_REVISION
        )
    db.dispose()


@pytest.mark.parametrize(
    "command",
    [
        ["report", "complications", "--from", "2020-01-01", "--to", "2030-12-31"],
        ["calendar", "ics", "--from", "2025-01-01", "--to", "2030-12-31"],
        ["audit", "verify"],
        ["analyze"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_headless_commands_never_load_qt_widgets(
    demo_db: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / ("out.ics" if command[0] == "calendar" else "out.pdf")
    if command[0] == "analyze":
        out = tmp_path / "analysis"
        out.mkdir()
    writes = command[0] in ("report", "calendar", "analyze")
    args = ["--db", str(demo_db), "--user", "pi", *command, *(["--out", str(out)] * writes)]
    modules = _child("command", *args, anchors=demo_db.parent / "anchors")
    assert "PySide6.QtWidgets" not in modules
    assert "alembic" not in modules
    if command[0] != "analyze":
        assert _loaded(modules, ("matplotlib", "lifelines", "statsmodels")) == []

"""`nclm-desktop import`: every error on its own line, exit 1 and nothing written; bad
arguments one line before signing in; never a traceback."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nclm_desktop import demo
from nclm_desktop.cli import run
from nclm_desktop.demo import DEMO_PASSWORD
from nclm_desktop.models import AuditEvent, Participant
from nclm_desktop.models.db import open_database
from nclm_desktop.services.study_export import ExportOptions, export_study

from .conftest import actor_of


@pytest.fixture
def exported(demo_copy, tmp_path) -> Path:
    db = open_database(demo_copy)
    try:
        options = ExportOptions(tmp_path / "export", identified=True, reason="cli test")
        export_study(db, actor_of(db, "pi"), options)
    finally:
        db.dispose()
    return tmp_path / "export"


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setenv("NCLM_PASSWORD", DEMO_PASSWORD)

    def call(db: Path, *args: str) -> tuple[int, str, str]:
        try:
            code = run(["--db", str(db), *args])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def new_study(tmp_path: Path, template: Path) -> Path:
    """A new database with the demo's staff accounts (the operation team names them)."""
    target = tmp_path / "new.db"
    shutil.copy(template, target)
    db = open_database(target)
    try:
        demo.ensure_demo_accounts(db)
    finally:
        db.dispose()
    return target


def counts(path: Path) -> tuple[int, int]:
    db = open_database(path)
    try:
        with db.session() as s:
            people = s.scalar(select(func.count()).select_from(Participant))
            imports = s.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "import")
            )
            return people, imports
    finally:
        db.dispose()


def test_errors_are_listed_and_nothing_is_written(cli, exported, tmp_path, migrated_template):
    target = new_study(tmp_path, migrated_template)
    path = exported / "participant.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index("sex")] = "X"
    rows[2][rows[0].index("consent_date")] = "next week"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)

    code, out, err = cli(target, "--user", "pi", "import", "--from", str(exported))
    assert code == 1
    lines = err.splitlines()
    assert any(line.startswith("participant.csv:2:sex: 'X' is not a choice") for line in lines)
    assert any(line.startswith("participant.csv:3:consent_date: ") for line in lines)
    assert "Traceback" not in err and "nothing was imported" in out
    assert counts(target) == (0, 0)

    code, out, err = cli(target, "--user", "pi", "import", "--from", str(exported / "x.csv"))
    assert (code, out) == (2, "") and err.count("\n") == 1 and "no such file" in err


def test_dry_run_then_import(cli, exported, tmp_path, migrated_template):
    target = new_study(tmp_path, migrated_template)
    with (exported / "participant.csv").open(encoding="utf-8-sig") as fh:
        people = len(list(csv.reader(fh))) - 1
    code, out, err = cli(target, "--user", "pi", "import", "--from", str(exported), "--dry-run")
    assert (code, err) == (0, "") and "Dry run" in out
    assert f"participant: {people} created" in out
    assert counts(target) == (0, 0)
    code, out, err = cli(target, "--user", "pi", "import", "--from", str(exported))
    assert (code, err) == (0, ""), err
    assert counts(target)[0] == people and counts(target)[1] > people


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--update",), "--update changes recorded data: give --reason TEXT"),
        (("--reason", "why"), "--reason is asked only with --update"),
    ],
)
def test_bad_arguments_are_one_line(cli, demo_copy, exported, args, message):
    code, out, err = cli(demo_copy, "--user", "pi", "import", "--from", str(exported), *args)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {message}") and err.count("\n") == 1

"""`nclm-desktop export`: writes the folder; every bad input is one line, a non-zero exit,
and nothing written (no folder, no staging folder, no audit event)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from nclm_desktop.cli import run
from nclm_desktop.demo import DEMO_PASSWORD
from nclm_desktop.models import AuditEvent
from nclm_desktop.models.db import open_database


@pytest.fixture
def cli(demo_copy, monkeypatch, capsys):
    monkeypatch.setenv("NCLM_PASSWORD", DEMO_PASSWORD)

    def call(*args: str) -> tuple[int, str, str]:
        try:
            code = run(["--db", str(demo_copy), *args])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def export_events(path: Path) -> int:
    db = open_database(path)
    try:
        with db.session() as s:
            return s.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "export")
            )
    finally:
        db.dispose()


def test_export_writes_the_folder(cli, tmp_path, demo_copy):
    code, out, err = cli("--user", "coordinator", "export", "--out", str(tmp_path / "e"))
    assert code == 0, err
    assert "Exported" in out and (tmp_path / "e" / "operation.csv").is_file()
    code, out, err = cli(
        "--user", "pi", "export", "--out", str(tmp_path / "x"), "--format", "xlsx",
        "--forms", "operation,complication,endpoints", "--shift-dates",
    )  # fmt: skip
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == [
        "README.txt",
        "data_dictionary.csv",
        "redcap_data_dictionary.csv",
        "study.xlsx",
    ]
    assert export_events(demo_copy) == 2


def _existing_file(tmp: Path) -> Path:
    (tmp / "afile").write_text("x")
    return tmp / "afile"


def _full_folder(tmp: Path) -> Path:
    (tmp / "full").mkdir()
    (tmp / "full" / "keep.txt").write_text("x")
    return tmp / "full"


OURS = ("study.db", "anchors")  # the database and its audit anchors (a sign-in writes)
BAD = [
    # (what, user, args after `export` with {out} for the folder, words of the message)
    ("no --out", "pi", [], "--out"),
    ("unknown format", "pi", ["--out", "{out}", "--format", "pdf"], "invalid choice"),
    ("identified without reason", "pi", ["--out", "{out}", "--identified"], "needs a reason"),
    ("blank reason", "pi", ["--out", "{out}", "--identified", "--reason", "  "], "reason"),
    ("reason without identified", "pi", ["--out", "{out}", "--reason", "x"], "only for"),
    (
        "monitor identified",
        "monitor",
        ["--out", "{out}", "--identified", "--reason", "check"],
        "may not export identified",
    ),
    ("admin exports", "admin", ["--out", "{out}"], "may not"),
    (
        "unknown form",
        "pi",
        ["--out", "{out}", "--forms", "operation,nosuch"],
        "Unknown form nosuch",
    ),
    ("empty forms", "pi", ["--out", "{out}", "--forms", ","], "--forms is empty"),
    (
        "only identity, de-identified",
        "pi",
        ["--out", "{out}", "--forms", "participant_identity"],
        "Nothing to export",
    ),
    ("out is a file", "pi", ["--out", "{file}"], "it is a file"),
    ("out not empty", "pi", ["--out", "{full}"], "not empty"),
    ("no parent folder", "pi", ["--out", "{missing}"], "does not exist"),
    ("no user", None, ["--out", "{out}"], "--user"),
]


@pytest.mark.parametrize(("what", "user", "args", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_and_writes_nothing(
    cli, tmp_path, demo_copy, what, user, args, words
):
    paths = {
        "out": tmp_path / "out",
        "file": _existing_file(tmp_path),
        "full": _full_folder(tmp_path),
        "missing": tmp_path / "no" / "such" / "out",
    }
    before = sorted(p.name for p in tmp_path.iterdir())
    argv = [a.format(**paths) for a in args]
    code, out, err = cli(*(["--user", user] if user else []), "export", *argv)
    assert code != 0
    assert words in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    after = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in after if not n.startswith(OURS)] == [
        n for n in before if not n.startswith(OURS)
    ]
    assert list(paths["full"].iterdir()) == [paths["full"] / "keep.txt"]
    assert export_events(demo_copy) == 0


def test_wrong_password_is_refused_before_anything_is_written(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NCLM_PASSWORD", "not-the-password")
    code, _, err = cli("--user", "pi", "export", "--out", str(tmp_path / "e"))
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e").exists()

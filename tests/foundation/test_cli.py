"""Headless commands: init, user add, backup, bad databases, no Qt widgets imported."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSWORD


def cli(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nclm_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_init_then_first_admin_then_users_need_a_signed_in_admin(tmp_path):
    db = str(tmp_path / "cli.db")
    assert cli("--db", db, "init").returncode == 0
    first = cli(
        "--db", db, "user", "add", "boss", "--role", "admin", stdin=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert first.returncode == 0, first.stderr
    anonymous = cli(
        "--db", db, "user", "add", "zchen", "--role", "surgeon", stdin=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert anonymous.returncode == 2
    assert "--user" in anonymous.stderr
    assert "Traceback" not in anonymous.stderr
    signed = cli(
        "--db",
        db,
        "--user",
        "boss",
        "user",
        "add",
        "zchen",
        "--role",
        "surgeon",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
        env={"NCLM_PASSWORD": PASSWORD},
    )
    assert signed.returncode == 0, signed.stderr
    listing = cli("--db", db, "--user", "boss", "user", "list", env={"NCLM_PASSWORD": PASSWORD})
    assert "zchen" in listing.stdout and "surgeon" in listing.stdout


def test_weak_or_mismatched_password_is_refused(tmp_path):
    db = str(tmp_path / "cli.db")
    weak = cli("--db", db, "user", "add", "boss", "--role", "admin", stdin="short\nshort\n")
    assert weak.returncode == 2 and "at least 10 characters" in weak.stderr
    differ = cli(
        "--db", db, "user", "add", "boss", "--role", "admin", stdin=f"{PASSWORD}\n{PASSWORD}x\n"
    )
    assert differ.returncode == 2 and "differ" in differ.stderr


def test_backup_uses_the_online_api_and_checks_the_copy(db_path, db, admin):
    out = cli(
        "--db",
        str(db_path),
        "--user",
        "admin",
        "backup",
        "--to",
        str(db_path.parent / "copies"),
        env={"NCLM_PASSWORD": PASSWORD},
    )
    assert out.returncode == 0, out.stderr
    copy = next((db_path.parent / "copies").glob("*.db"))
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT username FROM user_account").fetchall() == [("admin",)]
    con.close()


def test_corrupt_database_gets_a_clear_error_and_is_untouched(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(os.urandom(8192))
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    out = cli("--db", str(bad), "init")
    assert out.returncode == 2
    assert out.stderr.startswith("error: ") and "Traceback" not in out.stderr
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before


def test_headless_commands_never_import_qt(db_path):
    code = (
        "import sys\n"
        "from nclm_desktop.cli import run\n"
        f"run(['--db', {str(db_path)!r}, 'init'])\n"
        f"run(['--db', {str(db_path)!r}, 'audit', 'verify'])\n"
        "from nclm_desktop.cli import build_parser\n"
        "build_parser()\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_smoke_test_creates_the_database_and_saves_a_screenshot(tmp_path):
    shot = tmp_path / "smoke.png"
    db = tmp_path / "fresh.db"
    out = cli("--db", str(db), "--smoke-test", str(shot))
    assert out.returncode == 0, out.stderr
    assert db.exists()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 5000


def test_layer_contracts_hold():
    """Nothing below ui/ imports PySide6; layers import only downwards."""
    repo = Path(__file__).resolve().parents[2]
    exe = Path(sys.executable).parent / "lint-imports"
    out = subprocess.run(
        [str(exe), str(repo / "pyproject.toml")], cwd=repo, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_password_and_no_terminal_is_one_clear_line(tmp_path):
    db = str(tmp_path / "cli.db")
    cli("--db", db, "user", "add", "boss", "--role", "admin", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    env = {k: v for k, v in os.environ.items() if k != "NCLM_PASSWORD"}
    out = subprocess.run(
        [sys.executable, "-m", "nclm_desktop", "--db", db, "--user", "boss", "user", "list"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        start_new_session=True,  # no controlling terminal, as under a scheduler
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "set NCLM_PASSWORD" in out.stderr.strip().splitlines()[-1]

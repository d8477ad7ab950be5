"""Restore from a backup: after a crash that left a -wal, while open, from a bad backup."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts
from nclm_desktop.services.backup import backup_database
from nclm_desktop.services.restore import RestoreError, restore_database
from tests.conftest import PASSWORD
from tests.foundation.test_cli import cli

# A writer that commits a new account, then is killed before it closes the database: its
# committed pages stay in nclm.db-wal, the situation where copying a backup over the file
# by hand corrupts it (SQLite would replay that WAL onto the copy).
KILLED_WRITER = """
import sys, time
from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts
db = open_database(sys.argv[1])
admin = accounts.authenticate(db, "admin", sys.argv[2])
accounts.add_user(db, admin, "late", "Written just before the crash", "surgeon", sys.argv[2])
print("committed", flush=True)
time.sleep(600)
"""


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def usernames(path: Path) -> set[str]:
    con = sqlite3.connect(str(path))
    try:
        return {r[0] for r in con.execute("SELECT username FROM user_account")}
    finally:
        con.close()


@pytest.fixture
def backup(db, admin, tmp_path) -> Path:
    """A checked backup of a study with one administrator; the database is then closed."""
    path = backup_database(db, admin, tmp_path / "copies")
    db.dispose()
    return path


def test_restore_after_a_killed_writer_left_a_wal(db_path, backup):
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(db_path), PASSWORD],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "committed"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0  # the crash left committed pages in the WAL

    out = cli("restore", str(backup), "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    assert "Restored" in out.stdout

    assert not wal.exists()  # the stale WAL went aside with the file it belongs to
    assert dump(db_path) == dump(backup)  # contents equal the backup, byte for byte of SQL
    db = open_database(db_path)  # the application opens the result (quick_check passes)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        db.dispose()
    assert cli("--db", str(db_path), "audit", "verify").returncode == 0
    assert usernames(db_path) == {"admin"}

    # Nothing committed is lost: the replaced file and its WAL are kept together, and
    # opening that set still shows the account written just before the crash.
    (aside,) = db_path.parent.glob("study-before-restore-*")
    assert {p.name for p in aside.iterdir()} >= {"study.db", "study.db-wal"}
    assert usernames(aside / "study.db") == {"admin", "late"}


def test_restore_is_refused_while_the_database_is_open(db_path, backup):
    before = digest(db_path)
    opened = open_database(db_path)  # as the application window holds it
    try:
        with pytest.raises(RestoreError, match="open in NCLM Desktop"):
            restore_database(backup, db_path)
        out = cli("restore", str(backup), "--db", str(db_path))
        assert out.returncode == 2 and "open in NCLM Desktop" in out.stderr
    finally:
        opened.dispose()
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*-before-restore-*"))


def test_the_application_restores_through_its_own_open_handle(db_path, backup):
    opened = open_database(db_path)
    accounts.add_user(
        opened, accounts.authenticate(opened, "admin", PASSWORD), "extra", "X", "monitor", PASSWORD
    )
    result = restore_database(backup, db_path, own=opened)
    try:
        assert usernames(db_path) == {"admin"}
        assert result.kept_aside is not None
        # The handle works on the restored file and counts as open again.
        with opened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM user_account").scalar() == 1
        with pytest.raises(RestoreError, match="open"):
            restore_database(backup, db_path)
    finally:
        opened.dispose()


def test_a_damaged_backup_is_refused_and_nothing_changes(db_path, backup):
    data = bytearray(backup.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # a page in the middle of the file overwritten
    backup.write_bytes(bytes(data))
    before = digest(db_path)
    out = cli("restore", str(backup), "--db", str(db_path))
    assert out.returncode == 2, out.stdout
    assert "not changed" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []


def test_a_backup_with_a_broken_audit_chain_is_refused(db_path, backup):
    con = sqlite3.connect(backup)  # edited outside the application, its guard removed
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute("UPDATE audit_event SET new_value = 'tampered' WHERE id = 1")
    con.commit()
    con.close()
    before = digest(db_path)
    with pytest.raises(RestoreError, match="audit trail of the backup"):
        restore_database(backup, db_path)
    assert digest(db_path) == before


def test_an_empty_or_missing_backup_is_refused(db_path, backup, tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    for bad in (empty, tmp_path / "missing.db"):
        out = cli("restore", str(bad), "--db", str(db_path))
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert "not changed" in out.stderr


def test_restore_onto_a_new_pc_where_no_database_exists_yet(backup, tmp_path):
    target = tmp_path / "new-pc" / "nclm.db"
    result = restore_database(backup, target)
    assert result.kept_aside is None
    assert dump(target) == dump(backup)
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)


def test_a_deliberate_restore_of_an_older_backup_is_not_reported_as_a_rollback(db_path, backup):
    """Writes after the backup move the anchor past the backup's chain; restoring the backup
    on purpose re-anchors, so verify passes afterwards (and keeps the old anchors aside)."""
    from nclm_desktop.services.audit_verify import verify_database

    opened = open_database(db_path)
    accounts.add_user(
        opened, accounts.authenticate(opened, "admin", PASSWORD), "later", "L", "monitor", PASSWORD
    )
    opened.dispose()
    assert verify_database(str(db_path)).ok
    restore_database(backup, db_path)
    report = verify_database(str(db_path))
    assert report.ok, (report.anchor_problems, report.chain_problem)
    assert usernames(db_path) == {"admin"}

"""The database as files: refused when empty/damaged/a pipe, owner-only permissions,
backups that never leave a partial file."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nclm_desktop.models import db as db_module
from nclm_desktop.models.db import DatabaseError, backup_sqlite, open_database
from nclm_desktop.services import accounts
from nclm_desktop.services.backup import backup_database
from nclm_desktop.services.errors import DatabaseUnavailable
from tests.conftest import PASSWORD

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and FIFOs")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_file_is_refused_not_turned_into_a_new_study(tmp_path):
    path = tmp_path / "nclm.db"
    path.touch()
    with pytest.raises(DatabaseError, match=r"empty \(0 bytes\).*nclm-desktop restore"):
        open_database(path)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nclm.db"]


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` (not the schema): opening and reading the
    schema still work, only a page-level check notices."""
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    con.close()
    page = 4096
    data = bytearray(path.read_bytes())
    data[(root[0] - 1) * page : root[0] * page] = b"\x5a" * page
    path.write_bytes(bytes(data))


def test_a_damaged_page_is_caught_by_quick_check_and_names_restore(db_path, db, admin):
    db.dispose()
    damage_table(db_path, "audit_event")
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged.*nclm-desktop restore BACKUP --db"):
        open_database(db_path)
    assert digest(db_path) == before


@posix_only
def test_a_fifo_is_refused_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    with pytest.raises(DatabaseError, match="not a regular file"):
        open_database(fifo)


@posix_only
def test_owner_only_permissions_whatever_the_umask(tmp_path):
    """Run in a child with umask 022 (the common default): folder 0700, files 0600."""
    data_dir = tmp_path / "appdata"
    code = (
        "import os, sys\n"
        "os.umask(0o022)\n"
        "from nclm_desktop.models.db import open_database\n"
        "from nclm_desktop.services import accounts\n"
        "from nclm_desktop.services.backup import backup_database\n"
        "db = open_database(sys.argv[1])\n"
        "admin = accounts.create_first_admin(db, 'admin', 'Admin', 'correct-horse-42')\n"
        "backup_database(db, admin)\n"
        "for name in sorted(os.listdir(os.path.dirname(sys.argv[1]))):\n"
        "    print(name)\n"
    )
    db_file = data_dir / "nclm.db"
    out = subprocess.run(
        [sys.executable, "-c", code, str(db_file)],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert {"nclm.db", "nclm.db-wal", "nclm.db-shm"} <= set(out.stdout.split())

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(data_dir) == 0o700
    assert mode(data_dir / "backups") == 0o700
    files = [db_file, *(data_dir / "backups").iterdir(), data_dir / "nclm.db.lock"]
    assert len(files) == 4  # the backup and its audit anchor beside it
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}


@posix_only
def test_an_existing_database_and_its_wal_are_tightened(db_path):
    os.chmod(db_path.parent, 0o755)
    os.chmod(db_path, 0o644)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.touch()
    os.chmod(wal, 0o644)
    db = open_database(db_path)
    try:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
        assert stat.S_IMODE(db_path.parent.stat().st_mode) != 0o700  # a folder the user chose
    finally:
        db.dispose()


def test_a_backup_failing_midway_leaves_no_file(db_path, db, admin, monkeypatch, tmp_path):
    folder = tmp_path / "copies"

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db_module.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        backup_database(db, admin, folder)
    assert list(folder.iterdir()) == []  # neither a 0-byte nor a partial copy


def test_a_backup_that_fails_its_check_leaves_no_file(db_path, tmp_path):
    source = tmp_path / "broken.db"
    source.write_bytes(db_path.read_bytes())
    damage_table(source, "alembic_version")
    dest = tmp_path / "copies" / "copy.db"
    with pytest.raises(DatabaseError):
        backup_sqlite(source, dest)
    assert list(dest.parent.iterdir()) == []


def test_the_window_does_not_wait_for_the_check_but_every_write_does(db_path, db, admin):
    db.dispose()
    damage_table(db_path, "audit_event")
    before = digest(db_path)
    opened = open_database(db_path, wait_for_check=False)  # as the application opens it
    try:
        # The unit of work hands it on as the sentence a user sees (DatabaseUnavailable).
        with pytest.raises(DatabaseUnavailable, match="damaged.*nclm-desktop restore"):
            accounts.add_user(opened, admin, "late", "Late", "monitor", PASSWORD)
    finally:
        opened.dispose()
    assert digest(db_path) == before


def test_the_application_ends_with_the_message_when_the_check_fails(
    qtbot, monkeypatch, db_path, db, admin
):
    from PySide6.QtCore import QObject

    from nclm_desktop.ui import app as app_module
    from nclm_desktop.ui import dialogs

    db.dispose()
    damage_table(db_path, "audit_event")
    opened = open_database(db_path, wait_for_check=False)
    shown: list[str] = []
    codes: list[int] = []

    class Application(QObject):  # records the exit code instead of ending the test run
        def exit(self, code: int) -> None:
            codes.append(code)

    application = Application()
    monkeypatch.setattr(dialogs, "show_error", lambda _p, m, _t=None: shown.append(m))
    try:
        app_module._end_if_damaged(application, opened)
        qtbot.waitUntil(lambda: bool(codes), timeout=20000)
    finally:
        opened.dispose()
    assert codes == [2] and "restore" in shown[0]

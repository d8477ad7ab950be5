"""Connection settings, refusal of unsafe databases, backups before migrating."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from nclm_desktop.models.db import (
    DatabaseError,
    alembic_config,
    create_db_engine,
    is_network_path,
    open_database,
    to_url,
    verify_pragmas,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_has_the_pragmas(db):
    assert verify_pragmas(db) == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 15000,
        "cache_size": -16384,
    }


@pytest.mark.parametrize(
    "path, mounts, expected",
    [
        (r"\\fileserver\study\nclm.db", [], True),
        ("//fileserver/study/nclm.db", [], True),
        ("/mnt/share/nclm.db", [("/", "ext4"), ("/mnt/share", "cifs")], True),
        ("/mnt/nfs/x/nclm.db", [("/", "ext4"), ("/mnt/nfs", "nfs4")], True),
        ("/home/ward/nclm.db", [("/", "ext4"), ("/mnt/share", "cifs")], False),
        ("/mnt/shared-local/nclm.db", [("/", "ext4"), ("/mnt/share", "cifs")], False),
    ],
)
def test_network_shares_are_recognised(path, mounts, expected):
    assert is_network_path(path, mounts) is expected


def test_unc_path_is_refused_with_pointer_to_server_option():
    with pytest.raises(DatabaseError, match="network share.*PostgreSQL"):
        open_database(r"\\fileserver\study\nclm.db")


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 50)
    before = digest(path)
    with pytest.raises(DatabaseError, match="not a SQLite file"):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_damaged_sqlite_file_is_refused_untouched(tmp_path, migrated_template):
    path = tmp_path / "damaged.db"
    data = bytearray(migrated_template.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # header intact, schema page destroyed
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseError):
        open_database(path)
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE inventory (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="another application"):
        open_database(path)


def test_newer_database_is_refused_without_modification(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(db_path)
    assert digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_database_with_several_heads_is_refused(db_path):
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO alembic_version VALUES ('0002')")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="several migration heads"):
        open_database(db_path)


def test_old_database_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.db"
    engine = create_db_engine(to_url(path))
    with engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        with conn.begin():
            command.upgrade(cfg, "0002")
    engine.dispose()
    db = open_database(path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() != "0002"
    backups = list((tmp_path / "backups").glob("old-*-pre-0002.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    con.close()
    db.dispose()


def _migrate_raw(path: Path, action, revision: str) -> None:
    engine = create_db_engine(to_url(path))
    with engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        with conn.begin():
            action(cfg, revision)
    engine.dispose()


def test_only_the_last_ten_migration_backups_are_kept(tmp_path):
    path = tmp_path / "old.db"
    _migrate_raw(path, command.upgrade, "0001")
    for _ in range(12):
        open_database(path).dispose()  # backs up, then migrates to head
        _migrate_raw(path, command.downgrade, "0001")
    assert len(list((tmp_path / "backups").glob("old-*-pre-0001.db"))) == 10

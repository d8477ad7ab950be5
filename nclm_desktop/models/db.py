"""Engine, connection pragmas, safety checks and migrate-on-start."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from .. import paths
from . import (
    audit_hook,  # noqa: F401  (registers the audit listeners)
    db_files,
)
from .schema_head import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_MAGIC = b"SQLite format 3\x00"
NETWORK_FS_TYPES = {
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afs",
    "ncpfs",
    "fuse.sshfs",
    "9p",
    "davfs",
    "fuse.davfs2",
}
BACKUPS_KEPT = 10


class DatabaseError(Exception):
    """A database the app must not open; the message is for the user as it is."""


# --- locating the database -------------------------------------------------------------


def to_url(target: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL from a URL string or a plain file path."""
    raw = os.fspath(target)
    if raw == ":memory:":  # kept as typed so it can be refused, not made a file of that name
        return URL.create("sqlite", database=raw)
    if "://" in raw:
        return make_url(raw)
    if raw.startswith(("\\\\", "//")):  # UNC path: kept as typed so it can be refused
        return URL.create("sqlite", database=raw)
    return URL.create("sqlite", database=str(Path(raw).expanduser().absolute()))


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            return [
                (parts[1], parts[2]) for parts in (line.split() for line in fh) if len(parts) > 2
            ]
    except OSError:
        return []


def is_network_path(path: str, mounts: Iterable[tuple[str, str]] | None = None) -> bool:
    """True for UNC paths, mapped network drives and SMB/NFS mounts."""
    if path.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(path))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    mounts = list(mounts if mounts is not None else _linux_mounts())
    resolved = str(Path(path).resolve()) if not mounts or os.path.exists(path) else path
    best = ("", "")
    for mount_point, fs_type in mounts:
        if (resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best[0]):
            best = (mount_point, fs_type)
    return best[1] in NETWORK_FS_TYPES


def check_sqlite_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not a SQLite database or sits on a share."""
    if is_network_path(str(path)):
        raise DatabaseError(
            f"The database {path} is on a network share. SQLite files must stay on a local "
            "disk; for several workstations use the PostgreSQL server option "
            "(--db postgresql+psycopg://user@server/nclm)."
        )
    try:
        db_files.check_regular_file(path)
    except db_files.FileCheckError as exc:
        raise DatabaseError(str(exc)) from None
    if path.exists():
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head and head != SQLITE_MAGIC:
            raise DatabaseError(f"{path} is not an NCLM Desktop database (not a SQLite file).")


# --- engine --------------------------------------------------------------------------


CACHE_SIZE = -16384  # negative: KiB, not pages


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 15000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        # 16 MiB of page cache (the default is 2 MiB): lists that read a thousand scattered
        # visit rows at 10,000 participants stop re-reading the same pages from the file.
        cur.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front, so two workstations never deadlock on an
        # upgrade from a read to a write lock; readers stay deferred.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _open_read_only(engine: Engine, url: URL) -> None:
    """Connections in SQLite's read-only mode: reads work, a write fails cleanly."""
    uri = f"file:{Path(url.database).as_posix()}?mode=ro"

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: list, cparams: dict) -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, **cparams)


def create_db_engine(url: URL, *, read_only: bool = False) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 15})
        if read_only:
            _open_read_only(engine, url)
        _install_sqlite_pragmas(engine)
        return engine
    return _create_server_engine(url)


def _create_server_engine(url: URL) -> Engine:
    """PostgreSQL: timeouts, reconnects and plain-language errors (models/pg_server.py)."""
    if url.get_backend_name() != "postgresql":
        return create_engine(url, pool_pre_ping=True)
    from .pg_server import create_pg_engine

    return create_pg_engine(url)


# --- migrations ----------------------------------------------------------------------


# Alembic is imported only where a migration runs or an unknown revision is looked up: a
# database at HEAD_REVISION opens without it (README, "Start-up").


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


def script_head() -> str:
    """Alembic's head, read from the migration scripts (HEAD_REVISION is its recorded copy)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    heads = script.get_heads()
    if len(heads) != 1:
        raise DatabaseError(f"This build has several migration heads ({', '.join(heads)}).")
    return heads[0]


def _current_revisions(engine: Engine) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return tuple(MigrationContext.configure(conn).get_current_heads())


def _read_only_revisions(path: Path) -> tuple[str, ...]:
    """Revisions of an existing SQLite file, read without writing anything."""
    uri = f"file:{path.as_posix()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            exists = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not exists:
                tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'")
                if tables.fetchone()[0]:
                    raise DatabaseError(f"{path} is a SQLite file of another application.")
                return ()
            return tuple(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a database: {exc}.") from exc


def _check_revisions(revisions: tuple[str, ...], where: str) -> None:
    if revisions in ((), (HEAD_REVISION,)):
        return  # a new database or one at this build's head: nothing to look up
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if len(revisions) > 1:
        raise DatabaseError(f"The database {where} has several migration heads; not opened.")
    for rev in revisions:
        try:
            script.get_revision(rev)
        except Exception as exc:
            raise DatabaseError(
                f"The database {where} was written by a newer version of NCLM Desktop "
                f"(revision {rev}). Install the newer version; the database was not changed."
            ) from exc


def check_known_revisions(path: Path) -> tuple[str, ...]:
    """An NCLM database this version can open (not newer, not another application's)."""
    revisions = _read_only_revisions(path)
    if not revisions:
        raise DatabaseError(f"{path} holds no NCLM Desktop study.")
    _check_revisions(revisions, str(path))
    return revisions


def backup_sqlite(source: Path, dest: Path) -> Path:
    """Online backup API copy, checked, then moved into place: never a 0-byte or partial file.

    The copy is written under a temporary name (owner-only permissions), checked with
    integrity_check, flushed to disk (fsync), and only then renamed to ``dest``; on any
    failure the temporary file is removed and ``dest`` does not exist.
    """
    db_files.make_private_folder(dest.parent)
    partial = dest.with_name(f".{dest.name}.partial")
    for stale in (partial, *db_files.sidecars(partial)):
        stale.unlink(missing_ok=True)
    db_files.create_private_file(partial)
    try:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                try:
                    ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
                except sqlite3.DatabaseError as exc:  # too damaged to even check
                    ok = str(exc)
            finally:
                dst.close()
        finally:
            src.close()
        if ok != "ok":
            raise DatabaseError(f"The backup copy failed its integrity check: {ok}")
        _fsync_file(partial)
        os.replace(partial, dest)
        db_files.fsync_folder(dest.parent)
    except BaseException:
        for leftover in (partial, *db_files.sidecars(partial)):
            leftover.unlink(missing_ok=True)
        raise
    return dest


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only handles open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _backup_before_migrate(path: Path, revision: str) -> Path:
    folder = path.parent / "backups"
    db_files.make_private_folder(folder, tighten=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_sqlite(path, folder / f"{path.stem}-{stamp}-pre-{revision or 'empty'}.db")
    old = sorted(folder.glob(f"{path.stem}-*-pre-*.db"))
    for stale in old[:-BACKUPS_KEPT]:
        stale.unlink(missing_ok=True)
    return dest


def _upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations copy tables: foreign keys off for the copy, checked after.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            if sqlite:
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                conn.rollback()
                if bad:
                    raise DatabaseError(f"Foreign key check failed after migration: {bad[:5]}")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


# --- file-level safety on open (README, "Data safety"): health, permissions, the in-use lock ----


def _await_health(health: db_files.HealthCheck) -> None:
    try:
        health.wait()
    except db_files.FileCheckError as exc:
        raise DatabaseError(str(exc)) from None


def _writes_wait_for(engine: Engine, health: db_files.HealthCheck) -> None:
    """No write (sign-in event, migration, anything) reaches a file quick_check found
    damaged; the wait costs nothing once the check has finished."""

    @event.listens_for(engine, "begin", insert=True)  # before BEGIN IMMEDIATE takes the lock
    def _before_write(conn: Any) -> None:
        if conn.get_execution_options().get("sqlite_immediate", False):
            _await_health(health)


def _prepare_folder(folder: Path) -> None:
    """The user's data folder, and any folder created for a database, become 0700 (POSIX);
    a folder the user chose that already exists (a study folder) is left as it is."""
    db_files.make_private_folder(folder, tighten=folder == paths.user_data_dir())


def _take_open_lock(path: Path) -> db_files.FileLock:
    try:
        return db_files.FileLock(path, exclusive=False)
    except db_files.InUseError:
        raise DatabaseError(
            f"The database {path} is being restored from a backup; try again in a minute."
        ) from None


def _is_read_only_file(path: Path) -> bool:
    """No write bit at all: somebody made the file read-only on purpose (an archived copy),
    so open it read-only even for an account (root, an administrator) that could write."""
    return os.stat(path).st_mode & 0o222 == 0


# --- the database object -------------------------------------------------------------


class Database:
    """An opened, migrated database and its session factory."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self.engine = engine
        self.url = url
        self.open_lock: db_files.FileLock | None = None  # held while open (restore checks it)
        self.health: db_files.HealthCheck | None = None  # quick_check of an existing file
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def describe(self) -> str:
        return str(self.path) if self.is_sqlite else self.url.render_as_string(hide_password=True)

    def session(self, *, write: bool = False) -> Session:
        return (self._write_sessions if write else self._sessions)()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.health is not None:
            self.health.cancel()
        if self.open_lock is not None:
            self.open_lock.release()


def open_database(
    target: str | os.PathLike[str], *, migrate: bool = True, wait_for_check: bool = True
) -> Database:
    """Open (creating if new) and migrate a database; refuse anything unsafe untouched.

    ``wait_for_check=False`` (the application window) returns before quick_check has read
    the whole file; every write still waits for its verdict (``Database.health``).
    """
    url = to_url(target)
    head = HEAD_REVISION
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseError("An in-memory database cannot hold study data.")
        path = Path(url.database)
        check_sqlite_file(path)
        existed = path.exists()
        health = db_files.HealthCheck(path) if existed else None
        if health is not None and wait_for_check:
            _await_health(health)
        revisions = _read_only_revisions(path) if existed else ()
        _check_revisions(revisions, str(path))
        _prepare_folder(path.parent)
        lock = _take_open_lock(path)
        engine = create_db_engine(url, read_only=existed and _is_read_only_file(path))
        if health is not None:
            _writes_wait_for(engine, health)
        if migrate and revisions != (head,):
            if existed:
                _await_health(health)  # never migrate a damaged file
                _backup_before_migrate(path, revisions[0] if revisions else "")
            _upgrade(engine)
        db_files.make_private(path)
        database = Database(engine, url)
        database.open_lock = lock
        database.health = health
        return database
    return _open_server_database(url, head, migrate=migrate)


def _open_server_database(url: URL, head: str, *, migrate: bool) -> Database:
    """A database on a server: migrated only by a login that may change the schema."""
    engine = create_db_engine(url)
    try:
        revisions = _current_revisions(engine)
        _check_revisions(revisions, url.render_as_string(hide_password=True))
        if migrate and revisions != (head,):
            if url.get_backend_name() == "postgresql":
                from .pg_server import can_migrate, refuse_migration_by_app_role

                if not can_migrate(engine):
                    refuse_migration_by_app_role(url, revisions, head)
            _upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, url)


def verify_pragmas(db: Database) -> dict[str, Any]:
    """The connection settings actually in force (for tests and `--diagnose`)."""
    if not db.is_sqlite:
        return {}
    with db.engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in (
                "journal_mode",
                "synchronous",
                "foreign_keys",
                "busy_timeout",
                "cache_size",
            )
        }

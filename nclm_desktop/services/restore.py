"""Restore the embedded database from a backup, safely (README, "Restore from a backup").

Copying a backup over ``nclm.db`` by hand is unsafe: a ``-wal`` file left by a crash is
replayed onto the copied file and corrupts it. Restore instead:

1. refuses while any process has the database open (the lock file of ``db_files``);
2. copies the backup with SQLite's backup API into a staging file next to the database and
   checks the copy (integrity_check, a migration revision this version knows, the audit
   chain) - the file installed is the file checked, and nothing has changed yet;
3. moves the current database together with its -wal/-shm into a dated folder beside it
   (together, so that set can still be opened with its WAL), which also leaves no stale
   -wal/-shm where the restored file goes;
4. renames the staging file into place and checks the result again.

No sign-in: the current database may be damaged, and whoever can run this can already
replace the file; the file permissions (owner only) are the guard.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL

from ..forms import QT_TRANSLATE_NOOP
from ..forms.errors import Said, said
from ..models import db_files
from ..models.db import Database, DatabaseError, backup_sqlite, check_known_revisions
from . import audit_anchor
from .audit_trail import verify_chain
from .errors import ServiceError
from .permissions import Actor, Permission, require

NOTHING_CHANGED = QT_TRANSLATE_NOOP("Refusals", "The current database was not changed.")


class RestoreError(ServiceError):
    pass


class RestoringNow(ServiceError, DatabaseError):
    """A connection asked for during a restore (a DatabaseError, as the engine's callers
    expect), with a marked message."""


def _unchanged() -> Said:

    return said(NOTHING_CHANGED)


@dataclass(frozen=True)
class ChainHead:
    events: int
    last_hash: str


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    backup: Path
    kept_aside: Path | None  # folder holding the replaced database and its -wal/-shm
    head: ChainHead


def restore_database(
    backup: Path, target: Path, *, own: Database | None = None, now: dt.datetime | None = None
) -> RestoreResult:
    """Replace the database at ``target`` by the checked contents of ``backup``.

    ``own``: the caller's own open handle on ``target`` (the application window); it is
    closed for the restore, and its lock taken again afterwards.
    """
    backup, target = Path(backup).absolute(), Path(target).absolute()
    _check_backup_file(backup, target)
    with _no_new_connections(own):
        return _restore_unused(backup, target, own, now)


@contextlib.contextmanager
def _no_new_connections(own: Database | None) -> Iterator[None]:
    """While restoring, the caller's own handle may not reconnect (a page refreshing on a
    timer): a connection opened between moving the old file aside and renaming the new one
    in would create an empty database with its own -wal at the target."""
    if own is None:
        yield
        return

    def refuse(*_args: object) -> None:
        raise RestoringNow(
            QT_TRANSLATE_NOOP("Refusals", "The database is being restored; try again in a moment."),
            params={},
        )

    own.dispose()
    event.listen(own.engine, "do_connect", refuse)
    try:
        yield
    finally:
        event.remove(own.engine, "do_connect", refuse)


def _restore_unused(
    backup: Path, target: Path, own: Database | None, now: dt.datetime | None
) -> RestoreResult:
    try:
        lock = db_files.FileLock(target, exclusive=True)
    except db_files.InUseError:
        _reopen(own, target)
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{target} is open in NCLM Desktop (on this or another workstation session) or "
                "in a running nclm-desktop command. Close it everywhere, then restore. "
                "{unchanged}",
            ),
            params={"target": str(target), "unchanged": _unchanged()},
        ) from None
    try:
        return _restore_locked(backup, target, now or dt.datetime.now())
    finally:
        lock.release()
        _reopen(own, target)


def _reopen(own: Database | None, target: Path) -> None:
    if own is not None:
        own.open_lock = db_files.FileLock(target, exclusive=False)


def _check_backup_file(backup: Path, target: Path) -> None:
    try:
        db_files.check_regular_file(backup)
    except db_files.FileCheckError as exc:
        raise RestoreError(
            QT_TRANSLATE_NOOP("Refusals", "{problem} {unchanged}"),
            params={"problem": exc.text, "unchanged": _unchanged()},
        ) from None
    if not backup.exists():
        raise RestoreError(
            QT_TRANSLATE_NOOP("Refusals", "The backup {backup} does not exist. {unchanged}"),
            params={"backup": str(backup), "unchanged": _unchanged()},
        )
    if target.exists() and os.path.samefile(backup, target):
        raise RestoreError(
            QT_TRANSLATE_NOOP("Refusals", "The backup and the database are the same file."),
            params={},
        )


def _restore_locked(backup: Path, target: Path, now: dt.datetime) -> RestoreResult:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    db_files.make_private_folder(target.parent)  # created 0700 if missing, else left as is
    staging = target.with_name(f".{target.name}.restoring-{stamp}")
    try:
        try:
            backup_sqlite(backup, staging)  # backup API + integrity_check + fsync
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise RestoreError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "The backup {backup} is damaged or not a database ({problem}). {unchanged}",
                ),
                params={"backup": str(backup), "problem": str(exc), "unchanged": _unchanged()},
            ) from None
        head = _check_copy(staging, backup)
        aside = _move_aside(target, stamp)
        os.replace(staging, target)
        db_files.fsync_folder(target.parent)
    except BaseException:
        for leftover in (staging, *db_files.sidecars(staging)):
            leftover.unlink(missing_ok=True)
        raise
    db_files.make_private(target)
    found = _check_result(target)
    if found != head:
        mismatch = {"found": found.events, "expected": head.events}
        if aside:
            raise RestoreError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "The restored file does not match the backup ({found} audit events, "
                    "expected {expected}). The previous database is kept in {aside}.",
                ),
                params=mismatch | {"aside": str(aside)},
            )
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "The restored file does not match the backup ({found} audit events, "
                "expected {expected}).",
            ),
            params=mismatch,
        )
    # An older copy put back on purpose would otherwise look like a rollback to verify.
    audit_anchor.restart_after_restore_file(target, f"restored from {backup}")
    return RestoreResult(target, backup, aside, head)


def _check_copy(copy: Path, backup: Path) -> ChainHead:
    """The staged copy is an NCLM database this version can open, with an intact audit chain."""
    try:
        check_known_revisions(copy)
    except DatabaseError as exc:
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Refusals", "The backup {backup} cannot be restored: {problem} {unchanged}"
            ),
            params={"backup": str(backup), "problem": str(exc), "unchanged": _unchanged()},
        ) from None
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{copy.as_posix()}?mode=ro", uri=True)
    )
    try:
        report = verify_chain(Database(engine, URL.create("sqlite", database=str(copy))))
    finally:
        engine.dispose()
    if not report.ok:
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "The audit trail of the backup {backup} is broken ({problem}); choose another "
                "backup. {unchanged}",
            ),
            params={"backup": str(backup), "problem": report.problem, "unchanged": _unchanged()},
        )
    return _chain_head(copy)


def _chain_head(path: Path) -> ChainHead:
    con = sqlite3.connect(str(path))  # read-write, so closing it leaves no -wal/-shm behind
    try:
        events = con.execute("SELECT count(*) FROM audit_event").fetchone()[0]
        last = con.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return ChainHead(events, last[0] if last else "")


def _move_aside(target: Path, stamp: str) -> Path | None:
    """Move the database and its -wal/-shm/-journal, unchanged, into a dated folder."""
    present = [f for f in (target, *db_files.sidecars(target)) if f.exists()]
    if not present:
        return None
    folder = target.with_name(f"{target.stem}-before-restore-{stamp}")
    db_files.make_private_folder(folder)
    for file in present:
        os.replace(file, folder / file.name)
    return folder


def _check_result(target: Path) -> ChainHead:
    con = sqlite3.connect(str(target))
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    if ok != "ok":
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Refusals", "The restored database failed its integrity check: {ok}."
            ),
            params={"ok": ok},
        )
    return _chain_head(target)


def restore_open_database(db: Database, actor: Actor | None, backup: Path) -> RestoreResult:
    """The Administration page's Restore: an administrator, on the embedded database the
    application has open (its handle is closed for the restore, see ``own``)."""
    require(actor, Permission.MANAGE_USERS)
    if db.path is None:
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Refusals", "Restore a PostgreSQL database with the server's own tools."
            ),
            params={},
        )
    return restore_database(backup, db.path, own=db)

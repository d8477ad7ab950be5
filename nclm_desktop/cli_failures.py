"""One clear line for every failure a command can meet outside its own checks.

The command-line front end turns these into ``error: ...`` and a non-zero exit instead of
a Python traceback. A failed write leaves the database as it was: every write is one
transaction, rolled back when it fails.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import exc as sa_exc

# SQLite primary result codes (sqlite3.h); the extended code's low byte is the primary one.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

UNCHANGED = "nothing was changed"


def _sqlite_message(err: sqlite3.Error, where: str) -> str | None:
    code = getattr(err, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return (
            f"the database {where} is busy (another workstation or command is writing "
            f"to it); {UNCHANGED}, retry in a moment."
        )
    if primary == SQLITE_FULL:
        return f"the disk holding {where} is full; {UNCHANGED}. Free some space and retry."
    if primary == SQLITE_IOERR:
        return (
            f"the disk holding {where} could not be written ({err}: full or failing); {UNCHANGED}."
        )
    if primary == SQLITE_READONLY:
        return f"the database {where} is read-only: it can be read but not changed; {UNCHANGED}."
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return (
            f"the database {where} is damaged ({err}); restore it from a backup with "
            f"`nclm-desktop restore BACKUP --db {where}`."
        )
    if primary == SQLITE_CANTOPEN:
        return f"the database {where} cannot be opened ({err}); {UNCHANGED}."
    return None


def _os_message(err: OSError) -> str:
    what = err.strerror or str(err)
    target = err.filename2 or err.filename
    return f"{what}: {target}; {UNCHANGED}." if target else f"{what}; {UNCHANGED}."


def describe(exc: BaseException, where: str) -> str | None:
    """The line to show for ``exc`` (``where`` names the database), or None if unknown."""
    if isinstance(exc, sa_exc.NoSuchModuleError):
        scheme = str(exc).rsplit(":", 1)[-1].strip()
        return (
            f"--db {where}: unknown database kind {scheme!r}; give a file path or a "
            "postgresql+psycopg://user@server/nclm URL."
        )
    if isinstance(exc, sa_exc.ArgumentError):
        return f"--db {where} is not a database file path or URL ({exc})."
    if isinstance(exc, ModuleNotFoundError):
        return (
            f"the database driver {exc.name!r} is not installed, so {where} cannot be "
            'opened (for PostgreSQL: pip install "nclm-desktop[postgres]").'
        )
    if isinstance(exc, sa_exc.DBAPIError):
        orig = exc.orig
        if isinstance(orig, sqlite3.Error):
            return _sqlite_message(orig, where) or f"database error on {where}: {orig}."
        return f"database error on {where}: {str(orig).splitlines()[0] if orig else exc}."
    if isinstance(exc, sqlite3.Error):
        return _sqlite_message(exc, where) or f"database error on {where}: {exc}."
    if isinstance(exc, OSError):
        return _os_message(exc)
    if isinstance(exc, OverflowError):
        return f"a date is too far in the past or the future ({exc}); {UNCHANGED}."
    return None


def one_line(text: str) -> str:
    return " ".join(text.split())

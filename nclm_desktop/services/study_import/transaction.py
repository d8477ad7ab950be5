"""The whole import as one database transaction (docs/ARCHITECTURE.md §12).

Every service call still opens its own session, checks its permission, validates, lets the
audit hook chain its events and "commits"; here that commit only releases a SAVEPOINT of one
outer transaction. A call that fails rolls back to its savepoint, so the import goes on and
reports every error; at the end the outer transaction is committed only when nothing failed
and this is not a dry run. A rolled-back SQLite transaction leaves the database file as it
was, byte for byte (its pages went to the write-ahead log, never into the file).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ...models.db import Database
from ..audit_anchor import record_after_commit


class ImportDatabase(Database):
    """A Database whose sessions all join one connection's open transaction."""

    def __init__(self, db: Database, connection: Connection) -> None:  # noqa: D107
        # Shares the engine and URL; sessions are bound to ``connection`` instead of a pool.
        self.engine = db.engine
        self.url = db.url
        self.connection = connection
        self.commit_at_end = False

    def session(self, *, write: bool = False) -> Session:
        return Session(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )

    def dispose(self) -> None:  # the caller's Database owns the engine
        pass


@contextmanager
def one_transaction(db: Database) -> Iterator[ImportDatabase]:
    """Yields the Database the import writes through. Committed on exit only when the body
    set ``commit_at_end``; rolled back otherwise and on any exception."""
    with db.engine.connect() as conn:
        # BEGIN IMMEDIATE on SQLite: the write lock is held for the import, as a writer would.
        conn = conn.execution_options(sqlite_immediate=True)
        outer = conn.begin()
        target = ImportDatabase(db, conn)
        try:
            yield target
        except BaseException:
            outer.rollback()
            raise
        if target.commit_at_end:
            outer.commit()
        else:
            outer.rollback()
    if target.commit_at_end:
        record_after_commit(db)  # anchor the audit chain's new head outside the file

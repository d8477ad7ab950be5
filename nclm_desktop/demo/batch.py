"""Many service calls in one database transaction, for bulk generation (demo, stress data).

Every service call still opens its own session, checks the permission, validates, lets the
audit hook chain its events and commits. Inside ``batched`` that commit only releases a
SAVEPOINT of one outer transaction, which is committed every ``every`` units of work; a
call that raises rolls back to its savepoint exactly as it would roll back its own
transaction. What changes is only the number of durable commits (each one an fsync with
``synchronous=FULL``), which dominates bulk writing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ..models.db import Database

BATCH_CACHE_KIB = 64 * 1024


class BatchDatabase(Database):
    """A Database whose sessions all join one connection's open transaction."""

    def __init__(self, db: Database, connection: Connection) -> None:  # noqa: D107
        # Shares the engine and URL; sessions are bound to ``connection`` instead of a pool.
        self.engine = db.engine
        self.url = db.url
        self._connection = connection
        self._transaction = connection.begin()
        self.units = 0

    def session(self, *, write: bool = False) -> Session:
        return Session(
            bind=self._connection,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
        )

    def commit(self) -> None:
        """Make everything so far durable and open the next outer transaction."""
        self._transaction.commit()
        self._transaction = self._connection.begin()

    def unit_done(self, every: int) -> None:
        self.units += 1
        if self.units % every == 0:
            self.commit()

    def dispose(self) -> None:  # the caller's Database owns the engine
        pass


@contextmanager
def batched(db: Database) -> Iterator[BatchDatabase]:
    """Yields a Database for the services whose writes commit together (see module doc).

    Committed on normal exit, rolled back (to the last ``commit``) on an exception.
    """
    with db.engine.connect() as conn:
        # BEGIN IMMEDIATE on SQLite: the write lock is held for the batch, as a writer would.
        conn = conn.execution_options(sqlite_immediate=True)
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:  # a bigger page cache: the audit trail's indexes grow large
            raw.execute(f"PRAGMA cache_size = -{BATCH_CACHE_KIB}")
        batch = BatchDatabase(db, conn)
        try:
            yield batch
        except BaseException:
            batch._transaction.rollback()
            raise
        else:
            batch._transaction.commit()
        finally:
            if raw is not None:  # the connection goes back to the pool: SQLite's default
                raw.execute("PRAGMA cache_size = -2000")

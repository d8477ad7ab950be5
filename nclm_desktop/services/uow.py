"""Unit of work: one short session per use case, with the actor for the audit hook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ..models.db import Database, DatabaseError
from . import changes
from .audit_anchor import record_after_commit
from .errors import DatabaseUnavailable
from .permissions import Actor, Permission, require


@contextmanager
def _database_errors() -> Iterator[None]:
    """A busy or unreachable server reaches the user as a ServiceError with its sentence."""
    try:
        yield
    except DatabaseError as exc:
        raise DatabaseUnavailable(str(exc)) from exc


@contextmanager
def reading(
    db: Database, actor: Actor | None, permission: Permission | None = None
) -> Iterator[Session]:
    if permission is not None:
        require(actor, permission)
    with _database_errors(), db.session() as session:
        yield session


@contextmanager
def writing(
    db: Database,
    actor: Actor | None,
    permission: Permission | None = None,
    *,
    reason: str | None = None,
    system: bool = False,
) -> Iterator[Session]:
    """Checks the permission, yields a write session, commits on success, else rolls back.
    After the commit, what changed is announced (``services/changes.py``)."""
    if permission is not None:
        require(actor, permission)
    with _database_errors(), db.session(write=True) as session:
        session.info["actor"] = actor.username if actor else None
        session.info["reason"] = (reason or "").strip() or None
        session.info["system"] = system
        found = changes.track(session)
        yield session
        session.commit()
        _anchor_after_commit(db, session)
    changes.announce(found)  # views refresh only from committed data


def _anchor_after_commit(db: Database, session: Session) -> None:
    """Record the audit chain's head outside the file once its events are durable. A
    session bound to a connection is a savepoint inside a bulk batch (services/demo_batch.py):
    nothing is durable yet, the next real commit anchors it."""
    if not session.info.pop("audit_appended", False) or isinstance(session.bind, Connection):
        return
    record_after_commit(db)

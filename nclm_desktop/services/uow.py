"""Unit of work: one short session per use case, with the actor for the audit hook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from ..models.db import Database
from . import changes
from .permissions import Actor, Permission, require


@contextmanager
def reading(
    db: Database, actor: Actor | None, permission: Permission | None = None
) -> Iterator[Session]:
    if permission is not None:
        require(actor, permission)
    with db.session() as session:
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
    with db.session(write=True) as session:
        session.info["actor"] = actor.username if actor else None
        session.info["reason"] = (reason or "").strip() or None
        session.info["system"] = system
        found = changes.track(session)
        yield session
        session.commit()
    changes.announce(found)  # views refresh only from committed data

"""Unit of work: one short session per use case, with the actor for the audit hook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ..models.base import Base
from ..models.db import Database
from ..models.users import User
from .errors import PermissionDenied, ValidationError
from .input_checks import text_problem
from .permissions import Actor, Permission, require


@contextmanager
def reading(
    db: Database, actor: Actor | None, permission: Permission | None = None
) -> Iterator[Session]:
    if permission is not None:
        require(actor, permission)
    with db.session() as session:
        yield session


def current_actor(session: Session, actor: Actor, permission: Permission | None) -> Actor:
    """The actor as the database says now, inside the write transaction: an account
    deactivated, demoted or reset since sign-in is refused at its next write, and the audited
    name is the stored one, not what the caller's Actor claims."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied("This account is no longer active; please sign in again.")
    if user.must_change_password:
        raise PermissionDenied("Your password was reset: choose a new password first.")
    fresh = Actor(user.id, user.username, user.role, user.display_name)
    if permission is not None:
        require(fresh, permission)
    return fresh


# Unsized text columns (notes, reasons) still get a bound: nobody types a novel into a form.
TEXT_LIMIT = 20_000


def _check_texts(session: Session, flush_context: object, instances: object) -> None:
    """Every text about to be written passes the one text check (see input_checks), so no
    path stores NUL, bidi controls or a lone surrogate, or overruns its column."""
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, Base):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if not state.attrs[attr.key].history.added:
                continue
            value = getattr(obj, attr.key)
            if not isinstance(value, str):
                continue
            length = getattr(attr.columns[0].type, "length", None) or TEXT_LIMIT
            problem = text_problem(value, length, multiline=True)
            if problem:
                label = attr.key.replace("_", " ")
                raise ValidationError(attr.key, f"The {label} {problem}.")


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
    With an actor, the account is re-read from the database first (``current_actor``)."""
    if permission is not None:
        require(actor, permission)
    problem = text_problem(reason or "", 2000, multiline=True)
    if problem:
        raise ValidationError("reason", f"The reason {problem}.")
    with db.session(write=True) as session:
        event.listen(session, "before_flush", _check_texts)
        if actor is not None:
            actor = current_actor(session, actor, permission)
        session.info["actor"] = actor.username if actor else None
        session.info["reason"] = (reason or "").strip() or None
        session.info["system"] = system
        yield session
        session.commit()

"""Unit of work: one short session per use case, with the actor for the audit hook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import Session

from ..forms import QT_TRANSLATE_NOOP
from ..forms.catalogue import all_forms
from ..forms.errors import Term, said
from ..forms.text import text_problem
from ..models import Participant
from ..models.base import Base
from ..models.db import Database, DatabaseError
from ..models.users import User
from . import changes
from .audit_anchor import record_after_commit
from .errors import DatabaseUnavailable, PermissionDenied, RecordLocked, ValidationError, named
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


def current_actor(session: Session, actor: Actor, permission: Permission | None) -> Actor:
    """The actor as the database says now, inside the write transaction: an account
    deactivated, demoted or reset since sign-in is refused at its next write, and the audited
    name is the stored one, not what the caller's Actor claims."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied(
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals", "This account is no longer active; please sign in again."
                )
            )
        )
    if user.must_change_password:
        raise PermissionDenied(
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals", "Your password was reset: choose a new password first."
                )
            )
        )
    fresh = Actor(user.id, user.username, user.role, user.display_name)
    if permission is not None:
        require(fresh, permission)
    return fresh


# Unsized text columns (notes, reasons) still get a bound: nobody types a novel into a form.
TEXT_LIMIT = 20_000


def _check_texts(session: Session, flush_context: object, instances: object) -> None:
    """Every text about to be written passes the one text check (forms/text.py), so no
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
                raise ValidationError(
                    attr.key,
                    QT_TRANSLATE_NOOP("Refusals", "{label} {problem}."),
                    params={"label": column_label(state.mapper.local_table.name, attr.key),
                            "problem": problem},
                )  # fmt: skip


# Text columns that a person types into but no form of the data dictionary holds.
_OTHER_LABELS = {
    "display_name": QT_TRANSLATE_NOOP("DataDictionary", "Full name"),
    "username": QT_TRANSLATE_NOOP("DataDictionary", "Username"),
    "text": QT_TRANSLATE_NOOP("DataDictionary", "Query"),
    "answer": QT_TRANSLATE_NOOP("DataDictionary", "Answer"),
    "reason": QT_TRANSLATE_NOOP("DataDictionary", "Reason"),
    "revoke_reason": QT_TRANSLATE_NOOP("DataDictionary", "Reason"),
    "printed_name": QT_TRANSLATE_NOOP("DataDictionary", "Printed name"),
    "meaning_text": QT_TRANSLATE_NOOP("DataDictionary", "Meaning"),
}


@cache
def _dictionary_labels() -> dict[tuple[str, str], str]:
    """(table, column) -> the data dictionary's marked label."""
    return {
        (f.table, field.variable): field.label for f in all_forms().values() for field in f.fields
    }


def column_label(table: str, column: str) -> Term:
    """A text column's name for a refusal, translated with it: the data dictionary's label,
    else the column's own marked name (internal columns, never typed: their words)."""
    label = _dictionary_labels().get((table, column)) or _OTHER_LABELS.get(column)
    return Term(label or column.replace("_", " ").capitalize())


# What may still change on a locked participant's record: the lock itself, so signing and
# unlocking are writes like any other (docs/ARCHITECTURE.md §3).
WRITABLE_WHEN_LOCKED: dict[str, frozenset[str]] = {"participant": frozenset({"locked"})}
_LOCKED_AT_START = "nclm_locked_at_start"
# Rows about a participant's record, not of it: a monitor's questions and verification marks
# are accepted on a locked casebook (a question on signed data is how a correction starts;
# the correction itself needs the unlock). docs/ARCHITECTURE.md §3.
NOT_CASE_DATA = frozenset({"data_query", "sdv_mark"})


def _only_lock_changes(obj: object) -> bool:
    allowed = WRITABLE_WHEN_LOCKED.get(getattr(obj, "__tablename__", ""))
    if allowed is None:
        return False
    state = inspect(obj)
    return all(
        attr.key in allowed or not state.attrs[attr.key].history.has_changes()
        for attr in state.mapper.column_attrs
    )


def _note_lock_changes(session: Session, flush_context: object, instances: object) -> None:
    """Before a flush changes a participant's lock, remember the lock this unit of work
    began with (the old value, or the stored one when the old value was never loaded)."""
    at_start: dict[int, bool] = session.info.setdefault(_LOCKED_AT_START, {})
    for obj in session.dirty:
        if not isinstance(obj, Participant) or obj.id in at_start:
            continue
        history = inspect(obj).attrs.locked.history
        if history.has_changes():
            was = history.deleted
            at_start[obj.id] = bool(
                was[0] if was else session.scalar(select(Participant.locked).filter_by(id=obj.id))
            )


def _check_locks(session: Session, flush_context: object) -> None:
    """After the flush (foreign keys are set then), before it completes: a row written,
    changed or deleted on the record of a participant who was locked when this unit of work
    began fails the flush, so the transaction rolls back and nothing is written."""
    at_start: dict[int, bool] = session.info.setdefault(_LOCKED_AT_START, {})
    for obj in session.new:
        if isinstance(obj, Participant):
            at_start.setdefault(obj.id, False)  # created in this unit of work
    written = [*session.new, *session.deleted]
    written += [o for o in session.dirty if session.is_modified(o) and not _only_lock_changes(o)]
    written = [o for o in written if getattr(o, "__tablename__", None) not in NOT_CASE_DATA]
    touched = {changes.participant_of(o, session) for o in written if isinstance(o, Base)}
    touched.discard(None)
    for pid in sorted(touched):
        p = session.get(Participant, pid)
        if p is not None and at_start.get(pid, p.locked):
            stored = inspect(p).attrs.study_id.history.deleted  # not one this write gave
            study_id = stored[0] if stored else p.study_id
            raise RecordLocked(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "{study_id} is locked (signed); an investigator must unlock it before any "
                    "change.",
                ),
                params={"study_id": named(study_id)},
            )


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
    With an actor, the account is re-read from the database first (``current_actor``).
    After the commit, what changed is announced (``services/changes.py``)."""
    if permission is not None:
        require(actor, permission)
    problem = text_problem(reason or "", 2000, multiline=True)
    if problem:
        raise ValidationError(
            "reason",
            QT_TRANSLATE_NOOP("Refusals", "The reason {problem}."),
            params={"problem": problem},
        )
    with _database_errors(), db.session(write=True) as session:
        event.listen(session, "before_flush", _check_texts)
        event.listen(session, "before_flush", _note_lock_changes)
        event.listen(session, "after_flush", _check_locks)
        if actor is not None:
            actor = current_actor(session, actor, permission)
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
    session bound to a connection is a savepoint inside a caller's outer transaction (a bulk
    batch): nothing is durable yet, the next real commit anchors it."""
    if not session.info.pop("audit_appended", False) or isinstance(session.bind, Connection):
        return
    record_after_commit(db)

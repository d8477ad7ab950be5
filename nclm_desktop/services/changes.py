"""What a committed write changed, so views can refresh what they show (the idea of Anki's
``OpChanges``).

The unit of work (``uow.writing``) works the change out from the rows its session flushed,
so no service can forget to say it, and announces it only after the commit succeeded:

- ``collect()``: a caller learns what its own service calls changed::

      with changes.collect() as found:
          surgery.record_operation(...)
      found.changes  # Changes(participant_ids=frozenset({7}), parts=frozenset({...}))

- ``listen(callback)`` / ``unlisten(callback)``: told of every commit, on the thread that
  wrote (the UI's one notifier, ``ui/change_notice.py``, passes it to the UI thread).

No Qt here: services stay usable from the command line and tests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

__all__ = [
    "PARTS",
    "Changes",
    "collect",
    "listen",
    "unlisten",
]

log = logging.getLogger(__name__)

# Which part of a participant's record a table holds; tables not named here change nothing
# a view shows (drafts, counters, the audit trail itself).
TABLE_PARTS = {
    "participant": "participant",  # status, cohort, study ID, consent/enrolment/index dates
    "participant_identity": "identity",
    "screening": "screening",
    "baseline_disease": "baseline",
    "systemic_treatment": "baseline",
    "operation": "surgery",
    "operation_surgeon": "surgery",
    "complication": "surgery",
    "reoperation": "surgery",
    "visit": "visits",
    "clinical_event": "events",
    "signature": "signature",
    "data_query": "monitoring",  # queries raised, answered, closed
    "sdv_mark": "monitoring",  # source-data verification marks
    "user_account": "users",
}
PARTS = frozenset(TABLE_PARTS.values())


@dataclass(frozen=True)
class Changes:
    """The participants a write touched and which parts of their records (see PARTS)."""

    participant_ids: frozenset[int] = frozenset()
    parts: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.participant_ids | other.participant_ids, self.parts | other.parts)

    def touches(self, participant_id: int | None = None, *parts: str) -> bool:
        """Concerns this participant (None: anyone) and one of ``parts`` (none given: any)."""
        if participant_id is not None and participant_id not in self.participant_ids:
            return False
        return not parts or not self.parts.isdisjoint(parts)


@dataclass
class _Found:
    participant_ids: set[int] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self.participant_ids), frozenset(self.parts))


_SESSION_KEY = "nclm_changes"
_listeners: list[Callable[[Changes], None]] = []
_local = threading.local()


def listen(callback: Callable[[Changes], None]) -> None:
    if callback not in _listeners:
        _listeners.append(callback)


def unlisten(callback: Callable[[Changes], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


@contextmanager
def collect() -> Iterator[_Found]:
    """What the writes committed inside the block (on this thread) changed."""
    found = _Found()
    stack = _local.__dict__.setdefault("stack", [])
    stack.append(found)
    try:
        yield found
    finally:
        stack.remove(found)


def track(session: Session) -> _Found:
    """Start gathering the session's changes (called by ``uow.writing``)."""
    found = _Found()
    session.info[_SESSION_KEY] = found
    return found


def announce(found: _Found) -> None:
    """After the commit: tell the collectors of this thread and every listener."""
    changes = found.changes
    if not changes:
        return
    for outer in _local.__dict__.get("stack", ()):
        outer.participant_ids |= changes.participant_ids
        outer.parts |= changes.parts
    for callback in list(_listeners):
        try:
            callback(changes)
        except Exception:  # the write is committed; a failing view must not undo that
            log.exception("A change listener failed")


def participant_of(obj: Any, session: Session) -> int | None:
    """The participant a row belongs to (its own id, its participant_id, or its operation's).
    Foreign keys are set once the row is flushed: call it after the flush."""
    if getattr(obj, "__tablename__", None) == "participant":
        return obj.id
    pid = getattr(obj, "participant_id", None)
    if pid is None and getattr(obj, "operation_id", None) is not None:
        from ..models import Operation

        op = session.get(Operation, obj.operation_id)
        pid = op.participant_id if op is not None else None
    return pid


@event.listens_for(Session, "after_flush")
def _gather(session: Session, _context: Any) -> None:
    found = session.info.get(_SESSION_KEY)
    if found is None:
        return
    dirty = [o for o in session.dirty if session.is_modified(o)]
    for obj in (*session.new, *dirty, *session.deleted):
        part = TABLE_PARTS.get(getattr(obj, "__tablename__", ""))
        if part is None:
            continue
        found.parts.add(part)
        pid = participant_of(obj, session)
        if pid is not None:
            found.participant_ids.add(pid)

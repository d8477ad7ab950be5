"""One session-level mechanism that writes audit events for every clinical write.

Services put the actor (and, for corrections, a reason) into ``session.info``; the hook
turns the flush's inserts, updates and deletes into hash-chained AuditEvents written in
the same transaction. Nothing per service.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session

from .audit import GENESIS_HASH, AuditEvent, event_hash
from .base import Base


class ReasonRequired(ValueError):
    """A previously entered value is being changed without a reason."""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(_plain(value), ensure_ascii=False, default=str)


def _columns(obj: Base) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs]


def _snapshot(obj: Base) -> str:
    redacted = type(obj).__audit_redacted_fields__
    data = {k: ("[redacted]" if k in redacted else _plain(getattr(obj, k))) for k in _columns(obj)}
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)


def _identity(obj: Base) -> str:
    # The identity key is not set yet in after_flush for new rows; read the columns.
    return ",".join(str(v) for v in inspect(type(obj)).primary_key_from_instance(obj))


def _participant_of(obj: Base, session: Session) -> int | None:
    pid = getattr(obj, "participant_id", None)
    if pid is not None:
        return pid
    op_id = getattr(obj, "operation_id", None)
    if op_id is not None:
        from .surgery import Operation

        op = session.get(Operation, op_id)
        return op.participant_id if op is not None else None
    return None


def now_utc_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def append_events(session: Session, rows: list[dict[str, Any]]) -> None:
    """Chain and insert audit rows on the session's connection (same transaction)."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # Serialise chain writers across workstations.
        conn.execute(text("SELECT pg_advisory_xact_lock(727001)"))
    prev = (
        conn.execute(
            select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
        ).scalar_one_or_none()
        or GENESIS_HASH
    )
    ts = now_utc_text()
    for row in rows:
        row.setdefault("ts_utc", ts)
        for key in (
            "username",
            "entity",
            "entity_id",
            "participant_id",
            "field",
            "old_value",
            "new_value",
            "reason",
        ):
            row.setdefault(key, None)
        row["prev_hash"] = prev
        row["hash"] = prev = event_hash(prev, row)
    conn.execute(AuditEvent.__table__.insert(), rows)
    # Read after commit to anchor the new head outside the file (services/uow.py).
    session.info["audit_appended"] = True


def _collect(session: Session) -> list[dict[str, Any]]:
    actor = session.info.get("actor")
    reason = session.info.get("reason")
    rows: list[dict[str, Any]] = []

    def base_row(obj: Base, action: str) -> dict[str, Any]:
        return {
            "username": actor,
            "action": action,
            "entity": type(obj).__tablename__,
            "entity_id": _identity(obj),
            "participant_id": _participant_of(obj, session),
            "reason": reason,
        }

    for obj in session.new:
        if isinstance(obj, Base) and obj.__audited__:
            rows.append(base_row(obj, "insert") | {"new_value": _snapshot(obj)})
    for obj in session.dirty:
        if not (isinstance(obj, Base) and obj.__audited__) or not session.is_modified(obj):
            continue
        cls = type(obj)
        state = inspect(obj)
        for key in _columns(obj):
            if key in cls.__audit_ignored_fields__:
                continue
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _plain(old) == _plain(new):
                continue
            redacted = key in cls.__audit_redacted_fields__
            rows.append(
                base_row(obj, "update")
                | {
                    "field": key,
                    "old_value": "[redacted]" if redacted else _text(old),
                    "new_value": "[redacted]" if redacted else _text(new),
                }
            )
    for obj in session.deleted:
        if isinstance(obj, Base) and obj.__audited__:
            rows.append(base_row(obj, "delete") | {"old_value": _snapshot(obj)})
    return rows


def _check_reasons(session: Session) -> None:
    """Changing a value after first entry, or deleting a record, needs a reason."""
    if session.info.get("reason"):
        return
    for obj in session.deleted:
        if isinstance(obj, Base) and obj.__audited__:
            raise ReasonRequired(f"Deleting a {type(obj).__tablename__} record needs a reason.")
    for obj in session.dirty:
        if not (isinstance(obj, Base) and obj.__audited__):
            continue
        cls = type(obj)
        state = inspect(obj)
        for key in _columns(obj):
            if key in cls.__audit_workflow_fields__ or key in cls.__audit_ignored_fields__:
                continue
            hist = state.attrs[key].history
            if (
                hist.deleted
                and hist.deleted[0] is not None
                and hist.added
                and _plain(hist.deleted[0]) != _plain(hist.added[0])
            ):
                raise ReasonRequired(
                    f"Changing {key.replace('_', ' ')} after it was entered needs a reason."
                )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    audited = any(
        isinstance(o, Base) and o.__audited__
        for o in (*session.new, *session.dirty, *session.deleted)
    )
    if not audited:
        return
    if not session.info.get("actor") and not session.info.get("system"):
        raise PermissionError("Clinical writes need a signed-in user (no actor on the session).")
    _check_reasons(session)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, flush_context: Any) -> None:
    # After the flush new rows have their primary keys; history is still available here.
    append_events(session, _collect(session))

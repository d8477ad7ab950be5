"""Reading and verifying the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from ..models import AuditEvent, Participant
from ..models.audit_hook import append_events
from ..models.db import Database
from .audit_verify import VerifyReport, walk_chain
from .permissions import Actor, Permission
from .uow import reading, writing


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash in order; report the first event that does not match (the chain
    alone: `audit verify` also checks anchors and tables, services/audit_verify.py)."""
    report = VerifyReport()
    with db.engine.connect() as conn:
        walk_chain(conn, report, [])
    return ChainReport(
        not report.chain_problem, report.events, report.first_bad_id, report.chain_problem
    )


@dataclass(frozen=True)
class AuditFilter:
    study_id: str | None = None
    username: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = 5000


# What a role without the identity permission never reads in the trail either (in the
# viewer or anything built on query_events): the identity table's fields and birth dates.
MASKED = "[hidden]"
IDENTITY_FIELDS: dict[str, frozenset[str]] = {
    "participant_identity": frozenset({"name", "hospital_record_number", "phone", "address"}),
    "participant": frozenset({"birth_date"}),
}


def _masked_snapshot(text: str | None, fields: frozenset[str]) -> str | None:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return MASKED  # not a snapshot the hook wrote: show nothing of it
    if not isinstance(data, dict):
        return text
    masked = {k: (MASKED if k in fields and v is not None else v) for k, v in data.items()}
    return json.dumps(masked, ensure_ascii=False, sort_keys=True)


def mask_identity(row: dict) -> dict:
    """The event as a reader without the identity permission may see it."""
    fields = IDENTITY_FIELDS.get(row.get("entity") or "")
    if not fields:
        return row
    if row.get("field") is None:  # insert or delete: a snapshot of the whole row
        return row | {
            "old_value": _masked_snapshot(row.get("old_value"), fields),
            "new_value": _masked_snapshot(row.get("new_value"), fields),
        }
    if row["field"] in fields:
        return row | {
            "old_value": MASKED if row.get("old_value") is not None else None,
            "new_value": MASKED if row.get("new_value") is not None else None,
        }
    return row


def query_events(db: Database, actor: Actor | None, flt: AuditFilter) -> list[dict]:
    """Events for the viewer (and exports of it), identities masked for roles that may
    not see them."""
    show_identity = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    with reading(db, actor, Permission.VIEW_AUDIT) as s:
        stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(flt.limit)
        if flt.study_id:
            pid = s.scalar(
                select(Participant.id).where(Participant.study_id == flt.study_id.strip())
            )
            stmt = stmt.where(AuditEvent.participant_id == (pid if pid is not None else -1))
        if flt.username:
            stmt = stmt.where(AuditEvent.username == flt.username.strip())
        if flt.date_from:
            stmt = stmt.where(AuditEvent.ts_utc >= flt.date_from.isoformat())
        if flt.date_to:
            stmt = stmt.where(AuditEvent.ts_utc < (flt.date_to + dt.timedelta(days=1)).isoformat())
        study_ids = dict(s.execute(select(Participant.id, Participant.study_id)).all())
        rows = [
            {
                "id": e.id,
                "ts_utc": e.ts_utc,
                "username": e.username,
                "action": e.action,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "study_id": study_ids.get(e.participant_id) if e.participant_id else None,
                "field": e.field,
                "old_value": e.old_value,
                "new_value": e.new_value,
                "reason": e.reason,
            }
            for e in s.scalars(stmt)
        ]
        return rows if show_identity else [mask_identity(r) for r in rows]


def record_export(
    db: Database, actor: Actor, what: str, destination: str, reason: str | None = None
) -> None:
    """Exports (reports, calendars, data) leave the system: audit them."""
    with writing(db, actor) as s:
        append_events(
            s,
            [
                {
                    "username": actor.username,
                    "action": "export",
                    "entity": what,
                    "new_value": destination,
                    "reason": reason,
                }
            ],
        )

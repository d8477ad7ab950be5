"""Participant list and lookup (enrolment itself lives in services/enrolment.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..forms import QT_TRANSLATE_NOOP
from ..models import AuditEvent, Operation, Participant, ParticipantIdentity, Visit
from ..models.db import Database
from .errors import NotFound
from .missing_data import missing_counts
from .monitoring.queries import open_counts
from .permissions import Actor, Permission
from .uow import reading

HIDDEN = "•••"


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    id: int
    study_id: str
    name: str
    hospital_record_number: str
    cohort: str
    status: str
    sex: str
    # Roles that may not see identity get the birth year only: birth date plus sex identify.
    born: dt.date | int | None
    enrolment_date: dt.date | None
    index_date: dt.date | None
    operation_date: dt.date | None  # the first liver resection
    next_visit: dt.date | None  # the earliest open (planned) visit, overdue ones included
    missing: int  # required fields left empty (services/missing_data.py)
    # The participant's latest audited change, as its event id (ids grow with time): the
    # list's default order. 0 if none.
    last_event: int
    open_queries: int = 0  # data queries still open (services/monitoring/queries.py)


def birth_shown(birth_date: dt.date | None, actor: Actor | None) -> dt.date | int | None:
    """The full birth date for roles that may see identity, else the year alone."""
    if birth_date is None or (actor is not None and actor.can(Permission.VIEW_IDENTITY)):
        return birth_date
    return birth_date.year


def _per_participant(session: Session, stmt: Select) -> dict[int, Any]:
    return {pid: value for pid, value in session.execute(stmt)}


def list_participants(db: Database, actor: Actor | None) -> list[ParticipantRow]:
    """All participants, latest change first, with their next visit, operation date and
    missing-data count: one query per column kind for the whole study, never per row.
    Identity masked, birth date cut to the year, for roles that may not see identity."""
    show_identity = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        # One index seek per participant (ix_audit_event_participant), not a scan of the trail.
        last_event = (
            select(func.max(AuditEvent.id))
            .where(AuditEvent.participant_id == Participant.id)
            .correlate(Participant)
            .scalar_subquery()
        )
        stmt = select(
            Participant.id,
            Participant.study_id,
            ParticipantIdentity.name,
            ParticipantIdentity.hospital_record_number,
            Participant.cohort,
            Participant.status,
            Participant.sex,
            Participant.birth_date,
            Participant.enrolment_date,
            Participant.index_date,
            func.coalesce(last_event, 0).label("last_event"),
        ).outerjoin(ParticipantIdentity)
        stmt = stmt.order_by(func.coalesce(last_event, 0).desc(), Participant.id.desc())
        operated = _per_participant(
            s,
            select(Operation.participant_id, func.min(Operation.operation_date)).group_by(
                Operation.participant_id
            ),
        )
        next_visit = _per_participant(
            s,
            select(Visit.participant_id, func.min(Visit.scheduled_date))
            .where(Visit.status == "planned")
            .group_by(Visit.participant_id),
        )
        missing = missing_counts(s)
        open_queries = open_counts(s)
        rows = [
            ParticipantRow(
                r[0],
                r[1] or "",
                (r[2] or "") if show_identity else HIDDEN,
                (r[3] or "") if show_identity else HIDDEN,
                r[4] or "",
                r[5],
                r[6] or "",
                birth_shown(r[7], actor),
                r[8],
                r[9],
                operated.get(r[0]),
                next_visit.get(r[0]),
                missing.get(r[0], 0),
                r[10],
                open_queries.get(r[0], 0),
            )
            for r in s.execute(stmt)
        ]
    return rows


def find_participant_id(db: Database, actor: Actor | None, study_id: str) -> int:
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        pid = s.scalar(select(Participant.id).where(Participant.study_id == study_id.strip()))
        if pid is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Refusals", "No participant with study ID {study_id}."),
                params={"study_id": repr(study_id.strip())},
            )
        return pid

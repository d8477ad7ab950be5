"""Participant list and lookup (enrolment itself lives in services/enrolment.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..models import Participant, ParticipantIdentity
from ..models.db import Database
from .errors import NotFound
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
    birth_date: dt.date | None
    enrolment_date: dt.date | None
    index_date: dt.date | None


def list_participants(db: Database, actor: Actor | None) -> list[ParticipantRow]:
    """All participants in one query; identity masked for roles that may not see it."""
    show_identity = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        stmt = (
            select(
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
            )
            .outerjoin(ParticipantIdentity)
            .order_by(Participant.study_id.is_(None), Participant.study_id, Participant.id)
        )
        return [
            ParticipantRow(
                r[0],
                r[1] or "",
                (r[2] or "") if show_identity else HIDDEN,
                (r[3] or "") if show_identity else HIDDEN,
                r[4] or "",
                r[5],
                r[6] or "",
                r[7],
                r[8],
                r[9],
            )
            for r in s.execute(stmt)
        ]


def find_participant_id(db: Database, actor: Actor | None, study_id: str) -> int:
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        pid = s.scalar(select(Participant.id).where(Participant.study_id == study_id.strip()))
        if pid is None:
            raise NotFound(f"No participant with study ID {study_id.strip()!r}.")
        return pid

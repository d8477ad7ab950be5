"""Look-ups inside a session that the surgery use cases share (services/operations.py,
complications.py, reoperations.py, surgical_record.py)."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..forms import QT_TRANSLATE_NOOP
from ..models import ClinicalEvent, Operation, Participant
from .errors import NotFound, ValidationError

T = TypeVar("T")


def today_or(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def edit_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError(
            "reason",
            QT_TRANSLATE_NOOP("Refusals", "Changing recorded surgical data needs a reason."),
            params={},
        )
    return text


# What get_row looks for, as its message names it (marked: shown translated).
_NO_ROW = {
    "participant": QT_TRANSLATE_NOOP("Refusals", "No participant with id {id}."),
    "operation": QT_TRANSLATE_NOOP("Refusals", "No operation with id {id}."),
    "complication": QT_TRANSLATE_NOOP("Refusals", "No complication with id {id}."),
    "reoperation": QT_TRANSLATE_NOOP("Refusals", "No reoperation with id {id}."),
}


def get_row(s: Session, model: type[T], row_id: int, what: str) -> T:
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(_NO_ROW[what], params={"id": row_id})
    return row


def participant(s: Session, participant_id: int) -> Participant:
    return get_row(s, Participant, participant_id, "participant")


def operation(s: Session, operation_id: int) -> tuple[Operation, Participant]:
    op = get_row(s, Operation, operation_id, "operation")
    return op, participant(s, op.participant_id)


def death_event(s: Session, participant_id: int) -> ClinicalEvent | None:
    return s.scalars(
        select(ClinicalEvent)
        .where(ClinicalEvent.participant_id == participant_id, ClinicalEvent.kind == "death")
        .order_by(ClinicalEvent.event_date)
    ).first()

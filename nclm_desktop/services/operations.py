"""Recording and correcting operations (liver resections) of hepatectomy participants.

The first hepatectomy anchors the participant's index date and follow-up schedule. The
resection's name and extent come from ``clinical.resection``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..clinical import resection
from ..forms import QT_TRANSLATE_NOOP, Term
from ..forms.crf.enrolment import status_label
from ..forms.crf.operation_team import FORM as TEAM_FORM
from ..forms.form import missing_message
from ..models import Complication, Operation, OperationSurgeon, Participant, Reoperation, User
from ..models.db import Database
from . import date_order, record_dates, schedule_sync
from .date_order import not_before
from .errors import ValidationError, named
from .permissions import Actor, Permission
from .record_dates import check_record_dates
from .surgery_inputs import (
    OPERATION_FORM,
    OperationInput,
    clean_in_order,
    operation_values,
)
from .surgery_session import death_event, edit_reason, operation, participant, today_or
from .surgical_record import OperationSummary, SurgeonChoice, summaries
from .uow import reading, writing

SURGEON_ROLES = ("surgeon", "investigator")
INDEX_DATE_REASON = "Index date follows the date of the first hepatectomy."


def validate_operation(
    data: OperationInput, *, enrolment_date: dt.date | None, today: dt.date
) -> dict[str, Any]:
    """The values to store, checked in the order the wizard asks for them; the first
    problem is raised. No database needed, so the wizard runs it page by page."""

    def after_date(v: dict[str, Any]) -> None:
        not_before(
            OPERATION_FORM["operation_date"], v["operation_date"], date_order.ENROLMENT,
            enrolment_date,
        )  # fmt: skip
        if not data.surgeon_ids:
            raise ValidationError("surgeons", missing_message(TEAM_FORM["surgeons"]))

    def after_pringle(v: dict[str, Any]) -> None:
        if v["pringle_total_min"] and not v["pringle_count"]:
            raise ValidationError(
                "pringle_count",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Pringle time is recorded, so the manoeuvre count cannot be 0 or empty.",
                ),
                params={},
            )
        total, duration = v["pringle_total_min"], v["duration_min"]
        if total is not None and duration is not None and total > duration:
            raise ValidationError(
                "pringle_total_min",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Pringle total time ({total} min) cannot exceed the duration of the "
                    "operation ({duration} min).",
                ),
                params={"total": total, "duration": duration},
            )

    def after_discharge(v: dict[str, Any]) -> None:
        not_before(
            OPERATION_FORM["discharge_date"], v["discharge_date"], date_order.OPERATION,
            v["operation_date"],
        )  # fmt: skip

    return clean_in_order(
        OPERATION_FORM,
        operation_values(data),
        today=today,
        after={
            "operation_date": after_date,
            "pringle_total_min": after_pringle,
            "discharge_date": after_discharge,
        },
    )


# --- helpers inside a session -----------------------------------------------------------


def _check_surgeons(s: Session, ids: Sequence[int]) -> None:
    wanted = set(ids)
    found = set(
        s.scalars(
            select(User.id).where(
                User.id.in_(wanted), User.role.in_(SURGEON_ROLES), User.active.is_(True)
            )
        )
    )
    if found != wanted:
        raise ValidationError(
            "surgeons",
            QT_TRANSLATE_NOOP(
                "Refusals", "Surgeons must be active users with the surgeon or investigator role."
            ),
            params={},
        )


def _set_surgeons(s: Session, op: Operation, ids: Sequence[int]) -> None:
    current = {
        row.user_id: row
        for row in s.scalars(select(OperationSurgeon).where(OperationSurgeon.operation_id == op.id))
    }
    for uid, row in current.items():
        if uid not in ids:
            s.delete(row)
    for uid in dict.fromkeys(ids):
        if uid not in current:
            s.add(OperationSurgeon(operation_id=op.id, user_id=uid, role="surgeon"))


def _apply_operation(op: Operation, values: dict[str, Any]) -> None:
    """Store the cleaned values; the name and extent are derived (clinical.resection)."""
    res = resection(values["segments"], anatomical=values["anatomical"])
    for f in OPERATION_FORM.inputs:
        setattr(op, f.name, values[f.name])
    op.segments = list(res.segments)
    op.resection_name = res.name
    op.major = res.major


def _sync_index_date(s: Session, p: Participant) -> None:
    """Index date = the date of the participant's first hepatectomy; re-plan if it moved."""
    s.flush()
    first = s.scalar(
        select(func.min(Operation.operation_date)).where(Operation.participant_id == p.id)
    )
    if first is None or first == p.index_date:
        return
    if p.index_date is not None and not s.info.get("reason"):
        # Set by enrolment as a planned date: the hepatectomy replaces it, say why.
        s.info["reason"] = INDEX_DATE_REASON
        p.index_date = first
        s.flush()
        s.info["reason"] = None
    else:
        p.index_date = first
    schedule_sync.sync_schedule(s, p)


def _first_later_record(s: Session, op: Operation) -> dt.date | None:
    dates = [
        s.scalar(
            select(func.min(Complication.onset_date)).where(Complication.operation_id == op.id)
        ),
        s.scalar(
            select(func.min(Reoperation.reoperation_date)).where(Reoperation.operation_id == op.id)
        ),
    ]
    dates = [d for d in dates if d is not None]
    return min(dates) if dates else None


# --- use cases ------------------------------------------------------------------------------


def surgeon_choices(db: Database, actor: Actor | None) -> list[SurgeonChoice]:
    """Active surgeons and investigators, for the operation wizard's surgeon list."""
    with reading(db, actor, Permission.READ_SURGERY) as s:
        rows = s.execute(
            select(User.id, User.display_name, User.role)
            .where(User.role.in_(SURGEON_ROLES), User.active.is_(True))
            .order_by(User.display_name)
        )
        return [SurgeonChoice(r[0], r[1], r[2]) for r in rows]


def record_operation(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    data: OperationInput,
    *,
    today: dt.date | None = None,
) -> int:
    """Store a new liver resection; the first one sets the index date and the schedule."""
    with writing(db, actor, Permission.WRITE_SURGERY) as s:
        p = participant(s, participant_id)
        if p.cohort != "hepatectomy":
            raise ValidationError(
                "participant",
                QT_TRANSLATE_NOOP("Refusals", "{study_id} is not in the hepatectomy group."),
                params={"study_id": named(p.study_id)},
            )
        if p.status != "enrolled":
            raise ValidationError(
                "participant",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Operations are recorded for enrolled participants ({study_id} is {status}).",
                ),
                params={"study_id": p.study_id, "status": Term(status_label(p.status))},
            )
        values = validate_operation(data, enrolment_date=p.enrolment_date, today=today_or(today))
        _check_surgeons(s, data.surgeon_ids)
        op = Operation(participant_id=p.id)
        _apply_operation(op, values)
        s.add(op)
        s.flush()
        _set_surgeons(s, op, data.surgeon_ids)
        _sync_index_date(s, p)
        check_record_dates(s, p.id, "operation_date", record_dates.OPERATION_DATE)
        return op.id


def update_operation(
    db: Database,
    actor: Actor | None,
    operation_id: int,
    data: OperationInput,
    reason: str,
    *,
    today: dt.date | None = None,
) -> None:
    """Correct a recorded operation; audited with the reason; re-plans if the date moved."""
    reason = edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=reason) as s:
        op, p = operation(s, operation_id)
        values = validate_operation(data, enrolment_date=p.enrolment_date, today=today_or(today))
        when, discharged = values["operation_date"], values["discharge_date"]
        later = _first_later_record(s, op)
        if later is not None and when > later:
            raise ValidationError(
                "operation_date",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Operation date cannot be after a complication or reoperation recorded on "
                    "{date}.",
                ),
                params={"date": later.isoformat()},
            )
        death = death_event(s, p.id)
        if death is not None and when > death.event_date:
            raise ValidationError(
                "operation_date",
                QT_TRANSLATE_NOOP(
                    "Refusals", "Operation date cannot be after the recorded death ({date})."
                ),
                params={"date": death.event_date.isoformat()},
            )
        if death is not None and discharged and discharged > death.event_date:
            raise ValidationError(
                "discharge_date",
                QT_TRANSLATE_NOOP(
                    "Refusals", "Discharge date cannot be after the recorded death ({date})."
                ),
                params={"date": death.event_date.isoformat()},
            )
        _check_surgeons(s, data.surgeon_ids)
        date_moved = op.operation_date != when
        _apply_operation(op, values)
        _set_surgeons(s, op, data.surgeon_ids)
        _sync_index_date(s, p)
        # Every record that depends on these dates (events, visits, complications,
        # reoperations, a death) must still fit, or the analysis of the study fails.
        if date_moved:
            check_record_dates(s, p.id, "operation_date", record_dates.OPERATION_DATE)
        else:
            check_record_dates(s, p.id, "discharge_date", record_dates.DISCHARGE_DATE)


def get_operation(db: Database, actor: Actor | None, operation_id: int) -> OperationSummary:
    with reading(db, actor, Permission.READ_SURGERY) as s:
        op, _ = operation(s, operation_id)
        return summaries(s, [op])[0]

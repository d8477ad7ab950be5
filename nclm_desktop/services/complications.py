"""Complications of an operation, graded by Clavien-Dindo (proposed from the treatment by
``clinical/``) and ISGLS. A grade V complication is also the participant's death: it is
recorded as the death event and stops the follow-up schedule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clinical import COMPLICATION_CATEGORIES, ISGLS_CATEGORIES, clavien_dindo_from_treatment
from ..forms import QT_TRANSLATE_NOOP, Term
from ..forms.crf.complication import DEATH as DEATH_FORM
from ..models import ClinicalEvent, Complication, Participant
from ..models.db import Database
from . import date_order, record_dates, schedule_sync
from .date_order import not_before
from .errors import ValidationError
from .permissions import Actor, Permission
from .record_dates import check_record_dates
from .recorded_texts import GRADE_V_DETAIL
from .surgery_inputs import (
    COMPLICATION_FORM,
    ComplicationInput,
    Treatment,
    clean_in_order,
)
from .surgery_session import death_event, edit_reason, get_row, operation, today_or
from .uow import writing

# The treatment ticks are stored together, in the ``treatment`` column.
TREATMENT_FIELDS = tuple(f.name for f in COMPLICATION_FORM.inputs if f.column == "treatment")


def propose_grade(treatment: Treatment) -> str:
    """The Clavien-Dindo grade the treatment implies (clinical rule), or a ValidationError."""
    try:
        return clavien_dindo_from_treatment(**treatment.as_dict()).grade
    except ValueError as exc:  # the rule's own words name its arguments: said for a user
        if "organ_dysfunction" in str(exc):
            raise ValidationError(
                "organ_dysfunction",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Organ dysfunction must be single or multiple when the patient needed "
                    "intensive care.",
                ),
                params={},
            ) from exc
        raise ValidationError(
            "treatment",
            QT_TRANSLATE_NOOP("Refusals", "The treatment cannot be graded: {problem}."),
            params={"problem": str(exc).rstrip(".")},
        ) from exc


def validate_complication(
    data: ComplicationInput,
    *,
    operation_date: dt.date,
    discharge_date: dt.date | None,
    today: dt.date,
) -> str:
    """Check a complication in wizard order; returns the grade proposed from the treatment."""
    return _checked(
        data, operation_date=operation_date, discharge_date=discharge_date, today=today
    )["clavien_dindo_proposed"]


def _checked(
    data: ComplicationInput,
    *,
    operation_date: dt.date,
    discharge_date: dt.date | None,
    today: dt.date,
) -> dict[str, Any]:
    """The values to store (the grade and its proposal filled in), or the first problem."""
    found: dict[str, Any] = {}

    def after_onset(v: dict[str, Any]) -> None:
        not_before(
            COMPLICATION_FORM["onset_date"], v["onset_date"], date_order.OPERATION, operation_date
        )

    def after_grade(v: dict[str, Any]) -> None:
        proposed = found["proposed"] = propose_grade(
            Treatment(**{k: v[k] for k in TREATMENT_FIELDS})
        )
        grade = found["grade"] = v["clavien_dindo"] or proposed
        if grade != proposed and not v["grade_override_reason"]:
            raise ValidationError(
                "grade_override_reason",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "The treatment suggests grade {proposed}; please give a reason for choosing "
                    "grade {grade}.",
                ),
                params={"proposed": proposed, "grade": grade},
            )
        if (grade == "V") != v["died"]:
            raise ValidationError(
                "clavien_dindo",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Grade V means the patient died of the complication; tick 'the patient died' "
                    "for grade V, and only then.",
                ),
                params={},
            )

    def after_isgls(v: dict[str, Any]) -> None:
        if v["category"] not in ISGLS_CATEGORIES and v["isgls_grade"]:
            raise ValidationError(
                "isgls_grade",
                QT_TRANSLATE_NOOP("Refusals", "{category} has no ISGLS grade."),
                params={
                    "category": Term(COMPLICATION_FORM["category"].choice_label(v["category"]))
                },
            )

    def after_suffix(v: dict[str, Any]) -> None:
        if found["grade"] == "V" and v["suffix_d"]:
            raise ValidationError(
                "suffix_d",
                QT_TRANSLATE_NOOP(
                    "Refusals", "Suffix d (disability at discharge) does not apply to grade V."
                ),
                params={},
            )

    def after_resolved(v: dict[str, Any]) -> None:
        if found["grade"] != "V":
            not_before(COMPLICATION_FORM["resolved_date"], v["resolved_date"], date_order.ONSET,
                       v["onset_date"])  # fmt: skip
            return
        if v["resolved_date"] is not None:
            raise ValidationError(
                "resolved_date",
                QT_TRANSLATE_NOOP(
                    "Refusals", "A complication that caused death has no resolution date."
                ),
                params={},
            )
        # The death date is entered, never assumed from the onset (a stand-in would be
        # false data in the survival analysis).
        death = DEATH_FORM.clean(data.values(), today=today)["death_date"]
        not_before(DEATH_FORM["death_date"], death, date_order.ONSET, v["onset_date"])
        if discharge_date is not None and death < discharge_date:
            raise ValidationError(
                "death_date",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Date of death ({death}) cannot be before the discharge date ({discharge}).",
                ),
                params={"death": death.isoformat(), "discharge": discharge_date.isoformat()},
            )

    values = data.values()
    cleaned = clean_in_order(
        COMPLICATION_FORM,
        values,
        today=today,
        after={
            "onset_date": after_onset,
            "grade_override_reason": after_grade,
            "isgls_grade": after_isgls,
            "suffix_d": after_suffix,
            "resolved_date": after_resolved,
        },
        # The description is asked for the category "other" only.
        skip=frozenset(() if values["category"] == "other" else ("other_text",)),
    )
    grade, proposed = found["grade"], found["proposed"]
    return {
        **cleaned,
        "clavien_dindo": grade,
        "clavien_dindo_proposed": proposed,
        "grade_override_reason": cleaned["grade_override_reason"] if grade != proposed else None,
        "other_text": cleaned.get("other_text") if cleaned["category"] == "other" else None,
        "isgls_grade": cleaned["isgls_grade"] if cleaned["category"] in ISGLS_CATEGORIES else None,
        "suffix_d": bool(cleaned["suffix_d"]),
    }


# --- use cases ------------------------------------------------------------------------------


def _apply_complication(comp: Complication, values: dict[str, Any]) -> None:
    for f in COMPLICATION_FORM.fields:
        if f.column != "treatment" and f.name in values:
            setattr(comp, f.name, values[f.name])
    comp.treatment = {name: values[name] for name in TREATMENT_FIELDS}


def _record_death(
    s: Session, p: Participant, comp: Complication, death: dt.date, cause: str | None
) -> None:
    existing = death_event(s, p.id)
    cause = (cause or "").strip() or COMPLICATION_CATEGORIES.get(comp.category, comp.category)
    if existing is None:
        s.add(
            ClinicalEvent(
                participant_id=p.id,
                kind="death",
                event_date=death,
                cause=cause[:200],
                detail=GRADE_V_DETAIL,  # stored in English, shown translated (recorded_texts)
                complication_id=comp.id,
            )
        )
    elif existing.event_date != death:
        raise ValidationError(
            "death_date",
            QT_TRANSLATE_NOOP(
                "Refusals",
                "A death on {date} is already recorded for this participant; the dates must agree.",
            ),
            params={"date": existing.event_date.isoformat()},
        )
    elif existing.complication_id is None:
        existing.complication_id = comp.id
    if p.status != "deceased":
        p.status = "deceased"
    s.flush()
    schedule_sync.sync_schedule(s, p)


def _check_complication_dates(s: Session, participant_id: int, comp: Complication) -> None:
    if comp.clavien_dindo == "V":
        check_record_dates(s, participant_id, "death_date", record_dates.DEATH_DATE)
    check_record_dates(s, participant_id, "onset_date", record_dates.ONSET_DATE)


def add_complication(
    db: Database,
    actor: Actor | None,
    operation_id: int,
    data: ComplicationInput,
    *,
    today: dt.date | None = None,
) -> int:
    """Add one complication; grade V also records the death and stops the schedule."""
    with writing(db, actor, Permission.WRITE_SURGERY) as s:
        op, p = operation(s, operation_id)
        values = _checked(
            data,
            operation_date=op.operation_date,
            discharge_date=op.discharge_date,
            today=today_or(today),
        )
        comp = Complication(operation_id=op.id)
        _apply_complication(comp, values)
        s.add(comp)
        s.flush()
        if comp.clavien_dindo == "V":
            _record_death(s, p, comp, data.death_date, data.death_cause)  # type: ignore[arg-type]
        _check_complication_dates(s, p.id, comp)
        return comp.id


def update_complication(
    db: Database,
    actor: Actor | None,
    complication_id: int,
    data: ComplicationInput,
    reason: str,
    *,
    today: dt.date | None = None,
) -> None:
    reason = edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=reason) as s:
        comp = get_row(s, Complication, complication_id, "complication")
        op, p = operation(s, comp.operation_id)
        values = _checked(
            data,
            operation_date=op.operation_date,
            discharge_date=op.discharge_date,
            today=today_or(today),
        )
        linked = s.scalars(
            select(ClinicalEvent).where(
                ClinicalEvent.complication_id == comp.id, ClinicalEvent.kind == "death"
            )
        ).first()
        if linked is not None and values["clavien_dindo"] != "V":
            # Undoing a death cannot re-open cancelled visits; it belongs to follow-up.
            raise ValidationError(
                "clavien_dindo",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "This complication recorded the participant's death; correct the death in "
                    "the follow-up events before changing its grade.",
                ),
                params={},
            )
        _apply_complication(comp, values)
        s.flush()
        if comp.clavien_dindo == "V":
            death = data.death_date
            if linked is not None and linked.event_date != death:
                linked.event_date = death  # type: ignore[assignment]
                s.flush()
            if linked is not None and data.death_cause:
                linked.cause = data.death_cause.strip()[:200]
            _record_death(s, p, comp, death, data.death_cause)  # type: ignore[arg-type]
        _check_complication_dates(s, p.id, comp)


def delete_complication(
    db: Database, actor: Actor | None, complication_id: int, reason: str
) -> None:
    """Remove a complication entered by mistake (kept in the audit trail with the reason)."""
    reason = edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=reason) as s:
        comp = get_row(s, Complication, complication_id, "complication")
        _, p = operation(s, comp.operation_id)
        if comp.clavien_dindo == "V":
            raise ValidationError(
                "clavien_dindo",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "This complication recorded the participant's death; correct the death in "
                    "the follow-up events first.",
                ),
                params={},
            )
        s.delete(comp)

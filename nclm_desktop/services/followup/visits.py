"""Visits: moving a booking, marking a visit missed, recording what was done at it.

Input is checked through the visit form (and the clinical_event form for its findings);
the rules over the record (dates after the operation, before the end of follow-up, the
visit window) stay here and raise the same ValidationError naming the input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ...clinical.text_marks import joined
from ...forms import QT_TRANSLATE_NOOP
from ...forms.catalogue import form
from ...forms.errors import Term, said
from ...models.db import Database
from .. import record_dates
from ..errors import ValidationError
from ..permissions import Actor, Permission
from ..record_dates import check_record_dates
from ..recorded_texts import DONE_OUTSIDE_WINDOW
from ..schedule_sync import follow_up_stop_date
from ..uow import writing
from .clinical_events import (
    Finding,
    RecordResult,
    check_after_anchor,
    store_findings,
    validate_findings,
)
from .visit_rows import anchor_term, assessment_labels, participant, status_term, visit

VISIT = form("visit")
# What a person records when the visit is done.
RECORDED = (
    "actual_date",
    "assessments_done",
    "ecog",
    "ebv_dna_copies_ml",
    "liver_imaging_result",
    "notes",
)


class OutsideWindow(ValidationError):
    """The visit date is outside the window and the caller asked to confirm that first."""


@dataclass(frozen=True)
class VisitRecord:
    actual_date: dt.date | None
    assessments_done: Sequence[str] = ()
    ecog: int | None = None
    ebv_dna_copies_ml: float | None = None
    liver_imaging_result: str | None = None
    notes: str | None = None
    findings: Sequence[Finding] = ()


def _d(value: dt.date) -> str:
    return value.isoformat()


def reschedule_visit(
    db: Database,
    actor: Actor | None,
    visit_id: int,
    new_date: dt.date,
    reason: str | None = None,
) -> bool:
    """Book an open visit on another day. Inside its window this is routine; outside it
    needs a reason and the visit is flagged as a protocol deviation. Returns the flag."""
    values = VISIT.clean(
        {"scheduled_date": new_date, "deviation_reason": reason},
        only=("scheduled_date", "deviation_reason"),
    )
    new_date, reason = values["scheduled_date"], values["deviation_reason"]
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = visit(s, visit_id)
        p = participant(s, v.participant_id)
        if v.status != "planned":
            raise ValidationError(
                "scheduled_date",
                QT_TRANSLATE_NOOP(
                    "Refusals", "Visit {code} is {status}; only open visits can be moved."
                ),
                params={"code": v.code, "status": status_term(v.status)},
            )
        if p.index_date is not None and new_date <= p.index_date:
            raise ValidationError(
                "scheduled_date",
                QT_TRANSLATE_NOOP("Refusals", "The visit must be after the {anchor} ({date})."),
                params={"anchor": anchor_term(p.cohort), "date": _d(p.index_date)},
            )
        inside = v.window_start <= new_date <= v.window_end
        if not inside and not reason:
            raise ValidationError(
                "deviation_reason",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "{date} is outside the window {start} to {end}: give a reason; the visit "
                    "will be flagged as a protocol deviation.",
                ),
                params={"date": _d(new_date), "start": _d(v.window_start), "end": _d(v.window_end)},
            )
        v.scheduled_date = new_date
        v.deviation = not inside
        v.deviation_reason = None if inside else reason
        return not inside


def mark_missed(
    db: Database, actor: Actor | None, visit_id: int, today: dt.date, reason: str | None = None
) -> None:
    """An open visit the participant did not attend (audited as a status change)."""
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = visit(s, visit_id)
        if v.status != "planned":
            raise ValidationError(
                "status",
                QT_TRANSLATE_NOOP("Refusals", "Visit {code} is {status}, not open."),
                params={"code": v.code, "status": status_term(v.status)},
            )
        if today < v.window_start:
            raise ValidationError(
                "status",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "The window of {code} opens on {date}; a visit cannot be missed before then.",
                ),
                params={"code": v.code, "date": _d(v.window_start)},
            )
        v.status = "missed"


def unmark_missed(db: Database, actor: Actor | None, visit_id: int, reason: str | None) -> None:
    """Undo "missed" (a correction): the visit is open again; a reason is required."""
    if not (reason or "").strip():
        raise ValidationError(
            "reason",
            QT_TRANSLATE_NOOP("Refusals", "Give a reason for un-marking a missed visit."),
            params={},
        )

    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = visit(s, visit_id)
        p = participant(s, v.participant_id)
        if v.status != "missed":
            raise ValidationError(
                "status",
                QT_TRANSLATE_NOOP("Refusals", "Visit {code} is {status}, not missed."),
                params={"code": v.code, "status": status_term(v.status)},
            )
        stop = follow_up_stop_date(s, p.id)
        if stop is not None and v.target_date >= stop:
            raise ValidationError(
                "status",
                QT_TRANSLATE_NOOP(
                    "Refusals", "Follow-up ended on {date}; {code} cannot be reopened."
                ),
                params={"date": _d(stop), "code": v.code},
            )
        v.status = "planned"


def record_visit(
    db: Database,
    actor: Actor | None,
    visit_id: int,
    record: VisitRecord,
    today: dt.date,
    reason: str | None = None,
    outside_window_ok: bool = True,
) -> RecordResult:
    """Record a visit as done, with its findings, in one transaction.

    Refused: input the visit form refuses (a date in the future, ECOG outside 0-4 ...), a
    date before the operation/index date or after follow-up ended, a finding that
    contradicts the record (a death before the last completed visit ...). A date outside
    the window is accepted, flagged as a deviation and reported in ``warnings``.
    Correcting a visit already recorded needs ``reason``. Liver imaging showing an
    intrahepatic recurrence adds that event (confirmed by imaging) unless it is given.
    With ``outside_window_ok=False`` a date outside the window raises OutsideWindow once
    everything else is valid, so the user can confirm and the caller retry.
    """
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = visit(s, visit_id)
        p = participant(s, v.participant_id)
        if v.status == "done" and not (reason or "").strip():
            raise ValidationError(
                "reason",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Visit {code} is already recorded: give a reason for the correction.",
                ),
                params={"code": v.code},
            )
        if v.status == "cancelled":
            raise ValidationError(
                "status",
                QT_TRANSLATE_NOOP("Refusals", "Visit {code} was cancelled; it cannot be recorded."),
                params={"code": v.code},
            )
        values = VISIT.clean(
            {
                "actual_date": record.actual_date,
                "assessments_done": list(record.assessments_done),
                "ecog": record.ecog,
                "ebv_dna_copies_ml": record.ebv_dna_copies_ml,
                "liver_imaging_result": record.liver_imaging_result,
                "notes": record.notes,
            },
            today=today,
            only=RECORDED,
        )
        actual: dt.date = values["actual_date"]
        check_after_anchor("actual_date", actual, VISIT["actual_date"].label, p)
        stop = follow_up_stop_date(s, p.id)
        if stop is not None and actual > stop:
            raise ValidationError(
                "actual_date",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Follow-up of {study_id} ended on {date}; the visit date is after it.",
                ),
                params={"study_id": p.study_id, "date": _d(stop)},
            )
        imaging = values["liver_imaging_result"]
        findings = list(record.findings)
        if imaging == "intrahepatic_recurrence" and not any(
            f.kind == "intrahepatic_recurrence" for f in findings
        ):
            findings.append(Finding("intrahepatic_recurrence", actual, confirmed_by="imaging"))
        cleaned = validate_findings(s, p, findings, today, v, actual)

        warnings: list[str] = []  # each a said(...): shown in the user's language
        window = {
            "date": _d(actual),
            "code": v.code,
            "start": _d(v.window_start),
            "end": _d(v.window_end),
        }
        outside = not v.window_start <= actual <= v.window_end
        if outside and not outside_window_ok:
            raise OutsideWindow(
                "actual_date",
                QT_TRANSLATE_NOOP(
                    "Refusals", "{date} is outside the window of {code} ({start} to {end})."
                ),
                params=window,
            )
        if outside:
            warnings.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "{date} is outside the window of {code} ({start} to {end}): recorded "
                        "as a protocol deviation.",
                    ),
                    **window,
                )
            )
            v.deviation = True
            # Stored in English, shown translated (recorded_texts).
            v.deviation_reason = v.deviation_reason or str(
                said(DONE_OUTSIDE_WINDOW, date=_d(actual))
            )

        done = values["assessments_done"] or []
        labels = assessment_labels()
        missing = [code for code in labels if code in (v.assessments_planned or ()) and code
                   not in done]  # fmt: skip
        if missing:
            warnings.append(
                said(
                    QT_TRANSLATE_NOOP("Refusals", "Not done: {assessments}."),
                    assessments=joined([Term(labels[m]) for m in missing]),
                )
            )
        v.status = "done"
        v.actual_date = actual
        v.assessments_done = done
        v.ecog = values["ecog"]
        v.ebv_dna_copies_ml = values["ebv_dna_copies_ml"]
        v.liver_imaging_result = imaging
        v.notes = values["notes"]
        s.flush()
        events = store_findings(s, p, cleaned, v)
        check_record_dates(s, p.id, "actual_date", record_dates.VISIT_DATE)
        return RecordResult(v.id, tuple(e.id for e in events), tuple(warnings), outside, p.status)

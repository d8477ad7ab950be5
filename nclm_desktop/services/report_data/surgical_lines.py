"""Complication and reoperation lines shared by the operative and M&M reports. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...clinical import (
    COMPLICATION_CATEGORIES,
    PerioperativeOutcomes,
    is_major_complication,
    perioperative_outcomes,
    reoperation_during_index_stay,
    resection,
)
from ...models import (
    ClinicalEvent,
    Complication,
    Operation,
    Reoperation,
)
from ..errors import ValidationError

# --- complications (operative and M&M reports) -------------------------------------------


@dataclass(frozen=True)
class ComplicationLine:
    onset_date: dt.date
    postoperative_day: int
    category: str
    category_label: str
    clavien_dindo: str
    suffix_d: bool
    isgls_grade: str | None
    treatment: str
    resolved_date: dt.date | None
    major: bool  # Clavien-Dindo IIIa or worse
    within_morbidity_window: bool  # onset within the protocol's 90 days

    @property
    def grade_text(self) -> str:
        return self.clavien_dindo + ("-d" if self.suffix_d else "")


@dataclass(frozen=True)
class ReoperationLine:
    reoperation_date: dt.date
    postoperative_day: int
    planned: bool
    during_index_stay: bool | None  # None: unknown (no discharge date, after day 30)
    reason: str


def _complication_line(c: Complication, op_date: dt.date, morbidity_days: int) -> ComplicationLine:
    label = COMPLICATION_CATEGORIES.get(c.category, c.category)
    if c.category == "other" and c.other_text:
        label = f"Other: {c.other_text}"
    return ComplicationLine(
        onset_date=c.onset_date,
        postoperative_day=(c.onset_date - op_date).days,
        category=c.category,
        category_label=label,
        clavien_dindo=c.clavien_dindo,
        suffix_d=bool(c.suffix_d),
        isgls_grade=c.isgls_grade,
        treatment=c.treatment_text or "",
        resolved_date=c.resolved_date,
        major=is_major_complication(c.clavien_dindo),
        within_morbidity_window=(c.onset_date - op_date).days <= morbidity_days,
    )


def _reoperation_line(r: Reoperation, op: Operation) -> ReoperationLine:
    return ReoperationLine(
        reoperation_date=r.reoperation_date,
        postoperative_day=(r.reoperation_date - op.operation_date).days,
        planned=bool(r.planned),
        during_index_stay=reoperation_during_index_stay(
            r.reoperation_date, op.operation_date, op.discharge_date
        ),
        reason=r.reason or "",
    )


def _outcomes(
    op: Operation,
    complications: list[Complication],
    reoperations: list[Reoperation],
    death_date: dt.date | None,
    label: str,
) -> PerioperativeOutcomes:
    try:
        return perioperative_outcomes(
            op.operation_date,
            op.discharge_date,
            [(c.onset_date, c.clavien_dindo) for c in complications],
            [(r.reoperation_date, bool(r.planned)) for r in reoperations],
            death_date,
        )
    except ValueError as exc:  # inconsistent dates in the record: say which record
        raise ValidationError("data", f"{label}, operation of {op.operation_date}: {exc}") from exc


def _resection_name(op: Operation) -> tuple[str, str, bool]:
    try:
        r = resection(op.segments or [], anatomical=bool(op.anatomical))
    except ValueError:
        return op.resection_name, "", bool(op.major)
    return r.name, r.name_zh, r.major


def _death_dates(s: Session, participant_ids: list[int]) -> dict[int, dt.date]:
    if not participant_ids:
        return {}
    rows = s.execute(
        select(ClinicalEvent.participant_id, func.min(ClinicalEvent.event_date))
        .where(ClinicalEvent.kind == "death", ClinicalEvent.participant_id.in_(participant_ids))
        .group_by(ClinicalEvent.participant_id)
    )
    return dict(rows.all())

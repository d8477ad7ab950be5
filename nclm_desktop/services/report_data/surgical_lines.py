"""Complication and reoperation lines of the operative and M&M reports: the surgery
service's own rows (services/surgical_record.py), with the protocol's morbidity window.
(See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..surgical_record import ComplicationRow, OperationRecord, ReoperationRow


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


def complication_line(c: ComplicationRow, morbidity_days: int) -> ComplicationLine:
    label = c.category_label
    if c.category == "other" and c.other_text:
        label = f"Other: {c.other_text}"
    return ComplicationLine(
        onset_date=c.onset_date,
        postoperative_day=c.postoperative_day,
        category=c.category,
        category_label=label,
        clavien_dindo=c.clavien_dindo,
        suffix_d=c.suffix_d,
        isgls_grade=c.isgls_grade,
        treatment=c.treatment_text or "",
        resolved_date=c.resolved_date,
        major=c.major,
        within_morbidity_window=c.postoperative_day <= morbidity_days,
    )


def reoperation_line(r: ReoperationRow) -> ReoperationLine:
    return ReoperationLine(
        reoperation_date=r.reoperation_date,
        postoperative_day=r.postoperative_day,
        planned=r.planned,
        during_index_stay=r.during_index_stay,
        reason=r.reason,
    )


def lines(
    record: OperationRecord, morbidity_days: int
) -> tuple[tuple[ComplicationLine, ...], tuple[ReoperationLine, ...]]:
    return (
        tuple(complication_line(c, morbidity_days) for c in record.complications),
        tuple(reoperation_line(r) for r in record.reoperations),
    )

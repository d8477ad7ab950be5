"""What the complications and morbidity (M&M) report shows. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from sqlalchemy import select

from ...clinical import (
    CLAVIEN_DINDO_GRADES,
    PerioperativeOutcomes,
    RateSummary,
    grade_rank,
    load_protocol,
    rate_summary,
)
from ...clinical.text_marks import QT_TRANSLATE_NOOP
from ...models import Operation, Participant, ParticipantIdentity
from ...models.db import Database
from ..errors import ValidationError
from ..permissions import Actor, Permission
from ..surgical_record import operation_records
from ..uow import reading
from .common import ReportMeta, _check_range, _meta
from .surgical_lines import ComplicationLine, ReoperationLine, lines

# --- complications and morbidity (M&M) --------------------------------------------------------


@dataclass(frozen=True)
class PatientMorbidity:
    study_id: str
    name: str | None
    operation_date: dt.date
    resection_name: str
    resection_name_zh: str  # "" when the segments name no resection
    major_resection: bool
    discharge_date: dt.date | None
    complications: tuple[ComplicationLine, ...]
    reoperations: tuple[ReoperationLine, ...]
    outcomes: PerioperativeOutcomes
    worst_grade: str | None
    death_date: dt.date | None


@dataclass(frozen=True)
class Rate:
    """A rate and what it counts: ``template`` (marked for translation) filled with
    ``params`` gives ``label``, so a report can print it in its own language."""

    template: str
    params: tuple[tuple[str, int], ...]
    summary: RateSummary

    @property
    def label(self) -> str:
        return self.template.format(**dict(self.params))


def _index_stay_rate(flags: list[bool | None]) -> tuple[Rate, ...]:
    """Unknown flags (no discharge date, reoperation after day 30) are missing, not 'no'."""
    known = [f for f in flags if f is not None]
    unknown = len(flags) - len(known)
    label = QT_TRANSLATE_NOOP("Reports", "Unplanned reoperation during the index stay")
    if unknown:
        label = QT_TRANSLATE_NOOP(
            "Reports",
            "Unplanned reoperation during the index stay (unknown for {n}: no discharge date)",
        )
    return (Rate(label, (("n", unknown),), rate_summary(sum(known), len(known))),) if known else ()


@dataclass(frozen=True)
class ComplicationsReportData:
    meta: ReportMeta
    date_from: dt.date
    date_to: dt.date
    patients: tuple[PatientMorbidity, ...]  # one per operation in the range, by date
    rates: tuple[Rate, ...]  # empty when no operation falls in the range
    grade_counts: tuple[tuple[str, int], ...]  # complications per Clavien-Dindo grade
    complication_count: int
    cci_median: float | None
    cci_mean: float | None
    morbidity_days: int
    mortality_days: int
    mortality_days_secondary: int


def complications_report_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date,
    date_to: dt.date,
    now: dt.datetime | None = None,
) -> ComplicationsReportData:
    """Operations performed from ``date_from`` to ``date_to`` (inclusive) and their outcomes."""
    _check_range(date_from, date_to)
    endpoints = load_protocol().endpoints
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        show = actor.can(Permission.VIEW_IDENTITY)
        rows = s.execute(
            select(Operation, Participant.study_id, Participant.id, ParticipantIdentity.name)
            .join(Participant, Participant.id == Operation.participant_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .where(Operation.operation_date.between(date_from, date_to))
            .order_by(Operation.operation_date, Participant.study_id, Operation.id)
        ).all()
        records = operation_records(s, [r[0] for r in rows])
        patients = []
        for rec, (op, study_id, pid, name) in zip(records, rows, strict=True):
            label = study_id or f"#{pid}"
            if rec.outcomes is None:  # the surgery tab shows the same problem
                raise ValidationError(  # the problem is the outcome rule's own words
                    "data",
                    QT_TRANSLATE_NOOP("Refusals", "{label}, operation of {date}: {problem}"),
                    params={
                        "label": label,
                        "date": str(op.operation_date),
                        "problem": rec.outcome_problem,
                    },
                )

            complications, reoperations = lines(rec, endpoints.morbidity_days)
            patients.append(
                PatientMorbidity(
                    study_id=label,
                    name=name if show else None,
                    operation_date=op.operation_date,
                    resection_name=rec.operation.resection_name,
                    resection_name_zh=rec.operation.resection_name_zh,
                    major_resection=rec.operation.major,
                    discharge_date=op.discharge_date,
                    complications=complications,
                    reoperations=reoperations,
                    outcomes=rec.outcomes,
                    worst_grade=max(
                        (c.clavien_dindo for c in complications), key=grade_rank, default=None
                    ),
                    death_date=rec.death_date,
                )
            )
        meta = _meta(actor, now, s)
    n = len(patients)
    rates: tuple[Rate, ...] = ()
    if n:
        o = [p.outcomes for p in patients]
        rates = (
            Rate(
                QT_TRANSLATE_NOOP("Reports", "Morbidity (any complication within {days} days)"),
                (("days", endpoints.morbidity_days),),
                rate_summary(sum(x.morbidity_90d for x in o), n),
            ),
            Rate(
                QT_TRANSLATE_NOOP(
                    "Reports", "Major morbidity (Clavien-Dindo IIIa or worse within {days} days)"
                ),
                (("days", endpoints.morbidity_days),),
                rate_summary(sum(x.major_morbidity_90d for x in o), n),
            ),
            *_index_stay_rate([x.unplanned_reoperation_index_stay for x in o]),
            Rate(
                QT_TRANSLATE_NOOP("Reports", "{days}-day mortality"),
                (("days", endpoints.mortality_days),),
                rate_summary(sum(x.mortality_30d for x in o), n),
            ),
            Rate(
                QT_TRANSLATE_NOOP("Reports", "{days}-day mortality"),
                (("days", endpoints.mortality_days_secondary),),
                rate_summary(sum(x.mortality_90d for x in o), n),
            ),
        )
    all_lines = [c for p in patients for c in p.complications]
    counts = dict.fromkeys(CLAVIEN_DINDO_GRADES, 0)
    for c in all_lines:
        counts[c.clavien_dindo] = counts.get(c.clavien_dindo, 0) + 1
    ccis = [p.outcomes.cci for p in patients]
    return ComplicationsReportData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        patients=tuple(patients),
        rates=rates,
        grade_counts=tuple(counts.items()),
        complication_count=len(all_lines),
        cci_median=round(statistics.median(ccis), 1) if ccis else None,
        cci_mean=round(statistics.fmean(ccis), 1) if ccis else None,
        morbidity_days=endpoints.morbidity_days,
        mortality_days=endpoints.mortality_days,
        mortality_days_secondary=endpoints.mortality_days_secondary,
    )

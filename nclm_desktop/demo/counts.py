"""What a (demo) database holds, for the demo command's summary, the benchmark and tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from ..models import ClinicalEvent, Complication, Operation, Participant, Reoperation, Visit
from ..models.db import Database


def has_participants(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Participant)) or 0


@dataclass(frozen=True)
class StudyCounts:
    participants: int
    by_status: dict[str, int]
    by_cohort: dict[str, int]
    operations: int
    resections: dict[str, int]
    complications_by_grade: dict[str, int]
    isgls_graded: int
    reoperations: int
    visits_by_status: dict[str, int]
    events_by_kind: dict[str, int]

    def lines(self) -> list[str]:
        def fmt(d: dict[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in d.items()) or "none"

        return [
            f"participants: {self.participants} ({fmt(self.by_status)})",
            f"cohorts: {fmt(self.by_cohort)}",
            f"operations: {self.operations}; reoperations: {self.reoperations}",
            f"complications by Clavien-Dindo grade: {fmt(self.complications_by_grade)}"
            f" ({self.isgls_graded} with an ISGLS grade)",
            f"visits: {sum(self.visits_by_status.values())} ({fmt(self.visits_by_status)})",
            f"events: {fmt(self.events_by_kind)}",
        ]


def _grouped(s, column) -> dict[str, int]:
    rows = s.execute(select(column, func.count()).group_by(column).order_by(column))
    return {str(k): n for k, n in rows if k is not None}


def study_counts(db: Database) -> StudyCounts:
    with db.session() as s:
        grades = Counter(_grouped(s, Complication.clavien_dindo))
        order = ("I", "II", "IIIa", "IIIb", "IVa", "IVb", "V")
        return StudyCounts(
            participants=s.scalar(select(func.count()).select_from(Participant)) or 0,
            by_status=_grouped(s, Participant.status),
            by_cohort=_grouped(s, Participant.cohort),
            operations=s.scalar(select(func.count()).select_from(Operation)) or 0,
            resections=_grouped(s, Operation.resection_name),
            complications_by_grade={g: grades[g] for g in order if grades[g]},
            isgls_graded=s.scalar(select(func.count()).where(Complication.isgls_grade.is_not(None)))
            or 0,
            reoperations=s.scalar(select(func.count()).select_from(Reoperation)) or 0,
            visits_by_status=_grouped(s, Visit.status),
            events_by_kind=_grouped(s, ClinicalEvent.kind),
        )

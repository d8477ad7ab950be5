"""What the screening log and its flow diagram show: a thin mapper over the screening-log
service (services/screening_log.py), whose ``flow_counts`` is the one rule for the flow.
(See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...models.db import Database
from ..permissions import Actor, Permission, require
from ..screening_log import FlowCounts, ScreeningLogRow, flow_counts, screening_log
from ..uow import reading
from .common import ReportMeta, _check_range, _meta

ScreeningFlow = FlowCounts  # the printed diagram reads the service's counts as they are


@dataclass(frozen=True)
class ScreeningLine:
    screening_date: dt.date
    label: str  # study ID once enrolled, else "#<participant number>"
    name: str | None
    screener: str
    age_years: int | None
    verdict: str  # eligible, not_eligible, incomplete
    failed: tuple[tuple[str, str], ...]  # (criterion id, reason)
    missing: tuple[tuple[str, str], ...]  # (criterion id, what is not recorded yet)
    outcome: str  # participant status
    cohort: str


@dataclass(frozen=True)
class ScreeningLogData:
    meta: ReportMeta
    date_from: dt.date | None
    date_to: dt.date | None
    lines: tuple[ScreeningLine, ...]
    flow: ScreeningFlow


def _line(row: ScreeningLogRow, show: bool) -> ScreeningLine:
    return ScreeningLine(
        screening_date=row.screening_date,
        label=row.study_id or f"#{row.participant_id}",
        name=row.name if show else None,
        screener=row.screener,
        age_years=row.age,
        verdict=row.verdict,
        failed=row.failed,
        missing=row.missing,
        outcome=row.status,
        cohort=row.cohort,
    )


def screening_log_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ScreeningLogData:
    if date_from and date_to:
        _check_range(date_from, date_to)
    require(actor, Permission.REPORTS)
    assert actor is not None
    rows = screening_log(
        db, actor, date_from=date_from, date_to=date_to, permission=Permission.REPORTS
    )
    with reading(db, actor, Permission.REPORTS) as s:
        meta = _meta(actor, now, s)
    show = actor.can(Permission.VIEW_IDENTITY)
    return ScreeningLogData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        lines=tuple(_line(r, show) for r in reversed(rows)),  # oldest first on paper
        flow=flow_counts(rows),
    )

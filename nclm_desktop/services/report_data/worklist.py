"""What the coordinator's worklist shows: a mapper over the follow-up service's worklist
(``followup.worklist_between``, the rule the calendar's worklist tabs use), so the printed
list and the screen cannot disagree. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...clinical import load_protocol
from ...forms.catalogue import form
from ...models.db import Database
from ..followup import VisitRow, worklist_between
from ..permissions import Actor, Permission
from ..uow import reading
from .common import MONTH_GRID_MAX_MONTHS, ReportMeta, _check_range, _meta

VISIT = form("visit")


@dataclass(frozen=True)
class WorklistLine:
    study_id: str
    name: str  # followup's HIDDEN for roles that may not see identities
    phone: str  # likewise; "" when none is recorded
    code: str
    scheduled_date: dt.date
    window: str  # "start – end", as the visit form formats dates
    window_start: dt.date
    window_end: dt.date
    state: str  # "planned", "due" or "overdue" on ``today`` (clinical.visit_state)
    days_overdue: int  # days since the window closed; 0 unless overdue
    assessments: tuple[str, ...]
    extra_tests: tuple[str, ...]  # the assessments not done at every visit (chest CT ...)


@dataclass(frozen=True)
class WorklistData:
    meta: ReportMeta
    date_from: dt.date
    date_to: dt.date
    today: dt.date
    overdue: tuple[WorklistLine, ...]  # window closed before today, still open
    due: tuple[WorklistLine, ...]  # scheduled within the range (not overdue)
    months: tuple[dt.date, ...]  # first day of each month the grid pages show
    months_left_out: int
    routine_tests: tuple[str, ...]  # assessments of every visit, printed once


def _line(v: VisitRow, labels: dict[str, str], periodic: set[str]) -> WorklistLine:
    return WorklistLine(
        study_id=v.study_id,
        name=v.name,
        phone=v.phone,
        code=v.code,
        scheduled_date=v.scheduled_date,
        window=f"{VISIT.format('window_start', v.window_start)} – "
        f"{VISIT.format('window_end', v.window_end)}",
        window_start=v.window_start,
        window_end=v.window_end,
        state=v.state,
        days_overdue=v.days_overdue,
        assessments=tuple(labels.get(a, a) for a in v.assessments_planned),
        extra_tests=tuple(labels.get(a, a) for a in v.assessments_planned if a in periodic),
    )


def worklist_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date,
    date_to: dt.date,
    today: dt.date,
    now: dt.datetime | None = None,
) -> WorklistData:
    """Open visits scheduled in the range, and every open visit already overdue on ``today``."""
    _check_range(date_from, date_to)
    specs = load_protocol().schedule.assessments
    labels = {a.code: a.label_en for a in specs}
    periodic = {a.code for a in specs if a.every_months is not None}
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        meta = _meta(actor, now, s)
    found = worklist_between(db, actor, date_from, date_to, today)
    months = []
    m = date_from.replace(day=1)
    while m <= date_to:
        months.append(m)
        m = (m + dt.timedelta(days=32)).replace(day=1)
    return WorklistData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        today=today,
        overdue=tuple(_line(v, labels, periodic) for v in found.overdue),
        due=tuple(_line(v, labels, periodic) for v in found.due),
        months=tuple(months[:MONTH_GRID_MAX_MONTHS]),
        months_left_out=max(0, len(months) - MONTH_GRID_MAX_MONTHS),
        routine_tests=tuple(a.label_en for a in specs if a.every_months is None),
    )

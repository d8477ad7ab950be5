"""What the coordinator's worklist shows. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from ...clinical import (
    load_protocol,
    visit_state,
)
from ...models import (
    Participant,
    ParticipantIdentity,
    Visit,
)
from ...models.db import Database
from ..permissions import Actor, Permission
from ..uow import reading
from .common import MONTH_GRID_MAX_MONTHS, ReportMeta, _check_range, _meta

# --- coordinator worklist -----------------------------------------------------------------


@dataclass(frozen=True)
class WorklistLine:
    study_id: str
    name: str | None
    phone: str | None
    code: str
    target_date: dt.date
    window_start: dt.date
    window_end: dt.date
    scheduled_date: dt.date
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
        show = actor.can(Permission.VIEW_IDENTITY)
        rows = s.execute(
            select(Visit, Participant.study_id, Participant.id, ParticipantIdentity)
            .join(Participant, Participant.id == Visit.participant_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .where(
                Visit.status == "planned",
                or_(Visit.scheduled_date.between(date_from, date_to), Visit.window_end < today),
            )
            .order_by(Visit.scheduled_date, Participant.study_id, Visit.month)
        ).all()
        lines = []
        for v, study_id, pid, ident in rows:
            state = visit_state(v.status, v.window_start, v.window_end, today)
            lines.append(
                WorklistLine(
                    study_id=study_id or f"#{pid}",
                    name=ident.name if show and ident else None,
                    phone=(ident.phone or "") if show and ident else None,
                    code=v.code,
                    target_date=v.target_date,
                    window_start=v.window_start,
                    window_end=v.window_end,
                    scheduled_date=v.scheduled_date,
                    state=state,
                    days_overdue=(today - v.window_end).days if state == "overdue" else 0,
                    assessments=tuple(labels.get(a, a) for a in v.assessments_planned or ()),
                    extra_tests=tuple(
                        labels.get(a, a) for a in v.assessments_planned or () if a in periodic
                    ),
                )
            )
        meta = _meta(actor, now, s)
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
        overdue=tuple(
            sorted(
                (x for x in lines if x.state == "overdue"),
                key=lambda x: (-x.days_overdue, x.study_id),
            )
        ),
        due=tuple(x for x in lines if x.state != "overdue"),
        months=tuple(months[:MONTH_GRID_MAX_MONTHS]),
        months_left_out=max(0, len(months) - MONTH_GRID_MAX_MONTHS),
        routine_tests=tuple(a.label_en for a in specs if a.every_months is None),
    )

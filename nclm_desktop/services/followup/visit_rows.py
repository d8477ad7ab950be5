"""Reading visits: the plain ``VisitRow`` every follow-up screen, worklist and report shows,
and the queries that list them. Shared lookups of the follow-up modules live here too."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import NamedTuple

from sqlalchemy import Text, and_, cast, or_, select
from sqlalchemy.orm import Session

from ...clinical import load_protocol, visit_state
from ...forms import QT_TRANSLATE_NOOP, Term
from ...models import Participant, ParticipantIdentity, Visit
from ...models.db import Database
from ..errors import NO_PARTICIPANT, NotFound, ValidationError
from ..participants import HIDDEN
from ..permissions import Actor, Permission
from ..uow import reading


class VisitRow(NamedTuple):
    """A visit as the calendar, worklists, dialogs and printed reports show it. ``name`` and
    ``phone`` are HIDDEN for roles that may not see identities. Immutable, and a named tuple
    rather than a frozen dataclass: a thousand rows are built ten times faster (a worklist
    at 10,000 participants)."""

    id: int
    participant_id: int
    study_id: str
    code: str
    month: int
    target_date: dt.date
    window_start: dt.date
    window_end: dt.date
    scheduled_date: dt.date
    status: str
    state: str  # clinical.visit_state for the given today
    actual_date: dt.date | None = None
    deviation: bool = False
    deviation_reason: str | None = None
    assessments_planned: tuple[str, ...] = ()
    assessments_done: tuple[str, ...] = ()
    ecog: int | None = None
    ebv_dna_copies_ml: float | None = None
    liver_imaging_result: str | None = None
    notes: str | None = None
    name: str = ""
    phone: str = ""
    days_overdue: int = 0

    @property
    def calendar_date(self) -> dt.date:
        return calendar_day(self.status, self.actual_date, self.scheduled_date)


def calendar_day(status: str, actual: dt.date | None, scheduled: dt.date) -> dt.date:
    """The day the calendar shows a visit on: when it was done, else when it is booked."""
    return actual if status == "done" and actual else scheduled


# --- lookups shared by the follow-up modules -----------------------------------------------


def anchor_label(cohort: str | None) -> str:
    if cohort == "hepatectomy":
        return QT_TRANSLATE_NOOP("Refusals", "operation date")
    return QT_TRANSLATE_NOOP("Refusals", "index date")


def anchor_term(cohort: str | None) -> Term:
    """The date follow-up counts from, as a word put into a message (translated with it)."""
    return Term(anchor_label(cohort), "Refusals")


def status_term(status: str) -> Term:
    """A visit's status put into a message: the follow-up screens' own word for it."""
    return Term(status, "Followup")


NO_VISIT = QT_TRANSLATE_NOOP("Refusals", "No visit with id {id}.")


def participant(session: Session, participant_id: int) -> Participant:

    p = session.get(Participant, participant_id)
    if p is None:
        raise NotFound(NO_PARTICIPANT, params={"id": participant_id})
    return p


def visit(session: Session, visit_id: int) -> Visit:
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound(NO_VISIT, params={"id": visit_id})
    return v


def check_range(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise ValidationError(
            "end",
            QT_TRANSLATE_NOOP("Refusals", "The end date ({end}) is before the start ({start})."),
            params={"end": end, "start": start},
        )


def assessment_labels() -> dict[str, str]:
    """Assessment code → English label, in protocol order."""
    return {a.code: a.label_en for a in load_protocol().schedule.assessments}


# --- rows ----------------------------------------------------------------------------------


# The visit's columns in VisitRow's order; the two lists of assessment codes are read as
# their JSON text, decoded once per distinct text (most visits share their schedule's list).
_COLUMNS = (
    "id", "participant_id", "code", "month", "target_date", "window_start", "window_end",
    "scheduled_date", "status", "actual_date", "deviation", "deviation_reason",
    "assessments_planned", "assessments_done", "ecog", "ebv_dna_copies_ml",
    "liver_imaging_result", "notes",
)  # fmt: skip
_JSON_COLUMNS = ("assessments_planned", "assessments_done")


def visit_query():
    """The visit's columns as plain values, not ORM entities (lists of thousands of visits,
    a month of the calendar at 10,000 participants, load several times faster), with the
    participant's study ID, name and phone: read by ``rows``."""
    table = Visit.__table__
    columns = [
        cast(table.c[name], Text).label(name) if name in _JSON_COLUMNS else table.c[name]
        for name in _COLUMNS
    ]
    return (
        select(*columns, Participant.study_id, ParticipantIdentity.name, ParticipantIdentity.phone)
        .join(Participant, Participant.id == Visit.participant_id)
        .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
    )


def rows(session: Session, stmt, actor: Actor | None, today: dt.date) -> list[VisitRow]:
    """One query for the whole list (``visit_query`` narrowed). The one masking rule of
    every visit list, on screen and on paper: identity only for roles that may see it,
    HIDDEN otherwise."""
    show = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    codes: dict[str | None, tuple[str, ...]] = {None: ()}

    def decoded(text: str | None) -> tuple[str, ...]:
        found = codes.get(text)
        if found is None:
            found = codes[text] = tuple(json.loads(text) or ())  # type: ignore[arg-type]
        return found

    out = []
    for (
        id_, participant_id, code, month, target, window_start, window_end, scheduled, status,
        actual, deviation, deviation_reason, planned, done, ecog, ebv_dna, imaging, notes,
        study_id, name, phone,
    ) in session.connection().execute(stmt):  # fmt: skip
        state = visit_state(status, window_start, window_end, today)
        out.append(
            VisitRow(
                id_, participant_id, study_id or f"#{participant_id}", code, month, target,
                window_start, window_end, scheduled, status, state, actual, deviation,
                deviation_reason, decoded(planned), decoded(done), ecog, ebv_dna, imaging,
                notes, (name or "") if show else HIDDEN, (phone or "") if show else HIDDEN,
                (today - window_end).days if state == "overdue" else 0,
            )
        )  # fmt: skip
    return out


# --- reading -------------------------------------------------------------------------------


def list_visits(
    db: Database, actor: Actor | None, participant_id: int, today: dt.date
) -> list[VisitRow]:
    """A participant's visits in schedule order (cancelled ones included)."""
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        participant(s, participant_id)
        stmt = (
            visit_query()
            .where(Visit.participant_id == participant_id)
            .order_by(Visit.month, Visit.id)
        )
        return rows(s, stmt, actor, today)


def get_visit(db: Database, actor: Actor | None, visit_id: int, today: dt.date) -> VisitRow:
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        found = rows(s, visit_query().where(Visit.id == visit_id), actor, today)
        if not found:
            raise NotFound(NO_VISIT, params={"id": visit_id})

        return found[0]


def _on_calendar(start: dt.date, end: dt.date):
    """Visits the calendar shows from ``start`` to ``end`` inclusive: done visits on the
    day they were done, open and missed visits on their booked day; cancelled ones not."""
    return or_(
        and_(Visit.status == "done", Visit.actual_date.between(start, end)),
        and_(Visit.status.in_(("planned", "missed")), Visit.scheduled_date.between(start, end)),
    )


def visits_between(
    db: Database, actor: Actor | None, start: dt.date, end: dt.date, today: dt.date
) -> list[VisitRow]:
    """Visits shown on the calendar from ``start`` to ``end`` inclusive (see
    ``_on_calendar``), by booked day and study ID."""
    check_range(start, end)
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        stmt = (
            visit_query()
            .where(_on_calendar(start, end))
            .order_by(Visit.scheduled_date, Participant.study_id)
        )
        return rows(s, stmt, actor, today)


def month_grid(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month's grid: the 42 days of a Monday-first grid, which
    (like QCalendarWidget) shows the week before when the 1st is a Monday."""
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=first.weekday() or 7)
    return start, start + dt.timedelta(days=41)


def month_view(
    db: Database, actor: Actor | None, year: int, month: int, today: dt.date
) -> dict[dt.date, list[VisitRow]]:
    """Per day of the month grid (the month plus the neighbouring days a 6-week grid
    shows), that day's visits with their state."""
    days: dict[dt.date, list[VisitRow]] = {}
    for row in visits_between(db, actor, *month_grid(year, month), today):
        days.setdefault(row.calendar_date, []).append(row)
    return days


def month_counts(
    db: Database, actor: Actor | None, year: int, month: int, today: dt.date
) -> dict[dt.date, Counter[str]]:
    """Per day of the month grid, how many visits are in each state: what the grid paints,
    from the five columns it needs (``month_view`` gives the rows themselves)."""
    start, end = month_grid(year, month)
    stmt = select(
        Visit.status, Visit.actual_date, Visit.scheduled_date, Visit.window_start, Visit.window_end
    ).where(_on_calendar(start, end))
    days: dict[dt.date, Counter[str]] = {}
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        for status, actual, scheduled, window_start, window_end in s.connection().execute(stmt):
            day = calendar_day(status, actual, scheduled)
            state = visit_state(status, window_start, window_end, today)
            days.setdefault(day, Counter())[state] += 1
    return days


def participant_study_id(db: Database, actor: Actor | None, participant_id: int) -> str:
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        return participant(s, participant_id).study_id or ""

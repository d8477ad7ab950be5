"""A participant's follow-up at a glance: visits and events in one chronological list, and
the endpoints derived from the stored record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from ...clinical import SurvivalTime, endpoints_from_records
from ...forms import QT_TRANSLATE_NOOP, Term
from ...forms.catalogue import form
from ...forms.errors import said
from ...models import ClinicalEvent, Visit
from ...models.db import Database
from ..permissions import Actor, Permission
from ..recorded_texts import as_term
from ..uow import reading
from .clinical_events import EventRow, list_events
from .visit_rows import VisitRow, anchor_label, list_visits, participant

EVENT = form("clinical_event")
VISIT = form("visit")


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    days: int  # since the anchor
    kind: str  # "anchor", "visit" or "event"
    code: str  # visit code or event kind
    state: str  # visit state, or "" for events
    detail: str
    visit_id: int | None = None
    event_id: int | None = None


@dataclass(frozen=True)
class Timeline:
    participant_id: int
    study_id: str
    cohort: str
    status: str
    anchor: dt.date | None
    anchor_label: str  # "operation date" or "index date"
    entries: tuple[TimelineEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Endpoints:
    anchor: dt.date | None
    overall_survival: SurvivalTime | None
    intrahepatic_rfs: SurvivalTime | None  # hepatectomy group only


# A detail is a sentence of parts, each a marked template (forms/errors.said): the list
# shows it in the reader's language (``shown``), what a person typed as typed.
_AND = QT_TRANSLATE_NOOP("Refusals", "{first}; {rest}")


def _joined(parts: list[str]) -> str:
    """``parts`` as one ``said`` sentence ("a; b; c"), or "" when there are none."""
    parts = [p for p in parts if p]
    if not parts:
        return ""
    text = parts[-1]
    for part in reversed(parts[:-1]):
        text = said(_AND, first=part, rest=text)
    return text


def _event_detail(e: EventRow) -> str:
    how = e.confirmed_by and Term(EVENT["confirmed_by"].choice_label(e.confirmed_by))
    return _joined(
        [
            e.site and said(QT_TRANSLATE_NOOP("Refusals", "site: {site}"), site=e.site),
            e.cause
            and said(QT_TRANSLATE_NOOP("Refusals", "cause: {cause}"), cause=as_term(e.cause)),
            how and said(QT_TRANSLATE_NOOP("Refusals", "confirmed by {how}"), how=how),
            e.detail and as_term(e.detail),
        ]
    )


def _visit_detail(v: VisitRow) -> str:
    if v.status == "done":
        result = v.liver_imaging_result
        return _joined(
            [
                v.ecog is not None
                and said(QT_TRANSLATE_NOOP("Refusals", "ECOG {ecog}"), ecog=v.ecog),
                v.ebv_dna_copies_ml is not None
                and said(
                    QT_TRANSLATE_NOOP("Refusals", "EBV DNA {n} copies/mL"),
                    n=f"{v.ebv_dna_copies_ml:g}",
                ),
                result
                and said(
                    QT_TRANSLATE_NOOP("Refusals", "liver imaging: {result}"),
                    result=Term(VISIT["liver_imaging_result"].choice_label(result)),
                ),
                v.deviation and said(QT_TRANSLATE_NOOP("Refusals", "outside window")),
            ]
        )
    window = {"start": v.window_start.isoformat(), "end": v.window_end.isoformat()}
    if v.deviation:
        return said(
            QT_TRANSLATE_NOOP("Refusals", "window {start} to {end}; rescheduled outside window"),
            **window,
        )
    return said(QT_TRANSLATE_NOOP("Refusals", "window {start} to {end}"), **window)


def timeline(db: Database, actor: Actor | None, participant_id: int, today: dt.date) -> Timeline:
    """Visits and events in one chronological list, with days since the anchor."""
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        p = participant(s, participant_id)
        pid, study_id, cohort, status, anchor = (
            p.id, p.study_id or "", p.cohort or "", p.status, p.index_date
        )  # fmt: skip
    visits = list_visits(db, actor, participant_id, today)
    events = list_events(db, actor, participant_id)
    entries: list[tuple[tuple, TimelineEntry]] = []

    def days(d: dt.date) -> int:
        return (d - anchor).days if anchor else 0

    if anchor:
        entries.append(
            ((anchor, 0, 0), TimelineEntry(anchor, 0, "anchor", anchor_label(cohort), "", ""))
        )
    for v in visits:
        d = v.calendar_date
        entry = TimelineEntry(d, days(d), "visit", v.code, v.state, _visit_detail(v), v.id)
        entries.append(((d, 1, v.month), entry))
    for e in events:
        entry = TimelineEntry(
            e.event_date, days(e.event_date), "event", e.kind, "", _event_detail(e), event_id=e.id
        )
        entries.append(((e.event_date, 2, e.id), entry))
    entries.sort(key=lambda pair: pair[0])
    return Timeline(
        pid, study_id, cohort, status, anchor, anchor_label(cohort), tuple(e for _, e in entries)
    )


def participant_endpoints(db: Database, actor: Actor | None, participant_id: int) -> Endpoints:
    """Overall survival and (hepatectomy group) intrahepatic RFS from the stored record."""
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        p = participant(s, participant_id)
        anchor, cohort = p.index_date, p.cohort
        if anchor is None:
            return Endpoints(None, None, None)
        events = list(
            s.execute(
                select(ClinicalEvent.kind, ClinicalEvent.event_date).where(
                    ClinicalEvent.participant_id == p.id
                )
            )
        )
        done = list(
            s.execute(
                select(Visit.actual_date, Visit.liver_imaging_result).where(
                    Visit.participant_id == p.id,
                    Visit.status == "done",
                    Visit.actual_date.is_not(None),
                )
            )
        )
    os_time, rfs = endpoints_from_records(anchor, cohort, events, done)
    return Endpoints(anchor, os_time, rfs)

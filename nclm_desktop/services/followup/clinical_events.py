"""Clinical events (recurrence, death, last contact, withdrawal ...): checked through the
clinical_event form plus the record's date-order rules, stored, listed.

Several findings are entered side by side, so a finding's inputs are named
``<kind>_<field>`` (``death_cause``, ``extrahepatic_recurrence_site``) and its date
``<kind>_date``; errors carry those names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...clinical import ALIVE_EVENT_KINDS
from ...forms import QT_TRANSLATE_NOOP, Term
from ...forms.catalogue import form
from ...models import ClinicalEvent, Participant, Visit
from ...models.db import Database
from .. import record_dates
from ..errors import ValidationError, named
from ..permissions import Actor, Permission
from ..record_dates import check_record_dates
from ..schedule_sync import sync_schedule
from ..uow import reading, writing
from .visit_rows import anchor_term, participant

EVENT = form("clinical_event")
EVENT_KINDS: tuple[str, ...] = EVENT["kind"].codes()
CONFIRMED_BY: tuple[str, ...] = EVENT["confirmed_by"].codes()
# Kinds that can happen once per participant.
SINGLE_EVENT_KINDS = ("death", "withdrawal", "lost_to_follow_up")
# Kinds after which the participant is no longer followed, and the status it then gets.
STATUS_AFTER_EVENT = {"death": "deceased", "withdrawal": "withdrawn"}


@dataclass(frozen=True)
class Finding:
    """A clinical event to record, on its own or found at a visit."""

    kind: str
    event_date: dt.date | None
    site: str | None = None
    cause: str | None = None
    confirmed_by: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class RecordResult:
    visit_id: int | None
    event_ids: tuple[int, ...]
    warnings: tuple[str, ...] = ()
    outside_window: bool = False
    status: str = ""  # the participant's status afterwards


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    event_date: dt.date
    site: str | None
    cause: str | None
    confirmed_by: str | None
    detail: str | None
    visit_id: int | None


def finding_input(kind: str, field: str) -> str:
    """The name of a finding's input (see the module docstring)."""
    if field == "kind":
        return "kind"
    return f"{kind}_{'date' if field == 'event_date' else field}"


def check_after_anchor(name: str, value: dt.date, what: str, p: Participant) -> None:
    """Nothing of the follow-up happens before the operation/index date; ``what`` is the
    dictionary's label of the date or of the event."""
    if p.index_date is not None and value < p.index_date:
        raise ValidationError(
            name,
            QT_TRANSLATE_NOOP("Refusals", "{what}: {value} is before the {anchor} ({date})."),
            params={
                "what": Term(what),
                "value": value.isoformat(),
                "anchor": anchor_term(p.cohort),
                "date": p.index_date.isoformat(),
            },
        )


def last_done_visit(
    session: Session, participant_id: int, exclude_visit: int | None = None
) -> tuple[str, dt.date] | None:
    stmt = (
        select(Visit.code, Visit.actual_date)
        .where(
            Visit.participant_id == participant_id,
            Visit.status == "done",
            Visit.actual_date.is_not(None),
        )
        .order_by(Visit.actual_date.desc())
        .limit(1)
    )
    if exclude_visit is not None:
        stmt = stmt.where(Visit.id != exclude_visit)
    row = session.execute(stmt).first()
    return (row[0], row[1]) if row else None


def _clean_finding(f: Finding, today: dt.date) -> Finding:
    try:
        values = EVENT.clean(
            {
                "kind": f.kind,
                "event_date": f.event_date,
                "site": f.site,
                "cause": f.cause,
                "confirmed_by": f.confirmed_by,
                "detail": f.detail,
            },
            today=today,
        )
    except ValidationError as exc:
        raise ValidationError(finding_input(f.kind, exc.field), str(exc), soft=exc.soft) from None
    return Finding(**values)


def validate_findings(
    session: Session,
    p: Participant,
    findings: Sequence[Finding],
    today: dt.date,
    visit: Visit | None,
    visit_date: dt.date | None,
) -> list[Finding]:
    """Checks every finding through the form and against the participant's record; returns
    the cleaned findings."""
    existing = dict(
        session.execute(
            select(ClinicalEvent.kind, ClinicalEvent.event_date).where(
                ClinicalEvent.participant_id == p.id
            )
        ).all()
    )
    seen: set[str] = set()
    cleaned: list[Finding] = []
    for raw in findings:
        f = _clean_finding(raw, today)
        assert f.event_date is not None  # required by the form
        label = EVENT["kind"].choice_label(f.kind)
        date_input = finding_input(f.kind, "event_date")
        check_after_anchor(date_input, f.event_date, label, p)
        if f.kind in SINGLE_EVENT_KINDS and (f.kind in existing or f.kind in seen):
            raise ValidationError(
                f.kind,
                QT_TRANSLATE_NOOP(
                    "Refusals", "{event} is already recorded for {study_id} ({date})."
                ),
                params={"event": Term(label), "study_id": p.study_id, "date": existing.get(f.kind)},
            )
        seen.add(f.kind)
        if f.kind == "death":
            _check_death(session, p, f.event_date, visit, visit_date)
        cleaned.append(f)
    death = existing.get("death") or next(
        (f.event_date for f in cleaned if f.kind == "death"), None
    )
    late = [f for f in cleaned if f.kind != "death" and death and f.event_date > death]
    if late:
        raise ValidationError(
            finding_input(late[0].kind, "event_date"),
            QT_TRANSLATE_NOOP(
                "Refusals", "{study_id} died on {death}; {event} ({date}) is after it."
            ),
            params={
                "study_id": p.study_id,
                "death": death.isoformat(),
                "event": Term(EVENT["kind"].choice_label(late[0].kind)),
                "date": late[0].event_date.isoformat(),
            },
        )
    return cleaned


def _check_death(
    session: Session, p: Participant, when: dt.date, visit: Visit | None, visit_date: dt.date | None
) -> None:
    """A death is not before the last completed visit nor before a contact alive."""
    last = last_done_visit(session, p.id, visit.id if visit else None)
    if visit_date is not None and (last is None or visit_date > last[1]):
        last = (visit.code if visit else "", visit_date)
    if last is not None and when < last[1]:
        raise ValidationError(
            "death_date",
            QT_TRANSLATE_NOOP(
                "Refusals",
                "The death date ({date}) is before the last completed visit {code} ({visit_date}).",
            ),
            params={"date": when.isoformat(), "code": last[0], "visit_date": last[1].isoformat()},
        )
    alive = [
        d
        for d in session.scalars(
            select(ClinicalEvent.event_date).where(
                ClinicalEvent.participant_id == p.id,
                ClinicalEvent.kind.in_(ALIVE_EVENT_KINDS),
            )
        )
        if d > when
    ]
    if alive:
        raise ValidationError(
            "death_date",
            QT_TRANSLATE_NOOP(
                "Refusals", "The death date ({date}) is before a recorded contact on {contact}."
            ),
            params={"date": when.isoformat(), "contact": max(alive).isoformat()},
        )


def store_findings(
    session: Session, p: Participant, findings: Iterable[Finding], visit: Visit | None
) -> list[ClinicalEvent]:
    findings = list(findings)
    events = [
        ClinicalEvent(
            participant_id=p.id,
            kind=f.kind,
            event_date=f.event_date,
            site=f.site,
            cause=f.cause,
            confirmed_by=f.confirmed_by,
            detail=f.detail,
            visit_id=visit.id if visit else None,
        )
        for f in findings
    ]
    session.add_all(events)
    ends = [f for f in findings if f.kind in STATUS_AFTER_EVENT]
    if ends:
        # A death outranks a withdrawal recorded with it.
        kind = "death" if any(f.kind == "death" for f in ends) else ends[0].kind
        if p.status != "deceased":
            p.status = STATUS_AFTER_EVENT[kind]
        session.flush()
        sync_schedule(session, p)
    session.flush()
    return events


def record_events(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    findings: Sequence[Finding],
    today: dt.date,
) -> RecordResult:
    """Events learnt outside a visit (a phone call, a death certificate, a withdrawal),
    all in one transaction."""
    if not findings:
        raise ValidationError(
            "kind",
            QT_TRANSLATE_NOOP("Refusals", "Choose at least one event to record."),
            params={},
        )

    with writing(db, actor, Permission.WRITE_FOLLOWUP) as s:
        p = participant(s, participant_id)
        if p.index_date is None:
            raise ValidationError(
                "event_date",
                QT_TRANSLATE_NOOP("Refusals", "{study_id} has no index date yet."),
                params={"study_id": named(p.study_id)},
            )
        cleaned = validate_findings(s, p, findings, today, None, None)
        events = store_findings(s, p, cleaned, None)
        first = cleaned[0].kind
        check_record_dates(s, p.id, f"{first}_date", record_dates.event_date_label(first))
        return RecordResult(None, tuple(e.id for e in events), status=p.status)


def record_event(
    db: Database, actor: Actor | None, participant_id: int, finding: Finding, today: dt.date
) -> RecordResult:
    return record_events(db, actor, participant_id, [finding], today)


def list_events(db: Database, actor: Actor | None, participant_id: int) -> list[EventRow]:
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        participant(s, participant_id)
        return [
            EventRow(
                e.id, e.kind, e.event_date, e.site, e.cause, e.confirmed_by, e.detail, e.visit_id
            )
            for e in s.scalars(
                select(ClinicalEvent)
                .where(ClinicalEvent.participant_id == participant_id)
                .order_by(ClinicalEvent.event_date, ClinicalEvent.id)
            )
        ]

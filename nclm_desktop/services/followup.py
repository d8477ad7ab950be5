"""Follow-up: visits, worklists, recording visits and outcome events, timeline, endpoints.

The schedule itself is planned by ``schedule_sync.sync_schedule``; this module reads it,
moves single visits, records what happened and derives the participant's endpoints. Every
function that depends on the date takes ``today`` so nothing here reads the wall clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Bundle, Session

from ..clinical import (
    ALIVE_EVENT_KINDS,
    SurvivalTime,
    endpoints_from_records,
    load_protocol,
    visit_state,
)
from ..models import ClinicalEvent, Participant, ParticipantIdentity, Visit
from ..models.db import Database
from .errors import NotFound, ValidationError
from .participants import HIDDEN
from .permissions import Actor, Permission
from .record_dates import check_record_dates
from .schedule_sync import follow_up_stop_date, sync_schedule
from .uow import reading, writing

EVENT_KINDS = (
    "intrahepatic_recurrence",
    "extrahepatic_recurrence",
    "local_regional_recurrence",
    "death",
    "last_contact_alive",
    "withdrawal",
    "lost_to_follow_up",
)
# Kinds that can happen once per participant.
SINGLE_EVENT_KINDS = ("death", "withdrawal", "lost_to_follow_up")
# Kinds after which the participant is no longer followed, and the status it then gets.
STATUS_AFTER_EVENT = {"death": "deceased", "withdrawal": "withdrawn"}
CONFIRMED_BY = ("imaging", "pathology", "clinical")
LIVER_IMAGING_RESULTS = ("no_recurrence", "intrahepatic_recurrence", "indeterminate", "not_done")
ECOG_RANGE = (0, 4)
EBV_DNA_MAX = 1e9  # copies/mL; anything larger is a typing error
TEXT_MAX = 200
WORKLISTS = ("this_week", "next_4_weeks", "overdue")


class OutsideWindow(ValidationError):
    """The visit date is outside the window and the caller asked to confirm that first."""


# --- plain results -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VisitRow:
    """A visit as the calendar, worklists and dialogs show it."""

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
        """The day the calendar shows it on: when it was done, else when it is booked."""
        return (
            self.actual_date
            if self.status == "done" and self.actual_date
            else (self.scheduled_date)
        )


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
class VisitRecord:
    actual_date: dt.date | None
    assessments_done: Sequence[str] = ()
    ecog: int | None = None
    ebv_dna_copies_ml: float | None = None
    liver_imaging_result: str | None = None
    notes: str | None = None
    findings: Sequence[Finding] = ()


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


# --- helpers -------------------------------------------------------------------------


def _anchor_label(cohort: str | None) -> str:
    return "operation date" if cohort == "hepatectomy" else "index date"


def _row(
    v: Visit, study_id: str | None, today: dt.date, name: str = "", phone: str = ""
) -> VisitRow:
    state = visit_state(v.status, v.window_start, v.window_end, today)
    return VisitRow(
        id=v.id,
        participant_id=v.participant_id,
        study_id=study_id or "",
        code=v.code,
        month=v.month,
        target_date=v.target_date,
        window_start=v.window_start,
        window_end=v.window_end,
        scheduled_date=v.scheduled_date,
        status=v.status,
        state=state,
        actual_date=v.actual_date,
        deviation=v.deviation,
        deviation_reason=v.deviation_reason,
        assessments_planned=tuple(v.assessments_planned or ()),
        assessments_done=tuple(v.assessments_done or ()),
        ecog=v.ecog,
        ebv_dna_copies_ml=v.ebv_dna_copies_ml,
        liver_imaging_result=v.liver_imaging_result,
        notes=v.notes,
        name=name,
        phone=phone,
        days_overdue=(today - v.window_end).days if state == "overdue" else 0,
    )


def _visit_query():
    # The visit's columns as a plain bundle, not ORM entities: lists of thousands of visits
    # (a month of the calendar at 10,000 participants) load in half the time.
    visit = Bundle("visit", *Visit.__table__.columns)
    return (
        select(visit, Participant.study_id, ParticipantIdentity.name, ParticipantIdentity.phone)
        .join(Participant, Participant.id == Visit.participant_id)
        .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
    )


def _rows(session: Session, stmt, actor: Actor | None, today: dt.date) -> list[VisitRow]:
    """One query for the whole list; identity only for roles that may see it."""
    show = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    return [
        _row(v, sid, today, (name or "") if show else HIDDEN, (phone or "") if show else HIDDEN)
        for v, sid, name, phone in session.execute(stmt)
    ]


def _participant(session: Session, participant_id: int) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None:
        raise NotFound(f"No participant with id {participant_id}.")
    return p


def _visit(session: Session, visit_id: int) -> Visit:
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound(f"No visit with id {visit_id}.")
    return v


def _clean(text: str | None, name: str, limit: int = TEXT_MAX) -> str | None:
    text = (text or "").strip()
    if len(text) > limit:
        raise ValidationError(name, f"{name.replace('_', ' ')} is limited to {limit} characters.")
    return text or None


def _d(value: dt.date) -> str:
    return value.isoformat()


# --- reading ---------------------------------------------------------------------------


def list_visits(
    db: Database, actor: Actor | None, participant_id: int, today: dt.date
) -> list[VisitRow]:
    """A participant's visits in schedule order (cancelled ones included)."""
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        _participant(s, participant_id)
        stmt = _visit_query().where(Visit.participant_id == participant_id).order_by(Visit.month)
        return _rows(s, stmt, actor, today)


def get_visit(db: Database, actor: Actor | None, visit_id: int, today: dt.date) -> VisitRow:
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        rows = _rows(s, _visit_query().where(Visit.id == visit_id), actor, today)
        if not rows:
            raise NotFound(f"No visit with id {visit_id}.")
        return rows[0]


def visits_between(
    db: Database, actor: Actor | None, start: dt.date, end: dt.date, today: dt.date
) -> list[VisitRow]:
    """Visits shown on the calendar from ``start`` to ``end`` inclusive: done visits on the
    day they were done, open and missed visits on their booked day; cancelled ones not."""
    if end < start:
        raise ValidationError("end", f"The end date ({end}) is before the start ({start}).")
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        stmt = (
            _visit_query()
            .where(
                or_(
                    and_(Visit.status == "done", Visit.actual_date.between(start, end)),
                    and_(
                        Visit.status.in_(("planned", "missed")),
                        Visit.scheduled_date.between(start, end),
                    ),
                )
            )
            .order_by(Visit.scheduled_date, Participant.study_id)
        )
        return _rows(s, stmt, actor, today)


def month_view(
    db: Database, actor: Actor | None, year: int, month: int, today: dt.date
) -> dict[dt.date, list[VisitRow]]:
    """Per day of the month grid (the month plus the neighbouring days a 6-week grid
    shows), that day's visits with their state."""
    first = dt.date(year, month, 1)
    # The 42 days of a Monday-first grid, which (like QCalendarWidget) shows the week
    # before when the 1st is a Monday: no more rows than the grid paints.
    start = first - dt.timedelta(days=first.weekday() or 7)
    end = start + dt.timedelta(days=41)
    days: dict[dt.date, list[VisitRow]] = {}
    for row in visits_between(db, actor, start, end, today):
        days.setdefault(row.calendar_date, []).append(row)
    return days


def worklist_range(kind: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The booked-date range of a worklist: this week is today and the 6 days after (a
    calendar week would hold only past days on a Sunday); the next 4 weeks are today and
    the 27 days after; overdue has no range."""
    if kind == "this_week":
        return today, today + dt.timedelta(days=6)
    if kind == "next_4_weeks":
        return today, today + dt.timedelta(days=27)
    if kind == "overdue":
        return None, None
    raise ValidationError("worklist", f"Unknown worklist {kind!r}; use one of {WORKLISTS}.")


def worklist(db: Database, actor: Actor | None, kind: str, today: dt.date) -> list[VisitRow]:
    """Open visits to arrange: booked this week, booked in the next 4 weeks, or overdue
    (window passed, neither done nor marked missed). Study ID, name and phone per row."""
    start, end = worklist_range(kind, today)
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        stmt = _visit_query().where(Visit.status == "planned")
        if kind == "overdue":
            stmt = stmt.where(Visit.window_end < today).order_by(
                Visit.window_end, Participant.study_id
            )
        else:
            stmt = stmt.where(Visit.scheduled_date.between(start, end)).order_by(
                Visit.scheduled_date, Participant.study_id
            )
        return _rows(s, stmt, actor, today)


def open_visits_between(
    db: Database, actor: Actor | None, start: dt.date, end: dt.date, today: dt.date
) -> list[VisitRow]:
    """Open visits booked from ``start`` to ``end``: the worklist of a calendar export."""
    if end < start:
        raise ValidationError("end", f"The end date ({end}) is before the start ({start}).")
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        stmt = (
            _visit_query()
            .where(Visit.status == "planned", Visit.scheduled_date.between(start, end))
            .order_by(Visit.scheduled_date, Participant.study_id)
        )
        return _rows(s, stmt, actor, today)


def participant_study_id(db: Database, actor: Actor | None, participant_id: int) -> str:
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        return _participant(s, participant_id).study_id or ""


def assessment_labels() -> dict[str, str]:
    """Assessment code → English label, in protocol order."""
    return {a.code: a.label_en for a in load_protocol().schedule.assessments}


# --- moving and marking visits --------------------------------------------------------------


def reschedule_visit(
    db: Database,
    actor: Actor | None,
    visit_id: int,
    new_date: dt.date,
    reason: str | None = None,
) -> bool:
    """Book an open visit on another day. Inside its window this is routine; outside it
    needs a reason and the visit is flagged as a protocol deviation. Returns the flag."""
    reason = _clean(reason, "deviation_reason", 1000)
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = _visit(s, visit_id)
        p = _participant(s, v.participant_id)
        if v.status != "planned":
            raise ValidationError(
                "scheduled_date", f"Visit {v.code} is {v.status}; only open visits can be moved."
            )
        if p.index_date is not None and new_date <= p.index_date:
            raise ValidationError(
                "scheduled_date",
                f"The visit must be after the {_anchor_label(p.cohort)} ({_d(p.index_date)}).",
            )
        inside = v.window_start <= new_date <= v.window_end
        if not inside and not reason:
            raise ValidationError(
                "deviation_reason",
                f"{_d(new_date)} is outside the window {_d(v.window_start)} to "
                f"{_d(v.window_end)}: give a reason; the visit will be flagged as a protocol "
                "deviation.",
            )
        v.scheduled_date = new_date
        v.deviation = not inside
        v.deviation_reason = None if inside else reason
        return not inside


def mark_missed(
    db: Database, actor: Actor | None, visit_id: int, today: dt.date, reason: str | None = None
) -> None:
    """An open visit the participant did not attend (audited as a status change)."""
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = _visit(s, visit_id)
        if v.status != "planned":
            raise ValidationError("status", f"Visit {v.code} is {v.status}, not open.")
        if today < v.window_start:
            raise ValidationError(
                "status",
                f"The window of {v.code} opens on {_d(v.window_start)}; a visit cannot be "
                "missed before then.",
            )
        v.status = "missed"


def unmark_missed(db: Database, actor: Actor | None, visit_id: int, reason: str | None) -> None:
    """Undo "missed" (a correction): the visit is open again; a reason is required."""
    reason = _clean(reason, "reason", 1000)
    if not reason:
        raise ValidationError("reason", "Give a reason for un-marking a missed visit.")
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = _visit(s, visit_id)
        p = _participant(s, v.participant_id)
        if v.status != "missed":
            raise ValidationError("status", f"Visit {v.code} is {v.status}, not missed.")
        stop = follow_up_stop_date(s, p.id)
        if stop is not None and v.target_date >= stop:
            raise ValidationError(
                "status", f"Follow-up ended on {_d(stop)}; {v.code} cannot be reopened."
            )
        v.status = "planned"


# --- recording ------------------------------------------------------------------------


def _last_done_visit(
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


def _check_date(
    name: str, value: dt.date | None, what: str, p: Participant, today: dt.date
) -> dt.date:
    if value is None:
        raise ValidationError(name, f"Enter the {what}.")
    if value > today:
        raise ValidationError(
            name, f"The {what} ({_d(value)}) is in the future (today is {_d(today)})."
        )
    if p.index_date is not None and value < p.index_date:
        raise ValidationError(
            name,
            f"The {what} ({_d(value)}) is before the {_anchor_label(p.cohort)} "
            f"({_d(p.index_date)}).",
        )
    return value


def _validate_findings(
    session: Session,
    p: Participant,
    findings: Sequence[Finding],
    today: dt.date,
    visit: Visit | None,
    visit_date: dt.date | None,
) -> list[Finding]:
    """Checks every finding against the participant's record; returns cleaned copies."""
    existing = {
        kind: when
        for kind, when in session.execute(
            select(ClinicalEvent.kind, ClinicalEvent.event_date).where(
                ClinicalEvent.participant_id == p.id
            )
        )
    }
    seen: set[str] = set()
    cleaned: list[Finding] = []
    for f in findings:
        if f.kind not in EVENT_KINDS:
            raise ValidationError("kind", f"Unknown event kind {f.kind!r}.")
        prefix = f.kind
        label = f.kind.replace("_", " ")
        when = _check_date(f"{prefix}_date", f.event_date, f"{label} date", p, today)
        if f.kind in SINGLE_EVENT_KINDS and (f.kind in existing or f.kind in seen):
            raise ValidationError(
                prefix, f"A {label} is already recorded for {p.study_id} ({existing.get(f.kind)})."
            )
        seen.add(f.kind)
        site = _clean(f.site, f"{prefix}_site")
        cause = _clean(f.cause, f"{prefix}_cause")
        detail = _clean(f.detail, f"{prefix}_detail", 1000)
        confirmed = _clean(f.confirmed_by, f"{prefix}_confirmed_by", 20)
        if confirmed is not None and confirmed not in CONFIRMED_BY:
            raise ValidationError(
                f"{prefix}_confirmed_by", f"Confirmed by must be one of {', '.join(CONFIRMED_BY)}."
            )
        if f.kind in ("extrahepatic_recurrence", "local_regional_recurrence") and not site:
            raise ValidationError(f"{prefix}_site", f"Enter the site of the {label}.")
        if f.kind == "death":
            if not cause:
                raise ValidationError(
                    "death_cause", "Enter the cause of death (or 'unknown' if it is not known)."
                )
            last = _last_done_visit(session, p.id, visit.id if visit else None)
            if visit_date is not None and (last is None or visit_date > last[1]):
                last = (visit.code if visit else "", visit_date)
            if last is not None and when < last[1]:
                raise ValidationError(
                    "death_date",
                    f"The death date ({_d(when)}) is before the last completed visit "
                    f"{last[0]} ({_d(last[1])}).",
                )
            alive = [
                d
                for k, d in session.execute(
                    select(ClinicalEvent.kind, ClinicalEvent.event_date).where(
                        ClinicalEvent.participant_id == p.id,
                        ClinicalEvent.kind.in_(ALIVE_EVENT_KINDS),
                    )
                )
                if d > when
            ]
            if alive:
                raise ValidationError(
                    "death_date",
                    f"The death date ({_d(when)}) is before a recorded contact on "
                    f"{_d(max(alive))}.",
                )
        cleaned.append(Finding(f.kind, when, site, cause, confirmed, detail))
    death = existing.get("death") or next(
        (f.event_date for f in cleaned if f.kind == "death"), None
    )
    late = [f for f in cleaned if f.kind != "death" and death and f.event_date > death]
    if late:
        raise ValidationError(
            f"{late[0].kind}_date",
            f"{p.study_id} died on {_d(death)}; the {late[0].kind.replace('_', ' ')} date "
            f"({_d(late[0].event_date)}) is after it.",
        )
    return cleaned


def _store_findings(
    session: Session, p: Participant, findings: Iterable[Finding], visit: Visit | None
) -> list[ClinicalEvent]:
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
        raise ValidationError("kind", "Choose at least one event to record.")
    with writing(db, actor, Permission.WRITE_FOLLOWUP) as s:
        p = _participant(s, participant_id)
        if p.index_date is None:
            raise ValidationError(
                "event_date", f"{p.study_id or 'The participant'} has no index date yet."
            )
        cleaned = _validate_findings(s, p, findings, today, None, None)
        events = _store_findings(s, p, cleaned, None)
        first = cleaned[0].kind
        check_record_dates(s, p.id, f"{first}_date", f"{first.replace('_', ' ')} date")
        return RecordResult(None, tuple(e.id for e in events), status=p.status)


def record_event(
    db: Database, actor: Actor | None, participant_id: int, finding: Finding, today: dt.date
) -> RecordResult:
    return record_events(db, actor, participant_id, [finding], today)


def record_visit(
    db: Database,
    actor: Actor | None,
    visit_id: int,
    record: VisitRecord,
    today: dt.date,
    reason: str | None = None,
    outside_window_ok: bool = True,
) -> RecordResult:
    """Record a visit as done, with its findings, in one transaction.

    Refused: an actual date in the future or before the operation/index date, a finding
    that contradicts the record (a death before the last completed visit ...). A date
    outside the window is accepted, flagged as a deviation and reported in ``warnings``.
    Correcting a visit already recorded needs ``reason``. Liver imaging showing an
    intrahepatic recurrence adds that event (confirmed by imaging) unless it is given.
    With ``outside_window_ok=False`` a date outside the window raises OutsideWindow once
    everything else is valid, so the user can confirm and the caller retry.
    """
    with writing(db, actor, Permission.WRITE_FOLLOWUP, reason=reason) as s:
        v = _visit(s, visit_id)
        p = _participant(s, v.participant_id)
        if v.status == "done" and not (reason or "").strip():
            raise ValidationError(
                "reason", f"Visit {v.code} is already recorded: give a reason for the correction."
            )
        if v.status == "cancelled":
            raise ValidationError("status", f"Visit {v.code} was cancelled; it cannot be recorded.")
        what = "visit date"
        actual = _check_date("actual_date", record.actual_date, what, p, today)
        stop = follow_up_stop_date(s, p.id)
        if stop is not None and actual > stop:
            raise ValidationError(
                "actual_date",
                f"Follow-up of {p.study_id} ended on {_d(stop)}; the visit date is after it.",
            )
        planned = set(v.assessments_planned or ())
        known = set(assessment_labels())
        done = [a for a in dict.fromkeys(record.assessments_done)]
        unknown = [a for a in done if a not in known]
        if unknown:
            raise ValidationError("assessments_done", f"Unknown assessment {unknown[0]!r}.")
        if record.ecog is not None and (
            isinstance(record.ecog, bool)
            or not isinstance(record.ecog, int)
            or not ECOG_RANGE[0] <= record.ecog <= ECOG_RANGE[1]
        ):
            raise ValidationError(
                "ecog", f"ECOG must be a whole number from {ECOG_RANGE[0]} to {ECOG_RANGE[1]}."
            )
        ebv = record.ebv_dna_copies_ml
        if ebv is not None and not 0 <= ebv <= EBV_DNA_MAX:
            raise ValidationError(
                "ebv_dna_copies_ml", f"EBV DNA must be from 0 to {EBV_DNA_MAX:.0e} copies/mL."
            )
        imaging = record.liver_imaging_result or None
        if imaging is not None and imaging not in LIVER_IMAGING_RESULTS:
            raise ValidationError(
                "liver_imaging_result",
                f"Liver imaging result must be one of {', '.join(LIVER_IMAGING_RESULTS)}.",
            )
        findings = list(record.findings)
        if imaging == "intrahepatic_recurrence" and not any(
            f.kind == "intrahepatic_recurrence" for f in findings
        ):
            findings.append(Finding("intrahepatic_recurrence", actual, confirmed_by="imaging"))
        cleaned = _validate_findings(s, p, findings, today, v, actual)

        warnings: list[str] = []
        outside = not v.window_start <= actual <= v.window_end
        if outside and not outside_window_ok:
            raise OutsideWindow(
                "actual_date",
                f"{_d(actual)} is outside the window of {v.code} ({_d(v.window_start)} to "
                f"{_d(v.window_end)}).",
            )
        if outside:
            warnings.append(
                f"{_d(actual)} is outside the window of {v.code} ({_d(v.window_start)} to "
                f"{_d(v.window_end)}): recorded as a protocol deviation."
            )
            v.deviation = True
            v.deviation_reason = v.deviation_reason or (
                f"Done on {_d(actual)}, outside the window."
            )
        missing = sorted(planned - set(done), key=list(assessment_labels()).index)
        if missing:
            labels = assessment_labels()
            warnings.append("Not done: " + ", ".join(labels[m] for m in missing) + ".")
        v.status = "done"
        v.actual_date = actual
        v.assessments_done = done
        v.ecog = record.ecog
        v.ebv_dna_copies_ml = None if ebv is None else float(ebv)
        v.liver_imaging_result = imaging
        v.notes = _clean(record.notes, "notes", 4000)
        s.flush()
        events = _store_findings(s, p, cleaned, v)
        check_record_dates(s, p.id, "actual_date", "visit date")
        return RecordResult(v.id, tuple(e.id for e in events), tuple(warnings), outside, p.status)


# --- timeline and endpoints -------------------------------------------------------------


def list_events(db: Database, actor: Actor | None, participant_id: int) -> list[EventRow]:
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        _participant(s, participant_id)
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


def _event_detail(e: EventRow) -> str:
    parts = [
        e.site and f"site: {e.site}",
        e.cause and f"cause: {e.cause}",
        e.confirmed_by and f"confirmed by {e.confirmed_by}",
        e.detail,
    ]
    return "; ".join(p for p in parts if p)


def _visit_detail(v: VisitRow) -> str:
    if v.status == "done":
        parts = [
            v.ecog is not None and f"ECOG {v.ecog}",
            v.ebv_dna_copies_ml is not None and f"EBV DNA {v.ebv_dna_copies_ml:g} copies/mL",
            v.liver_imaging_result and f"liver imaging: {v.liver_imaging_result.replace('_', ' ')}",
            v.deviation and "outside window",
        ]
        return "; ".join(p for p in parts if p)
    text = f"window {_d(v.window_start)} to {_d(v.window_end)}"
    return text + ("; rescheduled outside window" if v.deviation else "")


def timeline(db: Database, actor: Actor | None, participant_id: int, today: dt.date) -> Timeline:
    """Visits and events in one chronological list, with days since the anchor."""
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        p = _participant(s, participant_id)
        head = (p.id, p.study_id or "", p.cohort or "", p.status, p.index_date)
    visits = list_visits(db, actor, participant_id, today)
    events = list_events(db, actor, participant_id)
    anchor = head[4]
    entries: list[tuple[tuple, TimelineEntry]] = []

    def days(d: dt.date) -> int:
        return (d - anchor).days if anchor else 0

    if anchor:
        label = _anchor_label(head[2])
        entries.append(((anchor, 0, 0), TimelineEntry(anchor, 0, "anchor", label, "", "")))
    for v in visits:
        d = v.calendar_date
        entries.append(
            (
                (d, 1, v.month),
                TimelineEntry(
                    d, days(d), "visit", v.code, v.state, _visit_detail(v), visit_id=v.id
                ),
            )
        )
    for e in events:
        entries.append(
            (
                (e.event_date, 2, e.id),
                TimelineEntry(
                    e.event_date,
                    days(e.event_date),
                    "event",
                    e.kind,
                    "",
                    _event_detail(e),
                    event_id=e.id,
                ),
            )
        )
    entries.sort(key=lambda pair: pair[0])
    return Timeline(
        head[0],
        head[1],
        head[2],
        head[3],
        anchor,
        _anchor_label(head[2]),
        tuple(e for _, e in entries),
    )


def participant_endpoints(db: Database, actor: Actor | None, participant_id: int) -> Endpoints:
    """Overall survival and (hepatectomy group) intrahepatic RFS from the stored record."""
    with reading(db, actor, Permission.READ_FOLLOWUP) as s:
        p = _participant(s, participant_id)
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

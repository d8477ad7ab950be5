"""One participant's record for the detail view: summary, identity, screening, treatment
lines, and audited corrections (each needs a reason)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import func, select

from ..clinical import load_protocol
from ..clinical.eligibility import evaluate_eligibility
from ..clinical.screening_input import ScreeningInput
from ..forms import QT_TRANSLATE_NOOP
from ..forms.catalogue import form
from ..forms.errors import Said
from ..models import (
    Operation,
    Participant,
    ParticipantIdentity,
    Screening,
    SystemicTreatment,
    User,
)
from ..models.db import Database
from . import date_order, record_dates
from .date_order import not_before
from .enrolment import check_enrolment_dates
from .errors import NO_PARTICIPANT, NotFound, ValidationError
from .permissions import Actor, Permission, require
from .record_dates import check_record_dates
from .schedule_sync import sync_schedule
from .uow import reading, writing

IDENTITY_FORM = form("participant_identity")
PARTICIPANT_FORM = form("participant")


@dataclass(frozen=True)
class ParticipantSummary:
    id: int
    study_id: str
    cohort: str
    status: str
    sex: str
    birth_date: dt.date | None
    consent_date: dt.date | None
    enrolment_date: dt.date | None
    index_date: dt.date | None
    locked: bool


@dataclass(frozen=True)
class ParticipantLabel:
    """Who a window or wizard is about. Name, record number and full birth date only for
    roles that may see identities (birth date and sex identify a person: others get the
    birth year)."""

    id: int
    study_id: str
    status: str
    name: str | None
    hospital_record_number: str | None
    birth_date: dt.date | None
    birth_year: int | None


@dataclass(frozen=True)
class IdentityView:
    name: str
    hospital_record_number: str
    phone: str | None
    address: str | None
    sex: str
    birth_date: dt.date | None


@dataclass(frozen=True)
class CriterionView:
    id: str
    kind: str
    text_en: str
    status: str
    reason: str


@dataclass(frozen=True)
class ScreeningView:
    id: int
    screening_date: dt.date
    screener: str
    verdict: str
    disease_pattern: int | None
    values: dict[str, Any]  # the recorded inputs by field name
    criteria: tuple[CriterionView, ...]


@dataclass(frozen=True)
class SystemicLineView:
    line: int
    regimen: str
    start_date: dt.date | None
    end_date: dt.date | None
    best_response: str | None
    for_liver_metastases: bool


# The recorded inputs and scores of a screening, in the dictionary's order.
SCREENING_VALUE_FIELDS = tuple(
    f.name
    for f in form("screening").fields
    if f.name not in ("screening_date", "verdict", "disease_pattern", "criteria")
)


def _participant(session: Any, participant_id: int) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound(NO_PARTICIPANT, params={"id": participant_id})
    return participant


def get_summary(db: Database, actor: Actor | None, participant_id: int) -> ParticipantSummary:
    """The study facts; the birth date only for roles that may see identities."""
    shows_identity = bool(actor and actor.can(Permission.VIEW_IDENTITY))
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        p = _participant(s, participant_id)
        return ParticipantSummary(
            p.id,
            p.study_id or "",
            p.cohort or "",
            p.status,
            p.sex or "",
            p.birth_date if shows_identity else None,
            p.consent_date,
            p.enrolment_date,
            p.index_date,
            p.locked,
        )


def get_label(db: Database, actor: Actor | None, participant_id: int) -> ParticipantLabel:
    shows_identity = bool(actor and actor.can(Permission.VIEW_IDENTITY))
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        p = _participant(s, participant_id)
        ident = p.identity if shows_identity else None
        return ParticipantLabel(
            p.id,
            p.study_id or "",
            p.status,
            ident.name if ident else None,
            ident.hospital_record_number if ident else None,
            p.birth_date if shows_identity else None,
            p.birth_date.year if p.birth_date else None,
        )


def get_identity(db: Database, actor: Actor | None, participant_id: int) -> IdentityView:
    """Names and contact details: refused to roles without VIEW_IDENTITY (monitors)."""
    with reading(db, actor, Permission.VIEW_IDENTITY) as s:
        p = _participant(s, participant_id)
        ident = p.identity
        return IdentityView(
            ident.name if ident else "",
            ident.hospital_record_number if ident else "",
            ident.phone if ident else None,
            ident.address if ident else None,
            p.sex or "",
            p.birth_date,
        )


def _reasons_now(sc: Screening, birth_date: dt.date | None) -> dict[str, Said]:
    """The eligibility rule's marked reasons for a stored screening's values, by criterion
    (empty when the values no longer pass the rule's checks)."""
    values = {f.name: getattr(sc, f.name) for f in fields(ScreeningInput) if hasattr(sc, f.name)}
    if values["metastatic_sites"] is not None:
        values["metastatic_sites"] = frozenset(values["metastatic_sites"])
    values["birth_date"] = birth_date
    try:
        result = evaluate_eligibility(ScreeningInput(**values))
    except ValueError:
        return {}
    return {c.id: c.reason for c in result.criteria}


def _as_said(stored: str, now: Said | None) -> str:
    """A stored reason (English, as the rule wrote it) as a marked sentence when the rule
    says the same words for the stored values, so that it is shown translated (old rows
    too); otherwise as stored."""
    return now if now is not None and now == stored else stored


def get_screening(db: Database, actor: Actor | None, participant_id: int) -> ScreeningView | None:
    """The latest screening with each criterion's protocol text, status and reason."""
    texts = {c.id: c.text_en for c in load_protocol().eligibility.criteria}
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        row = s.execute(
            select(Screening, User.display_name)
            .join(User, User.id == Screening.screener_id)
            .where(Screening.participant_id == participant_id)
            .order_by(Screening.screening_date.desc(), Screening.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        sc, screener = row
        said_now = _reasons_now(sc, _participant(s, participant_id).birth_date)
        return ScreeningView(
            sc.id,
            sc.screening_date,
            screener,
            sc.verdict,
            sc.disease_pattern,
            {name: getattr(sc, name) for name in SCREENING_VALUE_FIELDS},
            tuple(
                CriterionView(
                    c["id"],
                    c.get("kind", ""),
                    texts.get(c["id"], c["id"]),
                    c["status"],
                    _as_said(c["reason"], said_now.get(c["id"])),
                )
                for c in sc.criteria
            ),
        )


def list_systemic_lines(
    db: Database, actor: Actor | None, participant_id: int
) -> list[SystemicLineView]:
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        return [
            SystemicLineView(
                t.line, t.regimen, t.start_date, t.end_date, t.best_response, t.for_liver_metastases
            )
            for t in s.scalars(
                select(SystemicTreatment)
                .where(SystemicTreatment.participant_id == participant_id)
                .order_by(SystemicTreatment.line)
            )
        ]


def _need_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError(
            "reason",
            QT_TRANSLATE_NOOP("Refusals", "A reason is needed to change recorded data."),
            params={},
        )
    return text


def update_identity(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    identity: IdentityView,
    *,
    reason: str | None,
    today: dt.date | None = None,
) -> None:
    """Correct name, record number, contact details, sex or birth date, with a reason."""
    require(actor, Permission.VIEW_IDENTITY)
    reason = _need_reason(reason)
    today = today or dt.date.today()
    values = asdict(identity)
    texts = IDENTITY_FORM.clean(values, today=today)
    PARTICIPANT_FORM.clean(values, today=today, only=("sex", "birth_date"))
    name, hrn = texts["name"], texts["hospital_record_number"]
    phone, address = texts["phone"], texts["address"]
    with writing(db, actor, Permission.SCREEN_ENROL, reason=reason) as s:
        p = _participant(s, participant_id)
        clash = s.scalar(
            select(ParticipantIdentity.participant_id).where(
                ParticipantIdentity.hospital_record_number == hrn,
                ParticipantIdentity.participant_id != participant_id,
            )
        )
        if clash is not None:
            raise ValidationError(
                "hospital_record_number",
                QT_TRANSLATE_NOOP(
                    "Refusals", "The hospital record number {hrn} belongs to another participant."
                ),
                params={"hrn": hrn},
            )
        first = s.scalar(  # the earliest screening: a birth date must precede every one
            select(func.min(Screening.screening_date)).where(
                Screening.participant_id == participant_id
            )
        )
        if first is not None and identity.birth_date > first:
            raise ValidationError(
                "birth_date",
                QT_TRANSLATE_NOOP(
                    "Refusals", "The birth date is after the screening date ({date})."
                ),
                params={"date": first.isoformat()},
            )
        if p.identity is None:
            p.identity = ParticipantIdentity(name=name, hospital_record_number=hrn)
        p.identity.name = name
        p.identity.hospital_record_number = hrn
        p.identity.phone = phone
        p.identity.address = address
        p.sex = identity.sex
        p.birth_date = identity.birth_date


def update_enrolment_dates(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    *,
    consent_date: dt.date,
    index_date: dt.date | None,
    reason: str | None,
    enrolment_date: dt.date | None = None,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Correct the consent date, the enrolment date (None keeps it) and, for the
    systemic-only cohort, the index date (the follow-up schedule moves with it; the
    enrolment date is no schedule anchor). Returns the schedule changes."""
    reason = _need_reason(reason)
    today = today or dt.date.today()
    with writing(db, actor, Permission.SCREEN_ENROL, reason=reason) as s:
        p = _participant(s, participant_id)
        if p.status == "screen_failed" or not p.study_id:
            raise ValidationError(
                "consent_date",
                QT_TRANSLATE_NOOP("Refusals", "Only an enrolled participant has these dates."),
                params={},
            )
        screened = s.scalar(
            select(Screening.screening_date)
            .where(Screening.participant_id == participant_id)
            .order_by(Screening.screening_date.desc())
        )
        enrolled = enrolment_date or p.enrolment_date
        check_enrolment_dates(
            {"consent_date": consent_date, "enrolment_date": enrolled}, screened, today
        )
        first_operation = s.scalar(
            select(func.min(Operation.operation_date)).where(
                Operation.participant_id == participant_id
            )
        )
        if enrolled is not None and first_operation is not None and enrolled > first_operation:
            raise ValidationError(
                "enrolment_date",
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "The enrolment date ({date}) is after the operation recorded on {operation}.",
                ),
                params={"date": enrolled.isoformat(), "operation": first_operation.isoformat()},
            )
        p.consent_date = consent_date
        p.enrolment_date = enrolled
        if p.cohort == "systemic":
            index = PARTICIPANT_FORM.clean(
                {"cohort": p.cohort, "index_date": index_date}, today=today, only=("index_date",)
            )["index_date"]
            not_before(PARTICIPANT_FORM["index_date"], index, date_order.BIRTH, p.birth_date)
            if index_date != p.index_date:
                p.index_date = index_date
                s.flush()
                changes = sync_schedule(s, p)
                check_record_dates(s, p.id, "index_date", record_dates.INDEX_DATE)
                return changes
        return {"added": 0, "moved": 0, "cancelled": 0}

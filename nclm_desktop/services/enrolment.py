"""Enrolment: an eligible screened participant joins a cohort and gets a study ID.

Public API (stable; the operation, calendar and report features and the demo generator use
it; the screening names are re-exported from services/screening.py):

- ``SystemicLine``: one treatment line, checked through the ``systemic_treatment`` form.
- ``enrol(db, actor, participant_id, *, cohort, consent_date, enrolment_date=None,
  index_date=None, systemic_lines=(), baseline=None, today=None)`` -> ``Enrolment``: stores
  the enrolment date as entered (a date in the past is normal: data are often typed from the
  paper file later; None means the day of the call) and assigns the study ID
  (NCLM-H-001 / NCLM-S-001 ...) from ``StudyIdCounter`` inside the same write transaction,
  so two workstations enrolling at once never get the same number or leave a gap.
- ``screen_and_enrol(db, actor, identity, screening, *, cohort, consent_date,
  enrolment_date=None, ...)`` -> ``Enrolment``: both in ONE transaction (nothing
  half-saved); for the wizard, tests and demo.

Every function takes ``today`` (defaults to ``date.today()``) so tests use fixed dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clinical.eligibility import reasons_text
from ..forms import QT_TRANSLATE_NOOP, Term
from ..forms.catalogue import form
from ..forms.crf.enrolment import status_label
from ..models import Participant, Screening, StudyIdCounter, SystemicTreatment
from ..models.db import Database
from ..models.participants import STUDY_ID_PREFIX
from . import baseline as baseline_service
from . import date_order
from .baseline import BaselineInput
from .date_order import not_before
from .errors import NO_PARTICIPANT, NotFound, ServiceError, ValidationError
from .permissions import Actor, Permission
from .schedule_sync import sync_schedule
from .screening import (
    ALBUMIN_UNITS,
    BILIRUBIN_UNITS,
    ExistingParticipant,
    IdentityInput,
    ScreeningData,
    ScreeningOutcome,
    _screen_in_session,
    _today,
    check_identity,
    check_screening,
    eligible_screening,
    find_by_record_number,
    preview_eligibility,
    screen,
    to_screening_input,
)
from .uow import writing

__all__ = [
    "ALBUMIN_UNITS",
    "BILIRUBIN_UNITS",
    "BaselineInput",
    "Enrolment",
    "ExistingParticipant",
    "IdentityInput",
    "ScreeningData",
    "ScreeningOutcome",
    "SystemicLine",
    "eligible_screening",
    "enrol",
    "find_by_record_number",
    "preview_eligibility",
    "screen",
    "screen_and_enrol",
    "to_screening_input",
]

PARTICIPANT_FORM = form("participant")
LINE_FORM = form("systemic_treatment")


# --- inputs and results -----------------------------------------------------------------


@dataclass(frozen=True)
class SystemicLine:
    line: int
    regimen: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    best_response: str | None = None  # RECIST: CR, PR, SD, PD
    # The treatment of the liver metastases whose start is a systemic-only index date.
    for_liver_metastases: bool = False


@dataclass(frozen=True)
class Enrolment:
    participant_id: int
    study_id: str | None
    cohort: str | None
    existing: bool = False  # the hospital record number was already in the study
    visits_planned: int = 0


# --- validation (through the data dictionary) ------------------------------------------------


def _check_lines(lines: Sequence[SystemicLine], birth_date: dt.date | None, today: dt.date):
    """Each line through the ``systemic_treatment`` form; the error names the table
    ("systemic_lines") and the line."""
    seen: set[int] = set()
    for item in lines:
        try:
            LINE_FORM.clean(asdict(item), today=today)
            not_before(LINE_FORM["start_date"], item.start_date, date_order.BIRTH, birth_date)
            not_before(LINE_FORM["end_date"], item.end_date, date_order.START, item.start_date)
        except ValidationError as exc:
            raise ValidationError(
                "systemic_lines",
                QT_TRANSLATE_NOOP("Refusals", "Line {line}: {problem}"),
                params={"line": item.line, "problem": exc},
            ) from None
        if item.line in seen:
            raise ValidationError(
                "systemic_lines",
                QT_TRANSLATE_NOOP("Refusals", "Treatment line {line} is entered twice."),
                params={"line": item.line},
            )
        seen.add(item.line)


def check_enrolment_dates(
    values: dict[str, dt.date | None], screening_date: dt.date | None, today: dt.date
) -> None:
    """Consent and enrolment dates (and the index date when given) through the participant
    form; consent and enrolment follow the screening, enrolment follows consent."""
    PARTICIPANT_FORM.clean(values, today=today, only=tuple(values))
    for name in ("consent_date", "enrolment_date"):
        if name in values:
            not_before(PARTICIPANT_FORM[name], values[name], date_order.SCREENING, screening_date)
    if "enrolment_date" in values and "consent_date" in values:
        not_before(
            PARTICIPANT_FORM["enrolment_date"],
            values["enrolment_date"],
            date_order.CONSENT,
            values["consent_date"],
        )


# --- database steps (inside one writing session) -------------------------------------------


def _next_study_id(session: Session, cohort: str) -> str:
    # The write session began with BEGIN IMMEDIATE (SQLite) so no other writer runs between
    # this read and the commit; FOR UPDATE does the same on PostgreSQL.
    counter = session.scalars(
        select(StudyIdCounter).where(StudyIdCounter.cohort == cohort).with_for_update()
    ).first()
    if counter is None:
        counter = StudyIdCounter(cohort=cohort, last_number=0)
        session.add(counter)
    counter.last_number += 1
    session.flush()
    return f"{STUDY_ID_PREFIX[cohort]}{counter.last_number:03d}"


def _enrol_in_session(
    session: Session,
    participant: Participant,
    screening_date: dt.date,
    *,
    cohort: str,
    consent_date: dt.date | None,
    enrolment_date: dt.date | None,
    index_date: dt.date | None,
    systemic_lines: Sequence[SystemicLine],
    today: dt.date,
) -> Enrolment:
    enrolment_date = enrolment_date or today
    check_enrolment_dates(
        {
            "cohort": cohort,
            "consent_date": consent_date,
            "enrolment_date": enrolment_date,
            "index_date": index_date,
        },
        screening_date,
        today,
    )
    if cohort == "systemic":
        not_before(
            PARTICIPANT_FORM["index_date"], index_date, date_order.BIRTH, participant.birth_date
        )
        if not systemic_lines:
            raise ValidationError(
                "systemic_lines",
                QT_TRANSLATE_NOOP(
                    "Refusals", "The systemic-only cohort needs at least one treatment line."
                ),
                params={},
            )
    elif index_date is not None:
        raise ValidationError(
            "index_date",
            QT_TRANSLATE_NOOP(
                "Refusals",
                "In the hepatectomy cohort the index date is the operation date; it is set when "
                "the operation is recorded.",
            ),
            params={},
        )
    _check_lines(systemic_lines, participant.birth_date, today)

    participant.study_id = _next_study_id(session, cohort)
    participant.cohort = cohort
    participant.status = "enrolled"
    participant.consent_date = consent_date
    participant.enrolment_date = enrolment_date
    participant.index_date = index_date
    flagged = any(x.for_liver_metastases for x in systemic_lines)
    for item in sorted(systemic_lines, key=lambda x: x.line):
        session.add(
            SystemicTreatment(
                participant_id=participant.id,
                line=item.line,
                regimen=item.regimen.strip(),
                start_date=item.start_date,
                end_date=item.end_date,
                best_response=item.best_response,
                # Unflagged lines: the one starting on the index date defines it.
                for_liver_metastases=item.for_liver_metastases
                or (not flagged and index_date is not None and item.start_date == index_date),
            )
        )
    session.flush()
    planned = sync_schedule(session, participant)["added"]
    return Enrolment(participant.id, participant.study_id, cohort, visits_planned=planned)


# --- use cases -----------------------------------------------------------------------------


def enrol(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    *,
    cohort: str,
    consent_date: dt.date | None,
    enrolment_date: dt.date | None = None,
    index_date: dt.date | None = None,
    systemic_lines: Sequence[SystemicLine] = (),
    baseline: BaselineInput | None = None,
    today: dt.date | None = None,
) -> Enrolment:
    """Enrol an eligible screened participant and assign the next study ID of the cohort.

    The consent date may be neither before the screening date nor after ``today``; the
    enrolment date (default: ``today``) neither before the screening or consent date nor
    after ``today``. The
    systemic-only cohort needs the index date (start of systemic treatment for the liver
    metastases) and at least one treatment line; its follow-up visits are planned at once.
    """
    today = _today(today)
    with writing(db, actor, Permission.SCREEN_ENROL) as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFound(NO_PARTICIPANT, params={"id": participant_id})
        if participant.status != "screening" or participant.study_id:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "This participant cannot be enrolled (status: {status}{study_id})."
                ),
                params={
                    "status": Term(status_label(participant.status)),
                    "study_id": f", {participant.study_id}" if participant.study_id else "",
                },
            )
        screening = session.scalars(
            select(Screening)
            .where(Screening.participant_id == participant_id)
            .order_by(Screening.screening_date.desc(), Screening.id.desc())
        ).first()
        if screening is None or screening.verdict != "eligible":
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "Only a participant screened as eligible can be enrolled."
                ),
                params={},
            )
        result = _enrol_in_session(
            session,
            participant,
            screening.screening_date,
            cohort=cohort,
            consent_date=consent_date,
            enrolment_date=enrolment_date,
            index_date=index_date,
            systemic_lines=systemic_lines,
            today=today,
        )
        if baseline is not None:
            baseline_service.write_baseline(session, participant, baseline, today=today)
        return result


def screen_and_enrol(
    db: Database,
    actor: Actor | None,
    identity: IdentityInput,
    screening: ScreeningData,
    *,
    cohort: str,
    consent_date: dt.date | None,
    enrolment_date: dt.date | None = None,
    index_date: dt.date | None = None,
    systemic_lines: Sequence[SystemicLine] = (),
    baseline: BaselineInput | None = None,
    today: dt.date | None = None,
) -> Enrolment:
    """Screen and enrol in one transaction. A not-eligible screening raises ValidationError
    (field "verdict") and saves nothing; an existing record number returns that participant
    (existing=True) unchanged."""
    today = _today(today)
    identity = check_identity(identity, today)
    check_screening(screening, identity.birth_date, identity.sex, today)
    with writing(db, actor, Permission.SCREEN_ENROL) as session:
        outcome, participant = _screen_in_session(
            session, actor, identity, screening, baseline, today
        )
        if outcome.existing or participant is None:
            cohort_of = session.scalar(
                select(Participant.cohort).where(Participant.id == outcome.participant_id)
            )
            return Enrolment(outcome.participant_id, outcome.study_id, cohort_of, existing=True)
        if outcome.verdict != "eligible":
            # The criteria's reasons are the eligibility rule's marked sentences.
            raise ValidationError(
                "verdict",
                QT_TRANSLATE_NOOP("Refusals", "Not eligible: {reasons}. Nothing was saved."),
                params={"reasons": reasons_text(outcome.reasons)},
            )

        return _enrol_in_session(
            session,
            participant,
            screening.screening_date,
            cohort=cohort,
            consent_date=consent_date,
            enrolment_date=enrolment_date,
            index_date=index_date,
            systemic_lines=systemic_lines,
            today=today,
        )

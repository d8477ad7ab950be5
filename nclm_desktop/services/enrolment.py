"""Screening and enrolment: every participant enters the study here.

Public API (stable; the operation, calendar and report features and the demo generator use
it):

- Inputs: ``IdentityInput``, ``ScreeningData`` (raw laboratory values with their units),
  ``SystemicLine``, ``BaselineInput`` (validated by ``services/baseline.py``).
- ``preview_eligibility(birth_date, screening, sex=None)`` -> ``EligibilityResult``: no database;
  the wizard's verdict page.
- ``find_by_record_number(db, actor, hospital_record_number)`` -> ``ExistingParticipant | None``.
- ``screen(db, actor, identity, screening, *, baseline=None, today=None)`` -> ``ScreeningOutcome``:
  creates the participant (status "screening" when eligible, "screen_failed" when not) with
  its identity, screening and per-criterion result. An incomplete screening is refused.
  A hospital record number already in the study returns that participant and writes nothing.
- ``enrol(db, actor, participant_id, *, cohort, consent_date, enrolment_date=None,
  index_date=None, systemic_lines=(), baseline=None, today=None)`` -> ``Enrolment``: stores
  the enrolment date as entered (a date in the past is normal: data are often typed from the
  paper file later; None means the day of the call) and assigns the study ID
  (NCLM-H-001 / NCLM-S-001 ...) from ``StudyIdCounter`` inside the same write transaction,
  so two workstations enrolling at once never get the same number or leave a gap.
- ``screen_and_enrol(db, actor, identity, screening, *, cohort, consent_date,
  enrolment_date=None, ...)`` ->
  ``Enrolment``: both in ONE transaction (nothing half-saved); for the wizard, tests and demo.
- ``eligible_screening(screening_date, **overrides)`` -> ``ScreeningData`` of a typical
  eligible patient, for tests and the demo generator.

Every function takes ``today`` (defaults to ``date.today()``) so tests use fixed dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..clinical import (
    ASCITES_CHOICES,
    ENCEPHALOPATHY_CHOICES,
    METASTATIC_SITES,
    RECIST_RESPONSES,
    RESPONSES,
    EligibilityResult,
    ScreeningInput,
    albi,
    evaluate_eligibility,
    to_canonical,
)
from ..models import (
    Participant,
    ParticipantIdentity,
    Screening,
    StudyIdCounter,
    SystemicTreatment,
)
from ..models.db import Database
from ..models.participants import COHORTS, STUDY_ID_PREFIX
from . import baseline as baseline_service
from .baseline import BaselineInput
from .errors import ServiceError, ValidationError
from .input_checks import check_choice, check_date, check_range, check_text
from .permissions import Actor, Permission
from .schedule_sync import sync_schedule
from .uow import reading, writing

__all__ = [
    "BILIRUBIN_UNITS",
    "ALBUMIN_UNITS",
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

BILIRUBIN_UNITS = ("µmol/L", "mg/dL")
ALBUMIN_UNITS = ("g/L", "g/dL")
# Plausibility limits (not protocol rules): a value outside is a typing error.
BILIRUBIN_LIMITS = {"µmol/L": (1.0, 1000.0), "mg/dL": (0.1, 58.5)}
ALBUMIN_LIMITS = {"g/L": (10.0, 60.0), "g/dL": (1.0, 6.0)}
INR_LIMITS = (0.5, 10.0)


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdentityInput:
    name: str
    hospital_record_number: str
    sex: str  # "M" or "F"
    birth_date: dt.date
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class ScreeningData:
    """What the screener recorded; None means not recorded. Field names = widget names."""

    screening_date: dt.date
    ecog: int | None = None
    nclm_confirmed: bool | None = None
    metastatic_sites: frozenset[str] | None = None
    primary_recurrence: bool | None = None
    liver_oligometastasis: bool | None = None
    response_outside_liver: str | None = None
    progression_after_systemic: bool | None = None
    r0_resectable: bool | None = None
    bilirubin_value: float | None = None
    bilirubin_unit: str = "µmol/L"
    albumin_value: float | None = None
    albumin_unit: str = "g/L"
    inr: float | None = None
    ascites: str | None = None
    encephalopathy: str | None = None
    future_liver_remnant_pct: float | None = None
    prior_local_liver_therapy: bool | None = None
    surgical_contraindication: bool | None = None
    expected_survival_ge_6_months: bool | None = None
    pregnant_or_lactating: bool | None = None
    other_malignancy: bool | None = None
    severe_mental_illness: bool | None = None
    understands_study: bool | None = None
    consent_signed: bool | None = None
    notes: str | None = None


@dataclass(frozen=True)
class SystemicLine:
    line: int
    regimen: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    best_response: str | None = None  # RECIST: CR, PR, SD, PD
    # The treatment of the liver metastases whose start is a systemic-only index date.
    for_liver_metastases: bool = False


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExistingParticipant:
    participant_id: int
    study_id: str | None
    status: str
    cohort: str | None


@dataclass(frozen=True)
class ScreeningOutcome:
    participant_id: int
    screening_id: int | None  # None when an existing participant was returned
    verdict: str  # "eligible" or "not_eligible" (or the existing participant's last verdict)
    status: str
    reasons: tuple[str, ...] = ()  # failed criteria, in plain words
    existing: bool = False
    study_id: str | None = None


@dataclass(frozen=True)
class Enrolment:
    participant_id: int
    study_id: str | None
    cohort: str | None
    existing: bool = False  # the hospital record number was already in the study
    visits_planned: int = 0


# --- validation ----------------------------------------------------------------------------


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _check_identity(identity: IdentityInput, today: dt.date) -> IdentityInput:
    name = check_text("name", "name", identity.name, 200, True)
    hrn = check_text(
        "hospital_record_number",
        "hospital record number",
        identity.hospital_record_number,
        40,
        True,
    )
    check_choice("sex", "sex", identity.sex, ("M", "F"))
    if identity.sex is None:
        raise ValidationError("sex", "The sex is required.")
    check_date("birth_date", "birth date", identity.birth_date, today=today)
    phone = check_text("phone", "phone number", identity.phone, 40, False)
    address = check_text("address", "address", identity.address, 400, False)
    return replace(identity, name=name, hospital_record_number=hrn, phone=phone, address=address)


def _check_screening(s: ScreeningData, birth_date: dt.date | None, today: dt.date) -> None:
    check_date(
        "screening_date",
        "screening date",
        s.screening_date,
        today=today,
        not_before=("birth date", birth_date),
    )
    check_range("ecog", "ECOG performance status", s.ecog, 0, 5)
    if s.metastatic_sites is not None:
        for site in s.metastatic_sites:
            check_choice("metastatic_sites", "metastatic site", site, METASTATIC_SITES)
    check_choice(
        "response_outside_liver", "response outside the liver", s.response_outside_liver, RESPONSES
    )
    check_choice("bilirubin_unit", "bilirubin unit", s.bilirubin_unit, BILIRUBIN_UNITS)
    check_choice("albumin_unit", "albumin unit", s.albumin_unit, ALBUMIN_UNITS)
    lo, hi = BILIRUBIN_LIMITS[s.bilirubin_unit]
    if s.bilirubin_value is not None and not lo <= s.bilirubin_value <= hi:
        raise ValidationError(
            "bilirubin_value",
            f"Bilirubin must be between {lo:g} and {hi:g} {s.bilirubin_unit} "
            f"(got {s.bilirubin_value:g}).",
        )
    lo, hi = ALBUMIN_LIMITS[s.albumin_unit]
    if s.albumin_value is not None and not lo <= s.albumin_value <= hi:
        raise ValidationError(
            "albumin_value",
            f"Albumin must be between {lo:g} and {hi:g} {s.albumin_unit} "
            f"(got {s.albumin_value:g}).",
        )
    check_range("inr", "INR", s.inr, *INR_LIMITS)
    check_choice("ascites", "ascites", s.ascites, ASCITES_CHOICES)
    check_choice("encephalopathy", "encephalopathy", s.encephalopathy, ENCEPHALOPATHY_CHOICES)
    check_range(
        "future_liver_remnant_pct", "future liver remnant (%)", s.future_liver_remnant_pct, 0, 100
    )


def _check_lines(lines: Sequence[SystemicLine], birth_date: dt.date | None, today: dt.date):
    seen: set[int] = set()
    for item in lines:
        where = f"line {item.line}"
        if item.line < 1 or item.line > 20:
            raise ValidationError("systemic_lines", "Treatment lines are numbered 1 to 20.")
        if item.line in seen:
            raise ValidationError("systemic_lines", f"Treatment {where} is entered twice.")
        seen.add(item.line)
        check_text("systemic_lines", f"regimen of {where}", item.regimen, 200, True)
        check_date(
            "systemic_lines",
            f"start date of {where}",
            item.start_date,
            today=today,
            not_before=("birth date", birth_date),
            required=False,
        )
        check_date(
            "systemic_lines",
            f"end date of {where}",
            item.end_date,
            today=today,
            not_before=("start date", item.start_date),
            required=False,
        )
        check_choice(
            "systemic_lines", f"best response of {where}", item.best_response, RECIST_RESPONSES
        )


def check_enrolment_date(
    enrolment_date: dt.date | None,
    screening_date: dt.date | None,
    consent_date: dt.date | None,
    today: dt.date,
) -> None:
    """Enrolment follows screening and consent, and is not in the future."""
    check_date(
        "enrolment_date",
        "enrolment date",
        enrolment_date,
        today=today,
        not_before=("screening date", screening_date),
    )
    check_date(
        "enrolment_date",
        "enrolment date",
        enrolment_date,
        today=today,
        not_before=("consent date", consent_date),
    )


# --- eligibility ---------------------------------------------------------------------------


def canonical_labs(s: ScreeningData) -> tuple[float | None, float | None]:
    """(bilirubin µmol/L, albumin g/L), converted once, by clinical.units."""
    bili = (
        None
        if s.bilirubin_value is None
        else to_canonical("bilirubin", s.bilirubin_value, s.bilirubin_unit)
    )
    alb = (
        None
        if s.albumin_value is None
        else to_canonical("albumin", s.albumin_value, s.albumin_unit)
    )
    return bili, alb


def to_screening_input(
    birth_date: dt.date | None, s: ScreeningData, sex: str | None = None
) -> ScreeningInput:
    bili, alb = canonical_labs(s)
    pregnant = s.pregnant_or_lactating
    if pregnant is None and sex == "M":
        pregnant = False
    return ScreeningInput(
        screening_date=s.screening_date,
        birth_date=birth_date,
        ecog=s.ecog,
        nclm_confirmed=s.nclm_confirmed,
        metastatic_sites=s.metastatic_sites,
        primary_recurrence=s.primary_recurrence,
        liver_oligometastasis=s.liver_oligometastasis,
        response_outside_liver=s.response_outside_liver,
        progression_after_systemic=s.progression_after_systemic,
        r0_resectable=s.r0_resectable,
        bilirubin_umol_l=bili,
        bilirubin_value=s.bilirubin_value,
        bilirubin_unit=s.bilirubin_unit if s.bilirubin_value is not None else None,
        albumin_g_l=alb,
        inr=s.inr,
        ascites=s.ascites,
        encephalopathy=s.encephalopathy,
        future_liver_remnant_pct=s.future_liver_remnant_pct,
        prior_local_liver_therapy=s.prior_local_liver_therapy,
        surgical_contraindication=s.surgical_contraindication,
        expected_survival_ge_6_months=s.expected_survival_ge_6_months,
        pregnant_or_lactating=pregnant,
        other_malignancy=s.other_malignancy,
        severe_mental_illness=s.severe_mental_illness,
        understands_study=s.understands_study,
        consent_signed=s.consent_signed,
    )


def preview_eligibility(
    birth_date: dt.date | None, screening: ScreeningData, sex: str | None = None
) -> EligibilityResult:
    """The verdict and every criterion, as ``screen`` would store it (no database)."""
    try:
        return evaluate_eligibility(to_screening_input(birth_date, screening, sex))
    except ValueError as exc:  # clinical checks name the field first: "ecog must be ..."
        raise ValidationError(str(exc).split(" ", 1)[0], str(exc)) from exc


def failed_reasons(result: EligibilityResult) -> tuple[str, ...]:
    return tuple(c.reason for c in result.criteria if c.status == "failed")


# --- database steps (inside one writing session) -------------------------------------------


def _existing(session: Session, hospital_record_number: str) -> ExistingParticipant | None:
    row = session.execute(
        select(Participant.id, Participant.study_id, Participant.status, Participant.cohort)
        .join(ParticipantIdentity)
        .where(ParticipantIdentity.hospital_record_number == hospital_record_number.strip())
    ).first()
    return ExistingParticipant(*row) if row else None


def _last_verdict(session: Session, participant_id: int) -> str:
    verdict = session.scalar(
        select(Screening.verdict)
        .where(Screening.participant_id == participant_id)
        .order_by(Screening.screening_date.desc(), Screening.id.desc())
        .limit(1)
    )
    return verdict or ""


def _insert_screening(
    session: Session,
    actor: Actor,
    identity: IdentityInput,
    screening: ScreeningData,
    result: EligibilityResult,
) -> tuple[Participant, Screening]:
    participant = Participant(
        status="screening" if result.verdict == "eligible" else "screen_failed",
        sex=identity.sex,
        birth_date=identity.birth_date,
    )
    participant.identity = ParticipantIdentity(
        name=identity.name,
        hospital_record_number=identity.hospital_record_number,
        phone=identity.phone,
        address=identity.address,
    )
    session.add(participant)
    session.flush()
    bili, alb = canonical_labs(screening)
    albi_result = albi(bili, alb) if bili is not None and alb is not None else None
    pregnant = screening.pregnant_or_lactating
    if pregnant is None and identity.sex == "M":
        pregnant = False
    row = Screening(
        participant_id=participant.id,
        screening_date=screening.screening_date,
        screener_id=actor.user_id,
        age_at_screening=result.age_years,
        ecog=screening.ecog,
        nclm_confirmed=screening.nclm_confirmed,
        metastatic_sites=(
            None
            if screening.metastatic_sites is None
            else [s for s in METASTATIC_SITES if s in screening.metastatic_sites]
        ),
        primary_recurrence=screening.primary_recurrence,
        liver_oligometastasis=screening.liver_oligometastasis,
        response_outside_liver=screening.response_outside_liver,
        progression_after_systemic=screening.progression_after_systemic,
        r0_resectable=screening.r0_resectable,
        bilirubin_value=screening.bilirubin_value,
        bilirubin_unit=screening.bilirubin_unit if screening.bilirubin_value is not None else None,
        albumin_value=screening.albumin_value,
        albumin_unit=screening.albumin_unit if screening.albumin_value is not None else None,
        bilirubin_umol_l=bili,
        albumin_g_l=alb,
        inr=screening.inr,
        ascites=screening.ascites,
        encephalopathy=screening.encephalopathy,
        child_pugh_points=result.child_pugh_points,
        child_pugh_grade=result.child_pugh_grade,
        albi_score=None if albi_result is None else round(albi_result.score, 2),
        albi_grade=None if albi_result is None else albi_result.grade,
        future_liver_remnant_pct=screening.future_liver_remnant_pct,
        prior_local_liver_therapy=screening.prior_local_liver_therapy,
        surgical_contraindication=screening.surgical_contraindication,
        expected_survival_ge_6_months=screening.expected_survival_ge_6_months,
        pregnant_or_lactating=pregnant,
        other_malignancy=screening.other_malignancy,
        severe_mental_illness=screening.severe_mental_illness,
        understands_study=screening.understands_study,
        consent_signed=screening.consent_signed,
        verdict=result.verdict,
        disease_pattern=result.disease_pattern,
        criteria=[
            {"id": c.id, "kind": c.kind, "status": c.status, "reason": c.reason}
            for c in result.criteria
        ],
        notes=(screening.notes or "").strip() or None,
    )
    session.add(row)
    session.flush()
    return participant, row


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
    check_choice("cohort", "cohort", cohort, COHORTS)
    if cohort is None:
        raise ValidationError("cohort", "Choose the cohort.")
    check_date(
        "consent_date",
        "consent date",
        consent_date,
        today=today,
        not_before=("screening date", screening_date),
    )
    enrolment_date = enrolment_date or today
    check_enrolment_date(enrolment_date, screening_date, consent_date, today)
    if cohort == "systemic":
        check_date(
            "index_date",
            "index date (start of systemic treatment for the liver metastases)",
            index_date,
            today=today,
            not_before=("birth date", participant.birth_date),
        )
        if not systemic_lines:
            raise ValidationError(
                "systemic_lines", "The systemic-only cohort needs at least one treatment line."
            )
    elif index_date is not None:
        raise ValidationError(
            "index_date",
            "In the hepatectomy cohort the index date is the operation date; it is set when "
            "the operation is recorded.",
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


def find_by_record_number(
    db: Database, actor: Actor | None, hospital_record_number: str
) -> ExistingParticipant | None:
    """The participant already holding this hospital record number, if any."""
    with reading(db, actor, Permission.SCREEN_ENROL) as session:
        return _existing(session, hospital_record_number)


def _screen_in_session(
    session: Session,
    actor: Actor,
    identity: IdentityInput,
    screening: ScreeningData,
    baseline: BaselineInput | None,
    today: dt.date,
) -> tuple[ScreeningOutcome, Participant | None]:
    existing = _existing(session, identity.hospital_record_number)
    if existing is not None:
        return (
            ScreeningOutcome(
                existing.participant_id,
                None,
                _last_verdict(session, existing.participant_id),
                existing.status,
                existing=True,
                study_id=existing.study_id,
            ),
            None,
        )
    result = preview_eligibility(identity.birth_date, screening, identity.sex)
    if result.verdict == "incomplete":
        missing = next(c for c in result.criteria if c.status == "missing")
        raise ValidationError(
            "verdict", f"The screening is incomplete. {missing.reason}. Nothing was saved."
        )
    participant, row = _insert_screening(session, actor, identity, screening, result)
    if baseline is not None:
        baseline_service.write_baseline(
            session, participant, baseline, screening=screening, today=today
        )
    outcome = ScreeningOutcome(
        participant.id, row.id, result.verdict, participant.status, failed_reasons(result)
    )
    return outcome, participant


def screen(
    db: Database,
    actor: Actor | None,
    identity: IdentityInput,
    screening: ScreeningData,
    *,
    baseline: BaselineInput | None = None,
    today: dt.date | None = None,
) -> ScreeningOutcome:
    """Save a screening: eligible -> status "screening" (to be enrolled), not eligible ->
    "screen_failed" with the failed criteria as reasons. Refuses an incomplete screening.
    An existing hospital record number returns that participant (existing=True), unchanged.
    """
    today = _today(today)
    identity = _check_identity(identity, today)
    _check_screening(screening, identity.birth_date, today)
    try:
        with writing(db, actor, Permission.SCREEN_ENROL) as session:
            outcome, _ = _screen_in_session(session, actor, identity, screening, baseline, today)
            return outcome
    except IntegrityError:  # another workstation saved the same record number just now
        found = find_by_record_number(db, actor, identity.hospital_record_number)
        if found is None:
            raise
        return ScreeningOutcome(
            found.participant_id, None, "", found.status, existing=True, study_id=found.study_id
        )


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
            raise ServiceError(f"No participant with id {participant_id}.")
        if participant.status != "screening" or participant.study_id:
            raise ServiceError(
                f"This participant cannot be enrolled (status: {participant.status.replace('_', ' ')}"
                + (f", study ID {participant.study_id}" if participant.study_id else "")
                + ")."
            )
        screening = session.scalars(
            select(Screening)
            .where(Screening.participant_id == participant_id)
            .order_by(Screening.screening_date.desc(), Screening.id.desc())
        ).first()
        if screening is None or screening.verdict != "eligible":
            raise ServiceError("Only a participant screened as eligible can be enrolled.")
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
    identity = _check_identity(identity, today)
    _check_screening(screening, identity.birth_date, today)
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
            raise ValidationError(
                "verdict", "Not eligible: " + "; ".join(outcome.reasons) + ". Nothing was saved."
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


def eligible_screening(screening_date: dt.date, **overrides: object) -> ScreeningData:
    """A typical eligible patient (pattern 1, Child-Pugh A 5, ALBI grade 1); for tests and
    the demo generator. Override any field, e.g. ``ecog=3``."""
    base = ScreeningData(
        screening_date=screening_date,
        ecog=1,
        nclm_confirmed=True,
        metastatic_sites=frozenset({"liver"}),
        primary_recurrence=False,
        liver_oligometastasis=True,
        response_outside_liver="not_applicable",
        progression_after_systemic=False,
        r0_resectable=True,
        bilirubin_value=12.0,
        bilirubin_unit="µmol/L",
        albumin_value=42.0,
        albumin_unit="g/L",
        inr=1.0,
        ascites="none",
        encephalopathy="none",
        future_liver_remnant_pct=55.0,
        prior_local_liver_therapy=False,
        surgical_contraindication=False,
        expected_survival_ge_6_months=True,
        pregnant_or_lactating=False,
        other_malignancy=False,
        severe_mental_illness=False,
        understands_study=True,
        consent_signed=True,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]

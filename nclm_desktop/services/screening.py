"""Screening: every participant enters the study here (docs/ARCHITECTURE.md §11).

- Inputs: ``IdentityInput``, ``ScreeningData`` (raw laboratory values with their units),
  checked through the data dictionary's forms ``participant_identity``, ``participant``
  (sex, birth date) and ``screening``.
- ``preview_eligibility(birth_date, screening, sex=None)`` -> ``EligibilityResult``: no
  database; the wizard's verdict page.
- ``find_by_record_number(db, actor, hospital_record_number)`` -> ``ExistingParticipant``.
- ``screen(db, actor, identity, screening, *, baseline=None, today=None)`` ->
  ``ScreeningOutcome``: creates the participant (status "screening" when eligible,
  "screen_failed" when not) with its identity, screening and per-criterion result. An
  incomplete screening is refused. A hospital record number already in the study returns that
  participant and writes nothing.
- ``eligible_screening(screening_date, **overrides)`` -> ``ScreeningData`` of a typical
  eligible patient, for tests and the demo generator.

Enrolment (study ID, cohort, treatment lines) is services/enrolment.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..clinical import (
    METASTATIC_SITES,
    EligibilityResult,
    ScreeningInput,
    albi,
    evaluate_eligibility,
    to_canonical,
)
from ..forms import QT_TRANSLATE_NOOP, Field
from ..forms.catalogue import form
from ..forms.form import missing_message
from ..models import Participant, ParticipantIdentity, Screening
from ..models.db import Database
from . import baseline as baseline_service
from . import date_order
from .baseline import BaselineInput
from .date_order import not_before
from .errors import ValidationError
from .permissions import Actor, Permission
from .uow import reading, writing

IDENTITY_FORM = form("participant_identity")
PARTICIPANT_FORM = form("participant")
SCREENING_FORM = form("screening")
BILIRUBIN_UNITS = SCREENING_FORM["bilirubin_unit"].codes()
ALBUMIN_UNITS = SCREENING_FORM["albumin_unit"].codes()


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdentityInput:
    name: str
    hospital_record_number: str
    sex: str  # "M" or "F"
    birth_date: dt.date
    phone: str | None = None
    address: str | None = None


# What the screener recorded, by the screening form's field names (= widget names); None
# means not recorded. Laboratory values are kept with the unit typed (docs/ARCHITECTURE.md §11).
ScreeningData = SCREENING_FORM.record_class(
    "ScreeningData", defaults={"bilirubin_unit": "µmol/L", "albumin_unit": "g/L"}
)


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


# --- validation (through the data dictionary) ------------------------------------------------


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def check_identity(identity: IdentityInput, today: dt.date) -> IdentityInput:
    """The identity with its texts cleaned, or a ValidationError naming the field."""
    values = asdict(identity)
    texts = IDENTITY_FORM.clean(values, today=today)
    PARTICIPANT_FORM.clean(values, today=today, only=("sex", "birth_date"))
    return replace(identity, **texts)


def lab_limits(f: Field, unit: str | None) -> tuple[float, float]:
    """The plausibility limits of a laboratory field in ``unit`` (its own or an alternative)."""
    hard = f.in_unit(unit).hard if unit else f.hard
    assert hard is not None
    return hard.lo, hard.hi


def check_lab(f: Field, value: float | None, unit: str | None) -> float | None:
    """A laboratory value typed in ``unit`` (the field's unit or an alternative), checked
    against the limits in that unit, and returned in the field's own unit."""
    typed = f.clean(value, unit=unit)
    return None if typed is None else f.to_unit(typed, unit)


def check_screening(
    s: ScreeningData, birth_date: dt.date | None, sex: str | None, today: dt.date
) -> None:
    """Every recorded value against its field; the screening follows the birth date."""
    values = asdict(s)
    labs = [f for f in SCREENING_FORM.inputs if f.unit_field]  # checked in the unit typed
    for f in labs:
        if check_lab(f, values[f.name], values[f.unit_field or ""]) is None and f.required:
            raise ValidationError(f.name, missing_message(f))
    others = [f.name for f in SCREENING_FORM.inputs if f not in labs]
    SCREENING_FORM.clean({**values, "sex": sex}, today=today, only=others)
    not_before(SCREENING_FORM["screening_date"], s.screening_date, date_order.BIRTH, birth_date)


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
    # Every recorded item the rules read, by name; the labs as the rules want them.
    recorded = {f.name: getattr(s, f.name) for f in fields(ScreeningInput) if hasattr(s, f.name)}
    return ScreeningInput(
        **{
            **recorded,
            "birth_date": birth_date,
            "bilirubin_umol_l": bili,
            "bilirubin_unit": s.bilirubin_unit if s.bilirubin_value is not None else None,
            "albumin_g_l": alb,
            "pregnant_or_lactating": pregnant,
        }
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
            "verdict",
            QT_TRANSLATE_NOOP(
                "Refusals", "The screening is incomplete. {reason}. Nothing was saved."
            ),
            params={"reason": missing.reason},
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
    identity = check_identity(identity, today)
    check_screening(screening, identity.birth_date, identity.sex, today)
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

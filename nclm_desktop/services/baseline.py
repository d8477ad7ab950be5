"""Baseline disease data (docs/ARCHITECTURE.md §8), captured by the screening wizard and edited later.

``write_baseline`` runs inside a caller's writing session (screening, enrolment);
``save_baseline`` is the stand-alone edit (a reason is needed once values exist) and
``get_baseline`` reads it back as a plain dataclass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..models import BaselineDisease, Participant
from ..models.audit_hook import ReasonRequired
from ..models.db import Database
from .errors import NotFound, ValidationError
from .input_checks import check_choice, check_date, check_range
from .permissions import Actor, Permission
from .uow import reading, writing

if TYPE_CHECKING:
    from .enrolment import ScreeningData

# WHO classification of nasopharyngeal carcinoma (4th/5th edition).
HISTOLOGY_CHOICES = (
    "nonkeratinizing_undifferentiated",
    "nonkeratinizing_differentiated",
    "keratinizing_squamous",
    "basaloid_squamous",
)
# AJCC 8th edition, nasopharynx.
T_STAGES = ("TX", "T0", "T1", "T2", "T3", "T4")
N_STAGES = ("NX", "N0", "N1", "N2", "N3")
LIVER_MET_TIMINGS = ("synchronous", "metachronous")
SEGMENTS = tuple(range(1, 9))
EBV_DNA_MAX = 1e9
LIVER_MET_COUNT_MAX = 50
LIVER_MET_LARGEST_MM_MAX = 300
INTERVAL_MONTHS_MAX = 600


@dataclass(frozen=True)
class BaselineInput:
    npc_diagnosis_date: dt.date | None = None
    who_histology: str | None = None
    t_stage: str | None = None
    n_stage: str | None = None
    ebv_dna_copies_ml: float | None = None
    ebv_dna_date: dt.date | None = None
    liver_met_count: int | None = None
    liver_met_largest_mm: float | None = None
    liver_met_segments: frozenset[int] | None = None
    liver_met_timing: str | None = None
    metachronous_interval_months: float | None = None
    bone_metastases: bool | None = None  # None: taken from the screening's metastatic sites
    primary_recurrence: bool | None = None  # None: taken from the screening


BaselineView = BaselineInput
FIELDS = tuple(f.name for f in fields(BaselineInput))


def check_baseline(b: BaselineInput, birth_date: dt.date | None, today: dt.date) -> None:
    check_date(
        "npc_diagnosis_date",
        "NPC diagnosis date",
        b.npc_diagnosis_date,
        today=today,
        not_before=("birth date", birth_date),
        required=False,
    )
    check_choice("who_histology", "WHO histology", b.who_histology, HISTOLOGY_CHOICES)
    check_choice("t_stage", "T stage", b.t_stage, T_STAGES)
    check_choice("n_stage", "N stage", b.n_stage, N_STAGES)
    check_range("ebv_dna_copies_ml", "EBV DNA (copies/mL)", b.ebv_dna_copies_ml, 0, EBV_DNA_MAX)
    check_date(
        "ebv_dna_date",
        "EBV DNA date",
        b.ebv_dna_date,
        today=today,
        not_before=("birth date", birth_date),
        required=False,
    )
    check_range(
        "liver_met_count", "number of liver metastases", b.liver_met_count, 1, LIVER_MET_COUNT_MAX
    )
    check_range(
        "liver_met_largest_mm",
        "largest liver metastasis (mm)",
        b.liver_met_largest_mm,
        1,
        LIVER_MET_LARGEST_MM_MAX,
    )
    for seg in b.liver_met_segments or ():
        if seg not in SEGMENTS:
            raise ValidationError("liver_met_segments", "Couinaud segments are 1 to 8.")
    check_choice("liver_met_timing", "timing", b.liver_met_timing, LIVER_MET_TIMINGS)
    check_range(
        "metachronous_interval_months",
        "interval (months)",
        b.metachronous_interval_months,
        0,
        INTERVAL_MONTHS_MAX,
    )
    if b.liver_met_timing == "synchronous" and b.metachronous_interval_months:
        raise ValidationError(
            "metachronous_interval_months", "Synchronous liver metastases have no interval."
        )


def write_baseline(
    session: Session,
    participant: Participant,
    baseline: BaselineInput,
    *,
    screening: ScreeningData | None = None,
    today: dt.date,
) -> BaselineDisease:
    """Insert or update the participant's baseline row in the caller's session."""
    check_baseline(baseline, participant.birth_date, today)
    values = asdict(baseline)
    if values["liver_met_segments"] is not None:
        values["liver_met_segments"] = sorted(values["liver_met_segments"])
    if screening is not None:
        if values["bone_metastases"] is None and screening.metastatic_sites is not None:
            values["bone_metastases"] = "bone" in screening.metastatic_sites
        if values["primary_recurrence"] is None:
            values["primary_recurrence"] = screening.primary_recurrence
    row = session.get(BaselineDisease, participant.id)
    if row is None:
        row = BaselineDisease(participant_id=participant.id)
        session.add(row)
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()
    return row


def save_baseline(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    baseline: BaselineInput,
    *,
    reason: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Record or correct the baseline; changing an entered value needs ``reason``."""
    today = today or dt.date.today()
    try:
        with writing(db, actor, Permission.SCREEN_ENROL, reason=reason) as session:
            participant = session.get(Participant, participant_id)
            if participant is None:
                raise NotFound(f"No participant with id {participant_id}.")
            write_baseline(session, participant, baseline, today=today)
    except ReasonRequired as exc:
        raise ValidationError("reason", str(exc)) from exc


def get_baseline(db: Database, actor: Actor | None, participant_id: int) -> BaselineView | None:
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as session:
        row = session.get(BaselineDisease, participant_id)
        if row is None:
            return None
        values = {name: getattr(row, name) for name in FIELDS}
        if values["liver_met_segments"] is not None:
            values["liver_met_segments"] = frozenset(values["liver_met_segments"])
        return BaselineInput(**values)

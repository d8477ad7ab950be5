"""Operations, complications and reoperations of hepatectomy participants (issue 5).

Surgeons and investigators write; coordinators and monitors read. Names, major/minor,
Clavien-Dindo proposals, the CCI and the perioperative outcome flags all come from
``clinical/``; nothing here re-derives a clinical rule. The first hepatectomy anchors the
participant's index date and follow-up schedule; a grade V complication is also a death.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..clinical import (
    CLAVIEN_DINDO_GRADES,
    COMPLICATION_CATEGORIES,
    ISGLS_CATEGORIES,
    ISGLS_GRADES,
    PerioperativeOutcomes,
    cci,
    clavien_dindo_from_treatment,
    is_major_complication,
    perioperative_outcomes,
    reoperation_during_index_stay,
    resection,
)
from ..models import (
    ClinicalEvent,
    Complication,
    Operation,
    OperationSurgeon,
    Participant,
    Reoperation,
    User,
)
from ..models.db import Database
from . import schedule_sync
from .errors import NotFound, ValidationError
from .permissions import Actor, Permission
from .record_dates import check_record_dates
from .uow import reading, writing

APPROACHES = ("open", "laparoscopic", "robotic")
R_STATUSES = ("R0", "R1", "R2")
SURGEON_ROLES = ("surgeon", "investigator")
INTERVENTIONS = ("none", "without_ga", "under_ga")
ORGAN_DYSFUNCTIONS = ("single", "multiple")

# Plausibility limits: beyond them a value is a typing error, not a finding.
MAX_DURATION_MIN = 24 * 60
MAX_BLOOD_LOSS_ML = 20_000
MAX_TRANSFUSION_UNITS = 100
MAX_PRINGLE_COUNT = 20
MAX_LESIONS = 50
MAX_LESION_MM = 300
MAX_MARGIN_MM = 150

INDEX_DATE_REASON = "Index date follows the date of the first hepatectomy."


# --- inputs -----------------------------------------------------------------------------


@dataclass
class OperationInput:
    """What the operation wizard collects; ``None`` means not recorded (yet)."""

    operation_date: dt.date | None = None
    surgeon_ids: list[int] = field(default_factory=list)
    approach: str = ""
    segments: list[int] = field(default_factory=list)
    anatomical: bool = True
    duration_min: int | None = None
    blood_loss_ml: int | None = None
    transfusion_units: float | None = None
    pringle_count: int | None = None
    pringle_total_min: int | None = None
    lesions_resected: int | None = None
    largest_lesion_mm: float | None = None
    margin_mm: float | None = None
    r_status: str | None = None
    pathology_confirms_npc: bool | None = None
    periop_radiotherapy: bool | None = None
    periop_chemotherapy: bool | None = None
    discharge_date: dt.date | None = None
    notes: str | None = None


@dataclass
class Treatment:
    """The most intensive treatment a complication needed (drives the Clavien-Dindo proposal)."""

    other_drugs: bool = False
    transfusion: bool = False
    tpn: bool = False
    intervention: str = "none"  # none, without_ga, under_ga
    icu: bool = False
    organ_dysfunction: str | None = None  # single, multiple (with icu)
    died: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Treatment:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})


@dataclass
class ComplicationInput:
    category: str = ""
    onset_date: dt.date | None = None
    other_text: str | None = None
    treatment: Treatment = field(default_factory=Treatment)
    treatment_text: str | None = None
    # None accepts the grade proposed from the treatment.
    clavien_dindo: str | None = None
    grade_override_reason: str | None = None
    isgls_grade: str | None = None
    suffix_d: bool = False
    resolved_date: dt.date | None = None
    # Grade V only: the date of death (required, never assumed) and its cause.
    death_date: dt.date | None = None
    death_cause: str | None = None


@dataclass
class ReoperationInput:
    reoperation_date: dt.date | None = None
    planned: bool | None = None
    reason: str = ""


# --- outputs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SurgeonChoice:
    user_id: int
    display_name: str
    role: str


@dataclass(frozen=True)
class OperationSummary:
    id: int
    participant_id: int
    operation_date: dt.date
    surgeons: tuple[SurgeonChoice, ...]
    approach: str
    segments: tuple[int, ...]
    anatomical: bool
    resection_name: str
    major: bool
    duration_min: int | None
    blood_loss_ml: int | None
    transfusion_units: float | None
    pringle_count: int | None
    pringle_total_min: int | None
    lesions_resected: int | None
    largest_lesion_mm: float | None
    margin_mm: float | None
    r_status: str | None
    pathology_confirms_npc: bool | None
    periop_radiotherapy: bool | None
    periop_chemotherapy: bool | None
    discharge_date: dt.date | None
    notes: str | None

    @property
    def length_of_stay_days(self) -> int | None:
        return length_of_stay(self.operation_date, self.discharge_date)

    def as_input(self) -> OperationInput:
        return OperationInput(
            operation_date=self.operation_date,
            surgeon_ids=[s.user_id for s in self.surgeons],
            approach=self.approach,
            segments=list(self.segments),
            **{
                f.name: getattr(self, f.name)
                for f in fields(OperationInput)
                if f.name not in ("operation_date", "surgeon_ids", "approach", "segments")
            },
        )


@dataclass(frozen=True)
class ComplicationRow:
    id: int
    operation_id: int
    onset_date: dt.date
    category: str
    category_label: str
    other_text: str | None
    clavien_dindo: str
    clavien_dindo_proposed: str | None
    grade_override_reason: str | None
    suffix_d: bool
    isgls_grade: str | None
    treatment: Treatment
    treatment_text: str | None
    resolved_date: dt.date | None
    death_date: dt.date | None = None
    death_cause: str | None = None

    @property
    def grade_label(self) -> str:
        return self.clavien_dindo + ("-d" if self.suffix_d else "")

    @property
    def major(self) -> bool:
        return is_major_complication(self.clavien_dindo)

    def as_input(self) -> ComplicationInput:
        return ComplicationInput(
            category=self.category,
            onset_date=self.onset_date,
            other_text=self.other_text,
            treatment=self.treatment,
            treatment_text=self.treatment_text,
            clavien_dindo=self.clavien_dindo,
            grade_override_reason=self.grade_override_reason,
            isgls_grade=self.isgls_grade,
            suffix_d=self.suffix_d,
            resolved_date=self.resolved_date,
            death_date=self.death_date,
            death_cause=self.death_cause,
        )


@dataclass(frozen=True)
class ReoperationRow:
    id: int
    operation_id: int
    reoperation_date: dt.date
    planned: bool
    reason: str
    during_index_stay: bool | None  # derived when read; None = unknown (no discharge date)

    def as_input(self) -> ReoperationInput:
        return ReoperationInput(self.reoperation_date, self.planned, self.reason)


@dataclass(frozen=True)
class OperationRecord:
    operation: OperationSummary
    complications: tuple[ComplicationRow, ...]
    reoperations: tuple[ReoperationRow, ...]
    cci: float  # the patient's CCI over all complications of this operation
    outcomes: PerioperativeOutcomes | None
    outcome_problem: str | None = None  # why the outcomes could not be computed


@dataclass(frozen=True)
class SurgicalRecord:
    participant_id: int
    study_id: str
    cohort: str
    status: str
    enrolment_date: dt.date | None
    index_date: dt.date | None
    death_date: dt.date | None
    locked: bool
    can_edit: bool
    operations: tuple[OperationRecord, ...]

    @property
    def index_operation(self) -> OperationRecord | None:
        return self.operations[0] if self.operations else None

    @property
    def cci(self) -> float:
        op = self.index_operation
        return op.cci if op else 0.0


# --- derived values ---------------------------------------------------------------------


def length_of_stay(operation_date: dt.date | None, discharge_date: dt.date | None) -> int | None:
    """Days from the operation to discharge (the operation day is day 0)."""
    if operation_date is None or discharge_date is None:
        return None
    return (discharge_date - operation_date).days


def during_index_stay(
    reoperation_date: dt.date, operation_date: dt.date, discharge_date: dt.date | None
) -> bool | None:
    """The clinical rule (clinical.index_stay); a date before the operation is not in it."""
    if reoperation_date < operation_date:
        return False
    return reoperation_during_index_stay(reoperation_date, operation_date, discharge_date)


def propose_grade(treatment: Treatment) -> str:
    """The Clavien-Dindo grade the treatment implies (clinical rule), or a ValidationError."""
    try:
        return clavien_dindo_from_treatment(**treatment.as_dict()).grade
    except ValueError as exc:
        name = "organ_dysfunction" if "organ_dysfunction" in str(exc) else "treatment"
        raise ValidationError(name, _msg(str(exc))) from exc


# --- validation -------------------------------------------------------------------------


def _msg(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _number(
    name: str,
    label: str,
    value: float | None,
    *,
    low: float,
    high: float,
    unit: str,
    whole: bool = False,
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(name, f"{label} must be a number.")
    if whole and value != int(value):
        raise ValidationError(name, f"{label} must be a whole number.")
    if value < low:
        raise ValidationError(name, f"{label} cannot be below {low:g} {unit}.".replace("  ", " "))
    if value > high:
        raise ValidationError(
            name, f"{label} above {high:g} {unit} is not plausible; please check it."
        )


def _date(
    name: str,
    label: str,
    value: dt.date | None,
    *,
    today: dt.date,
    not_before: dt.date | None = None,
    not_before_label: str = "",
    required: bool = False,
) -> None:
    if value is None:
        if required:
            raise ValidationError(name, f"Please enter the {label.lower()}.")
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(name, f"{label} must be a calendar date.")
    if not_before is not None and value < not_before:
        raise ValidationError(
            name,
            f"{label} ({value.isoformat()}) cannot be before the {not_before_label} "
            f"({not_before.isoformat()}).",
        )
    if value > today:
        raise ValidationError(name, f"{label} ({value.isoformat()}) cannot be in the future.")


def validate_operation(
    data: OperationInput, *, enrolment_date: dt.date | None, today: dt.date
) -> None:
    """Check an operation in the order the wizard asks for it; the first problem is raised.

    No database needed, so the wizard runs it page by page before anything is saved.
    """
    _date(
        "operation_date",
        "Operation date",
        data.operation_date,
        today=today,
        not_before=enrolment_date,
        not_before_label="enrolment date",
        required=True,
    )
    if not data.surgeon_ids:
        raise ValidationError("surgeons", "Please choose at least one surgeon.")
    if data.approach not in APPROACHES:
        raise ValidationError(
            "approach", "Please choose the approach: open, laparoscopic or robotic."
        )
    segs = list(data.segments or [])
    if not segs:
        raise ValidationError("segments", "Please select at least one resected Couinaud segment.")
    if any(isinstance(s, bool) or not isinstance(s, int) or not 1 <= s <= 8 for s in segs):
        raise ValidationError("segments", "Couinaud segments are numbered 1 to 8.")
    if not isinstance(data.anatomical, bool):
        raise ValidationError("anatomical", "Please say whether the resection was anatomical.")
    _number(
        "duration_min",
        "Duration",
        data.duration_min,
        low=1,
        high=MAX_DURATION_MIN,
        unit="min (24 h)",
        whole=True,
    )
    _number(
        "blood_loss_ml",
        "Blood loss",
        data.blood_loss_ml,
        low=0,
        high=MAX_BLOOD_LOSS_ML,
        unit="mL",
        whole=True,
    )
    _number(
        "transfusion_units",
        "Transfusion",
        data.transfusion_units,
        low=0,
        high=MAX_TRANSFUSION_UNITS,
        unit="units",
    )
    _number(
        "pringle_count",
        "Pringle manoeuvre count",
        data.pringle_count,
        low=0,
        high=MAX_PRINGLE_COUNT,
        unit="",
        whole=True,
    )
    _number(
        "pringle_total_min",
        "Pringle total time",
        data.pringle_total_min,
        low=0,
        high=MAX_DURATION_MIN,
        unit="min",
        whole=True,
    )
    if data.pringle_total_min and not data.pringle_count:
        raise ValidationError(
            "pringle_count",
            "Pringle time is recorded, so the manoeuvre count cannot be 0 or empty.",
        )
    if (
        data.pringle_total_min is not None
        and data.duration_min is not None
        and data.pringle_total_min > data.duration_min
    ):
        raise ValidationError(
            "pringle_total_min",
            f"Pringle total time ({data.pringle_total_min} min) cannot exceed the duration of "
            f"the operation ({data.duration_min} min).",
        )
    _number(
        "lesions_resected",
        "Lesions resected",
        data.lesions_resected,
        low=1,
        high=MAX_LESIONS,
        unit="",
        whole=True,
    )
    _number(
        "largest_lesion_mm",
        "Largest lesion",
        data.largest_lesion_mm,
        low=0.1,
        high=MAX_LESION_MM,
        unit="mm",
    )
    _number("margin_mm", "Margin", data.margin_mm, low=0, high=MAX_MARGIN_MM, unit="mm")
    if data.r_status is not None and data.r_status not in R_STATUSES:
        raise ValidationError("r_status", "R status must be R0, R1 or R2.")
    _date(
        "discharge_date",
        "Discharge date",
        data.discharge_date,
        today=today,
        not_before=data.operation_date,
        not_before_label="operation date",
    )


def validate_complication(
    data: ComplicationInput,
    *,
    operation_date: dt.date,
    discharge_date: dt.date | None,
    today: dt.date,
) -> str:
    """Check a complication in wizard order; returns the grade proposed from the treatment."""
    if data.category not in COMPLICATION_CATEGORIES:
        raise ValidationError("category", "Please choose the complication category.")
    if data.category == "other" and not (data.other_text or "").strip():
        raise ValidationError("other_text", "Please describe the complication (category other).")
    _date(
        "onset_date",
        "Onset date",
        data.onset_date,
        today=today,
        not_before=operation_date,
        not_before_label="operation date",
        required=True,
    )
    t = data.treatment
    if t.intervention not in INTERVENTIONS:
        raise ValidationError("intervention", "Please choose the kind of intervention.")
    if t.icu and t.organ_dysfunction not in ORGAN_DYSFUNCTIONS:
        raise ValidationError(
            "organ_dysfunction",
            "Intensive care was needed: please say whether one organ or several failed.",
        )
    proposed = propose_grade(t)
    grade = data.clavien_dindo or proposed
    if grade not in CLAVIEN_DINDO_GRADES:
        raise ValidationError("clavien_dindo", "Please choose a Clavien-Dindo grade.")
    if grade != proposed and not (data.grade_override_reason or "").strip():
        raise ValidationError(
            "grade_override_reason",
            f"The treatment suggests grade {proposed}; please give a reason for choosing "
            f"grade {grade}.",
        )
    if (grade == "V") != t.died:
        raise ValidationError(
            "clavien_dindo",
            "Grade V means the patient died of the complication; tick 'the patient died' "
            "for grade V, and only then.",
        )
    scheme = ISGLS_CATEGORIES.get(data.category)
    if scheme is None and data.isgls_grade:
        raise ValidationError(
            "isgls_grade",
            f"{COMPLICATION_CATEGORIES[data.category]} has no ISGLS grade.",
        )
    if scheme is not None and data.isgls_grade not in ISGLS_GRADES:
        raise ValidationError(
            "isgls_grade", f"Please choose the ISGLS grade (A, B or C) of {scheme.label}."
        )
    if grade == "V" and data.suffix_d:
        raise ValidationError(
            "suffix_d", "Suffix d (disability at discharge) does not apply to grade V."
        )
    if grade == "V":
        if data.resolved_date is not None:
            raise ValidationError(
                "resolved_date", "A complication that caused death has no resolution date."
            )
        # The death date is entered, never assumed from the onset (a stand-in would be
        # false data in the survival analysis).
        death = data.death_date
        _date(
            "death_date",
            "Date of death",
            death,
            today=today,
            not_before=data.onset_date,
            not_before_label="onset date",
            required=True,
        )
        if discharge_date is not None and death is not None and death < discharge_date:
            raise ValidationError(
                "death_date",
                f"Date of death ({death.isoformat()}) cannot be before the discharge date "
                f"({discharge_date.isoformat()}).",
            )
    else:
        _date(
            "resolved_date",
            "Resolution date",
            data.resolved_date,
            today=today,
            not_before=data.onset_date,
            not_before_label="onset date",
        )
    return proposed


def validate_reoperation(
    data: ReoperationInput, *, operation_date: dt.date, today: dt.date
) -> None:
    _date(
        "reoperation_date",
        "Reoperation date",
        data.reoperation_date,
        today=today,
        not_before=operation_date,
        not_before_label="operation date",
        required=True,
    )
    if not isinstance(data.planned, bool):
        raise ValidationError("planned", "Please say whether the reoperation was planned.")
    if not (data.reason or "").strip():
        raise ValidationError("reason", "Please give the reason for the reoperation.")


# --- helpers inside a session -----------------------------------------------------------


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _edit_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("reason", "Changing recorded surgical data needs a reason.")
    return text


T = TypeVar("T")


def _get(s: Session, model: type[T], row_id: int, what: str) -> T:
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(f"No {what} with id {row_id}.")
    return row


def _participant(s: Session, participant_id: int) -> Participant:
    return _get(s, Participant, participant_id, "participant")


def _operation(s: Session, operation_id: int) -> tuple[Operation, Participant]:
    op = _get(s, Operation, operation_id, "operation")
    return op, _participant(s, op.participant_id)


def _check_surgeons(s: Session, ids: Sequence[int]) -> None:
    wanted = set(ids)
    found = set(
        s.scalars(
            select(User.id).where(
                User.id.in_(wanted), User.role.in_(SURGEON_ROLES), User.active.is_(True)
            )
        )
    )
    if found != wanted:
        raise ValidationError(
            "surgeons", "Surgeons must be active users with the surgeon or investigator role."
        )


def _set_surgeons(s: Session, op: Operation, ids: Sequence[int]) -> None:
    current = {
        row.user_id: row
        for row in s.scalars(select(OperationSurgeon).where(OperationSurgeon.operation_id == op.id))
    }
    for uid, row in current.items():
        if uid not in ids:
            s.delete(row)
    for uid in dict.fromkeys(ids):
        if uid not in current:
            s.add(OperationSurgeon(operation_id=op.id, user_id=uid, role="surgeon"))


def _apply_operation(op: Operation, data: OperationInput) -> None:
    res = resection(data.segments, anatomical=data.anatomical)
    op.operation_date = data.operation_date  # type: ignore[assignment]
    op.approach = data.approach
    op.segments = list(res.segments)
    op.anatomical = data.anatomical
    op.resection_name = res.name
    op.major = res.major
    for name in (
        "duration_min",
        "blood_loss_ml",
        "transfusion_units",
        "pringle_count",
        "pringle_total_min",
        "lesions_resected",
        "largest_lesion_mm",
        "margin_mm",
        "r_status",
        "pathology_confirms_npc",
        "periop_radiotherapy",
        "periop_chemotherapy",
        "discharge_date",
    ):
        setattr(op, name, getattr(data, name))
    op.notes = (data.notes or "").strip() or None


def _sync_index_date(s: Session, p: Participant) -> None:
    """Index date = the date of the participant's first hepatectomy; re-plan if it moved."""
    s.flush()
    first = s.scalar(
        select(func.min(Operation.operation_date)).where(Operation.participant_id == p.id)
    )
    if first is None or first == p.index_date:
        return
    if p.index_date is not None and not s.info.get("reason"):
        # Set by enrolment as a planned date: the hepatectomy replaces it, say why.
        s.info["reason"] = INDEX_DATE_REASON
        p.index_date = first
        s.flush()
        s.info["reason"] = None
    else:
        p.index_date = first
    schedule_sync.sync_schedule(s, p)


def _death_event(s: Session, participant_id: int) -> ClinicalEvent | None:
    return s.scalars(
        select(ClinicalEvent)
        .where(ClinicalEvent.participant_id == participant_id, ClinicalEvent.kind == "death")
        .order_by(ClinicalEvent.event_date)
    ).first()


def _record_death(
    s: Session, p: Participant, comp: Complication, death: dt.date, cause: str | None
) -> None:
    existing = _death_event(s, p.id)
    cause = (cause or "").strip() or COMPLICATION_CATEGORIES.get(comp.category, comp.category)
    if existing is None:
        s.add(
            ClinicalEvent(
                participant_id=p.id,
                kind="death",
                event_date=death,
                cause=cause[:200],
                detail="Recorded as a Clavien-Dindo grade V complication.",
                complication_id=comp.id,
            )
        )
    elif existing.event_date != death:
        raise ValidationError(
            "death_date",
            f"A death on {existing.event_date.isoformat()} is already recorded for this "
            "participant; the dates must agree.",
        )
    elif existing.complication_id is None:
        existing.complication_id = comp.id
    if p.status != "deceased":
        p.status = "deceased"
    s.flush()
    schedule_sync.sync_schedule(s, p)


def _check_complication_dates(s: Session, participant_id: int, comp: Complication) -> None:
    if comp.clavien_dindo == "V":
        check_record_dates(s, participant_id, "death_date", "date of death")
    check_record_dates(s, participant_id, "onset_date", "onset date")


def _first_later_record(s: Session, op: Operation) -> dt.date | None:
    dates = [
        s.scalar(
            select(func.min(Complication.onset_date)).where(Complication.operation_id == op.id)
        ),
        s.scalar(
            select(func.min(Reoperation.reoperation_date)).where(Reoperation.operation_id == op.id)
        ),
    ]
    dates = [d for d in dates if d is not None]
    return min(dates) if dates else None


# --- use cases: operations ----------------------------------------------------------------


def surgeon_choices(db: Database, actor: Actor | None) -> list[SurgeonChoice]:
    """Active surgeons and investigators, for the operation wizard's surgeon list."""
    with reading(db, actor, Permission.READ_SURGERY) as s:
        rows = s.execute(
            select(User.id, User.display_name, User.role)
            .where(User.role.in_(SURGEON_ROLES), User.active.is_(True))
            .order_by(User.display_name)
        )
        return [SurgeonChoice(r[0], r[1], r[2]) for r in rows]


def record_operation(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    data: OperationInput,
    *,
    today: dt.date | None = None,
) -> int:
    """Store a new liver resection; the first one sets the index date and the schedule."""
    with writing(db, actor, Permission.WRITE_SURGERY) as s:
        p = _participant(s, participant_id)
        if p.cohort != "hepatectomy":
            raise ValidationError(
                "participant",
                f"{p.study_id or 'This participant'} is not in the hepatectomy group.",
            )
        if p.status != "enrolled":
            raise ValidationError(
                "participant",
                f"Operations are recorded for enrolled participants ({p.study_id} is {p.status}).",
            )
        validate_operation(data, enrolment_date=p.enrolment_date, today=_today(today))
        _check_surgeons(s, data.surgeon_ids)
        op = Operation(participant_id=p.id)
        _apply_operation(op, data)
        s.add(op)
        s.flush()
        _set_surgeons(s, op, data.surgeon_ids)
        _sync_index_date(s, p)
        check_record_dates(s, p.id, "operation_date", "operation date")
        return op.id


def update_operation(
    db: Database,
    actor: Actor | None,
    operation_id: int,
    data: OperationInput,
    reason: str,
    *,
    today: dt.date | None = None,
) -> None:
    """Correct a recorded operation; audited with the reason; re-plans if the date moved."""
    reason = _edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=reason) as s:
        op, p = _operation(s, operation_id)
        validate_operation(data, enrolment_date=p.enrolment_date, today=_today(today))
        later = _first_later_record(s, op)
        if later is not None and data.operation_date is not None and data.operation_date > later:
            raise ValidationError(
                "operation_date",
                f"Operation date cannot be after a complication or reoperation recorded on "
                f"{later.isoformat()}.",
            )
        death = _death_event(s, p.id)
        if death is not None and data.operation_date and data.operation_date > death.event_date:
            raise ValidationError(
                "operation_date",
                f"Operation date cannot be after the recorded death ({death.event_date.isoformat()}).",
            )
        if death is not None and data.discharge_date and data.discharge_date > death.event_date:
            raise ValidationError(
                "discharge_date",
                f"Discharge date cannot be after the recorded death ({death.event_date.isoformat()}).",
            )
        _check_surgeons(s, data.surgeon_ids)
        date_moved = op.operation_date != data.operation_date
        _apply_operation(op, data)
        _set_surgeons(s, op, data.surgeon_ids)
        _sync_index_date(s, p)
        # Every record that depends on these dates (events, visits, complications,
        # reoperations, a death) must still fit, or the analysis of the study fails.
        if date_moved:
            check_record_dates(s, p.id, "operation_date", "operation date")
        else:
            check_record_dates(s, p.id, "discharge_date", "discharge date")


def get_operation(db: Database, actor: Actor | None, operation_id: int) -> OperationSummary:
    with reading(db, actor, Permission.READ_SURGERY) as s:
        op, _ = _operation(s, operation_id)
        return _summaries(s, [op])[0]


# --- use cases: complications -------------------------------------------------------------


def _apply_complication(comp: Complication, data: ComplicationInput, proposed: str) -> None:
    grade = data.clavien_dindo or proposed
    comp.onset_date = data.onset_date  # type: ignore[assignment]
    comp.category = data.category
    comp.other_text = (data.other_text or "").strip() or None if data.category == "other" else None
    comp.clavien_dindo = grade
    comp.clavien_dindo_proposed = proposed
    comp.grade_override_reason = (
        (data.grade_override_reason or "").strip() or None if grade != proposed else None
    )
    comp.suffix_d = bool(data.suffix_d)
    comp.isgls_grade = data.isgls_grade if data.category in ISGLS_CATEGORIES else None
    comp.treatment = data.treatment.as_dict()
    comp.treatment_text = (data.treatment_text or "").strip() or None
    comp.resolved_date = data.resolved_date


def add_complication(
    db: Database,
    actor: Actor | None,
    operation_id: int,
    data: ComplicationInput,
    *,
    today: dt.date | None = None,
) -> int:
    """Add one complication; grade V also records the death and stops the schedule."""
    with writing(db, actor, Permission.WRITE_SURGERY) as s:
        op, p = _operation(s, operation_id)
        proposed = validate_complication(
            data,
            operation_date=op.operation_date,
            discharge_date=op.discharge_date,
            today=_today(today),
        )
        comp = Complication(operation_id=op.id)
        _apply_complication(comp, data, proposed)
        s.add(comp)
        s.flush()
        if comp.clavien_dindo == "V":
            _record_death(s, p, comp, data.death_date, data.death_cause)
        _check_complication_dates(s, p.id, comp)
        return comp.id


def update_complication(
    db: Database,
    actor: Actor | None,
    complication_id: int,
    data: ComplicationInput,
    reason: str,
    *,
    today: dt.date | None = None,
) -> None:
    reason = _edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=reason) as s:
        comp = _get(s, Complication, complication_id, "complication")
        op, p = _operation(s, comp.operation_id)
        proposed = validate_complication(
            data,
            operation_date=op.operation_date,
            discharge_date=op.discharge_date,
            today=_today(today),
        )
        linked = s.scalars(
            select(ClinicalEvent).where(
                ClinicalEvent.complication_id == comp.id, ClinicalEvent.kind == "death"
            )
        ).first()
        if linked is not None and (data.clavien_dindo or proposed) != "V":
            # Undoing a death cannot re-open cancelled visits; it belongs to follow-up.
            raise ValidationError(
                "clavien_dindo",
                "This complication recorded the participant's death; correct the death in the "
                "follow-up events before changing its grade.",
            )
        _apply_complication(comp, data, proposed)
        s.flush()
        if comp.clavien_dindo == "V":
            death = data.death_date
            if linked is not None and linked.event_date != death:
                linked.event_date = death
                s.flush()
            if linked is not None and data.death_cause:
                linked.cause = data.death_cause.strip()[:200]
            _record_death(s, p, comp, death, data.death_cause)
        _check_complication_dates(s, p.id, comp)


def delete_complication(
    db: Database, actor: Actor | None, complication_id: int, reason: str
) -> None:
    """Remove a complication entered by mistake (kept in the audit trail with the reason)."""
    reason = _edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=reason) as s:
        comp = _get(s, Complication, complication_id, "complication")
        _, p = _operation(s, comp.operation_id)
        if comp.clavien_dindo == "V":
            raise ValidationError(
                "clavien_dindo",
                "This complication recorded the participant's death; correct the death in the "
                "follow-up events first.",
            )
        s.delete(comp)


# --- use cases: reoperations --------------------------------------------------------------


def add_reoperation(
    db: Database,
    actor: Actor | None,
    operation_id: int,
    data: ReoperationInput,
    *,
    today: dt.date | None = None,
) -> int:
    with writing(db, actor, Permission.WRITE_SURGERY) as s:
        op, p = _operation(s, operation_id)
        validate_reoperation(data, operation_date=op.operation_date, today=_today(today))
        row = Reoperation(
            operation_id=op.id,
            reoperation_date=data.reoperation_date,
            planned=data.planned,
            reason=data.reason.strip(),
        )
        s.add(row)
        s.flush()
        check_record_dates(s, p.id, "reoperation_date", "reoperation date")
        return row.id


def update_reoperation(
    db: Database,
    actor: Actor | None,
    reoperation_id: int,
    data: ReoperationInput,
    reason: str,
    *,
    today: dt.date | None = None,
) -> None:
    why = _edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=why) as s:
        row = _get(s, Reoperation, reoperation_id, "reoperation")
        op, p = _operation(s, row.operation_id)
        validate_reoperation(data, operation_date=op.operation_date, today=_today(today))
        row.reoperation_date = data.reoperation_date  # type: ignore[assignment]
        row.planned = bool(data.planned)
        row.reason = data.reason.strip()
        check_record_dates(s, p.id, "reoperation_date", "reoperation date")


# --- the surgical record ------------------------------------------------------------------


def _summaries(s: Session, ops: Sequence[Operation]) -> list[OperationSummary]:
    ids = [op.id for op in ops]
    surgeons: dict[int, list[SurgeonChoice]] = {i: [] for i in ids}
    rows = s.execute(
        select(OperationSurgeon.operation_id, User.id, User.display_name, User.role)
        .join(User, User.id == OperationSurgeon.user_id)
        .where(OperationSurgeon.operation_id.in_(ids))
        .order_by(OperationSurgeon.id)
    )
    for op_id, uid, name, role in rows:
        surgeons[op_id].append(SurgeonChoice(uid, name, role))
    return [
        OperationSummary(
            id=op.id,
            participant_id=op.participant_id,
            operation_date=op.operation_date,
            surgeons=tuple(surgeons[op.id]),
            approach=op.approach,
            segments=tuple(op.segments),
            anatomical=op.anatomical,
            resection_name=op.resection_name,
            major=op.major,
            duration_min=op.duration_min,
            blood_loss_ml=op.blood_loss_ml,
            transfusion_units=op.transfusion_units,
            pringle_count=op.pringle_count,
            pringle_total_min=op.pringle_total_min,
            lesions_resected=op.lesions_resected,
            largest_lesion_mm=op.largest_lesion_mm,
            margin_mm=op.margin_mm,
            r_status=op.r_status,
            pathology_confirms_npc=op.pathology_confirms_npc,
            periop_radiotherapy=op.periop_radiotherapy,
            periop_chemotherapy=op.periop_chemotherapy,
            discharge_date=op.discharge_date,
            notes=op.notes,
        )
        for op in ops
    ]


def _outcomes(
    op: OperationSummary,
    comps: Iterable[ComplicationRow],
    reops: Iterable[ReoperationRow],
    death: dt.date | None,
) -> tuple[PerioperativeOutcomes | None, str | None]:
    try:
        return (
            perioperative_outcomes(
                op.operation_date,
                discharge_date=op.discharge_date,
                complications=[(c.onset_date, c.clavien_dindo) for c in comps],
                reoperations=[(r.reoperation_date, r.planned) for r in reops],
                # A death before this operation (impossible) must not break the record view.
                death_date=death if death and death >= op.operation_date else None,
            ),
            None,
        )
    except ValueError as exc:  # inconsistent dates entered elsewhere: say so, do not crash
        return None, _msg(str(exc))


def surgical_record(db: Database, actor: Actor | None, participant_id: int) -> SurgicalRecord:
    """Everything the surgery tab shows, in a fixed number of queries."""
    with reading(db, actor, Permission.READ_SURGERY) as s:
        p = _participant(s, participant_id)
        ops = list(
            s.scalars(
                select(Operation)
                .where(Operation.participant_id == p.id)
                .order_by(Operation.operation_date, Operation.id)
            )
        )
        summaries = _summaries(s, ops)
        ids = [op.id for op in ops]
        deaths = {
            e.complication_id: e
            for e in s.scalars(
                select(ClinicalEvent).where(
                    ClinicalEvent.participant_id == p.id, ClinicalEvent.kind == "death"
                )
            )
        }
        death_event = _death_event(s, p.id)
        death_date = death_event.event_date if death_event else None
        comps: dict[int, list[ComplicationRow]] = {i: [] for i in ids}
        for c in s.scalars(
            select(Complication)
            .where(Complication.operation_id.in_(ids))
            .order_by(Complication.onset_date, Complication.id)
        ):
            ev = deaths.get(c.id)
            comps[c.operation_id].append(
                ComplicationRow(
                    id=c.id,
                    operation_id=c.operation_id,
                    onset_date=c.onset_date,
                    category=c.category,
                    category_label=COMPLICATION_CATEGORIES.get(c.category, c.category),
                    other_text=c.other_text,
                    clavien_dindo=c.clavien_dindo,
                    clavien_dindo_proposed=c.clavien_dindo_proposed,
                    grade_override_reason=c.grade_override_reason,
                    suffix_d=c.suffix_d,
                    isgls_grade=c.isgls_grade,
                    treatment=Treatment.from_dict(c.treatment),
                    treatment_text=c.treatment_text,
                    resolved_date=c.resolved_date,
                    death_date=ev.event_date if ev else None,
                    death_cause=ev.cause if ev else None,
                )
            )
        by_id = {o.id: o for o in summaries}
        reops: dict[int, list[ReoperationRow]] = {i: [] for i in ids}
        for r in s.scalars(
            select(Reoperation)
            .where(Reoperation.operation_id.in_(ids))
            .order_by(Reoperation.reoperation_date, Reoperation.id)
        ):
            op = by_id[r.operation_id]
            reops[r.operation_id].append(
                ReoperationRow(
                    r.id,
                    r.operation_id,
                    r.reoperation_date,
                    r.planned,
                    r.reason,
                    during_index_stay(r.reoperation_date, op.operation_date, op.discharge_date),
                )
            )
        records = []
        for op in summaries:
            outcomes, problem = _outcomes(op, comps[op.id], reops[op.id], death_date)
            records.append(
                OperationRecord(
                    operation=op,
                    complications=tuple(comps[op.id]),
                    reoperations=tuple(reops[op.id]),
                    cci=cci([c.clavien_dindo for c in comps[op.id]]),
                    outcomes=outcomes,
                    outcome_problem=problem,
                )
            )
        return SurgicalRecord(
            participant_id=p.id,
            study_id=p.study_id or "",
            cohort=p.cohort or "",
            status=p.status,
            enrolment_date=p.enrolment_date,
            index_date=p.index_date,
            death_date=death_date,
            locked=p.locked,
            can_edit=bool(actor and actor.can(Permission.WRITE_SURGERY)) and not p.locked,
            operations=tuple(records),
        )

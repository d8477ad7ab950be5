"""What a participant's surgical record is when read: operations, complications with their
grades and CCI, reoperations, and the perioperative outcome flags from ``clinical/``.

The surgery tab and the printed reports (services/report_data/) both read these objects,
so they cannot disagree (docs/ARCHITECTURE.md §11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..clinical import (
    COMPLICATION_CATEGORIES,
    PerioperativeOutcomes,
    cci,
    is_major_complication,
    perioperative_outcomes,
    reoperation_during_index_stay,
    resection,
)
from ..clinical.text_marks import QT_TRANSLATE_NOOP, capitalised, said
from ..clinical.validation import DateOrderError, date_name
from ..models import ClinicalEvent, Complication, Operation, OperationSurgeon, Reoperation, User
from ..models.db import Database
from .permissions import Actor, Permission
from .surgery_inputs import ComplicationInput, OperationInput, ReoperationInput, Treatment
from .surgery_session import participant
from .uow import reading

# --- what is read -------------------------------------------------------------------------


@dataclass(frozen=True)
class SurgeonChoice:
    user_id: int
    display_name: str
    role: str  # the account's role
    in_operation: str = "surgeon"  # operation_surgeon.role

    @property
    def label(self) -> str:
        """The name as the tab and the operative report show it."""
        role = self.in_operation
        return self.display_name if role == "surgeon" else f"{self.display_name} ({role})"


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

    @property
    def resection_name_zh(self) -> str:
        """The resection's Chinese name, from the same rule that named it ("" when the
        segments no longer name one)."""
        try:
            return resection(self.segments, anatomical=self.anatomical).name_zh
        except ValueError:
            return ""

    @property
    def surgeon_names(self) -> str:
        return ", ".join(s.label for s in self.surgeons)

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
    postoperative_day: int = 0

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
    postoperative_day: int = 0

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
    death_date: dt.date | None = None  # the participant's, whenever it happened


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


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


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
    except DateOrderError as exc:  # dates entered elsewhere disagree: say so, do not crash
        words = {k: date_name(v) for k, v in exc.params.items()}
        problem = said(
            QT_TRANSLATE_NOOP("Refusals", "{problem}."), problem=said(exc.template, **words)
        )
        return None, capitalised(problem)
    except ValueError as exc:  # any other inconsistency: the rule's words
        return None, _sentence(str(exc))


# --- reading ------------------------------------------------------------------------------


def summaries(s: Session, ops: Sequence[Operation]) -> list[OperationSummary]:
    ids = [op.id for op in ops]
    surgeons: dict[int, list[SurgeonChoice]] = {i: [] for i in ids}
    rows = s.execute(
        select(
            OperationSurgeon.operation_id,
            User.id,
            User.display_name,
            User.role,
            OperationSurgeon.role,
        )
        .join(User, User.id == OperationSurgeon.user_id)
        .where(OperationSurgeon.operation_id.in_(ids))
        .order_by(OperationSurgeon.id)
    )
    for op_id, uid, name, role, in_operation in rows:
        surgeons[op_id].append(SurgeonChoice(uid, name, role, in_operation or "surgeon"))
    plain = [f.name for f in fields(OperationSummary)]
    return [
        OperationSummary(
            **{name: getattr(op, name) for name in plain if name not in ("surgeons", "segments")},
            surgeons=tuple(surgeons[op.id]),
            segments=tuple(op.segments),
        )
        for op in ops
    ]


def death_dates(s: Session, participant_ids: Iterable[int]) -> dict[int, dt.date]:
    """Each participant's recorded death (the first, if several were entered)."""
    ids = sorted(set(participant_ids))
    if not ids:
        return {}
    rows = s.execute(
        select(ClinicalEvent.participant_id, func.min(ClinicalEvent.event_date))
        .where(ClinicalEvent.kind == "death", ClinicalEvent.participant_id.in_(ids))
        .group_by(ClinicalEvent.participant_id)
    )
    return dict(rows.all())


def operation_records(s: Session, ops: Sequence[Operation]) -> list[OperationRecord]:
    """The records of ``ops`` (any participants), in a fixed number of queries."""
    op_summaries = summaries(s, ops)
    by_id = {o.id: o for o in op_summaries}
    ids = list(by_id)
    deaths = death_dates(s, (o.participant_id for o in op_summaries))
    linked = {
        e.complication_id: e
        for e in s.scalars(
            select(ClinicalEvent)
            .join(Complication, Complication.id == ClinicalEvent.complication_id)
            .where(Complication.operation_id.in_(ids), ClinicalEvent.kind == "death")
        )
    }
    comps: dict[int, list[ComplicationRow]] = {i: [] for i in ids}
    for c in s.scalars(
        select(Complication)
        .where(Complication.operation_id.in_(ids))
        .order_by(Complication.onset_date, Complication.id)
    ):
        ev = linked.get(c.id)
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
                suffix_d=bool(c.suffix_d),
                isgls_grade=c.isgls_grade,
                treatment=Treatment.from_dict(c.treatment),
                treatment_text=c.treatment_text,
                resolved_date=c.resolved_date,
                death_date=ev.event_date if ev else None,
                death_cause=ev.cause if ev else None,
                postoperative_day=(c.onset_date - by_id[c.operation_id].operation_date).days,
            )
        )
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
                bool(r.planned),
                r.reason or "",
                during_index_stay(r.reoperation_date, op.operation_date, op.discharge_date),
                (r.reoperation_date - op.operation_date).days,
            )
        )
    records = []
    for op in op_summaries:
        death = deaths.get(op.participant_id)
        outcomes, problem = _outcomes(op, comps[op.id], reops[op.id], death)
        records.append(
            OperationRecord(
                operation=op,
                complications=tuple(comps[op.id]),
                reoperations=tuple(reops[op.id]),
                cci=cci([c.clavien_dindo for c in comps[op.id]]),
                outcomes=outcomes,
                outcome_problem=problem,
                death_date=death,
            )
        )
    return records


def surgical_record(db: Database, actor: Actor | None, participant_id: int) -> SurgicalRecord:
    """Everything the surgery tab shows, in a fixed number of queries."""
    with reading(db, actor, Permission.READ_SURGERY) as s:
        p = participant(s, participant_id)
        ops = list(
            s.scalars(
                select(Operation)
                .where(Operation.participant_id == p.id)
                .order_by(Operation.operation_date, Operation.id)
            )
        )
        return SurgicalRecord(
            participant_id=p.id,
            study_id=p.study_id or "",
            cohort=p.cohort or "",
            status=p.status,
            enrolment_date=p.enrolment_date,
            index_date=p.index_date,
            death_date=death_dates(s, [p.id]).get(p.id),
            locked=p.locked,
            can_edit=bool(actor and actor.can(Permission.WRITE_SURGERY)) and not p.locked,
            operations=tuple(operation_records(s, ops)),
        )

"""What the operative report shows. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...clinical import (
    PerioperativeOutcomes,
    albi,
    child_pugh,
    load_protocol,
)
from ...models import (
    Complication,
    Operation,
    OperationSurgeon,
    Reoperation,
    Screening,
    User,
)
from ...models.db import Database
from ..errors import NotFound
from ..permissions import Actor, Permission
from ..uow import reading
from .common import PatientHeader, ReportMeta, _header, _meta, _participant
from .surgical_lines import (
    ComplicationLine,
    ReoperationLine,
    _complication_line,
    _death_dates,
    _outcomes,
    _reoperation_line,
    _resection_name,
)

# --- operative report ------------------------------------------------------------------------


@dataclass(frozen=True)
class LiverFunction:
    screening_date: dt.date
    bilirubin_umol_l: float | None
    albumin_g_l: float | None
    inr: float | None
    ascites: str | None
    encephalopathy: str | None
    child_pugh_points: int | None
    child_pugh_grade: str | None
    albi_score: float | None
    albi_grade: int | None
    future_liver_remnant_pct: float | None


@dataclass(frozen=True)
class OperativeReportData:
    meta: ReportMeta
    patient: PatientHeader
    operation_date: dt.date
    surgeons: tuple[str, ...]
    approach: str
    segments: tuple[int, ...]
    anatomical: bool
    resection_name: str
    resection_name_zh: str
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
    length_of_stay_days: int | None
    notes: str
    liver: LiverFunction | None
    complications: tuple[ComplicationLine, ...]
    reoperations: tuple[ReoperationLine, ...]
    outcomes: PerioperativeOutcomes
    death_date: dt.date | None
    operation_number: int  # 1-based, by date, of operation_count
    operation_count: int


def _liver_function(s: Session, participant_id: int, before: dt.date) -> LiverFunction | None:
    """The last screening on or before the operation (else the latest) holds the pre-op labs."""
    base = select(Screening).where(Screening.participant_id == participant_id)
    sc = s.scalar(
        base.where(Screening.screening_date <= before)
        .order_by(Screening.screening_date.desc(), Screening.id.desc())
        .limit(1)
    ) or s.scalar(base.order_by(Screening.screening_date.desc(), Screening.id.desc()).limit(1))
    if sc is None:
        return None
    points, grade = sc.child_pugh_points, sc.child_pugh_grade
    inputs = (sc.bilirubin_umol_l, sc.albumin_g_l, sc.inr, sc.ascites, sc.encephalopathy)
    if points is None and all(v is not None for v in inputs):
        try:
            reported = (sc.bilirubin_value, sc.bilirubin_unit or "µmol/L")
            if sc.bilirubin_value is None:
                reported = (sc.bilirubin_umol_l, "µmol/L")
            cp = child_pugh(reported[0], *inputs[1:], bilirubin_unit=reported[1])
            points, grade = cp.points, cp.grade
        except ValueError:
            pass
    albi_score, albi_grade = sc.albi_score, sc.albi_grade
    if albi_score is None and sc.bilirubin_umol_l and sc.albumin_g_l is not None:
        try:
            a = albi(sc.bilirubin_umol_l, sc.albumin_g_l)
            albi_score, albi_grade = a.score, a.grade
        except ValueError:
            pass
    return LiverFunction(
        screening_date=sc.screening_date,
        bilirubin_umol_l=sc.bilirubin_umol_l,
        albumin_g_l=sc.albumin_g_l,
        inr=sc.inr,
        ascites=sc.ascites,
        encephalopathy=sc.encephalopathy,
        child_pugh_points=points,
        child_pugh_grade=grade,
        albi_score=albi_score,
        albi_grade=albi_grade,
        future_liver_remnant_pct=sc.future_liver_remnant_pct,
    )


def operative_report_data(
    db: Database,
    actor: Actor | None,
    study_id: str,
    operation_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> OperativeReportData:
    """One operation of a participant: the latest, or the one on ``operation_date``."""
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        p = _participant(s, study_id)
        ops = list(
            s.scalars(
                select(Operation)
                .where(Operation.participant_id == p.id)
                .order_by(Operation.operation_date, Operation.id)
            )
        )
        if not ops:
            raise NotFound(f"{p.study_id} has no operation recorded.")
        if operation_date is None:
            op = ops[-1]
        else:
            matching = [o for o in ops if o.operation_date == operation_date]
            if not matching:
                dates = ", ".join(str(o.operation_date) for o in ops)
                raise NotFound(
                    f"{p.study_id} has no operation on {operation_date} (operations: {dates})."
                )
            op = matching[-1]
        surgeons = tuple(
            f"{name} ({role})" if role and role != "surgeon" else name
            for name, role in s.execute(
                select(User.display_name, OperationSurgeon.role)
                .join(User, User.id == OperationSurgeon.user_id)
                .where(OperationSurgeon.operation_id == op.id)
                .order_by(OperationSurgeon.id)
            )
        )
        comps = list(
            s.scalars(
                select(Complication)
                .where(Complication.operation_id == op.id)
                .order_by(Complication.onset_date, Complication.id)
            )
        )
        reops = list(
            s.scalars(
                select(Reoperation)
                .where(Reoperation.operation_id == op.id)
                .order_by(Reoperation.reoperation_date, Reoperation.id)
            )
        )
        death = _death_dates(s, [p.id]).get(p.id)
        days = load_protocol().endpoints.morbidity_days
        name, name_zh, major = _resection_name(op)
        return OperativeReportData(
            meta=_meta(actor, now, s),
            patient=_header(p, op.operation_date, actor.can(Permission.VIEW_IDENTITY)),
            operation_date=op.operation_date,
            surgeons=surgeons,
            approach=op.approach,
            segments=tuple(sorted(int(x) for x in op.segments or [])),
            anatomical=bool(op.anatomical),
            resection_name=name,
            resection_name_zh=name_zh,
            major=major,
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
            length_of_stay_days=(
                (op.discharge_date - op.operation_date).days if op.discharge_date else None
            ),
            notes=op.notes or "",
            liver=_liver_function(s, p.id, op.operation_date),
            complications=tuple(_complication_line(c, op.operation_date, days) for c in comps),
            reoperations=tuple(_reoperation_line(r, op) for r in reops),
            outcomes=_outcomes(op, comps, reops, death, p.study_id or f"#{p.id}"),
            death_date=death,
            operation_number=ops.index(op) + 1,
            operation_count=len(ops),
        )

"""What the operative report shows: the surgery service's own record of the operation
(services/surgical_record.py) with the patient header and the pre-operative liver function.
(See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...clinical import albi, child_pugh, load_protocol
from ...forms import QT_TRANSLATE_NOOP
from ...models import Operation, Screening
from ...models.db import Database
from ..errors import NotFound
from ..permissions import Actor, Permission
from ..surgical_record import OperationRecord, OperationSummary, operation_records
from ..uow import reading
from .common import PatientHeader, ReportMeta, _header, _meta, _participant
from .surgical_lines import ComplicationLine, ReoperationLine, lines

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
    record: OperationRecord  # what the surgery tab shows
    resection_name_zh: str
    liver: LiverFunction | None
    complications: tuple[ComplicationLine, ...]
    reoperations: tuple[ReoperationLine, ...]
    operation_number: int  # 1-based, by date, of operation_count
    operation_count: int

    @property
    def operation(self) -> OperationSummary:
        return self.record.operation


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
            raise NotFound(
                QT_TRANSLATE_NOOP("Refusals", "{study_id} has no operation recorded."),
                params={"study_id": p.study_id},
            )
        if operation_date is None:
            op = ops[-1]
        else:
            matching = [o for o in ops if o.operation_date == operation_date]
            if not matching:
                dates = ", ".join(str(o.operation_date) for o in ops)
                raise NotFound(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{study_id} has no operation on {date} (operations: {dates})."
                    ),
                    params={"study_id": p.study_id, "date": str(operation_date), "dates": dates},
                )
            op = matching[-1]
        record = operation_records(s, [op])[0]
        complications, reoperations = lines(record, load_protocol().endpoints.morbidity_days)
        return OperativeReportData(
            meta=_meta(actor, now, s),
            patient=_header(p, op.operation_date, actor.can(Permission.VIEW_IDENTITY)),
            record=record,
            resection_name_zh=record.operation.resection_name_zh,
            liver=_liver_function(s, p.id, op.operation_date),
            complications=complications,
            reoperations=reoperations,
            operation_number=ops.index(op) + 1,
            operation_count=len(ops),
        )

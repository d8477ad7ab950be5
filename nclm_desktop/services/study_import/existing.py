"""Rows of participants already in the database (matched on study ID or hospital record
number): each is matched to its stored record (the same record number of the same person,
a treatment line by its number, a visit by its code) and compared field by field. Equal:
unchanged. Different: refused, unless the import updates (``--update``), when the same
service that corrects the record on its screen changes it, audited with the reason given.
A row matching no stored record is new: the caller creates it (docs/ARCHITECTURE.md §12).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...forms import QT_TRANSLATE_NOOP, Form, ValidationError
from ...forms.catalogue import all_forms
from ...forms.errors import said
from ...models import (
    BaselineDisease,
    ClinicalEvent,
    Complication,
    Operation,
    OperationSurgeon,
    Participant,
    ParticipantIdentity,
    Reoperation,
    Screening,
    SystemicTreatment,
    Visit,
)
from .. import followup as fu
from .. import participant_record
from .. import surgery as surgery_service
from ..baseline import BaselineInput, save_baseline
from ..complications import TREATMENT_FIELDS
from ..surgery_inputs import ComplicationInput, OperationInput, ReoperationInput, Treatment
from .context import Context
from .values import Parsed

Found = Callable[[Session, int, Parsed, int | None], Any]


def _by_participant(model: type) -> Found:
    return lambda s, pid, p, own: s.get(model, pid)


def _latest_screening(s: Session, pid: int, p: Parsed, own: int | None) -> Any:
    return s.scalars(
        select(Screening)
        .where(Screening.participant_id == pid)
        .order_by(Screening.screening_date.desc(), Screening.id.desc())
    ).first()


def _line(s: Session, pid: int, p: Parsed, own: int | None) -> Any:
    return s.scalars(
        select(SystemicTreatment).where(
            SystemicTreatment.participant_id == pid,
            SystemicTreatment.line == p.values.get("line"),
        )
    ).first()


def _own(model: type, via_operation: bool = False) -> Found:
    def find(s: Session, pid: int, p: Parsed, own: int | None) -> Any:
        row = s.get(model, own) if own is not None else None
        if row is None:
            return None
        owner = (
            s.get(Operation, row.operation_id).participant_id
            if via_operation
            else row.participant_id
        )
        return row if owner == pid else None

    return find


def _visit(s: Session, pid: int, p: Parsed, own: int | None) -> Any:
    code = p.row.cells.get("code")
    return s.scalars(
        select(Visit).where(Visit.participant_id == pid, Visit.code == str(code or "").strip())
    ).first()


FIND: dict[str, Found] = {
    "participant": _by_participant(Participant),
    "participant_identity": _by_participant(ParticipantIdentity),
    "screening": _latest_screening,
    "baseline_disease": _by_participant(BaselineDisease),
    "systemic_treatment": _line,
    "operation": _own(Operation),
    "complication": _own(Complication, via_operation=True),
    "reoperation": _own(Reoperation, via_operation=True),
    "visit": _visit,
    "clinical_event": _own(ClinicalEvent),
}


def _same(stored: Any, new: Any) -> bool:
    if isinstance(stored, list | tuple | set | frozenset) or isinstance(new, list | tuple):
        return sorted(map(str, stored or ())) == sorted(map(str, new or ()))
    if isinstance(stored, float) or isinstance(new, float):
        return stored is not None and new is not None and abs(float(stored) - float(new)) < 1e-9
    if isinstance(stored, dt.datetime):
        stored = stored.date()
    return stored == new


def stored_values(form: Form, record: Any) -> dict[str, Any]:
    out = {}
    for f in form.inputs:
        value = getattr(record, f.variable, None)
        if f.column and isinstance(value, dict):
            value = value.get(f.name)
        out[f.name] = value
    return out


def compare(ctx: Context, table: str, p: Parsed, pid: int, own: int | None = None) -> bool:
    """True when the row matched a stored record (and was counted, updated or refused);
    False when it is new for this participant."""
    form = all_forms()[table]
    with ctx.db.session() as s:
        record = FIND[table](s, pid, p, own)
        stored = None if record is None else stored_values(form, record)
    if stored is None or (table == "visit" and record.status == "planned"):
        return False  # new, or a planned visit to record: as for a new participant
    if table in ("operation", "complication") and own is not None:
        ctx.records[(table, own)] = record.id
    changed = {
        name: value
        for name, value in p.values.items()
        if name in stored and not _same(stored[name], value)
    }
    if not changed:
        ctx.count(table, "unchanged")
        return True
    if not ctx.update:
        for name, value in changed.items():
            ctx.problems.at(
                p.row,
                _column(p, name),
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "Differs from the database ({there} there, {here} here); give --update "
                        "with --reason to change it.",
                    ),
                    there=form[name].format(stored[name]),
                    here=form[name].format(value),
                ),
            )
        return True
    apply = UPDATE.get(table)
    if apply is None:
        ctx.problems.at(
            p.row,
            _column(p, next(iter(changed))),
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "A {table} record cannot be changed by an import; correct it on its screen.",
                ),
                table=table.replace("_", " "),
            ),
        )
        return True
    ctx.attempt([p], apply, ctx, pid, record.__dict__.get("id", pid), {**stored, **p.values})
    if ctx.ok:
        ctx.imported(table, p, own if own is not None else pid, pid)
        ctx.count(table, "updated")
    return True


def _column(p: Parsed, name: str) -> str:
    from .values import error_column

    return error_column(p.row, name) or name


# -- the services that correct a record on its screen ---------------------------------------


def _team(ctx: Context, operation_id: int) -> list[int]:
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(OperationSurgeon.user_id).where(
                    OperationSurgeon.operation_id == operation_id
                )
            )
        )


def _operation(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    data = OperationInput(**v, surgeon_ids=_team(ctx, rid))
    surgery_service.update_operation(
        ctx.db, ctx.actor, rid, data, ctx.reason or "", today=ctx.today
    )


def _complication(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    with ctx.db.session() as s:
        death = s.scalars(select(ClinicalEvent).where(ClinicalEvent.complication_id == rid)).first()
        death_date, cause = (death.event_date, death.cause) if death else (None, None)
    data = ComplicationInput(
        **{
            k: v.get(k)
            for k in ComplicationInput.__dataclass_fields__
            if k in v and k != "treatment"
        },
        treatment=Treatment(**{n: v[n] for n in TREATMENT_FIELDS if v.get(n) is not None}),
        death_date=death_date,
        death_cause=cause,
    )
    data.suffix_d = bool(data.suffix_d)
    surgery_service.update_complication(
        ctx.db, ctx.actor, rid, data, ctx.reason or "", today=ctx.today
    )


def _reoperation(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    data = ReoperationInput(v.get("reoperation_date"), v.get("planned"), v.get("reason") or "")
    surgery_service.update_reoperation(
        ctx.db, ctx.actor, rid, data, ctx.reason or "", today=ctx.today
    )


def _baseline(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    save_baseline(ctx.db, ctx.actor, pid, BaselineInput(**v), reason=ctx.reason, today=ctx.today)


def _identity(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    with ctx.db.session() as s:
        p = s.get(Participant, pid)
        sex, birth = p.sex, p.birth_date
    view = participant_record.IdentityView(
        v.get("name") or "", v.get("hospital_record_number") or "", v.get("phone"),
        v.get("address"), sex or "", birth,
    )  # fmt: skip
    participant_record.update_identity(
        ctx.db, ctx.actor, pid, view, reason=ctx.reason, today=ctx.today
    )


def _participant(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    with ctx.db.session() as s:
        p = s.get(Participant, pid)
        ident = s.get(ParticipantIdentity, pid)
        cohort, sex, birth = p.cohort, p.sex, p.birth_date
        names = (
            (ident.name, ident.hospital_record_number, ident.phone, ident.address)
            if ident
            else None
        )
    if v.get("cohort") != cohort:
        raise ValidationError(
            "cohort",
            said(QT_TRANSLATE_NOOP("Refusals", "The cohort cannot be changed by an import.")),
        )
    if (v.get("sex"), v.get("birth_date")) != (sex, birth):
        if names is None:
            raise ValidationError(
                "sex",
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "This participant has no identity record to correct."
                    )
                ),
            )
        view = participant_record.IdentityView(*names, v.get("sex"), v.get("birth_date"))
        participant_record.update_identity(
            ctx.db, ctx.actor, pid, view, reason=ctx.reason, today=ctx.today
        )
    if cohort is None:
        return
    participant_record.update_enrolment_dates(
        ctx.db, ctx.actor, pid, consent_date=v.get("consent_date"), index_date=v.get("index_date"),
        enrolment_date=v.get("enrolment_date"), reason=ctx.reason, today=ctx.today,
    )  # fmt: skip


def _visit_record(ctx: Context, pid: int, rid: int, v: dict[str, Any]) -> None:
    record = fu.VisitRecord(
        actual_date=v.get("actual_date"),
        assessments_done=v.get("assessments_done") or (),
        ecog=v.get("ecog"),
        ebv_dna_copies_ml=v.get("ebv_dna_copies_ml"),
        liver_imaging_result=v.get("liver_imaging_result"),
        notes=v.get("notes"),
    )
    fu.record_visit(ctx.db, ctx.actor, rid, record, ctx.today, reason=ctx.reason)


UPDATE: dict[str, Callable[[Context, int, int, dict[str, Any]], None]] = {
    "operation": _operation,
    "complication": _complication,
    "reoperation": _reoperation,
    "baseline_disease": _baseline,
    "participant_identity": _identity,
    "participant": _participant,
    "visit": _visit_record,
}

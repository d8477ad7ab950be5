"""Operations (with their team), complications and reoperations, written by the services of
typed entry: the resection named and graded, the index date and the follow-up schedule set
by the first operation, Clavien-Dindo proposed from the treatment (a different grade needs
its override reason), a grade V death recorded (docs/ARCHITECTURE.md §12)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...forms import QT_TRANSLATE_NOOP
from ...forms.errors import said
from ...models import Operation
from .. import surgery as surgery_service
from ..complications import TREATMENT_FIELDS
from ..surgery_inputs import ComplicationInput, OperationInput, ReoperationInput, Treatment
from .context import Context
from .existing import compare
from .values import Parsed


def surgeon_ids(ctx: Context, team: Iterable[Parsed]) -> dict[int, list[int]]:
    """The file's operation number → the accounts of its surgeons (user ids of this
    database: the staff are accounts, not study records)."""
    out: dict[int, list[int]] = {}
    for p in team:
        op = p.keys.get("operation_id")
        if op is None:
            ctx.problems.at(
                p.row,
                "operation_id",
                said(QT_TRANSLATE_NOOP("Refusals", "A surgeon row needs its operation_id.")),
            )
            continue
        for raw in p.values.get("surgeons") or []:
            try:
                out.setdefault(op, []).append(int(str(raw).strip()))
            except ValueError:
                ctx.problems.at(
                    p.row,
                    "surgeons",
                    said(
                        QT_TRANSLATE_NOOP("Refusals", "{raw} is not a user number."), raw=repr(raw)
                    ),
                )

    return out


def import_operations(ctx: Context, rows: Iterable[Parsed], team: dict[int, list[int]]) -> None:
    for p in rows:
        pid = ctx.participant_of(p)
        if pid is None or not p.ok:
            continue
        own = p.keys.get("operation_id")
        if pid in ctx.existing and compare(ctx, "operation", p, pid, own):
            continue
        data = OperationInput(
            **{k: v for k, v in p.values.items() if v is not None},
            surgeon_ids=team.get(own, []) if own is not None else [],
        )
        new = ctx.attempt(
            [p],
            surgery_service.record_operation,
            ctx.db,
            ctx.actor,
            pid,
            data,
            today=ctx.today,
        )
        if new is not None:
            if own is not None:
                ctx.records[("operation", own)] = new
            ctx.imported("operation", p, new, pid)


def _operation(ctx: Context, p: Parsed, pid: int) -> int | None:
    own = p.keys.get("operation_id")
    new = ctx.records.get(("operation", own)) if own is not None else None
    if new is None and own is not None and pid in ctx.existing:  # recorded before
        with ctx.db.session() as s:
            op = s.get(Operation, own)
            new = op.id if op is not None and op.participant_id == pid else None
    if new is None:
        ctx.problems.at(
            p.row,
            "operation_id",
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Operation {id} is not among the operations imported (operation table).",
                ),
                id=own,
            )
            if own is not None
            else said(QT_TRANSLATE_NOOP("Refusals", "The operation_id of this row is empty.")),
        )
        ctx.block(p)
    return new


def import_complications(ctx: Context, rows: Iterable[Parsed], deaths: dict[int, Parsed]) -> None:
    """``deaths``: the file's complication number → its grade V death (clinical events)."""
    for p in rows:
        pid = ctx.participant_of(p)
        if pid is None or not p.ok:
            continue
        own = p.keys.get("complication_id")
        if pid in ctx.existing and compare(ctx, "complication", p, pid, own):
            continue
        op = _operation(ctx, p, pid)
        if op is None:
            continue
        v = p.values
        treatment = Treatment(**{n: v[n] for n in TREATMENT_FIELDS if v.get(n) is not None})
        death = deaths.get(own) if own is not None else None
        data = ComplicationInput(
            category=v.get("category") or "",
            onset_date=v.get("onset_date"),
            other_text=v.get("other_text"),
            treatment=treatment,
            treatment_text=v.get("treatment_text"),
            clavien_dindo=v.get("clavien_dindo"),
            grade_override_reason=v.get("grade_override_reason"),
            isgls_grade=v.get("isgls_grade"),
            suffix_d=bool(v.get("suffix_d")),
            resolved_date=v.get("resolved_date"),
            death_date=death.values.get("event_date") if death else None,
            death_cause=death.values.get("cause") if death else None,
        )
        new = ctx.attempt(
            [p, *([death] if death else [])],
            surgery_service.add_complication,
            ctx.db,
            ctx.actor,
            op,
            data,
            today=ctx.today,
        )
        if new is not None:
            if own is not None:
                ctx.records[("complication", own)] = new
            ctx.imported("complication", p, new, pid)


def import_reoperations(ctx: Context, rows: Iterable[Parsed]) -> None:
    for p in rows:
        pid = ctx.participant_of(p)
        if pid is None or not p.ok:
            continue
        if pid in ctx.existing and compare(
            ctx, "reoperation", p, pid, p.keys.get("reoperation_id")
        ):
            continue
        op = _operation(ctx, p, pid)
        if op is None:
            continue
        v: dict[str, Any] = p.values
        data = ReoperationInput(
            reoperation_date=v.get("reoperation_date"),
            planned=v.get("planned"),
            reason=v.get("reason") or "",
        )
        new = ctx.attempt(
            [p],
            surgery_service.add_reoperation,
            ctx.db,
            ctx.actor,
            op,
            data,
            today=ctx.today,
        )
        if new is not None:
            ctx.imported("reoperation", p, new, pid)

"""Follow-up: the visits planned by enrolment or the first operation are found by their code
and recorded, moved or marked missed through the follow-up services; events found at a visit
go with it, the others are recorded on their own, a grade V death belongs to its
complication (docs/ARCHITECTURE.md §12). Visits come before the events that end follow-up,
so a death or withdrawal cancels the later visits exactly as when typed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from ...forms import QT_TRANSLATE_NOOP
from ...forms.errors import said
from ...models import Visit
from .. import followup as fu
from .context import Context
from .existing import compare
from .values import Parsed

FINDING_FIELDS = ("kind", "event_date", "site", "cause", "confirmed_by", "detail")


@dataclass
class Events:
    """The clinical-event table split by what each event belongs to."""

    of_complication: dict[int, Parsed] = field(default_factory=dict)  # grade V deaths
    of_visit: dict[int, list[Parsed]] = field(default_factory=dict)
    alone: list[Parsed] = field(default_factory=list)


def split_events(ctx: Context, rows: Iterable[Parsed]) -> Events:
    out = Events()
    for p in rows:
        if not p.ok:
            continue
        comp, visit = p.keys.get("complication_id"), p.keys.get("visit_id")
        if comp is not None:
            if p.values.get("kind") != "death":
                ctx.problems.at(
                    p.row,
                    "kind",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Refusals", "Only a death (grade V) is recorded with a complication."
                        )
                    ),
                )

                continue
            out.of_complication[comp] = p
        elif visit is not None:
            out.of_visit.setdefault(visit, []).append(p)
        else:
            out.alone.append(p)
    return out


def _finding(p: Parsed) -> fu.Finding:
    return fu.Finding(**{n: p.values.get(n) for n in FINDING_FIELDS})  # type: ignore[arg-type]


def _raw(p: Parsed, name: str) -> str:
    value = p.row.cells.get(name)
    return "" if value is None else str(value).strip()


def import_visits(ctx: Context, rows: Iterable[Parsed], events: Events) -> None:
    for p in rows:
        pid = ctx.participant_of(p)
        if pid is None or not p.ok:
            continue
        own = p.keys.get("visit_id")
        if pid in ctx.existing and compare(ctx, "visit", p, pid, own):
            continue
        code, status = _raw(p, "code"), _raw(p, "status") or "planned"
        with ctx.db.session() as s:
            planned = s.execute(
                select(Visit.id, Visit.status, Visit.scheduled_date).where(
                    Visit.participant_id == pid, Visit.code == code
                )
            ).first()
        if planned is None:
            ctx.problems.at(
                p.row,
                "code",
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "Visit {code} is not in this participant's follow-up schedule."
                    ),
                    code=repr(code),
                ),
            )
            ctx.block(p)  # one line says it: the rest of the schedule differs too
            continue
        visit_id, now, booked = planned
        found = events.of_visit.get(own, []) if own is not None else []
        if status == "cancelled" or (status == "planned" and now != "planned"):
            ctx.count("visit", "unchanged")  # cancelled by the events that end follow-up
            continue
        v = p.values
        wanted = v.get("scheduled_date")
        moved = wanted is not None and wanted != booked
        if moved:
            ctx.attempt(
                [p],
                fu.reschedule_visit,
                ctx.db,
                ctx.actor,
                visit_id,
                wanted,
                v.get("deviation_reason"),
            )
            if not ctx.ok:
                continue
        if status == "planned" and not moved:
            ctx.count("visit", "unchanged")  # planned by the schedule, as in the file
            continue
        if status == "done":
            record = fu.VisitRecord(
                actual_date=v.get("actual_date"),
                assessments_done=v.get("assessments_done") or (),
                ecog=v.get("ecog"),
                ebv_dna_copies_ml=v.get("ebv_dna_copies_ml"),
                liver_imaging_result=v.get("liver_imaging_result"),
                notes=v.get("notes"),
                findings=[_finding(e) for e in found],
            )
            done = ctx.attempt(
                [p, *found], fu.record_visit, ctx.db, ctx.actor, visit_id, record, ctx.today
            )
            if done is None:
                continue
            for e, event_id in zip(found, done.event_ids, strict=False):
                ctx.imported("clinical_event", e, event_id, pid)
        elif status == "missed":
            ctx.attempt([p], fu.mark_missed, ctx.db, ctx.actor, visit_id, ctx.today)
            if not ctx.ok:
                continue
        elif status != "planned":
            ctx.problems.at(
                p.row,
                "status",
                said(
                    QT_TRANSLATE_NOOP("Refusals", "Unknown visit status {status}."),
                    status=repr(status),
                ),
            )
            continue
        ctx.imported("visit", p, visit_id, pid, "updated" if status == "planned" else "created")


def import_events(ctx: Context, events: Events) -> None:
    for p in events.alone:
        pid = ctx.participant_of(p)
        if pid is None:
            continue
        if pid in ctx.existing and compare(
            ctx, "clinical_event", p, pid, p.keys.get("clinical_event_id")
        ):
            continue
        done = ctx.attempt([p], fu.record_events, ctx.db, ctx.actor, pid, [_finding(p)], ctx.today)
        if done is not None:
            ctx.imported("clinical_event", p, done.event_ids[0], pid)

"""What the screening log and its flow diagram show. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from ...models import (
    Participant,
    ParticipantIdentity,
    Screening,
    User,
)
from ...models.db import Database
from ..permissions import Actor, Permission
from ..uow import reading
from .common import ENROLLED_STATUSES, ReportMeta, _check_range, _meta

# --- screening log ------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreeningLine:
    screening_date: dt.date
    label: str  # study ID once enrolled, else "#<participant number>"
    name: str | None
    screener: str
    age_years: int | None
    verdict: str  # eligible, not_eligible, incomplete
    failed: tuple[tuple[str, str], ...]  # (criterion id, reason)
    missing: tuple[tuple[str, str], ...]  # (criterion id, what is not recorded yet)
    outcome: str  # participant status
    cohort: str


@dataclass(frozen=True)
class ScreeningFlow:
    """Participant counts for the flow diagram, from each participant's latest screening."""

    screened: int
    screenings: int
    not_eligible: int
    incomplete: int
    eligible: int
    eligible_not_enrolled: int
    enrolled: int
    hepatectomy: int
    systemic: int
    withdrawn: tuple[int, int]  # (hepatectomy, systemic)
    deceased: tuple[int, int]
    completed: tuple[int, int]
    exclusion_reasons: tuple[tuple[str, int], ...]  # criterion id → participants, most first


@dataclass(frozen=True)
class ScreeningLogData:
    meta: ReportMeta
    date_from: dt.date | None
    date_to: dt.date | None
    lines: tuple[ScreeningLine, ...]
    flow: ScreeningFlow


def screening_log_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ScreeningLogData:
    if date_from and date_to:
        _check_range(date_from, date_to)
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        show = actor.can(Permission.VIEW_IDENTITY)
        stmt = (
            select(Screening, Participant, ParticipantIdentity.name, User.display_name)
            .join(Participant, Participant.id == Screening.participant_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .outerjoin(User, User.id == Screening.screener_id)
            .order_by(Screening.screening_date, Screening.id)
        )
        if date_from:
            stmt = stmt.where(Screening.screening_date >= date_from)
        if date_to:
            stmt = stmt.where(Screening.screening_date <= date_to)
        lines = []
        latest: dict[int, tuple[ScreeningLine, Participant]] = {}
        for sc, p, name, screener in s.execute(stmt):
            crit = [c for c in sc.criteria or [] if isinstance(c, dict)]
            line = ScreeningLine(
                screening_date=sc.screening_date,
                label=p.study_id or f"#{p.id}",
                name=name if show else None,
                screener=screener or "",
                age_years=sc.age_at_screening,
                verdict=sc.verdict,
                failed=tuple(
                    (str(c.get("id", "")), str(c.get("reason", "")))
                    for c in crit
                    if c.get("status") == "failed"
                ),
                missing=tuple(
                    (str(c.get("id", "")), str(c.get("reason", "")))
                    for c in crit
                    if c.get("status") == "missing"
                ),
                outcome=p.status,
                cohort=p.cohort or "",
            )
            lines.append(line)
            latest[p.id] = (line, p)  # ordered by date: the last one wins
        meta = _meta(actor, now, s)
    return ScreeningLogData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        lines=tuple(lines),
        flow=_flow(latest, len(lines)),
    )


def _flow(latest: dict[int, tuple[ScreeningLine, Participant]], screenings: int) -> ScreeningFlow:
    by_verdict: dict[str, int] = defaultdict(int)
    reasons: dict[str, int] = defaultdict(int)
    arms = {"hepatectomy": 0, "systemic": 0}
    ends = {k: [0, 0] for k in ("withdrawn", "deceased", "completed")}
    enrolled = eligible_waiting = 0
    for line, p in latest.values():
        is_enrolled = p.status in ENROLLED_STATUSES and p.cohort in arms
        # Someone enrolled counts as eligible even if a later re-screen was left incomplete.
        verdict = "eligible" if is_enrolled else line.verdict
        by_verdict[verdict] += 1
        if verdict == "not_eligible":
            for cid in {cid for cid, _ in line.failed}:
                reasons[cid] += 1
        if is_enrolled:
            enrolled += 1
            arms[p.cohort] += 1
            if p.status in ends:
                ends[p.status][0 if p.cohort == "hepatectomy" else 1] += 1
        elif verdict == "eligible":
            eligible_waiting += 1
    return ScreeningFlow(
        screened=len(latest),
        screenings=screenings,
        not_eligible=by_verdict["not_eligible"],
        incomplete=by_verdict["incomplete"],
        eligible=by_verdict["eligible"],
        eligible_not_enrolled=eligible_waiting,
        enrolled=enrolled,
        hepatectomy=arms["hepatectomy"],
        systemic=arms["systemic"],
        withdrawn=tuple(ends["withdrawn"]),  # type: ignore[arg-type]
        deceased=tuple(ends["deceased"]),  # type: ignore[arg-type]
        completed=tuple(ends["completed"]),  # type: ignore[arg-type]
        exclusion_reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
    )

"""The screening log and the study flow counts (screened -> not eligible / enrolled).

The one rule for the flow: each participant counts once, by their latest screening; anyone
with a study ID counts as enrolled (and eligible), even if a later re-screen was left
incomplete. The screen's diagram, the printed screening log and the study outcomes all read
``flow_counts``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Text, cast, select

from ..models import Participant, ParticipantIdentity, Screening, User
from ..models.db import Database
from .participants import HIDDEN
from .permissions import Actor, Permission
from .uow import reading

# eligible = awaiting enrolment; incomplete = saved without every criterion (older data)
OUTCOMES = ("enrolled", "eligible", "not_eligible", "incomplete")
COHORTS = ("hepatectomy", "systemic")
ENDINGS = ("withdrawn", "deceased", "completed")


@dataclass(frozen=True, slots=True)
class ScreeningLogRow:
    screening_id: int
    participant_id: int
    screening_date: dt.date
    screener: str
    study_id: str
    name: str
    hospital_record_number: str
    age: int | None
    verdict: str
    outcome: str  # one of OUTCOMES
    cohort: str
    status: str
    failed_criteria: tuple[str, ...]  # criterion ids
    reasons: str  # the failed criteria's reasons, "; "-joined
    failed: tuple[tuple[str, str], ...] = ()  # (criterion id, reason)
    missing: tuple[tuple[str, str], ...] = ()  # (criterion id, what is not recorded yet)


@dataclass(frozen=True)
class FlowCounts:
    screened: int
    not_eligible: int
    by_reason: tuple[tuple[str, int], ...]  # (criterion id, participants), most frequent first
    eligible: int
    awaiting_enrolment: int
    enrolled: int
    enrolled_by_cohort: dict[str, int]
    screenings: int = 0  # screening records (a participant may have several)
    incomplete: int = 0
    # ending -> (hepatectomy, systemic) participants, for ENDINGS
    endings: dict[str, tuple[int, int]] = field(default_factory=dict)

    # The printed flow diagram's names for the same counts.
    @property
    def exclusion_reasons(self) -> tuple[tuple[str, int], ...]:
        return self.by_reason

    @property
    def eligible_not_enrolled(self) -> int:
        return self.awaiting_enrolment

    @property
    def hepatectomy(self) -> int:
        return self.enrolled_by_cohort.get("hepatectomy", 0)

    @property
    def systemic(self) -> int:
        return self.enrolled_by_cohort.get("systemic", 0)

    @property
    def withdrawn(self) -> tuple[int, int]:
        return self.endings.get("withdrawn", (0, 0))

    @property
    def deceased(self) -> tuple[int, int]:
        return self.endings.get("deceased", (0, 0))

    @property
    def completed(self) -> tuple[int, int]:
        return self.endings.get("completed", (0, 0))

    @property
    def reasons_total(self) -> int:
        return sum(n for _, n in self.by_reason)

    @property
    def several_reasons(self) -> bool:
        """The reason counts add up to more than the people not eligible: say so."""
        return self.reasons_total > self.not_eligible


def _outcome(verdict: str, study_id: str | None) -> str:
    if study_id:
        return "enrolled"
    return verdict if verdict in OUTCOMES else "not_eligible"


def screening_log(
    db: Database,
    actor: Actor | None,
    outcome: str | None = None,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    permission: Permission = Permission.VIEW_PARTICIPANTS,
) -> list[ScreeningLogRow]:
    """Every screening (between the dates, when given), newest first, in one query; identity
    masked for roles without it."""
    show_identity = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    with reading(db, actor, permission) as s:
        stmt = (
            select(
                Screening.id,
                Screening.participant_id,
                Screening.screening_date,
                User.display_name,
                Participant.study_id,
                ParticipantIdentity.name,
                ParticipantIdentity.hospital_record_number,
                Screening.age_at_screening,
                Screening.verdict,
                Participant.cohort,
                Participant.status,
                # Raw text: only screen failures need the JSON decoded (fast at 10,000 rows).
                cast(Screening.criteria, Text),
            )
            .join(Participant, Participant.id == Screening.participant_id)
            .join(User, User.id == Screening.screener_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .order_by(Screening.screening_date.desc(), Screening.id.desc())
        )
        if date_from is not None:
            stmt = stmt.where(Screening.screening_date >= date_from)
        if date_to is not None:
            stmt = stmt.where(Screening.screening_date <= date_to)
        rows = []
        for r in s.execute(stmt):
            criteria = _criteria(r[11])
            failed = _with_status(criteria, "failed")
            row = ScreeningLogRow(
                screening_id=r[0],
                participant_id=r[1],
                screening_date=r[2],
                screener=r[3],
                study_id=r[4] or "",
                name=(r[5] or "") if show_identity else HIDDEN,
                hospital_record_number=(r[6] or "") if show_identity else HIDDEN,
                age=r[7],
                verdict=r[8],
                outcome=_outcome(r[8], r[4]),
                cohort=r[9] or "",
                status=r[10],
                failed_criteria=tuple(cid for cid, _ in failed),
                reasons="; ".join(reason for _, reason in failed),
                failed=failed,
                missing=_with_status(criteria, "missing"),
            )
            if outcome is None or row.outcome == outcome:
                rows.append(row)
        return rows


def _criteria(raw: str | None) -> list:
    """The criteria JSON, decoded only when some criterion failed or is missing: the rest
    need no decoding (fast at 10,000 rows)."""
    raw = raw or ""
    return json.loads(raw) if '"failed"' in raw or '"missing"' in raw else []


def _with_status(criteria: list, status: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(c.get("id", "")), str(c.get("reason", "")))
        for c in criteria
        if isinstance(c, dict) and c.get("status") == status
    )


@dataclass(frozen=True, slots=True)
class FlowRow:
    """What ``flow_counts`` reads of a screening log row."""

    participant_id: int
    outcome: str
    cohort: str
    status: str
    failed_criteria: tuple[str, ...]


def flow_counts(rows: Sequence[ScreeningLogRow | FlowRow]) -> FlowCounts:
    """Counts per participant (their latest screening), from log rows sorted newest first."""
    latest: dict[int, ScreeningLogRow | FlowRow] = {}
    for row in rows:
        latest.setdefault(row.participant_id, row)
    people = list(latest.values())
    failed = [r for r in people if r.outcome == "not_eligible"]
    reasons = Counter(cid for r in failed for cid in set(r.failed_criteria))
    enrolled = [r for r in people if r.outcome == "enrolled"]
    by_cohort = Counter(r.cohort for r in enrolled)
    ended = Counter((r.status, r.cohort) for r in enrolled)
    return FlowCounts(
        screened=len(people),
        not_eligible=len(failed),
        by_reason=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        eligible=len(enrolled) + sum(r.outcome == "eligible" for r in people),
        awaiting_enrolment=sum(r.outcome == "eligible" for r in people),
        enrolled=len(enrolled),
        enrolled_by_cohort={c: by_cohort.get(c, 0) for c in COHORTS},
        screenings=len(rows),
        incomplete=sum(r.outcome == "incomplete" for r in people),
        endings={e: (ended[(e, COHORTS[0])], ended[(e, COHORTS[1])]) for e in ENDINGS},
    )


def screening_flow(db: Database, actor: Actor | None) -> FlowCounts:
    """``flow_counts`` of the whole screening log, without building the log: the same rows
    in the same order, but only the columns the counts read, and the criteria decoded only
    for each participant's latest screening (the only one whose reasons are counted)."""
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        stmt = (
            select(
                Screening.participant_id,
                Screening.verdict,
                Participant.study_id,
                Participant.cohort,
                Participant.status,
                cast(Screening.criteria, Text),
            )
            .join(Participant, Participant.id == Screening.participant_id)
            .join(User, User.id == Screening.screener_id)
            .order_by(Screening.screening_date.desc(), Screening.id.desc())
        )
        rows = []
        seen: set[int] = set()
        for pid, verdict, study_id, cohort, status, raw in s.connection().execute(stmt):
            outcome = _outcome(verdict, study_id)
            failed: tuple[str, ...] = ()
            if pid not in seen and outcome == "not_eligible":
                failed = tuple(cid for cid, _ in _with_status(_criteria(raw), "failed"))
            seen.add(pid)
            rows.append(FlowRow(pid, outcome, cohort or "", status, failed))
    return flow_counts(rows)

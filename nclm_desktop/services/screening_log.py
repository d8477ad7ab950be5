"""The screening log and the study flow counts (screened -> not eligible / enrolled)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Text, cast, select

from ..models import Participant, ParticipantIdentity, Screening, User
from ..models.db import Database
from .participants import HIDDEN
from .permissions import Actor, Permission
from .uow import reading

OUTCOMES = ("enrolled", "eligible", "not_eligible")  # eligible = awaiting enrolment


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


@dataclass(frozen=True)
class FlowCounts:
    screened: int
    not_eligible: int
    by_reason: tuple[tuple[str, int], ...]  # (criterion id, participants), most frequent first
    eligible: int
    awaiting_enrolment: int
    enrolled: int
    enrolled_by_cohort: dict[str, int]

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
    return "eligible" if verdict == "eligible" else "not_eligible"


def screening_log(
    db: Database, actor: Actor | None, outcome: str | None = None
) -> list[ScreeningLogRow]:
    """Every screening, newest first, in one query; identity masked for roles without it."""
    show_identity = actor is not None and actor.can(Permission.VIEW_IDENTITY)
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
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
        rows = []
        for r in s.execute(stmt):
            raw = r[11] or ""
            criteria = json.loads(raw) if '"failed"' in raw else []
            failed = [c for c in criteria if c.get("status") == "failed"]
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
                failed_criteria=tuple(c["id"] for c in failed),
                reasons="; ".join(c.get("reason", "") for c in failed),
            )
            if outcome is None or row.outcome == outcome:
                rows.append(row)
        return rows


def flow_counts(rows: Sequence[ScreeningLogRow]) -> FlowCounts:
    """Counts per participant (their latest screening), from log rows sorted newest first."""
    latest: dict[int, ScreeningLogRow] = {}
    for row in rows:
        latest.setdefault(row.participant_id, row)
    people = list(latest.values())
    failed = [r for r in people if r.outcome == "not_eligible"]
    reasons = Counter(cid for r in failed for cid in r.failed_criteria)
    enrolled = [r for r in people if r.outcome == "enrolled"]
    by_cohort = Counter(r.cohort for r in enrolled)
    return FlowCounts(
        screened=len(people),
        not_eligible=len(failed),
        by_reason=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        eligible=len(people) - len(failed),
        awaiting_enrolment=sum(r.outcome == "eligible" for r in people),
        enrolled=len(enrolled),
        enrolled_by_cohort={c: by_cohort.get(c, 0) for c in ("hepatectomy", "systemic")},
    )


def screening_flow(db: Database, actor: Actor | None) -> FlowCounts:
    return flow_counts(screening_log(db, actor))

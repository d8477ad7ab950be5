"""Keeps a participant's stored visits in step with the protocol schedule.

Called inside the writing session of whatever changed the anchor or ended follow-up:
recording a hepatectomy (anchor = operation date), enrolling a systemic-only participant
(anchor = index date), moving the anchor, or recording a death or withdrawal.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..clinical import ExistingVisit, replan_visits, shift_off_weekend
from ..models import ClinicalEvent, Participant, Visit

STOP_EVENT_KINDS = ("death", "withdrawal")


def follow_up_stop_date(session: Session, participant_id: int) -> dt.date | None:
    """The earliest death or withdrawal date: nothing is planned from that day on."""
    return session.scalar(
        select(func.min(ClinicalEvent.event_date)).where(
            ClinicalEvent.participant_id == participant_id,
            ClinicalEvent.kind.in_(STOP_EVENT_KINDS),
        )
    )


def sync_schedule(session: Session, participant: Participant) -> dict[str, int]:
    """Plan, move or cancel open visits from the participant's index date.

    Done, missed and cancelled visits are never touched. Returns counts for messages.
    """
    counts = {"added": 0, "moved": 0, "cancelled": 0}
    if participant.index_date is None or participant.status == "screen_failed":
        return counts
    stored = {
        v.code: v
        for v in session.scalars(select(Visit).where(Visit.participant_id == participant.id))
    }
    plan = replan_visits(
        [ExistingVisit(v.code, v.status, v.scheduled_date, v.actual_date) for v in stored.values()],
        participant.index_date,
        stop_date=follow_up_stop_date(session, participant.id),
    )
    for code, new in plan.move:
        visit = stored[code]
        if (visit.target_date, visit.window_start, visit.window_end) == (
            new.target,
            new.window_start,
            new.window_end,
        ):
            continue
        visit.target_date = new.target
        visit.window_start = new.window_start
        visit.window_end = new.window_end
        visit.scheduled_date = shift_off_weekend(new.target, new.window_start, new.window_end)
        visit.deviation = False
        visit.deviation_reason = None
        counts["moved"] += 1
    for code in plan.cancel:
        stored[code].status = "cancelled"
        counts["cancelled"] += 1
    for new in plan.add:
        session.add(
            Visit(
                participant_id=participant.id,
                code=new.code,
                month=new.month,
                target_date=new.target,
                window_start=new.window_start,
                window_end=new.window_end,
                scheduled_date=shift_off_weekend(new.target, new.window_start, new.window_end),
                status="planned",
                assessments_planned=list(new.assessments),
            )
        )
        counts["added"] += 1
    session.flush()
    return counts

"""The flow counts read without building the screening log (what the outcome analysis
uses) equal the counts of the log itself, re-screens included."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from nclm_desktop import demo
from nclm_desktop.models import Participant, Screening
from nclm_desktop.services.outcomes import study_data
from nclm_desktop.services.screening_log import flow_counts, screening_flow, screening_log
from nclm_desktop.services.uow import writing

TODAY = dt.date(2025, 6, 18)


def _rescreen(s, participant: Participant, day: dt.date, verdict: str, failed: list[str]):
    s.add(
        Screening(
            participant_id=participant.id,
            screening_date=day,
            screener_id=s.scalars(select(Screening.screener_id)).first(),
            verdict=verdict,
            criteria=[{"id": c, "status": "failed", "reason": f"{c} failed"} for c in failed],
        )
    )


def test_flow_counts_equal_the_screening_logs_on_a_demo_study(db):
    actors = demo.ensure_demo_accounts(db)
    demo.generate_study(db, actors, participants=30, seed=4, today=TODAY)
    investigator = actors.investigator
    with writing(db, investigator) as s:
        people = s.scalars(select(Participant).order_by(Participant.id)).all()
        open_ = [p for p in people if not p.locked]  # a signed record refuses new rows
        enrolled = [p for p in open_ if p.study_id]
        failed = [p for p in open_ if p.status == "screen_failed"]
        assert len(enrolled) >= 1 and len(failed) >= 2
        later = TODAY + dt.timedelta(days=1)
        # An enrolled participant re-screened and failing: still counts as enrolled.
        _rescreen(s, enrolled[0], later, "not_eligible", ["inc_ecog"])
        # A screen failure re-screened and now eligible: the old reasons no longer count.
        _rescreen(s, failed[0], later, "eligible", [])
        # A screen failure with an older screening failing other criteria: not counted.
        _rescreen(s, failed[1], dt.date(2020, 1, 1), "not_eligible", ["exc_age", "inc_r0"])

    from_log = flow_counts(screening_log(db, investigator))
    assert from_log.screenings == len(people) + 3 and from_log.screened == len(people)
    assert from_log.awaiting_enrolment >= 1 and from_log.by_reason
    assert screening_flow(db, investigator) == from_log
    flow = study_data(db, investigator).flow
    assert (flow.screened, flow.eligible, flow.not_eligible_by_reason) == (
        from_log.screened,
        from_log.eligible,
        from_log.by_reason,
    )

"""The demo study is monitored: queries in every state, SDV marks, signed and locked
casebooks, all written through the monitoring services (so audited)."""

from __future__ import annotations

from sqlalchemy import func, select

from nclm_desktop import demo
from nclm_desktop.models import AuditEvent, Participant
from nclm_desktop.models.db import Database
from nclm_desktop.services import accounts
from nclm_desktop.services.monitoring.queries import list_queries
from nclm_desktop.services.monitoring.sdv import sdv_states
from nclm_desktop.services.monitoring.signing import signatures


def test_demo_has_queries_in_every_state_sdv_marks_and_signed_locked_casebooks(
    demo_db: Database,
) -> None:
    pi = accounts.authenticate(demo_db, "pi", demo.DEMO_PASSWORD)
    queries = list_queries(demo_db, pi)
    assert {q.state for q in queries} == {"open", "answered", "closed"}
    assert all(q.raised_by == "monitor" for q in queries)
    assert all(q.answer for q in queries if q.state != "open")
    with demo_db.session() as s:
        locked = list(s.scalars(select(Participant.id).where(Participant.locked.is_(True))))
        audited = s.scalar(
            select(func.count()).where(AuditEvent.entity.in_(("data_query", "sdv_mark")))
        )
    assert len(locked) >= 2
    assert audited and audited > len(queries)
    for pid in locked:
        signed = signatures(demo_db, pi, pid)
        assert [s.state for s in signed] == ["valid"]
        assert signed[0].printed_name == "Dr Zhou Wen"
        assert signed[0].meaning == "I have reviewed and approve these data"
        # A signed casebook was verified whole and its queries are closed.
        assert all(m.verified for m in sdv_states(demo_db, pi, pid))
        assert {q.state for q in list_queries(demo_db, pi, participant_id=pid)} <= {"closed"}

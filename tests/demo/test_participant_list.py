"""The participant list service on the demo study: order, bulk columns, masking."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from nclm_desktop.models import (
    AuditEvent,
    BaselineDisease,
    Operation,
    Participant,
    Screening,
    Visit,
)
from nclm_desktop.services.missing_data import required_field_names
from nclm_desktop.services.participants import HIDDEN, list_participants
from nclm_desktop.services.permissions import Actor

INVESTIGATOR = Actor(0, "reader", "investigator")
MONITOR = Actor(0, "monitor", "monitor")


def missing_one_by_one(session, participant: Participant) -> int:
    """The definition of services/missing_data.py, re-computed record by record."""
    names = required_field_names()
    n = 0
    screenings = session.scalars(
        select(Screening).where(Screening.participant_id == participant.id).order_by(Screening.id)
    ).all()
    if screenings:
        n += sum(getattr(screenings[-1], f) is None for f in names["screening"])
    if participant.cohort is not None:
        baseline = session.get(BaselineDisease, participant.id)
        n += (
            len(names["baseline"])
            if baseline is None
            else sum(getattr(baseline, f) is None for f in names["baseline"])
        )
    for op in session.scalars(select(Operation).where(Operation.participant_id == participant.id)):
        n += sum(getattr(op, f) is None for f in names["operation"])
    return n


def test_newest_activity_first_with_bulk_columns_matching_each_record(demo_db):
    rows = list_participants(demo_db, INVESTIGATOR)
    latest = [r.last_event for r in rows]
    assert 0 not in latest and latest == sorted(latest, reverse=True)
    # Screen failures without a study ID no longer fill the top of the list.
    top = rows[: len(rows) // 4]
    assert any(r.study_id for r in top)
    with demo_db.session() as s:
        for row in rows:
            p = s.get(Participant, row.id)
            events = s.scalars(select(AuditEvent.id).where(AuditEvent.participant_id == row.id))
            assert row.last_event == max(events)
            planned = s.scalars(
                select(Visit.scheduled_date).where(
                    Visit.participant_id == row.id, Visit.status == "planned"
                )
            ).all()
            assert row.next_visit == (min(planned) if planned else None)
            ops = s.scalars(
                select(Operation.operation_date).where(Operation.participant_id == row.id)
            ).all()
            assert row.operation_date == (min(ops) if ops else None)
            assert row.missing == missing_one_by_one(s, p), row.study_id
            assert row.born == p.birth_date


def test_a_monitor_sees_the_birth_year_only(demo_db):
    full = {r.id: r for r in list_participants(demo_db, INVESTIGATOR)}
    masked = list_participants(demo_db, MONITOR)
    assert masked and {r.name for r in masked} == {HIDDEN}
    for row in masked:
        assert row.born == full[row.id].born.year and isinstance(row.born, int)
        other = dataclasses.replace(
            row,
            name=full[row.id].name,
            born=full[row.id].born,
            hospital_record_number=full[row.id].hospital_record_number,
        )
        assert other == full[row.id]  # nothing else differs

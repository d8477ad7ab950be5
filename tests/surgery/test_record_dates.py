"""A date edit is refused when a dependent record would no longer fit (events, visits,
complications, reoperations, a death): otherwise the study analysis fails as a whole."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from surgery_data import DISCHARGED, OPERATED, TODAY, complication, right_hemihepatectomy

from nclm_desktop.models import Operation, Participant, Visit
from nclm_desktop.services import followup as fu
from nclm_desktop.services import surgery
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.surgery import ReoperationInput

D = dt.date


@pytest.fixture
def operation(db, surgeon, participant) -> int:
    return surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )


def record_death(db, actor, pid, when):
    fu.record_event(db, actor, pid, fu.Finding("death", when, cause="liver failure"), TODAY)


def record_m1(db, actor, pid, when):
    with db.session() as s:
        m1 = s.scalar(select(Visit.id).where(Visit.participant_id == pid, Visit.code == "M1"))
    fu.record_visit(db, actor, m1, fu.VisitRecord(when), TODAY)


def move_operation(db, actor, op_id, new_date, discharge=None):
    data = right_hemihepatectomy(
        [actor.user_id], operation_date=new_date, discharge_date=discharge or new_date
    )
    surgery.update_operation(db, actor, op_id, data, "date typed wrongly", today=TODAY)


DEPENDENTS = {
    # kind: (record it, the words the refusal must name)
    "recurrence": (
        lambda db, a, pid, op: fu.record_event(
            db, a, pid, fu.Finding("intrahepatic_recurrence", D(2024, 5, 2)), TODAY
        ),
        "intrahepatic recurrence recorded on 2024-05-02",
    ),
    "death": (lambda db, a, pid, op: record_death(db, a, pid, D(2024, 5, 2)), "death"),
    "visit": (lambda db, a, pid, op: record_m1(db, a, pid, D(2024, 4, 12)), "visit M1"),
    "complication": (
        lambda db, a, pid, op: surgery.add_complication(
            db, a, op, complication("II", onset=D(2024, 4, 1)), today=TODAY
        ),
        "2024-04-01",
    ),
    "reoperation": (
        lambda db, a, pid, op: surgery.add_reoperation(
            db, a, op, ReoperationInput(D(2024, 4, 3), False, "bleeding"), today=TODAY
        ),
        "2024-04-03",
    ),
}


@pytest.mark.parametrize("kind", list(DEPENDENTS))
def test_the_operation_cannot_move_after_a_dependent_record(
    db, surgeon, participant, operation, kind
):
    record, words = DEPENDENTS[kind]
    record(db, surgeon, participant, operation)
    with pytest.raises(ValidationError) as err:
        move_operation(db, surgeon, operation, D(2024, 5, 10))
    assert err.value.field == "operation_date"
    assert words in str(err.value)
    with db.session() as s:
        assert s.get(Operation, operation).operation_date == OPERATED
        assert s.get(Participant, participant).index_date == OPERATED


def test_moving_the_operation_within_its_dependents_is_still_accepted(
    db, surgeon, participant, operation
):
    record_m1(db, surgeon, participant, D(2024, 4, 12))
    record_death(db, surgeon, participant, D(2024, 5, 2))
    move_operation(db, surgeon, operation, D(2024, 3, 13), discharge=DISCHARGED)
    with db.session() as s:
        assert s.get(Participant, participant).index_date == D(2024, 3, 13)


def test_the_discharge_cannot_move_after_a_recorded_death(db, surgeon, participant, operation):
    record_death(db, surgeon, participant, D(2024, 5, 2))
    data = right_hemihepatectomy([surgeon.user_id], discharge_date=D(2024, 5, 9))
    with pytest.raises(ValidationError) as err:
        surgery.update_operation(db, surgeon, operation, data, "typo", today=TODAY)
    assert err.value.field == "discharge_date"


def test_a_complication_or_reoperation_after_the_death_is_refused(
    db, surgeon, participant, operation
):
    record_death(db, surgeon, participant, D(2024, 5, 2))
    with pytest.raises(ValidationError) as comp:
        surgery.add_complication(
            db, surgeon, operation, complication("II", onset=D(2024, 5, 20)), today=TODAY
        )
    assert comp.value.field == "onset_date" and "death (2024-05-02)" in str(comp.value)
    with pytest.raises(ValidationError) as reop:
        surgery.add_reoperation(
            db, surgeon, operation, ReoperationInput(D(2024, 5, 20), False, "x"), today=TODAY
        )
    assert reop.value.field == "reoperation_date"
    rid = surgery.add_reoperation(
        db, surgeon, operation, ReoperationInput(D(2024, 4, 20), False, "x"), today=TODAY
    )
    with pytest.raises(ValidationError) as moved:
        surgery.update_reoperation(
            db, surgeon, rid, ReoperationInput(D(2024, 5, 20), False, "x"), "typo", today=TODAY
        )
    assert moved.value.field == "reoperation_date"


def test_a_grade_v_death_cannot_move_before_a_completed_visit(db, surgeon, participant, operation):
    cid = surgery.add_complication(
        db,
        surgeon,
        operation,
        complication("V", onset=D(2024, 3, 20), death_date=D(2024, 5, 1), death_cause="sepsis"),
        today=TODAY,
    )
    with pytest.raises(ValidationError):  # the visit is after the death
        record_m1(db, surgeon, participant, D(2024, 5, 5))
    record_m1(db, surgeon, participant, D(2024, 4, 12))
    moved = complication("V", onset=D(2024, 3, 20), death_date=D(2024, 4, 1), death_cause="sepsis")
    with pytest.raises(ValidationError) as err:
        surgery.update_complication(db, surgeon, cid, moved, "typo", today=TODAY)
    assert err.value.field == "death_date" and "visit M1" in str(err.value)

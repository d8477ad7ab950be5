"""services/surgery.py on a real migrated SQLite file: stored rows, audit, schedule, refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from surgery_data import (
    DISCHARGED,
    ENROLLED,
    OPERATED,
    TODAY,
    audit_rows,
    complication,
    right_hemihepatectomy,
)

from nclm_desktop.models import (
    ClinicalEvent,
    Complication,
    Operation,
    OperationSurgeon,
    Participant,
    Reoperation,
    Visit,
)
from nclm_desktop.services import surgery
from nclm_desktop.services.errors import PermissionDenied, RecordLocked, ValidationError
from nclm_desktop.services.surgery import (
    OperationInput,
    ReoperationInput,
    Treatment,
)
from nclm_desktop.services.uow import writing


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_right_hemihepatectomy_with_ii_and_iiia_has_cci_33_5(db, surgeon, participant):
    op_id = surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    surgery.add_complication(db, surgeon, op_id, complication("II"), today=TODAY)
    surgery.add_complication(db, surgeon, op_id, complication("IIIa"), today=TODAY)

    record = surgery.surgical_record(db, surgeon, participant)
    op = record.index_operation
    assert op.operation.resection_name == "right hemihepatectomy"
    assert op.operation.major is True
    assert op.operation.segments == (5, 6, 7, 8)
    assert op.operation.length_of_stay_days == 10
    assert [s.display_name for s in op.operation.surgeons] == ["Zhi Chen"]
    assert [c.clavien_dindo for c in op.complications] == ["II", "IIIa"]
    assert [c.clavien_dindo_proposed for c in op.complications] == ["II", "IIIa"]
    assert op.cci == 33.5 and record.cci == 33.5
    assert op.outcomes.morbidity_90d and op.outcomes.major_morbidity_90d
    assert not op.outcomes.mortality_30d and not op.outcomes.unplanned_reoperation_index_stay
    with db.session() as s:
        stored = s.get(Operation, op_id)
        assert stored.resection_name == "right hemihepatectomy" and stored.major
        assert s.scalar(select(func.count()).select_from(OperationSurgeon)) == 1


def test_non_anatomical_wedge_of_segment_6_is_minor(db, surgeon, participant):
    data = right_hemihepatectomy([surgeon.user_id], segments=[6], anatomical=False)
    op_id = surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    op = surgery.get_operation(db, surgeon, op_id)
    assert op.major is False
    assert op.anatomical is False
    assert op.resection_name == "non-anatomical resection (wedge) of segment 6"


def test_first_hepatectomy_sets_index_date_and_plans_visits(db, surgeon, participant):
    surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    with db.session() as s:
        p = s.get(Participant, participant)
        assert p.index_date == OPERATED
        visits = {v.code: v for v in s.scalars(select(Visit).where(Visit.participant_id == p.id))}
    assert len(visits) == 15
    assert visits["M1"].target_date == dt.date(2024, 4, 12)


def test_second_operation_does_not_move_the_index_date(db, surgeon, participant):
    surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    later = right_hemihepatectomy(
        [surgeon.user_id],
        operation_date=dt.date(2024, 6, 1),
        segments=[3],
        discharge_date=None,
    )
    surgery.record_operation(db, surgeon, participant, later, today=TODAY)
    record = surgery.surgical_record(db, surgeon, participant)
    assert record.index_date == OPERATED
    assert [o.operation.operation_date for o in record.operations] == [
        OPERATED,
        dt.date(2024, 6, 1),
    ]


def test_editing_the_operation_date_needs_a_reason_is_audited_and_moves_visits(
    db, surgeon, participant
):
    data = right_hemihepatectomy([surgeon.user_id])
    op_id = surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    data.operation_date = dt.date(2024, 3, 13)
    data.blood_loss_ml = 600
    with pytest.raises(ValidationError) as err:
        surgery.update_operation(db, surgeon, op_id, data, "  ", today=TODAY)
    assert err.value.field == "reason"

    surgery.update_operation(db, surgeon, op_id, data, "date typed wrongly", today=TODAY)
    with db.session() as s:
        p = s.get(Participant, participant)
        assert p.index_date == dt.date(2024, 3, 13)
        m1 = s.scalars(select(Visit).where(Visit.participant_id == p.id, Visit.code == "M1")).one()
        assert m1.target_date == dt.date(2024, 4, 13)
    updates = {e.field: e for e in audit_rows(db, "operation") if e.action == "update"}
    assert updates["blood_loss_ml"].old_value == "450"
    assert updates["blood_loss_ml"].new_value == "600"
    assert updates["blood_loss_ml"].reason == "date typed wrongly"
    assert updates["operation_date"].reason == "date typed wrongly"
    index_events = [e for e in audit_rows(db, "participant") if e.field == "index_date"]
    assert index_events[-1].reason == "date typed wrongly"


def test_changing_surgeons_on_edit_is_audited(db, surgeon, investigator, participant):
    data = right_hemihepatectomy([surgeon.user_id])
    op_id = surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    data.surgeon_ids = [investigator.user_id]
    surgery.update_operation(db, surgeon, op_id, data, "wrong surgeon picked", today=TODAY)
    op = surgery.get_operation(db, surgeon, op_id)
    assert [s.user_id for s in op.surgeons] == [investigator.user_id]
    events = audit_rows(db, "operation_surgeon")
    assert sorted(e.action for e in events) == ["delete", "insert", "insert"]
    assert [e.reason for e in events if e.action == "delete"] == ["wrong surgeon picked"]


def test_index_date_planned_at_enrolment_is_replaced_with_a_stated_reason(
    db, surgeon, investigator, participant
):
    with writing(db, investigator) as s:
        s.get(Participant, participant).index_date = dt.date(2024, 3, 10)
    surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    event = [e for e in audit_rows(db, "participant") if e.field == "index_date"][-1]
    assert event.new_value == '"2024-03-12"'
    assert event.reason == surgery.INDEX_DATE_REASON


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"discharge_date": dt.date(2024, 3, 11)}, "discharge_date", "before the operation"),
        ({"blood_loss_ml": 20_001}, "blood_loss_ml", "20000"),
        ({"blood_loss_ml": -5}, "blood_loss_ml", "between 0 and 20000 mL"),
        ({"margin_mm": -1}, "margin_mm", "between 0 and 150 mm"),
        ({"duration_min": 24 * 60 + 1}, "duration_min", "1440 min"),
        ({"segments": []}, "segments", "segment"),
        ({"operation_date": ENROLLED - dt.timedelta(days=1)}, "operation_date", "enrolment"),
        ({"operation_date": TODAY + dt.timedelta(days=1)}, "operation_date", "future"),
        ({"surgeon_ids": []}, "surgeons", "Surgeons"),
        ({"approach": "percutaneous"}, "approach", "Approach"),
        ({"pringle_total_min": 300}, "pringle_total_min", "duration"),
        ({"r_status": "R3"}, "r_status", "R0"),
    ],
)
def test_bad_operation_input_is_refused_naming_the_field_and_nothing_is_saved(
    db, surgeon, participant, changes, field, words
):
    data = right_hemihepatectomy([surgeon.user_id], **changes)
    with pytest.raises(ValidationError) as err:
        surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    assert err.value.field == field
    assert words in str(err.value)
    assert count(db, Operation) == 0
    assert count(db, OperationSurgeon) == 0
    assert count(db, Visit) == 0
    assert [e for e in audit_rows(db, "operation")] == []


def test_a_user_who_is_not_a_surgeon_cannot_be_listed_as_surgeon(
    db, surgeon, coordinator, participant
):
    data = right_hemihepatectomy([surgeon.user_id, coordinator.user_id])
    with pytest.raises(ValidationError) as err:
        surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    assert err.value.field == "surgeons"
    assert count(db, Operation) == 0


def test_coordinator_calling_surgeon_only_service_is_refused(
    db, surgeon, coordinator, monitor, participant
):
    data = right_hemihepatectomy([surgeon.user_id])
    for actor in (coordinator, monitor):
        with pytest.raises(PermissionDenied):
            surgery.record_operation(db, actor, participant, data, today=TODAY)
    assert count(db, Operation) == 0
    op_id = surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    for call in (
        lambda a: surgery.add_complication(db, a, op_id, complication("II"), today=TODAY),
        lambda a: surgery.update_operation(db, a, op_id, data, "x", today=TODAY),
        lambda a: surgery.add_reoperation(
            db, a, op_id, ReoperationInput(DISCHARGED, False, "bleeding"), today=TODAY
        ),
    ):
        with pytest.raises(PermissionDenied):
            call(coordinator)
    assert count(db, Complication) == 0 and count(db, Reoperation) == 0
    # ...but they can read the record.
    assert surgery.surgical_record(db, coordinator, participant).can_edit is False
    assert surgery.surgical_record(db, monitor, participant).index_operation is not None
    assert surgery.surgical_record(db, surgeon, participant).can_edit is True


def test_systemic_only_or_locked_participants_get_no_operation(db, surgeon, investigator, enrol):
    systemic = enrol(cohort="systemic")
    data = right_hemihepatectomy([surgeon.user_id])
    with pytest.raises(ValidationError) as err:
        surgery.record_operation(db, surgeon, systemic, data, today=TODAY)
    assert err.value.field == "participant"
    locked = enrol()
    with writing(db, investigator) as s:
        s.get(Participant, locked).locked = True
    with pytest.raises(RecordLocked):
        surgery.record_operation(db, surgeon, locked, data, today=TODAY)
    assert count(db, Operation) == 0


# --- complications ----------------------------------------------------------------------


@pytest.fixture
def operation(db, surgeon, participant) -> int:
    return surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )


def test_onset_before_the_operation_is_refused(db, surgeon, operation):
    with pytest.raises(ValidationError) as err:
        surgery.add_complication(
            db, surgeon, operation, complication("II", onset=dt.date(2024, 3, 11)), today=TODAY
        )
    assert err.value.field == "onset_date"
    assert "operation date" in str(err.value)
    assert count(db, Complication) == 0


def test_grade_override_needs_a_reason_and_keeps_the_proposal(db, surgeon, participant, operation):
    data = complication("II", clavien_dindo="IIIa")
    with pytest.raises(ValidationError) as err:
        surgery.add_complication(db, surgeon, operation, data, today=TODAY)
    assert err.value.field == "grade_override_reason"
    data.grade_override_reason = "Drain placed at the bedside under local anaesthesia."
    surgery.add_complication(db, surgeon, operation, data, today=TODAY)
    row = surgery.surgical_record(db, surgeon, participant).index_operation.complications[0]
    assert (row.clavien_dindo, row.clavien_dindo_proposed) == ("IIIa", "II")
    assert row.grade_override_reason.startswith("Drain placed")


def test_isgls_grade_only_where_the_category_has_one(db, surgeon, participant, operation):
    with pytest.raises(ValidationError) as err:
        surgery.add_complication(
            db, surgeon, operation, complication("II", isgls_grade="A"), today=TODAY
        )
    assert err.value.field == "isgls_grade"
    leak = complication("IIIa", category="bile_leakage")
    with pytest.raises(ValidationError) as err:
        surgery.add_complication(db, surgeon, operation, leak, today=TODAY)
    assert err.value.field == "isgls_grade"
    leak.isgls_grade = "B"
    leak.suffix_d = True
    surgery.add_complication(db, surgeon, operation, leak, today=TODAY)
    row = surgery.surgical_record(db, surgeon, participant).index_operation.complications[0]
    assert row.isgls_grade == "B" and row.grade_label == "IIIa-d"


def test_icu_without_organ_dysfunction_is_refused(db, surgeon, operation):
    data = complication("II", treatment=Treatment(icu=True))
    with pytest.raises(ValidationError) as err:
        surgery.add_complication(db, surgeon, operation, data, today=TODAY)
    assert err.value.field == "organ_dysfunction"


def test_grade_v_records_death_cancels_visits_and_sets_status(db, surgeon, participant, operation):
    data = complication("V", onset=dt.date(2024, 3, 20), death_date=dt.date(2024, 4, 2))
    data.category = "liver_failure"
    data.isgls_grade = "C"
    data.death_cause = "post-hepatectomy liver failure"
    with pytest.raises(ValidationError) as err:
        # a discharge on 22 March and a death on 20 March cannot both be true
        surgery.add_complication(
            db, surgeon, operation, complication("V", onset=dt.date(2024, 3, 20)), today=TODAY
        )
    assert err.value.field == "death_date"
    comp_id = surgery.add_complication(db, surgeon, operation, data, today=TODAY)
    with db.session() as s:
        p = s.get(Participant, participant)
        assert p.status == "deceased"
        death = s.scalars(select(ClinicalEvent).where(ClinicalEvent.kind == "death")).one()
        assert death.event_date == dt.date(2024, 4, 2)
        assert death.complication_id == comp_id
        assert death.cause == "post-hepatectomy liver failure"
        statuses = dict(
            s.execute(select(Visit.code, Visit.status).where(Visit.participant_id == p.id)).all()
        )
    assert statuses["M1"] == "cancelled"  # due 12 April, after the death on 2 April
    record = surgery.surgical_record(db, surgeon, participant)
    assert record.cci == 100.0
    assert record.index_operation.outcomes.mortality_30d is True


def test_grade_v_cancels_visits_after_the_death(db, surgeon, participant, operation):
    data = complication(
        "V",
        onset=dt.date(2024, 3, 22),
        category="liver_failure",
        isgls_grade="C",
        death_date=dt.date(2024, 3, 22),
    )
    surgery.add_complication(db, surgeon, operation, data, today=TODAY)
    with db.session() as s:
        statuses = dict(
            s.execute(
                select(Visit.code, Visit.status).where(Visit.participant_id == participant)
            ).all()
        )
    assert set(statuses.values()) == {"cancelled"}


def test_editing_a_complication_needs_a_reason_and_is_audited(db, surgeon, participant, operation):
    comp_id = surgery.add_complication(db, surgeon, operation, complication("II"), today=TODAY)
    data = complication("II", resolved_date=dt.date(2024, 3, 25))
    with pytest.raises(ValidationError):
        surgery.update_complication(db, surgeon, comp_id, data, "", today=TODAY)
    surgery.update_complication(db, surgeon, comp_id, data, "resolved on the ward", today=TODAY)
    event = [e for e in audit_rows(db, "complication") if e.action == "update"][0]
    assert event.field == "resolved_date" and event.reason == "resolved on the ward"


def test_grade_v_cannot_be_downgraded_here(db, surgeon, operation):
    data = complication(
        "V",
        onset=dt.date(2024, 3, 22),
        category="liver_failure",
        isgls_grade="C",
        death_date=dt.date(2024, 3, 22),
    )
    comp_id = surgery.add_complication(db, surgeon, operation, data, today=TODAY)
    with pytest.raises(ValidationError) as err:
        surgery.update_complication(
            db, surgeon, comp_id, complication("II", onset=dt.date(2024, 3, 22)), "x", today=TODAY
        )
    assert err.value.field == "clavien_dindo"


# --- reoperations -----------------------------------------------------------------------


def test_unplanned_reoperation_during_the_stay_sets_the_flag(db, surgeon, participant, operation):
    surgery.add_reoperation(
        db,
        surgeon,
        operation,
        ReoperationInput(dt.date(2024, 3, 30), True, "planned second look"),
        today=TODAY,
    )
    after = surgery.surgical_record(db, surgeon, participant).index_operation
    assert after.reoperations[0].during_index_stay is False
    assert after.outcomes.unplanned_reoperation_index_stay is False

    surgery.add_reoperation(
        db,
        surgeon,
        operation,
        ReoperationInput(dt.date(2024, 3, 14), False, "bleeding from the cut surface"),
        today=TODAY,
    )
    op = surgery.surgical_record(db, surgeon, participant).index_operation
    stay = {r.reason: r.during_index_stay for r in op.reoperations}
    assert stay == {"bleeding from the cut surface": True, "planned second look": False}
    assert op.outcomes.unplanned_reoperation_index_stay is True


def test_during_stay_is_derived_when_read_so_a_later_discharge_date_changes_it(
    db, surgeon, participant
):
    data = right_hemihepatectomy([surgeon.user_id], discharge_date=None)
    op_id = surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    surgery.add_reoperation(
        db, surgeon, op_id, ReoperationInput(dt.date(2024, 3, 25), False, "abscess"), today=TODAY
    )
    assert (
        surgery.surgical_record(db, surgeon, participant)
        .index_operation.reoperations[0]
        .during_index_stay
    )
    data.discharge_date = dt.date(2024, 3, 20)
    surgery.update_operation(db, surgeon, op_id, data, "discharge date entered", today=TODAY)
    op = surgery.surgical_record(db, surgeon, participant).index_operation
    assert op.reoperations[0].during_index_stay is False
    assert op.outcomes.unplanned_reoperation_index_stay is False


def test_bad_reoperation_is_refused(db, surgeon, operation):
    for data, field in (
        (ReoperationInput(dt.date(2024, 3, 1), False, "x"), "reoperation_date"),
        (ReoperationInput(dt.date(2024, 3, 14), None, "x"), "planned"),
        (ReoperationInput(dt.date(2024, 3, 14), False, " "), "reason"),
    ):
        with pytest.raises(ValidationError) as err:
            surgery.add_reoperation(db, surgeon, operation, data, today=TODAY)
        assert err.value.field == field
    assert count(db, Reoperation) == 0


def test_operation_date_cannot_move_after_its_complications(db, surgeon, operation):
    surgery.add_complication(db, surgeon, operation, complication("II"), today=TODAY)
    data = right_hemihepatectomy([surgeon.user_id], operation_date=dt.date(2024, 3, 16))
    with pytest.raises(ValidationError) as err:
        surgery.update_operation(db, surgeon, operation, data, "typo", today=TODAY)
    assert err.value.field == "operation_date"


def test_surgical_record_of_a_participant_without_operation(db, coordinator, participant):
    record = surgery.surgical_record(db, coordinator, participant)
    assert record.operations == () and record.cci == 0.0 and record.index_operation is None


def test_operation_input_round_trips_through_the_summary(db, surgeon, operation):
    summary = surgery.get_operation(db, surgeon, operation)
    assert summary.as_input() == right_hemihepatectomy([surgeon.user_id])
    assert isinstance(summary.as_input(), OperationInput)


def test_deleting_a_complication_needs_a_reason_and_keeps_it_in_the_audit_trail(
    db, surgeon, participant, operation
):
    comp_id = surgery.add_complication(db, surgeon, operation, complication("II"), today=TODAY)
    with pytest.raises(ValidationError):
        surgery.delete_complication(db, surgeon, comp_id, "")
    surgery.delete_complication(db, surgeon, comp_id, "entered for the wrong patient")
    assert count(db, Complication) == 0
    deleted = [e for e in audit_rows(db, "complication") if e.action == "delete"]
    assert deleted[0].reason == "entered for the wrong patient"
    assert '"clavien_dindo": "II"' in deleted[0].old_value


@pytest.mark.parametrize(
    ("reop_date", "expected"),
    [
        (dt.date(2024, 4, 11), True),  # day 30 after the operation (2024-03-12): counted
        (dt.date(2024, 4, 12), None),  # day 31 without a discharge date: unknown (issue 17)
    ],
)
def test_index_stay_without_discharge_date_is_one_rule_in_record_and_report(
    db, surgeon, investigator, participant, reop_date, expected
):
    from nclm_desktop.services import report_data

    data = right_hemihepatectomy([surgeon.user_id], discharge_date=None)
    op_id = surgery.record_operation(db, surgeon, participant, data, today=TODAY)
    surgery.add_reoperation(
        db, surgeon, op_id, ReoperationInput(reop_date, False, "abscess"), today=TODAY
    )
    op = surgery.surgical_record(db, surgeon, participant).index_operation
    assert op.reoperations[0].during_index_stay is expected
    assert op.outcomes.unplanned_reoperation_index_stay is expected
    rep = report_data.complications_report_data(
        db, investigator, dt.date(2024, 3, 1), dt.date(2024, 3, 31)
    )
    (patient,) = rep.patients
    assert patient.reoperations[0].during_index_stay is expected
    assert patient.outcomes.unplanned_reoperation_index_stay is expected
    rates = [r for r in rep.rates if r.label.startswith("Unplanned reoperation")]
    if expected is None:
        assert rates == []  # the one operation's flag is unknown: nothing to count, not "0/1"
    else:
        assert (rates[0].summary.k, rates[0].summary.n) == (1, 1)

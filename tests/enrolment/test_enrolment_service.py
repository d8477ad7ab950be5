"""Screening and enrolment service: verdicts, study IDs, duplicates, systemic-only cohort."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from nclm_desktop.models import (
    AuditEvent,
    BaselineDisease,
    Participant,
    ParticipantIdentity,
    Screening,
    SystemicTreatment,
    Visit,
)
from nclm_desktop.models.db import open_database
from nclm_desktop.services.baseline import BaselineInput, get_baseline, save_baseline
from nclm_desktop.services.enrolment import (
    SystemicLine,
    enrol,
    find_by_record_number,
    preview_eligibility,
    screen,
    screen_and_enrol,
)
from nclm_desktop.services.errors import PermissionDenied, ServiceError, ValidationError

from .conftest import TODAY, make_identity, make_screening


def test_eligible_screening_then_enrol_assigns_first_hepatectomy_id(db, surgeon):
    outcome = screen(db, surgeon, make_identity(), make_screening(), today=TODAY)
    assert (outcome.verdict, outcome.status, outcome.existing) == ("eligible", "screening", False)
    result = enrol(
        db, surgeon, outcome.participant_id, cohort="hepatectomy", consent_date=TODAY, today=TODAY
    )
    assert result.study_id == "NCLM-H-001"
    with db.session() as s:
        p = s.get(Participant, outcome.participant_id)
        assert (p.status, p.cohort, p.consent_date, p.enrolment_date, p.index_date) == (
            "enrolled",
            "hepatectomy",
            TODAY,
            TODAY,
            None,
        )
        row = s.scalars(select(Screening)).one()
        assert row.screener_id == surgeon.user_id
        assert row.age_at_screening == 54
        assert (row.child_pugh_points, row.child_pugh_grade, row.albi_grade) == (5, "A", 1)
        assert {c["status"] for c in row.criteria} == {"met"}
        audited = {
            (e.entity, e.action)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.username == "zchen"))
        }
    assert {
        ("participant", "insert"),
        ("participant_identity", "insert"),
        ("screening", "insert"),
        ("participant", "update"),
    } <= audited


def test_not_eligible_is_saved_as_screen_failure_with_reasons(db, coordinator):
    outcome = screen(
        db,
        coordinator,
        make_identity(birth_date=dt.date(1953, 1, 1)),
        make_screening(bilirubin_value=40.0, albumin_value=30.0),  # CP 7 = B
        today=TODAY,
    )
    assert outcome.verdict == "not_eligible"
    assert outcome.status == "screen_failed"
    assert any("Age 72" in r for r in outcome.reasons)
    assert any("Child-Pugh B" in r for r in outcome.reasons)
    with pytest.raises(ServiceError):
        enrol(
            db,
            coordinator,
            outcome.participant_id,
            cohort="hepatectomy",
            consent_date=TODAY,
            today=TODAY,
        )
    with db.session() as s:
        assert s.get(Participant, outcome.participant_id).study_id is None


def test_labs_in_conventional_units_are_stored_raw_and_converted(db, surgeon):
    outcome = screen(
        db,
        surgeon,
        make_identity(),
        make_screening(
            bilirubin_value=1.0, bilirubin_unit="mg/dL", albumin_value=4.0, albumin_unit="g/dL"
        ),
        today=TODAY,
    )
    with db.session() as s:
        row = s.scalars(
            select(Screening).where(Screening.participant_id == outcome.participant_id)
        ).one()
    assert (row.bilirubin_value, row.bilirubin_unit) == (1.0, "mg/dL")
    assert row.bilirubin_umol_l == pytest.approx(17.1)
    assert (row.albumin_value, row.albumin_unit, row.albumin_g_l) == (4.0, "g/dL", 40.0)


def test_incomplete_screening_is_refused_and_nothing_saved(db, surgeon):
    with pytest.raises(ValidationError) as err:
        screen(db, surgeon, make_identity(), make_screening(ecog=None), today=TODAY)
    # The data dictionary marks it required: the error names the field itself.
    assert err.value.field == "ecog"
    assert "ECOG" in str(err.value) and "required" in str(err.value)
    with db.session() as s:
        assert s.scalars(select(Participant)).all() == []


@pytest.mark.parametrize(
    ("field", "overrides", "words"),
    [
        ("bilirubin_value", {"bilirubin_value": 2000.0}, "between 1 and 1000 µmol/L (got 2000)"),
        ("albumin_value", {"albumin_value": 45.0, "albumin_unit": "g/dL"}, "between 1 and 6 g/dL"),
        ("inr", {"inr": 12.0}, "between 0.5 and 10"),
        ("ecog", {"ecog": 7}, "must be one of 0, 1, 2, 3, 4, 5"),
        ("future_liver_remnant_pct", {"future_liver_remnant_pct": 130.0}, "between 0 and 100"),
        ("screening_date", {"screening_date": TODAY + dt.timedelta(days=1)}, "in the future"),
        ("screening_date", {"screening_date": dt.date(1960, 1, 1)}, "before the birth date"),
    ],
)
def test_bad_input_is_refused_naming_field_and_limit(db, surgeon, field, overrides, words):
    with pytest.raises(ValidationError) as err:
        screen(db, surgeon, make_identity(), make_screening(**overrides), today=TODAY)
    assert err.value.field == field
    assert words in str(err.value)
    with db.session() as s:
        assert s.scalars(select(Participant)).all() == []


def test_birth_date_in_future_refused(db, surgeon):
    with pytest.raises(ValidationError) as err:
        screen(
            db,
            surgeon,
            make_identity(birth_date=TODAY + dt.timedelta(days=3)),
            make_screening(),
            today=TODAY,
        )
    assert err.value.field == "birth_date"


@pytest.mark.parametrize(
    ("consent", "words"),
    [
        (None, "required"),
        (TODAY - dt.timedelta(days=5), "before the screening date"),
        (TODAY + dt.timedelta(days=1), "in the future"),
    ],
)
def test_consent_date_rules(db, surgeon, consent, words):
    outcome = screen(db, surgeon, make_identity(), make_screening(), today=TODAY)
    with pytest.raises(ValidationError) as err:
        enrol(
            db,
            surgeon,
            outcome.participant_id,
            cohort="hepatectomy",
            consent_date=consent,
            today=TODAY,
        )
    assert err.value.field == "consent_date"
    assert words in str(err.value)
    with db.session() as s:
        p = s.get(Participant, outcome.participant_id)
        assert (p.status, p.study_id) == ("screening", None)


def test_same_record_number_returns_existing_participant(db, surgeon):
    first = screen_and_enrol(
        db,
        surgeon,
        make_identity("R-77"),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        today=TODAY,
    )
    again = screen_and_enrol(
        db,
        surgeon,
        make_identity(" R-77 ", name="Other Name"),
        make_screening(),
        cohort="systemic",
        consent_date=TODAY,
        index_date=TODAY,
        systemic_lines=[SystemicLine(1, "GP")],
        today=TODAY,
    )
    assert again.existing and again.participant_id == first.participant_id
    assert again.study_id == "NCLM-H-001"
    assert screen(db, surgeon, make_identity("R-77"), make_screening(), today=TODAY).existing
    assert find_by_record_number(db, surgeon, "R-77").study_id == "NCLM-H-001"
    with db.session() as s:
        assert len(s.scalars(select(ParticipantIdentity)).all()) == 1
        assert len(s.scalars(select(Screening)).all()) == 1


def test_systemic_only_enrolment_records_index_date_lines_and_visits(db, coordinator):
    index = dt.date(2025, 3, 3)
    result = screen_and_enrol(
        db,
        coordinator,
        make_identity(),
        make_screening(),
        cohort="systemic",
        consent_date=TODAY,
        index_date=index,
        systemic_lines=[
            SystemicLine(
                1, "GP (gemcitabine + cisplatin)", dt.date(2024, 6, 1), dt.date(2024, 10, 1), "PR"
            ),
            SystemicLine(2, "Toripalimab + GP", index),
        ],
        baseline=BaselineInput(
            npc_diagnosis_date=dt.date(2023, 1, 5),
            t_stage="T3",
            n_stage="N2",
            liver_met_count=2,
            liver_met_largest_mm=35,
            liver_met_timing="metachronous",
            metachronous_interval_months=17,
        ),
        today=TODAY,
    )
    assert result.study_id == "NCLM-S-001"
    assert result.visits_planned == 15
    with db.session() as s:
        p = s.get(Participant, result.participant_id)
        assert (p.cohort, p.index_date) == ("systemic", index)
        lines = s.scalars(select(SystemicTreatment).order_by(SystemicTreatment.line)).all()
        assert [(x.line, x.best_response, x.for_liver_metastases) for x in lines] == [
            (1, "PR", False),
            (2, None, True),
        ]
        visits = s.scalars(select(Visit).order_by(Visit.month)).all()
        assert visits[0].code == "M1" and visits[0].target_date == dt.date(2025, 4, 3)
        base = s.get(BaselineDisease, result.participant_id)
        assert (base.t_stage, base.bone_metastases, base.primary_recurrence) == ("T3", False, False)


def test_systemic_only_needs_index_date_and_a_line(db, surgeon):
    outcome = screen(db, surgeon, make_identity(), make_screening(), today=TODAY)
    with pytest.raises(ValidationError) as err:
        enrol(
            db,
            surgeon,
            outcome.participant_id,
            cohort="systemic",
            consent_date=TODAY,
            systemic_lines=[SystemicLine(1, "GP")],
            today=TODAY,
        )
    assert err.value.field == "index_date"
    with pytest.raises(ValidationError) as err:
        enrol(
            db,
            surgeon,
            outcome.participant_id,
            cohort="systemic",
            consent_date=TODAY,
            index_date=TODAY,
            today=TODAY,
        )
    assert err.value.field == "systemic_lines"


def test_ids_are_sequential_per_cohort(db, surgeon):
    ids = [
        screen_and_enrol(
            db,
            surgeon,
            make_identity(f"N{i}"),
            make_screening(),
            cohort=cohort,
            consent_date=TODAY,
            index_date=TODAY if cohort == "systemic" else None,
            systemic_lines=[SystemicLine(1, "GP", TODAY)] if cohort == "systemic" else (),
            today=TODAY,
        ).study_id
        for i, cohort in enumerate(["hepatectomy", "systemic", "hepatectomy", "hepatectomy"])
    ]
    assert ids == ["NCLM-H-001", "NCLM-S-001", "NCLM-H-002", "NCLM-H-003"]


def test_two_workstations_enrolling_at_once_get_distinct_ids(db_path, db, surgeon, coordinator):
    pids = [
        screen(db, surgeon, make_identity(f"C{i}"), make_screening(), today=TODAY).participant_id
        for i in range(2)
    ]
    # Two Database objects on the same file = two workstations; a barrier starts them together.
    stations = [open_database(db_path), open_database(db_path)]
    barrier = threading.Barrier(2)
    results: list[str] = []
    errors: list[BaseException] = []

    def work(station, actor, pid):
        try:
            barrier.wait()
            results.append(
                enrol(
                    station, actor, pid, cohort="hepatectomy", consent_date=TODAY, today=TODAY
                ).study_id
            )
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(stations[i], actor, pids[i]))
        for i, actor in enumerate((surgeon, coordinator))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for st in stations:
        st.dispose()
    assert errors == []
    assert sorted(results) == ["NCLM-H-001", "NCLM-H-002"]


def test_monitor_cannot_screen(db, monitor):
    with pytest.raises(PermissionDenied):
        screen(db, monitor, make_identity(), make_screening(), today=TODAY)


def test_preview_age_boundary_on_screening_date():
    # Screening on 2025-03-08: 70 years and 364 days is still 70.
    assert preview_eligibility(dt.date(1954, 3, 9), make_screening()).verdict == "eligible"
    result = preview_eligibility(dt.date(1954, 3, 8), make_screening())
    assert result.verdict == "not_eligible"
    assert result.criterion("exc_age").status == "failed"


def test_baseline_edit_needs_reason_and_is_audited(db, surgeon):
    outcome = screen(
        db,
        surgeon,
        make_identity(),
        make_screening(),
        baseline=BaselineInput(t_stage="T2"),
        today=TODAY,
    )
    with pytest.raises(ValidationError) as err:
        save_baseline(db, surgeon, outcome.participant_id, BaselineInput(t_stage="T3"), today=TODAY)
    assert err.value.field == "reason"
    save_baseline(
        db,
        surgeon,
        outcome.participant_id,
        BaselineInput(t_stage="T3"),
        reason="staging corrected after MRI review",
        today=TODAY,
    )
    assert get_baseline(db, surgeon, outcome.participant_id).t_stage == "T3"
    with db.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.field == "t_stage")).one()
    assert (event.old_value, event.new_value, event.reason) == (
        "T2",
        "T3",
        "staging corrected after MRI review",
    )

"""Screening log, flow counts and the participant record (identity hidden from monitors)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Visit
from nclm_desktop.services.enrolment import SystemicLine, screen, screen_and_enrol
from nclm_desktop.services.errors import PermissionDenied, ValidationError
from nclm_desktop.services.participant_record import (
    get_identity,
    get_screening,
    get_summary,
    list_systemic_lines,
    update_enrolment_dates,
    update_identity,
)
from nclm_desktop.services.participants import HIDDEN
from nclm_desktop.services.screening_log import screening_flow, screening_log

from .conftest import TODAY, make_identity, make_screening


def _populate(db, actor):
    screen_and_enrol(
        db,
        actor,
        make_identity("A1"),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        today=TODAY,
    )
    screen_and_enrol(
        db,
        actor,
        make_identity("A2"),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        today=TODAY,
    )
    screen_and_enrol(
        db,
        actor,
        make_identity("A3"),
        make_screening(),
        cohort="systemic",
        consent_date=TODAY,
        index_date=TODAY,
        systemic_lines=[SystemicLine(1, "GP", TODAY)],
        today=TODAY,
    )
    screen(db, actor, make_identity("A4"), make_screening(), today=TODAY)  # awaiting enrolment
    screen(
        db,
        actor,
        make_identity("B1", birth_date=dt.date(1950, 1, 1)),
        make_screening(ecog=3),
        today=TODAY,
    )
    screen(db, actor, make_identity("B2"), make_screening(ecog=3), today=TODAY)
    screen(
        db,
        actor,
        make_identity("B3"),
        make_screening(metastatic_sites=frozenset({"liver", "lung"})),
        today=TODAY,
    )


def test_log_lists_every_screening_with_outcome_and_reasons(db, surgeon):
    _populate(db, surgeon)
    rows = screening_log(db, surgeon)
    assert len(rows) == 7
    assert {r.screener for r in rows} == {"Zhi Chen"}
    failed = screening_log(db, surgeon, "not_eligible")
    assert {r.hospital_record_number for r in failed} == {"B1", "B2", "B3"}
    b1 = next(r for r in failed if r.hospital_record_number == "B1")
    assert set(b1.failed_criteria) == {"inc_ecog", "exc_age"}
    assert "ECOG 3 is above 2" in b1.reasons
    assert [r.study_id for r in screening_log(db, surgeon, "eligible")] == [""]


def test_flow_counts(db, coordinator):
    _populate(db, coordinator)
    flow = screening_flow(db, coordinator)
    assert (flow.screened, flow.not_eligible, flow.eligible) == (7, 3, 4)
    assert (flow.enrolled, flow.awaiting_enrolment) == (3, 1)
    assert flow.enrolled_by_cohort == {"hepatectomy": 2, "systemic": 1}
    assert dict(flow.by_reason) == {
        "inc_ecog": 2,
        "exc_age": 1,
        "exc_distant_metastasis": 1,
        "inc_disease_pattern": 1,
    }
    assert flow.by_reason[0] == ("inc_ecog", 2)


def test_monitor_sees_log_without_identity_and_is_refused_identity(db, surgeon, monitor):
    _populate(db, surgeon)
    rows = screening_log(db, monitor)
    assert {r.name for r in rows} == {HIDDEN}
    with pytest.raises(PermissionDenied):
        get_identity(db, monitor, rows[0].participant_id)
    assert get_screening(db, monitor, rows[0].participant_id).verdict in {
        "eligible",
        "not_eligible",
    }


def test_screening_view_has_protocol_text_and_values(db, surgeon):
    result = screen_and_enrol(
        db,
        surgeon,
        make_identity(),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        today=TODAY,
    )
    view = get_screening(db, surgeon, result.participant_id)
    assert view.screener == "Zhi Chen" and view.verdict == "eligible"
    assert len(view.criteria) == 15
    age = next(c for c in view.criteria if c.id == "exc_age")
    assert age.text_en.startswith("Younger than 18")
    assert view.values["child_pugh_grade"] == "A"
    summary = get_summary(db, surgeon, result.participant_id)
    assert (summary.study_id, summary.cohort, summary.status) == (
        "NCLM-H-001",
        "hepatectomy",
        "enrolled",
    )


def test_identity_correction_needs_reason_and_is_audited(db, surgeon):
    pid = screen(db, surgeon, make_identity("X1"), make_screening(), today=TODAY).participant_id
    screen(db, surgeon, make_identity("X2"), make_screening(), today=TODAY)
    ident = get_identity(db, surgeon, pid)
    changed = ident.__class__(**{**ident.__dict__, "phone": "13911112222"})
    with pytest.raises(ValidationError) as err:
        update_identity(db, surgeon, pid, changed, reason="  ", today=TODAY)
    assert err.value.field == "reason"
    clash = ident.__class__(**{**ident.__dict__, "hospital_record_number": "X2"})
    with pytest.raises(ValidationError) as err:
        update_identity(db, surgeon, pid, clash, reason="typo", today=TODAY)
    assert err.value.field == "hospital_record_number"
    update_identity(db, surgeon, pid, changed, reason="patient changed phone", today=TODAY)
    assert get_identity(db, surgeon, pid).phone == "13911112222"
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.field == "phone")).one()
    assert (ev.old_value, ev.new_value, ev.reason, ev.username) == (
        "13800000000",
        "13911112222",
        "patient changed phone",
        "zchen",
    )


def test_systemic_index_date_correction_moves_the_schedule(db, coordinator):
    result = screen_and_enrol(
        db,
        coordinator,
        make_identity(),
        make_screening(),
        cohort="systemic",
        consent_date=TODAY,
        index_date=dt.date(2025, 3, 3),
        systemic_lines=[SystemicLine(1, "GP", dt.date(2025, 3, 3))],
        today=TODAY,
    )
    assert [x.regimen for x in list_systemic_lines(db, coordinator, result.participant_id)] == [
        "GP"
    ]
    changes = update_enrolment_dates(
        db,
        coordinator,
        result.participant_id,
        consent_date=TODAY,
        index_date=dt.date(2025, 3, 5),
        reason="first cycle was delayed",
        today=TODAY,
    )
    assert changes["moved"] == 15
    with db.session() as s:
        m1 = s.scalars(select(Visit).where(Visit.code == "M1")).one()
    assert m1.target_date == dt.date(2025, 4, 5)

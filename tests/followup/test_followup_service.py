"""Follow-up service: schedule, worklists, rescheduling, recording, events, endpoints."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select

from nclm_desktop.models import AuditEvent, ClinicalEvent, Participant, Visit
from nclm_desktop.services import followup as fu
from nclm_desktop.services.errors import PermissionDenied, RecordLocked, ValidationError
from nclm_desktop.services.participants import HIDDEN
from nclm_desktop.services.schedule_sync import sync_schedule
from nclm_desktop.services.uow import writing

from .conftest import TODAY

D = dt.date


def visits(db, pid):
    with db.session() as s:
        return {
            v.code: v for v in s.scalars(select(Visit).where(Visit.participant_id == pid)).all()
        }


def audit_count(db):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def event_rows(db, pid):
    with db.session() as s:
        return list(
            s.scalars(select(ClinicalEvent).where(ClinicalEvent.participant_id == pid)).all()
        )


def visit_id(db, pid, code):
    return visits(db, pid)[code].id


# --- schedule generation and re-planning -------------------------------------------------


def test_schedule_is_generated_from_the_anchor(db, hep):
    v = visits(db, hep)
    assert list(sorted(v, key=lambda c: v[c].month)) == [
        "M1", "M3", "M6", "M9", "M12", "M15", "M18", "M21", "M24",
        "M30", "M36", "M42", "M48", "M54", "M60",
    ]  # fmt: skip
    # 6 January 2025 + 1 month = Thursday 6 February; window +-7 days.
    m1 = v["M1"]
    assert (m1.target_date, m1.window_start, m1.window_end) == (
        D(2025, 2, 6),
        D(2025, 1, 30),
        D(2025, 2, 13),
    )
    assert m1.scheduled_date == D(2025, 2, 6) and m1.status == "planned"
    assert (v["M3"].window_start, v["M3"].window_end) == (D(2025, 3, 23), D(2025, 4, 20))
    assert v["M30"].window_end - v["M30"].target_date == dt.timedelta(days=28)
    assert "chest_ct" in v["M6"].assessments_planned
    assert "chest_ct" not in v["M3"].assessments_planned


@pytest.mark.parametrize(
    ("anchor", "target", "scheduled"),
    [
        (D(2025, 1, 1), D(2025, 2, 1), D(2025, 1, 31)),  # Saturday -> Friday
        (D(2025, 1, 2), D(2025, 2, 2), D(2025, 2, 3)),  # Sunday -> Monday
        (D(2025, 1, 3), D(2025, 2, 3), D(2025, 2, 3)),  # Monday stays
    ],
)
def test_weekend_target_is_booked_on_the_nearest_working_day(enrol, db, anchor, target, scheduled):
    pid = enrol("NCLM-S-001", anchor)
    m1 = visits(db, pid)["M1"]
    assert m1.target_date == target
    assert m1.scheduled_date == scheduled
    assert m1.scheduled_date.weekday() < 5
    assert all(v.scheduled_date.weekday() < 5 for v in visits(db, pid).values())


def test_moving_the_anchor_replans_open_visits_and_keeps_done_ones(db, hep, investigator):
    m1_id = visit_id(db, hep, "M1")
    fu.record_visit(db, investigator, m1_id, fu.VisitRecord(D(2025, 2, 5), ["history_exam"]), TODAY)
    with writing(db, investigator, reason="operation date corrected from the notes") as s:
        p = s.get(Participant, hep)
        p.index_date = D(2025, 1, 13)
        counts = sync_schedule(s, p)
    assert counts["moved"] == 14 and counts["added"] == 0
    v = visits(db, hep)
    assert v["M1"].status == "done" and v["M1"].target_date == D(2025, 2, 6)  # untouched
    assert v["M3"].target_date == D(2025, 4, 13)
    assert v["M3"].scheduled_date == D(2025, 4, 14)  # Sunday -> Monday
    with db.session() as s:
        moved = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "visit",
                AuditEvent.field == "target_date",
                AuditEvent.entity_id == str(v["M3"].id),
            )
        ).all()
    # Audit values are JSON text.
    assert [(e.old_value, e.new_value) for e in moved] == [('"2025-04-06"', '"2025-04-13"')]


# --- states, month view and worklists ----------------------------------------------------


def test_visit_states_and_overdue_against_a_given_today(db, hep, investigator):
    rows = {r.code: r for r in fu.list_visits(db, investigator, hep, TODAY)}
    # today 2025-06-18: M1 and M3 windows have passed, M6 (target 2025-07-06) not yet open.
    assert (
        rows["M1"].state == "overdue" and rows["M1"].days_overdue == (TODAY - D(2025, 2, 13)).days
    )
    assert rows["M3"].state == "overdue"
    assert rows["M6"].state == "planned"
    later = {r.code: r for r in fu.list_visits(db, investigator, hep, D(2025, 7, 1))}
    assert later["M6"].state == "due"  # window 2025-06-22 .. 2025-07-20
    overdue = fu.worklist(db, investigator, "overdue", TODAY)
    assert [r.code for r in overdue] == ["M1", "M3"]
    assert overdue[0].name == "Li Na" and overdue[0].phone == "139 1111 2222"
    # Recorded or missed visits are no longer overdue.
    fu.mark_missed(db, investigator, rows["M1"].id, TODAY)
    assert [r.code for r in fu.worklist(db, investigator, "overdue", TODAY)] == ["M3"]


def test_this_week_and_next_four_weeks(db, enrol, coordinator, monitor):
    # Index dates chosen so that M1 falls at known days around TODAY (Wed 2025-06-18).
    a = enrol("NCLM-S-001", D(2025, 5, 16), name="Wang Fang")  # M1 Mon 16 Jun
    b = enrol("NCLM-S-002", D(2025, 5, 21), name="Chen Jie")  # M1 Sat 21 Jun -> Fri 20 Jun
    c = enrol("NCLM-S-003", D(2025, 6, 10), name="Liu Yang")  # M1 Thu 10 Jul
    enrol("NCLM-S-004", D(2025, 6, 20), name="Zhao Lei")  # M1 Sun 20 Jul -> Mon 21 Jul
    # "This week" is today and the 6 days after (18 .. 24 Jun), not Monday to Sunday.
    week = fu.worklist(db, coordinator, "this_week", TODAY)
    assert [(r.study_id, r.code, r.scheduled_date) for r in week] == [
        ("NCLM-S-002", "M1", D(2025, 6, 20)),
    ]
    assert week[0].state == "due" and week[0].name == "Chen Jie"
    four = fu.worklist(db, coordinator, "next_4_weeks", TODAY)  # 18 Jun .. 15 Jul
    assert [r.participant_id for r in four] == [b, c]
    assert a not in [r.participant_id for r in four]  # booked before today
    # A monitor reads the worklist without names or phone numbers.
    masked = fu.worklist(db, monitor, "this_week", TODAY)
    assert {r.name for r in masked} == {HIDDEN} and {r.phone for r in masked} == {HIDDEN}
    with pytest.raises(ValidationError):
        fu.worklist(db, coordinator, "someday", TODAY)


def test_month_view_groups_by_day_with_states(db, hep, investigator):
    m1 = visit_id(db, hep, "M1")
    fu.record_visit(db, investigator, m1, fu.VisitRecord(D(2025, 2, 4)), TODAY)
    days = fu.month_view(db, investigator, 2025, 2, TODAY)
    assert [(r.code, r.state) for r in days[D(2025, 2, 4)]] == [("M1", "done")]
    april = fu.month_view(db, investigator, 2025, 4, TODAY)
    assert [(r.code, r.state) for r in april[D(2025, 4, 7)]] == [("M3", "overdue")]


def test_month_counts_are_the_states_of_the_month_view(db, hep, investigator, monitor):
    """The grid's counts come from a narrow query: the same days and states as the rows."""
    fu.record_visit(db, investigator, visit_id(db, hep, "M1"), fu.VisitRecord(D(2025, 2, 4)), TODAY)
    fu.mark_missed(db, investigator, visit_id(db, hep, "M3"), TODAY)
    for year, month in ((2025, 2), (2025, 4), (2025, 7)):
        rows = fu.month_view(db, investigator, year, month, TODAY)
        counts = fu.month_counts(db, monitor, year, month, TODAY)
        assert counts == {day: Counter(r.state for r in found) for day, found in rows.items()}
    assert fu.month_counts(db, investigator, 2025, 2, TODAY)[D(2025, 2, 4)] == {"done": 1}
    assert fu.month_grid(2025, 9) == (D(2025, 8, 25), D(2025, 10, 5))  # 1 Sept is a Monday


# --- rescheduling, missed ---------------------------------------------------------------


def test_reschedule_inside_the_window_is_routine(db, hep, coordinator):
    m6 = visits(db, hep)["M6"]
    assert fu.reschedule_visit(db, coordinator, m6.id, D(2025, 7, 8)) is False
    after = visits(db, hep)["M6"]
    assert after.scheduled_date == D(2025, 7, 8) and after.deviation is False


def test_reschedule_outside_the_window_needs_a_reason_and_is_a_deviation(db, hep, coordinator):
    m6 = visits(db, hep)["M6"]
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        fu.reschedule_visit(db, coordinator, m6.id, D(2025, 8, 1))
    assert err.value.field == "deviation_reason" and "outside the window" in str(err.value)
    assert visits(db, hep)["M6"].scheduled_date == m6.scheduled_date
    assert audit_count(db) == before
    assert fu.reschedule_visit(db, coordinator, m6.id, D(2025, 8, 1), "patient abroad") is True
    after = visits(db, hep)["M6"]
    assert after.deviation is True and after.deviation_reason == "patient abroad"
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.field == "scheduled_date")).one()
    assert ev.reason == "patient abroad" and ev.username == "mli"
    # Moving it back inside clears the flag.
    fu.reschedule_visit(db, coordinator, m6.id, D(2025, 7, 7))
    assert visits(db, hep)["M6"].deviation is False


def test_mark_missed_and_unmark_are_audited(db, hep, coordinator):
    m3 = visits(db, hep)["M3"]
    fu.mark_missed(db, coordinator, m3.id, TODAY)
    assert visits(db, hep)["M3"].status == "missed"
    with pytest.raises(ValidationError) as err:
        fu.unmark_missed(db, coordinator, m3.id, "")
    assert err.value.field == "reason"
    fu.unmark_missed(db, coordinator, m3.id, "visit took place, entered in error")
    assert visits(db, hep)["M3"].status == "planned"
    with db.session() as s:
        changes = s.execute(
            select(AuditEvent.old_value, AuditEvent.new_value, AuditEvent.reason)
            .where(AuditEvent.entity == "visit", AuditEvent.field == "status")
            .order_by(AuditEvent.id)
        ).all()
    assert [tuple(c) for c in changes] == [
        ("planned", "missed", None),
        ("missed", "planned", "visit took place, entered in error"),
    ]
    m6 = visits(db, hep)["M6"]
    with pytest.raises(ValidationError, match="opens on 2025-06-22"):
        fu.mark_missed(db, coordinator, m6.id, TODAY)


# --- recording visits ----------------------------------------------------------------------


def test_record_a_visit_inside_its_window(db, hep, surgeon):
    m1 = visit_id(db, hep, "M1")
    rec = fu.VisitRecord(
        D(2025, 2, 7),
        ["history_exam", "ecog", "liver_function", "ebv_dna", "liver_imaging"],
        ecog=1,
        ebv_dna_copies_ml=0,
        liver_imaging_result="no_recurrence",
        notes="well",
    )
    result = fu.record_visit(db, surgeon, m1, rec, TODAY)
    assert result.warnings == () and result.outside_window is False and result.event_ids == ()
    v = visits(db, hep)["M1"]
    assert (v.status, v.actual_date, v.ecog, v.ebv_dna_copies_ml, v.liver_imaging_result) == (
        "done",
        D(2025, 2, 7),
        1,
        0.0,
        "no_recurrence",
    )
    assert v.assessments_done == [
        "history_exam",
        "ecog",
        "liver_function",
        "ebv_dna",
        "liver_imaging",
    ]
    assert v.deviation is False


def test_a_visit_row_carries_each_stored_column_under_its_own_name(db, hep, surgeon):
    """The lists read visits as plain columns in one order: each lands in its own field."""
    m1 = visit_id(db, hep, "M1")
    rec = fu.VisitRecord(
        D(2025, 2, 7), ["history_exam", "ecog"], ecog=2, ebv_dna_copies_ml=350.0,
        liver_imaging_result="no_recurrence", notes="well",
    )  # fmt: skip
    fu.record_visit(db, surgeon, m1, rec, TODAY)
    stored = visits(db, hep)["M1"]
    row = fu.get_visit(db, surgeon, m1, TODAY)
    for column in Visit.__table__.columns:
        value = getattr(stored, column.name)
        assert getattr(row, column.name) == (tuple(value) if isinstance(value, list) else value)
    assert (row.state, row.days_overdue, row.study_id) == ("done", 0, "NCLM-H-001")


def test_a_date_outside_the_window_is_accepted_with_a_warning(db, hep, coordinator):
    m1 = visit_id(db, hep, "M1")
    result = fu.record_visit(db, coordinator, m1, fu.VisitRecord(D(2025, 2, 20)), TODAY)
    assert result.outside_window is True
    assert "outside the window of M1 (2025-01-30 to 2025-02-13)" in result.warnings[0]
    v = visits(db, hep)["M1"]
    assert v.status == "done" and v.deviation is True


@pytest.mark.parametrize(
    ("actual", "message"),
    [
        (D(2025, 6, 19), "in the future (today is 2025-06-18)"),
        (D(2025, 1, 5), "before the operation date (2025-01-06)"),
        (None, "Visit date is required"),
    ],
)
def test_bad_visit_dates_are_refused_and_nothing_is_saved(db, hep, coordinator, actual, message):
    m1 = visit_id(db, hep, "M1")
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        fu.record_visit(
            db,
            coordinator,
            m1,
            fu.VisitRecord(actual, ecog=0, findings=[fu.Finding("last_contact_alive", TODAY)]),
            TODAY,
        )
    assert err.value.field == "actual_date" and message in str(err.value)
    assert visits(db, hep)["M1"].status == "planned"
    assert event_rows(db, hep) == []
    assert audit_count(db) == before


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (fu.VisitRecord(D(2025, 2, 7), ecog=5), "ecog"),
        (fu.VisitRecord(D(2025, 2, 7), ebv_dna_copies_ml=-1), "ebv_dna_copies_ml"),
        (fu.VisitRecord(D(2025, 2, 7), liver_imaging_result="great"), "liver_imaging_result"),
        (fu.VisitRecord(D(2025, 2, 7), assessments_done=["x_ray"]), "assessments_done"),
        (
            fu.VisitRecord(
                D(2025, 2, 7), findings=[fu.Finding("extrahepatic_recurrence", D(2025, 2, 7))]
            ),
            "extrahepatic_recurrence_site",
        ),
        (
            fu.VisitRecord(D(2025, 2, 7), findings=[fu.Finding("death", D(2025, 2, 7))]),
            "death_cause",
        ),
    ],
)
def test_bad_visit_values_name_the_field(db, hep, coordinator, record, field):
    with pytest.raises(ValidationError) as err:
        fu.record_visit(db, coordinator, visit_id(db, hep, "M1"), record, TODAY)
    assert err.value.field == field
    assert visits(db, hep)["M1"].status == "planned"


def test_a_recorded_visit_is_corrected_only_with_a_reason(db, hep, coordinator):
    m1 = visit_id(db, hep, "M1")
    fu.record_visit(db, coordinator, m1, fu.VisitRecord(D(2025, 2, 7), ecog=1), TODAY)
    with pytest.raises(ValidationError) as err:
        fu.record_visit(db, coordinator, m1, fu.VisitRecord(D(2025, 2, 7), ecog=2), TODAY)
    assert err.value.field == "reason"
    fu.record_visit(
        db, coordinator, m1, fu.VisitRecord(D(2025, 2, 7), ecog=2), TODAY, reason="typo"
    )
    assert visits(db, hep)["M1"].ecog == 2


# --- events -------------------------------------------------------------------------------


def test_intrahepatic_recurrence_at_a_visit_is_an_rfs_event(db, hep, investigator):
    m1, m3 = visit_id(db, hep, "M1"), visit_id(db, hep, "M3")
    fu.record_visit(
        db, investigator, m1,
        fu.VisitRecord(D(2025, 2, 6), liver_imaging_result="no_recurrence"), TODAY,
    )  # fmt: skip
    before = fu.participant_endpoints(db, investigator, hep)
    assert before.intrahepatic_rfs.event is False and before.intrahepatic_rfs.days == 31
    result = fu.record_visit(
        db, investigator, m3,
        fu.VisitRecord(D(2025, 4, 8), liver_imaging_result="intrahepatic_recurrence"), TODAY,
    )  # fmt: skip
    [event] = event_rows(db, hep)
    assert result.event_ids == (event.id,)
    assert (event.kind, event.event_date, event.confirmed_by, event.visit_id) == (
        "intrahepatic_recurrence",
        D(2025, 4, 8),
        "imaging",
        m3,
    )
    after = fu.participant_endpoints(db, investigator, hep)
    assert after.intrahepatic_rfs.event is True
    assert after.intrahepatic_rfs.end_date == D(2025, 4, 8) and after.intrahepatic_rfs.days == 92
    assert after.overall_survival.event is False
    assert after.overall_survival.end_date == D(2025, 4, 8)


def test_extrahepatic_recurrence_alone_is_not_an_rfs_event(db, hep, investigator):
    fu.record_event(
        db, investigator, hep, fu.Finding("extrahepatic_recurrence", D(2025, 5, 2), site="lung"),
        TODAY,
    )  # fmt: skip
    ep = fu.participant_endpoints(db, investigator, hep)
    assert ep.intrahepatic_rfs.event is False
    assert ep.overall_survival.end_date == D(2025, 5, 2)  # alive on that day


def test_death_ends_follow_up_and_cancels_remaining_visits(db, hep, coordinator):
    fu.record_visit(db, coordinator, visit_id(db, hep, "M1"), fu.VisitRecord(D(2025, 2, 6)), TODAY)
    result = fu.record_event(
        db, coordinator, hep, fu.Finding("death", D(2025, 5, 30), cause="liver failure"), TODAY
    )
    assert result.status == "deceased"
    v = visits(db, hep)
    assert v["M1"].status == "done"
    assert v["M3"].status == "planned"  # due before the death: still to record or mark missed
    assert {v[c].status for c in v if c not in ("M1", "M3")} == {"cancelled"}
    with db.session() as s:
        assert s.get(Participant, hep).status == "deceased"
    ep = fu.participant_endpoints(db, coordinator, hep)
    assert ep.overall_survival.event is True and ep.overall_survival.end_date == D(2025, 5, 30)
    assert ep.intrahepatic_rfs.event is True  # death counts for intrahepatic RFS
    # A second death is refused, and so is a visit after the death.
    with pytest.raises(ValidationError, match="already recorded"):
        fu.record_event(db, coordinator, hep, fu.Finding("death", D(2025, 6, 1), cause="x"), TODAY)
    with pytest.raises(ValidationError, match="ended on 2025-05-30"):
        fu.record_visit(db, coordinator, v["M3"].id, fu.VisitRecord(D(2025, 6, 2)), TODAY)


def test_death_before_the_last_completed_visit_is_refused(db, hep, coordinator):
    fu.record_visit(db, coordinator, visit_id(db, hep, "M3"), fu.VisitRecord(D(2025, 4, 7)), TODAY)
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        fu.record_event(
            db, coordinator, hep, fu.Finding("death", D(2025, 4, 1), cause="unknown"), TODAY
        )
    assert err.value.field == "death_date"
    assert "before the last completed visit M3 (2025-04-07)" in str(err.value)
    assert event_rows(db, hep) == [] and audit_count(db) == before
    with db.session() as s:
        assert s.get(Participant, hep).status == "enrolled"
    assert {v.status for v in visits(db, hep).values()} == {"planned", "done"}
    # The same at the visit itself: a death before the visit date being recorded.
    with pytest.raises(ValidationError, match="before the last completed visit M6"):
        fu.record_visit(
            db, coordinator, visit_id(db, hep, "M6"),
            fu.VisitRecord(D(2025, 6, 10),
                           findings=[fu.Finding("death", D(2025, 6, 9), cause="unknown")]),
            TODAY,
        )  # fmt: skip
    assert visits(db, hep)["M6"].status == "planned"


def test_withdrawal_sets_the_status_and_cancels_later_visits(db, hep, coordinator):
    fu.mark_missed(db, coordinator, visit_id(db, hep, "M3"), TODAY)
    fu.record_event(
        db, coordinator, hep, fu.Finding("withdrawal", D(2025, 3, 1), detail="moved away"), TODAY
    )
    v = visits(db, hep)
    assert v["M1"].status == "planned" and v["M3"].status == "missed"
    assert {v[c].status for c in v if c not in ("M1", "M3")} == {"cancelled"}
    with db.session() as s:
        assert s.get(Participant, hep).status == "withdrawn"
    with pytest.raises(ValidationError, match="cannot be reopened"):
        fu.unmark_missed(db, coordinator, v["M3"].id, "entered in error")


def test_event_dates_are_checked(db, hep, coordinator):
    with pytest.raises(ValidationError) as err:
        fu.record_event(
            db, coordinator, hep, fu.Finding("last_contact_alive", D(2025, 7, 1)), TODAY
        )
    assert err.value.field == "last_contact_alive_date"
    with pytest.raises(ValidationError) as err:
        fu.record_event(
            db, coordinator, hep, fu.Finding("lost_to_follow_up", D(2024, 12, 1)), TODAY
        )
    assert "before the operation date" in str(err.value)


# --- timeline, permissions, locks ----------------------------------------------------------


def test_timeline_is_chronological_with_days_since_the_anchor(db, hep, coordinator):
    fu.record_visit(
        db, coordinator, visit_id(db, hep, "M3"),
        fu.VisitRecord(D(2025, 4, 8), liver_imaging_result="intrahepatic_recurrence"), TODAY,
    )  # fmt: skip
    fu.record_visit(db, coordinator, visit_id(db, hep, "M1"), fu.VisitRecord(D(2025, 2, 6)), TODAY)
    fu.record_event(db, coordinator, hep, fu.Finding("last_contact_alive", D(2025, 5, 5)), TODAY)
    tl = fu.timeline(db, coordinator, hep, TODAY)
    assert tl.anchor == D(2025, 1, 6) and tl.anchor_label == "operation date"
    head = [(e.kind, e.code, e.date, e.days, e.state) for e in tl.entries[:6]]
    assert head == [
        ("anchor", "operation date", D(2025, 1, 6), 0, ""),
        ("visit", "M1", D(2025, 2, 6), 31, "done"),
        ("visit", "M3", D(2025, 4, 8), 92, "done"),
        ("event", "intrahepatic_recurrence", D(2025, 4, 8), 92, ""),
        ("event", "last_contact_alive", D(2025, 5, 5), 119, ""),
        ("visit", "M6", D(2025, 7, 7), 182, "planned"),  # Sun 6 Jul -> Mon 7 Jul
    ]
    dates = [e.date for e in tl.entries]
    assert dates == sorted(dates)


def test_monitor_reads_but_cannot_write(db, hep, monitor):
    assert fu.list_visits(db, monitor, hep, TODAY)
    m1 = visit_id(db, hep, "M1")
    with pytest.raises(PermissionDenied):
        fu.record_visit(db, monitor, m1, fu.VisitRecord(D(2025, 2, 6)), TODAY)
    with pytest.raises(PermissionDenied):
        fu.mark_missed(db, monitor, m1, TODAY)
    with pytest.raises(PermissionDenied):
        fu.reschedule_visit(db, monitor, m1, D(2025, 2, 7))


def test_a_locked_participant_cannot_be_changed(db, hep, investigator):
    with writing(db, investigator) as s:
        s.get(Participant, hep).locked = True
    with pytest.raises(RecordLocked):
        fu.record_visit(
            db, investigator, visit_id(db, hep, "M1"), fu.VisitRecord(D(2025, 2, 6)), TODAY
        )


def test_this_week_on_a_sunday_lists_the_coming_days(db, enrol, coordinator):
    sunday = D(2025, 6, 22)
    assert sunday.weekday() == 6
    assert fu.worklist_range("this_week", sunday) == (sunday, D(2025, 6, 28))
    enrol("NCLM-S-001", D(2025, 5, 16))  # M1 booked Mon 16 Jun: past, not this week
    b = enrol("NCLM-S-002", D(2025, 5, 23))  # M1 booked Mon 23 Jun: tomorrow
    c = enrol("NCLM-S-003", D(2025, 5, 27))  # M1 booked Fri 27 Jun
    enrol("NCLM-S-004", D(2025, 6, 1))  # M1 booked Tue 1 Jul: beyond the 7 days
    week = fu.worklist(db, coordinator, "this_week", sunday)
    assert [r.participant_id for r in week] == [b, c]
    assert all(sunday <= r.scheduled_date <= sunday + dt.timedelta(days=6) for r in week)

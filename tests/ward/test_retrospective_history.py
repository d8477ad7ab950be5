"""A whole study history entered after the fact, on one later day (from the paper file).

Every date rule must compare the dates the user entered, never the day of typing: on
today's main the enrolment date was set to the day of typing, so the operation three days
after the real enrolment was refused.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, ClinicalEvent, Participant, Visit
from nclm_desktop.services import enrolment, followup, participant_record, surgery
from nclm_desktop.services.enrolment import IdentityInput, SystemicLine
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.followup import Finding, VisitRecord
from nclm_desktop.services.surgery import ComplicationInput, OperationInput, Treatment

TYPED_ON = dt.date(2026, 11, 29)  # the one day everything is typed in
SCREENED = dt.date(2025, 1, 6)
CONSENTED = dt.date(2025, 1, 8)
ENROLLED = dt.date(2025, 1, 9)
OPERATED = dt.date(2025, 1, 13)
COMPLICATION = dt.date(2025, 1, 16)
RESOLVED = dt.date(2025, 1, 20)
DISCHARGED = dt.date(2025, 1, 22)
DIED = dt.date(2025, 9, 30)


def _identity() -> IdentityInput:
    return IdentityInput("Li Na", "H-RETRO-1", "F", dt.date(1968, 2, 14))


def _operation(surgeon_id: int) -> OperationInput:
    return OperationInput(
        operation_date=OPERATED,
        surgeon_ids=[surgeon_id],
        approach="open",
        segments=[6, 7],
        anatomical=True,
        discharge_date=DISCHARGED,
    )


def test_a_whole_history_in_the_past_is_accepted_on_one_later_day(db, investigator, coordinator):
    enrolled = enrolment.screen_and_enrol(
        db,
        investigator,
        _identity(),
        enrolment.eligible_screening(SCREENED),
        cohort="hepatectomy",
        consent_date=CONSENTED,
        enrolment_date=ENROLLED,
        today=TYPED_ON,
    )
    pid = enrolled.participant_id
    assert participant_record.get_summary(db, investigator, pid).enrolment_date == ENROLLED

    # The operation four days after the real enrolment (long before the day of typing).
    op_id = surgery.record_operation(
        db, investigator, pid, _operation(investigator.user_id), today=TYPED_ON
    )
    surgery.add_complication(
        db,
        investigator,
        op_id,
        ComplicationInput(
            category="pneumonia",
            onset_date=COMPLICATION,
            treatment=Treatment(other_drugs=True),
            resolved_date=RESOLVED,
        ),
        today=TYPED_ON,
    )
    visits = {v.code: v for v in followup.list_visits(db, coordinator, pid, TYPED_ON)}
    assert visits["M1"].target_date == dt.date(2025, 2, 13)  # one month after the operation
    # The visits done before the death, each on its own day in the past.
    for code in ("M1", "M3", "M6"):
        followup.record_visit(
            db, coordinator, visits[code].id, VisitRecord(visits[code].target_date), TYPED_ON
        )
    followup.record_events(
        db, coordinator, pid, [Finding("death", DIED, cause="progressive disease")], TYPED_ON
    )

    with db.session() as s:
        p = s.get(Participant, pid)
        assert (p.status, p.enrolment_date, p.index_date) == ("deceased", ENROLLED, OPERATED)
        death = s.scalars(select(ClinicalEvent).where(ClinicalEvent.kind == "death")).one()
        assert death.event_date == DIED
        statuses = dict(
            s.execute(select(Visit.code, Visit.status).where(Visit.participant_id == pid)).all()
        )
    assert [statuses[c] for c in ("M1", "M3", "M6")] == ["done"] * 3
    assert statuses["M9"] == "cancelled"  # due after the death
    outcome = surgery.surgical_record(db, investigator, pid).index_operation.outcomes
    assert outcome is not None and outcome.morbidity_90d is True
    endpoints = followup.participant_endpoints(db, coordinator, pid)
    assert endpoints.overall_survival.event and endpoints.overall_survival.end_date == DIED


@pytest.mark.parametrize(
    ("enrolled_on", "named"),
    [
        (dt.date(2025, 1, 5), "screening date"),  # before screening
        (dt.date(2025, 1, 7), "consent date"),  # before consent
        (dt.date(2026, 11, 30), "future"),  # after the day of typing
    ],
)
def test_the_enrolment_date_is_checked_against_the_dates_entered(
    db, investigator, enrolled_on, named
):
    with pytest.raises(ValidationError) as err:
        enrolment.screen_and_enrol(
            db,
            investigator,
            _identity(),
            enrolment.eligible_screening(SCREENED),
            cohort="hepatectomy",
            consent_date=CONSENTED,
            enrolment_date=enrolled_on,
            today=TYPED_ON,
        )
    assert err.value.field == "enrolment_date"
    assert named in str(err.value)
    with db.session() as s:
        assert s.scalar(select(Participant.id)) is None  # nothing half-saved


def test_enrol_takes_the_enrolment_date_too(db, investigator):
    screened = enrolment.screen(
        db, investigator, _identity(), enrolment.eligible_screening(SCREENED), today=TYPED_ON
    )
    result = enrolment.enrol(
        db,
        investigator,
        screened.participant_id,
        cohort="hepatectomy",
        consent_date=CONSENTED,
        enrolment_date=ENROLLED,
        today=TYPED_ON,
    )
    summary = participant_record.get_summary(db, investigator, result.participant_id)
    assert summary.enrolment_date == ENROLLED


def test_grade_v_needs_the_death_date_entered(db, investigator):
    pid = enrolment.screen_and_enrol(
        db,
        investigator,
        _identity(),
        enrolment.eligible_screening(SCREENED),
        cohort="hepatectomy",
        consent_date=CONSENTED,
        enrolment_date=ENROLLED,
        today=TYPED_ON,
    ).participant_id
    op_id = surgery.record_operation(
        db, investigator, pid, _operation(investigator.user_id), today=TYPED_ON
    )
    died = ComplicationInput(
        category="liver_failure",
        isgls_grade="C",
        onset_date=COMPLICATION,
        treatment=Treatment(died=True),
    )
    with pytest.raises(ValidationError) as err:
        surgery.add_complication(db, investigator, op_id, died, today=TYPED_ON)
    assert err.value.field == "death_date"  # not silently the onset date
    died.death_date = dt.date(2025, 1, 25)
    surgery.add_complication(db, investigator, op_id, died, today=TYPED_ON)
    with db.session() as s:
        death = s.scalars(select(ClinicalEvent).where(ClinicalEvent.kind == "death")).one()
        assert death.event_date == dt.date(2025, 1, 25)


def test_correcting_the_enrolment_date_is_audited_and_checked(db, investigator):
    pid = enrolment.screen_and_enrol(
        db,
        investigator,
        _identity(),
        enrolment.eligible_screening(SCREENED),
        cohort="hepatectomy",
        consent_date=CONSENTED,
        today=TYPED_ON,
    ).participant_id
    # Entered without a date on the day of typing: corrected to the real day, with a reason.
    assert participant_record.get_summary(db, investigator, pid).enrolment_date == TYPED_ON
    participant_record.update_enrolment_dates(
        db,
        investigator,
        pid,
        consent_date=CONSENTED,
        enrolment_date=ENROLLED,
        index_date=None,
        reason="date from the paper CRF",
        today=TYPED_ON,
    )
    assert participant_record.get_summary(db, investigator, pid).enrolment_date == ENROLLED
    surgery.record_operation(
        db, investigator, pid, _operation(investigator.user_id), today=TYPED_ON
    )
    with pytest.raises(ValidationError) as err:
        participant_record.update_enrolment_dates(
            db,
            investigator,
            pid,
            consent_date=CONSENTED,
            enrolment_date=dt.date(2025, 1, 20),
            index_date=None,
            reason="typo",
            today=TYPED_ON,
        )
    assert err.value.field == "enrolment_date" and "operation" in str(err.value)
    with db.session() as s:
        row = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "participant",
                AuditEvent.field == "enrolment_date",
                AuditEvent.old_value.is_not(None),
            )
        ).one()
        assert (row.old_value, row.new_value, row.reason) == (
            f'"{TYPED_ON.isoformat()}"',
            f'"{ENROLLED.isoformat()}"',
            "date from the paper CRF",
        )


def test_moving_the_systemic_index_date_replans_only_open_visits(db, investigator, coordinator):
    started = dt.date(2025, 1, 13)
    pid = enrolment.screen_and_enrol(
        db,
        investigator,
        _identity(),
        enrolment.eligible_screening(SCREENED),
        cohort="systemic",
        consent_date=CONSENTED,
        enrolment_date=ENROLLED,
        index_date=started,
        systemic_lines=[SystemicLine(1, "GP", started, None, None, True)],
        today=TYPED_ON,
    ).participant_id
    visits = {v.code: v for v in followup.list_visits(db, coordinator, pid, TYPED_ON)}
    followup.record_visit(
        db, coordinator, visits["M1"].id, VisitRecord(dt.date(2025, 2, 14)), TYPED_ON
    )
    moved = participant_record.update_enrolment_dates(
        db,
        investigator,
        pid,
        consent_date=CONSENTED,
        enrolment_date=ENROLLED,
        index_date=dt.date(2025, 1, 20),
        reason="first cycle given a week later (paper file)",
        today=TYPED_ON,
    )
    assert moved["moved"] == len(visits) - 1  # every open visit, not the done M1
    after = {v.code: v for v in followup.list_visits(db, coordinator, pid, TYPED_ON)}
    assert (after["M1"].status, after["M1"].actual_date) == ("done", dt.date(2025, 2, 14))
    assert after["M1"].target_date == visits["M1"].target_date
    assert after["M3"].target_date == dt.date(2025, 4, 20)

"""The follow-up forms (visit, clinical_event): the definitions, and that the follow-up
services refuse exactly what they define, naming the input."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect

from nclm_desktop.clinical import load_protocol
from nclm_desktop.forms import Kind
from nclm_desktop.forms.catalogue import all_forms, form
from nclm_desktop.models import ClinicalEvent, Visit
from nclm_desktop.services import followup as fu
from nclm_desktop.services.errors import ValidationError
from tests.followup.conftest import TODAY, add_participant

D = dt.date
VISIT = form("visit")
EVENT = form("clinical_event")
INTERNAL = {"id", "participant_id", "visit_id", "complication_id"}


@pytest.fixture
def m1(db, investigator, coordinator) -> int:
    pid = add_participant(db, investigator, "NCLM-H-001", D(2025, 1, 6))
    return next(v.id for v in fu.list_visits(db, coordinator, pid, TODAY) if v.code == "M1")


def test_both_forms_are_in_the_catalogue_and_cover_their_tables():
    assert {"visit", "clinical_event"} <= set(all_forms())
    for f, model in ((VISIT, Visit), (EVENT, ClinicalEvent)):
        columns = {c.key for c in inspect(model).columns}
        assert f.table == model.__tablename__
        assert {x.variable for x in f.fields} == columns - INTERNAL


def test_the_schedule_columns_are_derived_and_the_findings_typed():
    derived = {f.name for f in VISIT.fields if f.derived}
    assert {"code", "month", "target_date", "window_start", "window_end"} <= derived
    assert {"assessments_planned", "status", "deviation"} <= derived
    assert [c.code for c in VISIT["assessments_done"].choices] == [
        a.code for a in load_protocol().schedule.assessments
    ]
    assert VISIT["ecog"].codes() == (0, 1, 2, 3, 4)
    assert VISIT["ebv_dna_copies_ml"].unit == "copies/mL"
    assert VISIT["scheduled_date"].not_future is False  # a booking lies ahead
    assert EVENT["kind"].codes() == fu.EVENT_KINDS and "death" in fu.EVENT_KINDS
    assert EVENT["cause"].is_required({"kind": "death"})
    assert not EVENT["cause"].is_required({"kind": "withdrawal"})
    assert EVENT["site"].is_required({"kind": "extrahepatic_recurrence"})
    assert EVENT["event_date"].kind is Kind.DATE


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ecog": 5}, "ecog"),
        ({"ecog": True}, "ecog"),
        ({"ebv_dna_copies_ml": -1}, "ebv_dna_copies_ml"),
        ({"ebv_dna_copies_ml": 2e9}, "ebv_dna_copies_ml"),
        ({"liver_imaging_result": "great"}, "liver_imaging_result"),
        ({"assessments_done": ["x_ray"]}, "assessments_done"),
        ({"notes": "a\x00b"}, "notes"),
        ({"actual_date": D(2025, 6, 19)}, "actual_date"),
        ({"actual_date": None}, "actual_date"),
        ({"findings": [fu.Finding("death", D(2025, 2, 7))]}, "death_cause"),
        ({"findings": [fu.Finding("extrahepatic_recurrence", D(2025, 2, 7))]},
         "extrahepatic_recurrence_site"),
        ({"findings": [fu.Finding("withdrawal", None)]}, "withdrawal_date"),
        ({"findings": [fu.Finding("last_contact_alive", D(2025, 6, 19))]},
         "last_contact_alive_date"),
        ({"findings": [fu.Finding("intrahepatic_recurrence", D(2025, 2, 7), confirmed_by="x")]},
         "intrahepatic_recurrence_confirmed_by"),
        ({"findings": [fu.Finding("relapse", D(2025, 2, 7))]}, "kind"),
    ],
)  # fmt: skip
def test_the_service_refuses_what_the_forms_refuse(db, coordinator, m1, changes, field):
    values = {"actual_date": D(2025, 2, 7), **changes}
    record = fu.VisitRecord(**values)
    with pytest.raises(ValidationError) as err:
        fu.record_visit(db, coordinator, m1, record, TODAY)
    assert err.value.field == field
    # The form says the same of the visit's own inputs.
    own = {k: v for k, v in values.items() if k != "findings"}
    if field in own:
        with pytest.raises(ValidationError) as by_form:
            VISIT.clean(own, today=TODAY, only=list(own))
        assert by_form.value.field == field
    assert fu.get_visit(db, coordinator, m1, TODAY).status == "planned"


def test_a_good_visit_is_stored_as_the_form_cleans_it(db, coordinator, m1):
    record = fu.VisitRecord(
        D(2025, 2, 7),
        assessments_done=["ecog", "history_exam", "ecog"],
        ecog=1,
        ebv_dna_copies_ml=1500,
        notes="  well  ",
    )
    fu.record_visit(db, coordinator, m1, record, TODAY)
    row = fu.get_visit(db, coordinator, m1, TODAY)
    assert row.assessments_done == ("history_exam", "ecog")  # once each, in protocol order
    assert (row.ecog, row.ebv_dna_copies_ml, row.notes) == (1, 1500.0, "well")
    assert VISIT.format("ebv_dna_copies_ml", row.ebv_dna_copies_ml) == "1500 copies/mL"
    assert VISIT.format("ecog", row.ecog).startswith("1 –")


def test_a_reschedule_reason_is_checked_by_the_visit_form(db, coordinator, m1):
    with pytest.raises(ValidationError) as err:
        fu.reschedule_visit(db, coordinator, m1, D(2025, 3, 30), "x" * 1001)
    assert err.value.field == "deviation_reason"
    with pytest.raises(ValidationError) as err:
        fu.reschedule_visit(db, coordinator, m1, None, None)  # type: ignore[arg-type]
    assert err.value.field == "scheduled_date"

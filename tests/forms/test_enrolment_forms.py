"""The screening, identity, participant, baseline and treatment-line definitions: they load,
their choices are the clinical code lists and the model's, and the services refuse bad
input through them, naming the field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import inspect, select

from nclm_desktop.clinical import (
    ASCITES_CHOICES,
    ENCEPHALOPATHY_CHOICES,
    METASTATIC_SITES,
    RECIST_RESPONSES,
    RESPONSES,
    to_canonical,
)
from nclm_desktop.forms import Identifier, Kind, ValidationError
from nclm_desktop.forms.catalogue import FORM_MODULES, all_forms, form
from nclm_desktop.models import (
    BaselineDisease,
    Participant,
    ParticipantIdentity,
    Screening,
    SystemicTreatment,
)
from nclm_desktop.models.participants import COHORTS, STATUSES
from nclm_desktop.services import baseline as baseline_service
from nclm_desktop.services.baseline import BaselineInput
from nclm_desktop.services.enrolment import (
    IdentityInput,
    SystemicLine,
    eligible_screening,
    screen,
    screen_and_enrol,
)
from nclm_desktop.services.screening import lab_limits

TODAY = dt.date(2026, 11, 29)
OURS = {
    "screening": Screening,
    "participant_identity": ParticipantIdentity,
    "participant": Participant,
    "baseline_disease": BaselineDisease,
    "systemic_treatment": SystemicTreatment,
}
INTERNAL = {"id", "participant_id", "screener_id", "created_utc"}


def test_the_forms_are_in_the_catalogue():
    for module in ("screening", "identity", "enrolment", "baseline", "systemic_line"):
        assert module in FORM_MODULES
    assert set(OURS) <= set(all_forms())


@pytest.mark.parametrize("name", sorted(OURS))
def test_every_column_has_a_field_and_every_field_a_column(name):
    f = form(name)
    columns = {c.key for c in inspect(OURS[name]).columns}
    assert f.table == OURS[name].__tablename__
    assert {x.variable for x in f.fields} == columns - INTERNAL


def test_choices_are_the_clinical_and_model_code_lists():
    s = form("screening")
    assert s["metastatic_sites"].codes() == METASTATIC_SITES
    assert s["response_outside_liver"].codes() == RESPONSES
    assert s["ascites"].codes() == ASCITES_CHOICES
    assert s["encephalopathy"].codes() == ENCEPHALOPATHY_CHOICES
    assert s["ecog"].codes() == (0, 1, 2, 3, 4, 5)
    assert form("systemic_treatment")["best_response"].codes() == RECIST_RESPONSES
    p = form("participant")
    assert p["cohort"].codes() == COHORTS
    assert p["status"].codes() == STATUSES


def test_identifiers_are_flagged():
    ident = form("participant_identity")
    assert {f.identifier for f in ident.fields} == {Identifier.DIRECT}
    assert form("participant")["birth_date"].identifier is Identifier.QUASI
    assert form("screening")["age_at_screening"].derived


def test_lab_units_convert_with_the_clinical_factors():
    s = form("screening")
    bili, alb = s["bilirubin_value"], s["albumin_value"]
    assert bili.to_unit(2.0, "mg/dL") == pytest.approx(to_canonical("bilirubin", 2.0, "mg/dL"))
    assert alb.to_unit(4.0, "g/dL") == pytest.approx(to_canonical("albumin", 4.0, "g/dL"))
    assert s["bilirubin_unit"].codes() == ("µmol/L", "mg/dL")
    assert lab_limits(bili, "µmol/L") == (1.0, 1000.0)
    assert lab_limits(bili, "mg/dL") == (0.0585, 58.5)
    assert lab_limits(alb, "g/dL") == (1.0, 6.0)


def test_the_baseline_service_limits_are_the_definitions():
    b = form("baseline_disease")
    assert b["t_stage"].codes() == baseline_service.T_STAGES
    assert tuple(range(1, 9)) == baseline_service.SEGMENTS
    assert b["liver_met_count"].kind is Kind.INTEGER
    assert (b["liver_met_count"].hard.lo, b["liver_met_count"].hard.hi) == (1, 50)
    assert b["liver_met_largest_mm"].hard.hi == 300
    assert b["ebv_dna_copies_ml"].hard.hi == 1e9


def identity(**changes):
    base = IdentityInput("Zhang San", "H100", "M", dt.date(1970, 5, 1), "138 0000 0000")
    return replace(base, **changes)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "Name is required"),
        ({"name": "x" * 201}, "name", "at most 200 characters"),
        ({"hospital_record_number": "H\x00"}, "hospital_record_number", "control character"),
        ({"phone": "1" * 41}, "phone", "at most 40"),
        ({"sex": "X"}, "sex", "must be one of M, F"),
        ({"birth_date": TODAY + dt.timedelta(days=1)}, "birth_date", "in the future"),
    ],
)
def test_bad_identity_is_refused_through_the_forms(db, surgeon, changes, field, words):
    with pytest.raises(ValidationError) as caught:
        screen(db, surgeon, identity(**changes), eligible_screening(TODAY), today=TODAY)
    assert caught.value.field == field and words in str(caught.value)
    with db.session() as s:
        assert s.scalars(select(Participant)).all() == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"bilirubin_value": 60.0, "bilirubin_unit": "mg/dL"}, "bilirubin_value", "58.5 mg/dL"),
        ({"bilirubin_unit": "mmol/L"}, "bilirubin_unit", "µmol/L, mg/dL"),
        ({"albumin_value": None}, "albumin_value", "Albumin is required"),
        ({"ascites": "severe"}, "ascites", "must be one of none, mild, moderate"),
        ({"metastatic_sites": frozenset({"brain"})}, "metastatic_sites", "must be one of"),
        ({"notes": "x" * 2001}, "notes", "at most 2000"),
    ],
)
def test_bad_screening_is_refused_through_the_form(db, surgeon, changes, field, words):
    with pytest.raises(ValidationError) as caught:
        screen(db, surgeon, identity(), eligible_screening(TODAY, **changes), today=TODAY)
    assert caught.value.field == field and words in str(caught.value)


def test_a_woman_must_answer_pregnancy_a_man_need_not(db, surgeon):
    no_answer = eligible_screening(TODAY, pregnant_or_lactating=None)
    with pytest.raises(ValidationError) as caught:
        screen(db, surgeon, identity(sex="F"), no_answer, today=TODAY)
    assert caught.value.field == "pregnant_or_lactating"
    assert screen(db, surgeon, identity(), no_answer, today=TODAY).verdict == "eligible"


@pytest.mark.parametrize(
    ("baseline", "field", "words"),
    [
        (BaselineInput(liver_met_count=0), "liver_met_count", "between 1 and 50"),
        (BaselineInput(liver_met_largest_mm=301), "liver_met_largest_mm", "between 1 and 300 mm"),
        (BaselineInput(t_stage="T5"), "t_stage", "must be one of TX, T0"),
        (BaselineInput(liver_met_segments=frozenset({9})), "liver_met_segments", "one of 1, 2"),
        (
            BaselineInput(npc_diagnosis_date=dt.date(1960, 1, 1)),
            "npc_diagnosis_date",
            "before the birth date",
        ),
    ],
)
def test_bad_baseline_is_refused_through_the_form(db, surgeon, baseline, field, words):
    with pytest.raises(ValidationError) as caught:
        screen(db, surgeon, identity(), eligible_screening(TODAY), baseline=baseline, today=TODAY)
    assert caught.value.field == field and words in str(caught.value)


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        ([SystemicLine(21, "GP")], "Line must be between 1 and 20"),
        ([SystemicLine(1, " ")], "Regimen is required"),
        ([SystemicLine(1, "GP", best_response="XX")], "must be one of CR, PR, SD, PD"),
        (
            [SystemicLine(1, "GP", dt.date(2026, 5, 1), dt.date(2026, 4, 1))],
            "End (2026-04-01) is before the start date",
        ),
        ([SystemicLine(1, "GP"), SystemicLine(1, "TP")], "entered twice"),
    ],
)
def test_bad_treatment_lines_are_refused_naming_the_line(db, surgeon, lines, words):
    with pytest.raises(ValidationError) as caught:
        screen_and_enrol(
            db,
            surgeon,
            identity(),
            eligible_screening(TODAY),
            cohort="hepatectomy",
            consent_date=TODAY,
            systemic_lines=lines,
            today=TODAY,
        )
    assert caught.value.field == "systemic_lines" and words in str(caught.value)


def test_systemic_cohort_needs_its_index_date(db, surgeon):
    with pytest.raises(ValidationError) as caught:
        screen_and_enrol(
            db,
            surgeon,
            identity(),
            eligible_screening(TODAY),
            cohort="systemic",
            consent_date=TODAY,
            systemic_lines=[SystemicLine(1, "GP", TODAY)],
            today=TODAY,
        )
    assert caught.value.field == "index_date"
    assert "in the systemic-only cohort" in str(caught.value)

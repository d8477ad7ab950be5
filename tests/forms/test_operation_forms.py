"""The surgery forms of the data dictionary: they load, they map to the model's columns, and
the surgery services enforce exactly their limits and choices (no second copy)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from nclm_desktop.clinical import CLAVIEN_DINDO_GRADES, COMPLICATION_CATEGORIES, ISGLS_GRADES
from nclm_desktop.forms import Kind, ValidationError
from nclm_desktop.forms.catalogue import FORM_MODULES, form
from nclm_desktop.models import Base
from nclm_desktop.services import surgery
from nclm_desktop.services.surgery import (
    ComplicationInput,
    OperationInput,
    ReoperationInput,
    Treatment,
)

TODAY = dt.date(2024, 6, 30)
ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)
SURGERY_FORMS = ("operation", "operation_team", "complication", "reoperation")


def good_operation(**changes) -> OperationInput:
    data = OperationInput(
        operation_date=OPERATED,
        surgeon_ids=[7],
        approach="open",
        segments=[5, 6, 7, 8],
        anatomical=True,
        duration_min=240,
        pringle_count=2,
        pringle_total_min=30,
        discharge_date=dt.date(2024, 3, 22),
    )
    return dataclasses.replace(data, **changes)


def check_operation(data: OperationInput) -> dict:
    return surgery.validate_operation(data, enrolment_date=ENROLLED, today=TODAY)


def check_complication(data: ComplicationInput) -> str:
    return surgery.validate_complication(
        data, operation_date=OPERATED, discharge_date=dt.date(2024, 3, 22), today=TODAY
    )


def test_the_surgery_forms_load_and_map_to_their_tables():
    tables = Base.metadata.tables
    for name in SURGERY_FORMS:
        assert name in FORM_MODULES
        f = form(name)
        columns = set(tables[f.table].columns.keys())
        for field in f.fields:
            assert field.variable in columns, (name, field.name)
    operation = form("operation")
    # Every column of the operation table but its keys is defined.
    assert columns_of("operation") - {"id", "participant_id"} == {
        fl.variable for fl in operation.fields
    }
    assert columns_of("reoperation") - {"id", "operation_id"} == {
        fl.variable for fl in form("reoperation").fields
    }
    assert columns_of("complication") - {"id", "operation_id"} == {
        fl.variable for fl in form("complication").fields
    }
    derived = {fl.name for fl in operation.fields if not fl.is_input}
    assert derived == {"resection_name", "major"}


def columns_of(table: str) -> set[str]:
    return set(Base.metadata.tables[table].columns.keys())


def test_choices_are_the_clinical_and_service_ones():
    assert surgery.APPROACHES == ("open", "laparoscopic", "robotic")
    assert surgery.R_STATUSES == ("R0", "R1", "R2")
    comp = form("complication")
    assert comp["category"].codes() == tuple(COMPLICATION_CATEGORIES)
    assert comp["clavien_dindo"].codes() == CLAVIEN_DINDO_GRADES
    assert comp["isgls_grade"].codes() == ISGLS_GRADES
    assert form("operation")["segments"].codes() == tuple(range(1, 9))


NUMBERS = [f for f in form("operation").inputs if f.kind in (Kind.INTEGER, Kind.DECIMAL)]


@pytest.mark.parametrize("field", NUMBERS, ids=lambda f: f.name)
def test_the_service_enforces_each_numeric_limit_of_the_dictionary(field):
    """The limits live in the definitions: the edges pass, one step beyond is refused."""
    step = 1 if field.kind is Kind.INTEGER else 0.05
    lo, hi = field.hard.lo, field.hard.hi
    # Pringle time needs a count and must fit in the duration: keep those consistent.
    base = {"duration_min": 24 * 60} if field.name == "pringle_total_min" else {}
    if field.name == "pringle_count":
        base = {"pringle_total_min": None}
    if field.name == "duration_min":
        base = {"pringle_total_min": None}
    for ok in (lo, hi):
        assert check_operation(good_operation(**{**base, field.name: ok}))[field.name] == ok
    for bad in (lo - step, hi + step):
        with pytest.raises(ValidationError) as err:
            check_operation(good_operation(**{**base, field.name: bad}))
        assert err.value.field == field.name and f"{hi:g}" in str(err.value)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"operation_date": None}, "operation_date"),
        ({"operation_date": dt.datetime(2024, 3, 12, 8, 0)}, "operation_date"),
        ({"operation_date": ENROLLED - dt.timedelta(days=1)}, "operation_date"),
        ({"surgeon_ids": []}, "surgeons"),
        ({"approach": ""}, "approach"),
        ({"segments": [0]}, "segments"),
        ({"segments": [True]}, "segments"),
        ({"anatomical": None}, "anatomical"),
        ({"duration_min": 90.5}, "duration_min"),
        ({"blood_loss_ml": float("nan")}, "blood_loss_ml"),
        ({"pringle_count": 0, "pringle_total_min": 10}, "pringle_count"),
        ({"r_status": "RX"}, "r_status"),
        ({"pathology_confirms_npc": "yes"}, "pathology_confirms_npc"),
        ({"discharge_date": OPERATED - dt.timedelta(days=1)}, "discharge_date"),
        ({"discharge_date": TODAY + dt.timedelta(days=1)}, "discharge_date"),
        ({"notes": "a\x00b"}, "notes"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_bad_operation_input_names_its_field(changes, field):
    with pytest.raises(ValidationError) as err:
        check_operation(good_operation(**changes))
    assert err.value.field == field and not err.value.soft


def test_a_true_past_date_and_stripped_text_are_stored():
    values = check_operation(good_operation(operation_date=dt.date(2024, 3, 1), notes="  ok "))
    assert values["operation_date"] == dt.date(2024, 3, 1) and values["notes"] == "ok"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ComplicationInput(category="", onset_date=OPERATED), "category"),
        (ComplicationInput(category="other", onset_date=OPERATED), "other_text"),
        (ComplicationInput(category="ascites", onset_date=None), "onset_date"),
        (ComplicationInput(category="ascites", onset_date=dt.date(2024, 3, 11)), "onset_date"),
        (
            ComplicationInput("ascites", OPERATED, treatment=Treatment(intervention="x")),
            "intervention",
        ),
        (
            ComplicationInput("ascites", OPERATED, treatment=Treatment(icu=True)),
            "organ_dysfunction",
        ),
        (ComplicationInput("ascites", OPERATED, clavien_dindo="VI"), "clavien_dindo"),
        (ComplicationInput("ascites", OPERATED, clavien_dindo="II"), "grade_override_reason"),
        (ComplicationInput("bile_leakage", OPERATED), "isgls_grade"),
        (ComplicationInput("ascites", OPERATED, isgls_grade="A"), "isgls_grade"),
        (
            ComplicationInput("ascites", OPERATED, resolved_date=dt.date(2024, 3, 1)),
            "resolved_date",
        ),
        (
            ComplicationInput("ascites", OPERATED, treatment=Treatment(died=True)),
            "death_date",
        ),
        (
            ComplicationInput(
                "ascites", OPERATED, treatment=Treatment(died=True), death_date=OPERATED
            ),
            "death_date",  # before the discharge
        ),
    ],
)
def test_bad_complication_input_names_its_field(data, field):
    with pytest.raises(ValidationError) as err:
        check_complication(data)
    assert err.value.field == field


def test_the_proposed_grade_comes_back():
    data = ComplicationInput("ascites", OPERATED, treatment=Treatment(intervention="under_ga"))
    assert check_complication(data) == "IIIb"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ReoperationInput(None, False, "abscess"), "reoperation_date"),
        (ReoperationInput(dt.date(2024, 3, 11), False, "abscess"), "reoperation_date"),
        (ReoperationInput(OPERATED, None, "abscess"), "planned"),
        (ReoperationInput(OPERATED, 1, "abscess"), "planned"),  # type: ignore[arg-type]
        (ReoperationInput(OPERATED, True, "  "), "reason"),
    ],
)
def test_bad_reoperation_input_names_its_field(data, field):
    with pytest.raises(ValidationError) as err:
        surgery.validate_reoperation(data, operation_date=OPERATED, today=TODAY)
    assert err.value.field == field

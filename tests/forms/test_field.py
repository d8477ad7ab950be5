"""The data dictionary's field rules: typed input in, stored value or a named error out."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.forms import (
    AltUnit,
    Field,
    Form,
    Kind,
    Range,
    ValidationError,
    When,
    choices,
)

TODAY = dt.date(2026, 11, 29)

LESION = Field(
    "largest_lesion_mm",
    "Largest lesion",
    Kind.DECIMAL,
    unit="mm",
    decimals=1,
    hard=Range(0, 300),
    soft=Range(1, 200),
)
COUNT = Field("pringle_count", "Pringle manoeuvres", Kind.INTEGER, hard=Range(0, 20))
WHEN = Field("operation_date", "Operation date", Kind.DATE, required=True)
APPROACH = Field(
    "approach",
    "Approach",
    Kind.CHOICE,
    choices=choices(("open", "Open"), ("laparoscopic", "Laparoscopic")),
)
SITES = Field("sites", "Sites", Kind.MULTI, choices=choices(("lung", "Lung"), ("bone", "Bone")))
NOTES = Field("notes", "Notes", Kind.TEXT, max_len=10, multiline=True)
BILI = Field(
    "bilirubin_value",
    "Bilirubin",
    Kind.DECIMAL,
    unit="µmol/L",
    alt_units=(AltUnit("mg/dL", 17.1),),
    unit_field="bilirubin_unit",
)


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        (LESION, "31.5", 31.5),
        (LESION, "31,5", 31.5),
        (LESION, 40, 40.0),
        (COUNT, "3", 3),
        (COUNT, 3.0, 3),
        (WHEN, "2026-11-01", dt.date(2026, 11, 1)),
        (WHEN, dt.date(2001, 2, 3), dt.date(2001, 2, 3)),
        (APPROACH, "open", "open"),
        (SITES, ["bone", "lung", "bone"], ["lung", "bone"]),
        (NOTES, "  two\nlines ", "two\nlines"),
        (NOTES, "   ", None),
        (LESION, None, None),
        (LESION, "", None),
    ],
)
def test_clean_accepts_and_normalises(field: Field, typed: object, stored: object) -> None:
    assert field.clean(typed, today=TODAY) == stored


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        (LESION, "abc", "must be a number"),
        (LESION, float("nan"), "must be a number"),
        (LESION, True, "must be a number"),
        (LESION, 301, "between 0 and 300 mm"),
        (COUNT, 2.5, "whole number"),
        (COUNT, -1, "between 0 and 20"),
        (WHEN, dt.date(2026, 11, 30), "cannot be in the future"),
        (WHEN, dt.datetime(2026, 1, 1), "calendar date"),
        (WHEN, dt.date(1899, 12, 31), "after 1900-01-01"),
        (WHEN, "1/2/2026", "YYYY-MM-DD"),
        (APPROACH, "robotic", "must be one of open, laparoscopic"),
        (SITES, "lung", "list of choices"),
        (NOTES, "x" * 11, "at most 10 characters"),
        (NOTES, "a\x00b", "control character"),
        (NOTES, "a\u202eb", "text-direction"),
    ],
)
def test_clean_refuses_naming_the_field(field: Field, typed: object, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        field.clean(typed, today=TODAY)
    assert caught.value.field == field.name
    assert words in str(caught.value)
    assert field.label in str(caught.value)


def test_soft_limit_asks_to_confirm_and_passes_when_confirmed() -> None:
    with pytest.raises(ValidationError) as caught:
        LESION.clean(250, today=TODAY)
    assert caught.value.soft and "confirm" in str(caught.value)
    assert LESION.clean(250, today=TODAY, confirmed=True) == 250.0


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        (LESION, 31.5, "31.5 mm"),  # the printed report once said "32 mm" here
        (LESION, 30.0, "30 mm"),
        (LESION, 31.54, "31.5 mm"),
        (COUNT, 3, "3"),
        (WHEN, dt.date(2026, 1, 2), "2026-01-02"),
        (APPROACH, "open", "Open"),
        (SITES, ["bone", "lung"], "Lung, Bone"),
        (LESION, None, "—"),
        (Field("ok", "OK", Kind.YESNO), False, "No"),
        (Field("flr", "FLR", Kind.DECIMAL, unit="%", decimals=0), 41.6, "42%"),
    ],
)
def test_format_uses_the_fields_precision_and_unit(field: Field, value: object, text: str) -> None:
    assert field.format(value) == text


def test_alternative_unit_converts_to_the_fields_unit() -> None:
    assert BILI.to_unit(2.0, "mg/dL") == pytest.approx(34.2)
    assert BILI.to_unit(20.0, "µmol/L") == 20.0
    with pytest.raises(ValidationError) as caught:
        BILI.to_unit(1.0, "mmol/L")
    assert caught.value.field == "bilirubin_unit"


def test_form_clean_checks_required_and_conditionally_required() -> None:
    other = Field(
        "other_text",
        "Description",
        Kind.TEXT,
        max_len=200,
        required=When("when the category is other", lambda v: v.get("approach") == "other"),
    )
    form = Form("demo", "Demo", "demo", (WHEN, APPROACH, other))
    with pytest.raises(ValidationError) as caught:
        form.clean({"approach": "open"}, today=TODAY)
    assert caught.value.field == "operation_date" and "is required" in str(caught.value)
    assert form.clean({"operation_date": TODAY, "approach": "open"}, today=TODAY) == {
        "operation_date": TODAY,
        "approach": "open",
        "other_text": None,
    }
    wide = Form(
        "demo",
        "Demo",
        "demo",
        (
            WHEN,
            Field(
                "approach",
                "Approach",
                Kind.CHOICE,
                choices=choices(("open", "Open"), ("other", "Other")),
            ),
            other,
        ),
    )
    with pytest.raises(ValidationError) as caught:
        wide.clean({"operation_date": TODAY, "approach": "other"}, today=TODAY)
    assert caught.value.field == "other_text"
    assert "when the category is other" in str(caught.value)


def test_duplicate_field_names_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        Form("demo", "Demo", "demo", (COUNT, COUNT))

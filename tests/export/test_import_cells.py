"""Import, one cell at a time: the raw text or typed xlsx value read as its field's value
(README, Import: the rules for cells). Every case is a row of a table: what was written,
what it means, or the words of the refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.forms.catalogue import form
from nclm_desktop.services.study_import.cells import parse_cell, parse_number, parse_row
from nclm_desktop.services.study_import.reading import export_columns
from nclm_desktop.services.study_import.source import CellError

D = dt.date
OK_CASES = [
    # (form, field, raw, value)
    # -- numbers: both separator conventions, decided, never guessed
    ("baseline_disease", "ebv_dna_copies_ml", "1,234.5", 1234.5),
    ("baseline_disease", "ebv_dna_copies_ml", "1.234,5", 1234.5),
    ("baseline_disease", "ebv_dna_copies_ml", "1,234,567", 1234567.0),
    ("baseline_disease", "ebv_dna_copies_ml", "1.234.567,25", 1234567.25),
    ("baseline_disease", "ebv_dna_copies_ml", "35,5", 35.5),  # a decimal comma
    ("baseline_disease", "ebv_dna_copies_ml", "1.234", 1.234),  # a dot is a decimal point
    ("baseline_disease", "ebv_dna_copies_ml", 1234.5, 1234.5),  # an xlsx number
    ("operation", "blood_loss_ml", "1,200.0", 1200),  # a whole number stays an int
    ("operation", "blood_loss_ml", "1,200", 1200),  # 1.200 is not a whole number
    # -- units written in the cell: the field's own, or an alternative, converted
    ("screening", "albumin_value", "35 g/L", 35.0),
    ("screening", "albumin_value", "35g/l", 35.0),
    ("screening", "albumin_value", "3.5 g/dL", 35.0),
    ("screening", "bilirubin_value", "1 mg/dL", 17.1),
    ("screening", "future_liver_remnant_pct", "40%", 40.0),
    ("operation", "blood_loss_ml", "300 mL", 300),
    # -- dates: ISO, other year-first forms, xlsx dates, Excel serial numbers
    ("operation", "operation_date", "2023-03-15", D(2023, 3, 15)),
    ("operation", "operation_date", " 2023/3/15 ", D(2023, 3, 15)),
    ("operation", "operation_date", "2023.03.15", D(2023, 3, 15)),
    ("operation", "operation_date", "2023年3月15日", D(2023, 3, 15)),
    ("operation", "operation_date", "2023-03-15 00:00:00", D(2023, 3, 15)),
    ("operation", "operation_date", "20230315", D(2023, 3, 15)),
    ("operation", "operation_date", "45000", D(2023, 3, 15)),  # a serial saved as text
    ("operation", "operation_date", 45000, D(2023, 3, 15)),  # a serial as an xlsx number
    ("operation", "operation_date", 45000.0, D(2023, 3, 15)),
    ("operation", "operation_date", 61, D(1900, 3, 1)),  # past Excel's 1900-02-29
    ("operation", "operation_date", dt.datetime(2023, 3, 15), D(2023, 3, 15)),  # typed
    # -- choices: the code, or the label in English or Chinese
    ("screening", "response_outside_liver", "PR", "PR"),
    ("screening", "response_outside_liver", "pr", "PR"),
    ("screening", "response_outside_liver", "Partial response (PR)", "PR"),
    ("screening", "response_outside_liver", "部分缓解 (PR)", "PR"),
    ("screening", "ecog", "1", 1),
    ("screening", "ecog", 1.0, 1),
    ("operation", "approach", "Laparoscopic", "laparoscopic"),
    ("reoperation", "planned", "1", True),  # a choice coded True/False, exported as 1/0
    ("reoperation", "planned", "0", False),
    # -- yes/no
    ("screening", "consent_signed", "1", True),
    ("screening", "consent_signed", "0", False),
    ("screening", "consent_signed", "yes", True),
    ("screening", "consent_signed", "No", False),
    ("screening", "consent_signed", "是", True),
    ("screening", "consent_signed", "否", False),
    ("screening", "consent_signed", True, True),
    ("screening", "consent_signed", 0, False),
    # -- multi-choice in one cell
    ("screening", "metastatic_sites", "liver, bone", ["liver", "bone"]),
    # -- blanks, text
    ("operation", "notes", None, None),
    ("operation", "notes", "   ", None),
    ("operation", "blood_loss_ml", "", None),
    ("operation", "notes", "  左半肝切除  ", "左半肝切除"),
    ("participant_identity", "hospital_record_number", 123456.0, "123456"),
]


@pytest.mark.parametrize(("form_name", "field", "raw", "value"), OK_CASES)
def test_a_cell_is_read_as_its_fields_value(form_name, field, raw, value):
    got = parse_cell(form(form_name)[field], raw)
    assert got == pytest.approx(value) if isinstance(value, float) else got == value
    assert type(got) is type(value)


REFUSED = [
    # (form, field, raw, words in the message)
    ("baseline_disease", "ebv_dna_copies_ml", "1,234", "ambiguous"),
    ("baseline_disease", "ebv_dna_copies_ml", "1,234", "1234 or 1.234"),
    ("operation", "blood_loss_ml", "1,000", "ambiguous"),  # 1000, or 1.000 = 1
    ("baseline_disease", "ebv_dna_copies_ml", "1.23,4.5", "separators"),
    ("baseline_disease", "ebv_dna_copies_ml", "12,34.5", "separators"),  # groups of 3 only
    ("baseline_disease", "ebv_dna_copies_ml", "1..2", "not a number"),
    ("baseline_disease", "ebv_dna_copies_ml", "abc", "not a number"),
    ("screening", "albumin_value", "35 mg/dL", "the unit must be one of g/L, g/dL"),
    ("screening", "inr", "1.2 g/L", "without a unit"),
    ("operation", "operation_date", "15/03/2023", "YYYY-MM-DD"),
    ("operation", "operation_date", "03/15/2023", "day-first or month-first"),
    ("operation", "operation_date", "2023-02-30", "not a calendar date"),
    ("operation", "operation_date", "next week", "not a date"),
    ("operation", "operation_date", 45000.5, "whole number"),
    ("operation", "operation_date", 999999, "not a date"),
    ("operation", "operation_date", dt.datetime(2023, 3, 15, 9, 30), "time of day"),
    ("screening", "response_outside_liver", "XX", "allowed codes: CR, PR, SD, PD"),
    ("screening", "ecog", "7", "allowed codes: 0, 1, 2, 3, 4, 5"),
    ("reoperation", "planned", "maybe", "allowed codes: 1, 0"),
    ("screening", "consent_signed", "maybe", "yes or no"),
    ("screening", "consent_signed", 2, "yes or no"),
    ("screening", "metastatic_sites", "liver, moon", "'moon' is not a choice"),
]


@pytest.mark.parametrize(("form_name", "field", "raw", "words"), REFUSED)
def test_a_bad_cell_is_refused_with_a_clear_message(form_name, field, raw, words):
    with pytest.raises(CellError) as err:
        parse_cell(form(form_name)[field], raw)
    assert words in str(err.value)


def test_a_problem_the_reader_found_is_raised_as_it_is():
    formula = CellError("a formula (=A1+1)")
    with pytest.raises(CellError) as err:
        parse_cell(form("operation")["blood_loss_ml"], formula)
    assert err.value is formula


@pytest.mark.parametrize(
    ("text", "value"),
    [("-1,5", -1.5), ("+2.25", 2.25), ("0,125", 0.125), ("1 234", None), ("1,2,3", None)],
)
def test_numbers_signs_and_what_is_not_a_number(text, value):
    if value is None:
        with pytest.raises(CellError):
            parse_number(text)
    else:
        assert parse_number(text) == value


def _row(table, **cells):
    columns = export_columns(table)
    return columns, {c.name: cells.get(c.name) for c in columns}


def test_a_row_undoes_the_exports_checkbox_columns():
    columns, cells = _row("operation", segments___2="1", segments___3="0", segments___5="1")
    values, errors = parse_row(columns, cells)
    assert errors == {}
    assert values["segments"] == [2, 5]


def test_a_value_with_another_unit_is_converted_and_its_unit_column_follows():
    columns, cells = _row("screening", albumin_value="3.5 g/dL", bilirubin_value="20")
    values, errors = parse_row(columns, cells)
    assert errors == {}
    assert values["albumin_value"] == pytest.approx(35.0)
    assert values["albumin_unit"] == "g/L"  # the value is now in g/L
    assert values["bilirubin_unit"] is None  # no unit written: the column decides (blank)


def test_a_unit_column_contradicting_the_cell_is_refused():
    columns, cells = _row("screening", albumin_value="3.5 g/dL", albumin_unit="g/L")
    _values, errors = parse_row(columns, cells)
    assert "contradicts" in errors["albumin_unit"]


def test_a_row_lists_every_bad_cell_not_the_first():
    columns, cells = _row(
        "operation", operation_date="31/12/2023", blood_loss_ml="lots", approach="by hand"
    )
    _values, errors = parse_row(columns, cells)
    assert set(errors) == {"operation_date", "blood_loss_ml", "approach"}


def test_a_refused_cell_in_the_users_language(qapp):
    """The report's messages are marked templates: Chinese in the interface, English on the
    command line (forms/errors.py)."""
    from nclm_desktop.ui import i18n

    field = form("screening")["albumin_value"]
    with pytest.raises(CellError) as err:
        parse_cell(field, "35 mg/dL")
    assert str(err.value) == "'35 mg/dL': the unit must be one of g/L, g/dL (got 'mg/dL')"
    i18n.install("zh_CN")
    try:
        assert str(err.value) == "'35 mg/dL'：单位必须是 g/L, g/dL 之一（填写的是 'mg/dL'）"
        _values, errors = parse_row(*_row("operation", approach="by hand"))
        assert errors["approach"].startswith("'by hand' 不是此列的选项（可用代码：open")
    finally:
        i18n.install("en")
    assert str(err.value).startswith("'35 mg/dL': the unit must be")

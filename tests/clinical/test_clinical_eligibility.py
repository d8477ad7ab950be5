"""Eligibility (NCT05771025 registration wording; thresholds from nclm-protocol-v1)."""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nclm_desktop.clinical import (
    ScreeningInput,
    age_in_years,
    evaluate_eligibility,
    load_protocol,
)
from nclm_desktop.clinical.screening_input import FIELD_LABELS

SCREENING = date(2026, 3, 1)

# A patient who meets everything through disease pattern 1.
ELIGIBLE = ScreeningInput(
    screening_date=SCREENING,
    birth_date=date(1970, 5, 20),
    ecog=1,
    nclm_confirmed=True,
    metastatic_sites=frozenset({"liver"}),
    primary_recurrence=False,
    liver_oligometastasis=True,
    response_outside_liver="not_applicable",
    progression_after_systemic=False,
    r0_resectable=True,
    bilirubin_umol_l=12,
    albumin_g_l=42,
    inr=1.0,
    ascites="none",
    encephalopathy="none",
    future_liver_remnant_pct=45,
    prior_local_liver_therapy=False,
    surgical_contraindication=False,
    expected_survival_ge_6_months=True,
    pregnant_or_lactating=False,
    other_malignancy=False,
    severe_mental_illness=False,
    understands_study=True,
    consent_signed=True,
)


def with_(**changes) -> ScreeningInput:
    return dataclasses.replace(ELIGIBLE, **changes)


def status(result, criterion_id):
    c = result.criterion(criterion_id)
    return c.status, c.reason


def test_reference_patient_is_eligible_with_every_criterion_met():
    result = evaluate_eligibility(ELIGIBLE)
    assert result.verdict == "eligible"
    assert result.disease_pattern == 1
    assert result.age_years == 55
    assert (result.child_pugh_points, result.child_pugh_grade) == (5, "A")
    assert result.protocol_version == load_protocol().version
    assert all(c.status == "met" for c in result.criteria)
    p = load_protocol()
    assert [c.id for c in result.criteria] == [c.id for c in p.eligibility.criteria]
    for c in result.criteria:
        text = p.eligibility.criterion(c.id)
        assert (c.kind, c.text_en, c.text_zh) == (text.kind, text.text_en, text.text_zh)
        assert c.reason


def test_stable_criterion_ids():
    ids = {c.id for c in evaluate_eligibility(ELIGIBLE).criteria}
    assert ids == {
        "inc_nclm_confirmed", "inc_ecog", "inc_disease_pattern", "inc_r0",
        "inc_liver_function", "inc_no_contraindication", "inc_expected_survival",
        "inc_consent", "exc_age", "exc_distant_metastasis", "exc_progression",
        "exc_local_liver_therapy", "exc_pregnancy", "exc_other_malignancy_mental",
        "exc_understanding",
    }  # fmt: skip


def test_nothing_recorded_is_incomplete_not_failed():
    result = evaluate_eligibility(ScreeningInput())
    assert result.verdict == "incomplete"
    assert {c.status for c in result.criteria} == {"missing"}
    assert status(result, "exc_age") == ("missing", "Not recorded: birth date, screening date")


def test_one_failure_among_missing_values_is_not_eligible():
    result = evaluate_eligibility(ScreeningInput(ecog=3))
    assert result.verdict == "not_eligible"
    assert status(result, "inc_ecog") == ("failed", "ECOG 3 is above 2")


# --- age: 18 to 70 in completed years on the screening date --------------------------------


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        (date(1955, 3, 2), ("met", "Age 70 on 2026-03-01 is within 18 to 70")),  # day before 71
        (date(1955, 3, 1), ("failed", "Age 71 on 2026-03-01 is above 70")),  # 71st birthday
        (date(2008, 3, 1), ("met", "Age 18 on 2026-03-01 is within 18 to 70")),  # 18th birthday
        (date(2008, 3, 2), ("failed", "Age 17 on 2026-03-01 is below 18")),  # day before 18
    ],
)
def test_age_limits(birth, expected):
    assert status(evaluate_eligibility(with_(birth_date=birth)), "exc_age") == expected


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2027, 2, 28), 70),  # born 29 Feb 1956: in a common year the birthday is 1 March
        (date(2027, 3, 1), 71),
        (date(2028, 2, 28), 71),
        (date(2028, 2, 29), 72),  # leap year: the birthday itself
    ],
)
def test_age_of_someone_born_on_29_february(on, age):
    assert age_in_years(date(1956, 2, 29), on) == age


def test_leap_day_birth_at_the_upper_age_limit():
    born = date(1956, 2, 29)
    day_before = evaluate_eligibility(with_(birth_date=born, screening_date=date(2027, 2, 28)))
    birthday = evaluate_eligibility(with_(birth_date=born, screening_date=date(2027, 3, 1)))
    assert day_before.criterion("exc_age").status == "met"
    assert birthday.criterion("exc_age").status == "failed"


def _birthday_in(year: int, birth: date) -> date:
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth.replace(year=year)


@given(
    st.integers(min_value=1904, max_value=2096).filter(calendar.isleap),
    st.integers(min_value=0, max_value=120 * 366),
)
def test_age_counts_birthdays_for_29_february_births(year, days_later):
    birth = date(year, 2, 29)
    on = birth + timedelta(days=days_later)
    expected = sum(1 for y in range(year + 1, on.year + 1) if _birthday_in(y, birth) <= on)
    assert age_in_years(birth, on) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_age_rises_by_one_exactly_on_each_birthday(birth):
    for years in (1, 18, 70, 71):
        birthday = _birthday_in(birth.year + years, birth)
        assert age_in_years(birth, birthday) == years
        assert age_in_years(birth, birthday - timedelta(days=1)) == years - 1


def test_age_refuses_date_before_birth():
    with pytest.raises(ValueError, match=re.escape("on (2000-01-01) must be on or after birth")):
        age_in_years(date(2001, 1, 1), date(2000, 1, 1))


# --- ECOG and liver function ------------------------------------------------------------


@pytest.mark.parametrize(("ecog", "result"), [(0, "met"), (2, "met"), (3, "failed")])
def test_ecog_limit(ecog, result):
    assert evaluate_eligibility(with_(ecog=ecog)).criterion("inc_ecog").status == result


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"future_liver_remnant_pct": 30},  # FLR exactly 30 % is enough (>= 30 %)
            ("met", "Child-Pugh A (5 points) and future liver remnant 30 % (30 % or more required)"),
        ),
        (
            {"future_liver_remnant_pct": 29.9},
            ("failed", "Future liver remnant 29.9 % is below 30 %"),
        ),
        (
            {"bilirubin_umol_l": 40, "albumin_g_l": 30, "inr": 1.8},  # 2 + 2 + 2 + 1 + 1
            ("failed", "Child-Pugh B (8 points); class A required"),
        ),
        (
            {"bilirubin_umol_l": 40},  # 6 points: still A
            ("met", "Child-Pugh A (6 points) and future liver remnant 45 % (30 % or more required)"),
        ),
        (
            {"bilirubin_umol_l": 40, "albumin_g_l": 30, "future_liver_remnant_pct": 20},
            ("failed", "Child-Pugh B (7 points); class A required; future liver remnant 20 % is below 30 %"),
        ),
        (
            {"albumin_g_l": None, "inr": None},  # cannot decide yet
            ("missing", "Not recorded: albumin, INR"),
        ),
        (
            {"bilirubin_umol_l": 60, "albumin_g_l": 25, "inr": None, "ascites": None},
            # 3 + 3 + at least 1 + 1 + 1 = 9: cannot be class A whatever is missing
            ("failed", "Child-Pugh at least 9 points from the recorded values, worse than class A; class A required"),
        ),
        (
            {"bilirubin_umol_l": None, "albumin_g_l": None, "inr": None, "ascites": None,
             "encephalopathy": None, "child_pugh_grade": "A"},
            ("met", "Child-Pugh A (as recorded) and future liver remnant 45 % (30 % or more required)"),
        ),
        (
            {"bilirubin_umol_l": None, "child_pugh_grade": "B"},
            ("failed", "Child-Pugh B (as recorded); class A required"),
        ),
        (
            {"future_liver_remnant_pct": None},
            ("missing", "Not recorded: future liver remnant"),
        ),
    ],
)  # fmt: skip
def test_liver_function(changes, expected):
    assert status(evaluate_eligibility(with_(**changes)), "inc_liver_function") == expected


def test_child_pugh_class_must_agree_with_values():
    with pytest.raises(ValueError, match="child_pugh_grade 'A' disagrees"):
        evaluate_eligibility(with_(bilirubin_umol_l=60, albumin_g_l=25, child_pugh_grade="A"))
    with pytest.raises(ValueError, match="child_pugh_grade 'A' disagrees"):
        evaluate_eligibility(
            with_(bilirubin_umol_l=60, albumin_g_l=25, inr=None, child_pugh_grade="A")
        )
    # Agreeing values and class are fine.
    assert evaluate_eligibility(with_(child_pugh_grade="A")).verdict == "eligible"


# --- disease patterns -------------------------------------------------------------------

PATTERN_2 = {
    "metastatic_sites": frozenset({"liver", "bone"}),
    "primary_recurrence": False,
    "liver_oligometastasis": None,
    "response_outside_liver": "SD",
}


@pytest.mark.parametrize(
    ("changes", "pattern", "reason"),
    [
        ({}, 1, "Pattern 1: no primary tumour recurrence, liver-only oligometastasis"),
        (
            PATTERN_2,
            2,
            "Pattern 2: bone and liver metastases without primary tumour recurrence, "
            "SD outside the liver",
        ),
        (
            PATTERN_2 | {"response_outside_liver": "CR", "liver_oligometastasis": False},
            2,
            "Pattern 2: bone and liver metastases without primary tumour recurrence, "
            "CR outside the liver",
        ),
        (
            {"primary_recurrence": True, "response_outside_liver": "PR"},
            3,
            "Pattern 3: primary tumour recurrence with liver metastases, PR outside the liver",
        ),
        (
            {
                "primary_recurrence": True,
                "metastatic_sites": frozenset({"liver", "bone"}),
                "response_outside_liver": "SD",
                "liver_oligometastasis": False,
            },
            3,
            "Pattern 3: primary tumour recurrence with liver and bone metastases, "
            "SD outside the liver",
        ),
    ],
)
def test_disease_patterns_met(changes, pattern, reason):
    result = evaluate_eligibility(with_(**changes))
    assert result.disease_pattern == pattern
    assert status(result, "inc_disease_pattern") == ("met", reason)
    assert result.verdict == "eligible"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"liver_oligometastasis": False},
            "No disease pattern fits: pattern 1: the liver disease is not oligometastatic; "
            "pattern 2: there are no bone metastases; "
            "pattern 3: the primary tumour has not recurred",
        ),
        (
            PATTERN_2 | {"response_outside_liver": "PD"},
            "No disease pattern fits: pattern 1: there are metastases outside the liver; "
            "pattern 2: the response outside the liver is PD (SD, PR or CR needed); "
            "pattern 3: the primary tumour has not recurred",
        ),
        (
            {"primary_recurrence": True, "response_outside_liver": "not_applicable"},
            "No disease pattern fits: pattern 1: the primary tumour has recurred; "
            "pattern 2: the primary tumour has recurred; "
            "pattern 3: the response outside the liver is not assessable (SD, PR or CR needed)",
        ),
        (
            {"metastatic_sites": frozenset({"bone"})},
            "No disease pattern fits: pattern 1: no liver metastasis is recorded; "
            "pattern 2: no liver metastasis is recorded; "
            "pattern 3: the primary tumour has not recurred",
        ),
    ],
)
def test_disease_patterns_failed(changes, reason):
    result = evaluate_eligibility(with_(**changes))
    assert result.disease_pattern is None
    assert status(result, "inc_disease_pattern") == ("failed", reason)
    assert result.verdict == "not_eligible"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"liver_oligometastasis": None},  # only pattern 1 is still possible
            "Not recorded: whether the liver disease is oligometastatic",
        ),
        (
            {"metastatic_sites": None},
            "Not recorded: metastatic sites",
        ),
        (
            {"primary_recurrence": None, "response_outside_liver": None},
            "Not recorded: whether the primary tumour has recurred, response outside the liver",
        ),
    ],
)
def test_disease_pattern_missing(changes, reason):
    result = evaluate_eligibility(with_(**changes))
    assert status(result, "inc_disease_pattern") == ("missing", reason)


# --- exclusions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "criterion_id", "expected"),
    [
        (
            {"metastatic_sites": frozenset({"liver", "lung", "distant_lymph_node"})},
            "exc_distant_metastasis",
            ("failed", "Metastasis outside liver and bone: lung, distant lymph nodes"),
        ),
        (
            {"metastatic_sites": frozenset({"liver", "bone"})},
            "exc_distant_metastasis",
            ("met", "Metastases only in liver and bone"),
        ),
        (
            {"progression_after_systemic": True},
            "exc_progression",
            (
                "failed",
                "Disease progressed (PD) after systemic treatment of the primary tumour and "
                "bone metastases",
            ),
        ),
        (
            {"progression_after_systemic": None, "response_outside_liver": "PD"},
            "exc_progression",
            ("failed", "Response outside the liver is progressive disease (PD)"),
        ),
        (
            {"progression_after_systemic": None},
            "exc_progression",
            ("missing", "Not recorded: progression after systemic treatment"),
        ),
        (
            {"prior_local_liver_therapy": True},
            "exc_local_liver_therapy",
            ("failed", "Liver metastases already treated locally (for example TACE or ablation)"),
        ),
        ({"pregnant_or_lactating": True}, "exc_pregnancy", ("failed", "Pregnant or breastfeeding")),
        (
            {"other_malignancy": True, "severe_mental_illness": None},
            "exc_other_malignancy_mental",
            ("failed", "History of another malignant tumour"),
        ),
        (
            {"other_malignancy": True, "severe_mental_illness": True},
            "exc_other_malignancy_mental",
            ("failed", "History of another malignant tumour and severe mental illness"),
        ),
        (
            {"severe_mental_illness": None},
            "exc_other_malignancy_mental",
            ("missing", "Not recorded: severe mental illness"),
        ),
        (
            {"understands_study": False},
            "exc_understanding",
            ("failed", "The patient or family cannot understand the study"),
        ),
        ({"nclm_confirmed": False}, "inc_nclm_confirmed", ("failed", "NCLM not confirmed by pathology, or by imaging with the clinical history")),
        ({"r0_resectable": False}, "inc_r0", ("failed", "Liver lesions cannot be removed by R0 resection")),
        ({"surgical_contraindication": True}, "inc_no_contraindication", ("failed", "Contraindication to surgery found")),
        ({"expected_survival_ge_6_months": False}, "inc_expected_survival", ("failed", "Expected survival under 6 months")),
        ({"consent_signed": False}, "inc_consent", ("failed", "Informed consent not signed")),
        ({"consent_signed": None}, "inc_consent", ("missing", "Not recorded: informed consent")),
    ],
)  # fmt: skip
def test_single_criteria(changes, criterion_id, expected):
    result = evaluate_eligibility(with_(**changes))
    assert status(result, criterion_id) == expected
    assert result.verdict == ("incomplete" if expected[0] == "missing" else "not_eligible")


# --- input checks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ecog": 6}, "ecog must be between 0 and 5 (got 6)"),
        ({"ecog": 1.5}, "ecog must be a whole number (got 1.5)"),
        ({"birth_date": date(2026, 3, 2)}, "birth_date (2026-03-02) must be on or before screening_date (2026-03-01)"),
        ({"metastatic_sites": {"liver", "brain"}}, "metastatic_sites must be one of 'liver', 'bone', 'lung', 'distant_lymph_node', 'other' (got 'brain')"),
        ({"metastatic_sites": "liver"}, "metastatic_sites must be a set of sites"),
        ({"response_outside_liver": "stable"}, "response_outside_liver must be one of 'CR', 'PR', 'SD', 'PD', 'not_applicable' (got 'stable')"),
        ({"bilirubin_umol_l": -1}, "bilirubin_umol_l must be >= 0 (got -1)"),
        ({"inr": 0}, "inr must be > 0 (got 0)"),
        ({"future_liver_remnant_pct": 120}, "future_liver_remnant_pct must be <= 100 (got 120)"),
        ({"consent_signed": "yes"}, "consent_signed must be true or false (got 'yes')"),
        ({"child_pugh_grade": "D"}, "child_pugh_grade must be one of 'A', 'B', 'C' (got 'D')"),
        ({"screening_date": "2026-03-01"}, "screening_date must be a calendar date"),
    ],
)  # fmt: skip
def test_impossible_screening_values_raise(changes, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        with_(**changes)


def test_metastatic_sites_are_normalised_to_a_frozenset():
    s = with_(metastatic_sites=["liver", "bone", "liver"])
    assert s.metastatic_sites == frozenset({"liver", "bone"})


def test_every_screening_field_has_a_plain_label():
    assert set(FIELD_LABELS) == {f.name for f in dataclasses.fields(ScreeningInput)}


def test_every_protocol_criterion_has_an_evaluator():
    from nclm_desktop.clinical.eligibility import _EVALUATORS
    from nclm_desktop.clinical.protocol import CRITERION_KINDS

    assert set(_EVALUATORS) == set(CRITERION_KINDS)

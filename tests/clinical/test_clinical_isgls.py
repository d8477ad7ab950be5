"""ISGLS definitions and grades: PHLF (Rahbari 2011), bile leakage (Koch 2011), PHH
(Rahbari 2011)."""

from __future__ import annotations

import pytest

from nclm_desktop.clinical import (
    ISGLS_CATEGORIES,
    bile_leak_criteria_text,
    bile_leak_grade,
    bile_leak_present,
    phh_criteria_text,
    phh_grade,
    phh_present,
    phlf_criteria_text,
    phlf_grade,
    phlf_present,
)

LIMITS = {"inr_upper_limit": 1.2, "bilirubin_upper_limit_umol_l": 21.0}

# --- PHLF -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "inr", "bili", "present"),
    [
        (5, 1.5, 40, True),  # Rahbari 2011: raised INR and bilirubin on POD 5
        (4, 1.5, 40, False),  # before POD 5 does not count
        (9, 1.5, 40, True),  # "on or after" POD 5
        (5, 1.2, 40, False),  # INR at the upper limit is not increased
        (5, 1.21, 21.1, True),  # just above both limits
        (5, 1.5, 21, False),  # bilirubin at the upper limit is not increased
    ],
)
def test_phlf_definition(day, inr, bili, present):
    assert phlf_present(postoperative_day=day, inr=inr, bilirubin_umol_l=bili, **LIMITS) is present


def test_phlf_with_abnormal_values_before_operation_needs_a_rise_on_the_previous_day():
    # Rahbari 2011: if abnormal preoperatively, increasing INR and bilirubin vs the day before.
    common = {"postoperative_day": 6, "abnormal_before_operation": True, **LIMITS}
    rising = phlf_present(
        inr=1.6, bilirubin_umol_l=60, previous_day_inr=1.5, previous_day_bilirubin_umol_l=55,
        **common,
    )  # fmt: skip
    falling = phlf_present(
        inr=1.6, bilirubin_umol_l=50, previous_day_inr=1.5, previous_day_bilirubin_umol_l=55,
        **common,
    )  # fmt: skip
    assert rising is True and falling is False
    with pytest.raises(ValueError, match="previous_day_inr"):
        phlf_present(inr=1.6, bilirubin_umol_l=60, **common)


@pytest.mark.parametrize(
    ("changed", "invasive", "grade"),
    [
        (False, False, "A"),  # no change in clinical management
        (True, False, "B"),  # deviation, no invasive treatment
        (True, True, "C"),  # invasive treatment
        (False, True, "C"),  # invasive treatment is itself a change
    ],
)
def test_phlf_grade(changed, invasive, grade):
    assert phlf_grade(management_changed=changed, invasive_treatment=invasive) == grade


def test_phlf_refuses_impossible_values():
    with pytest.raises(ValueError, match="inr must be > 0"):
        phlf_present(postoperative_day=5, inr=0, bilirubin_umol_l=40, **LIMITS)


# --- bile leakage -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "drain", "serum", "intervention", "present"),
    [
        (3, 60, 20, False, True),  # Koch 2011: drain >= 3x serum on POD 3
        (3, 59.9, 20, False, False),  # just under 3x
        (2, 60, 20, False, False),  # before POD 3
        (1, None, None, True, True),  # intervention for a bile collection counts any day
        (5, None, 20, False, False),  # no drain value: not shown by the drain criterion
    ],
)
def test_bile_leak_definition(day, drain, serum, intervention, present):
    assert (
        bile_leak_present(
            postoperative_day=day,
            drain_bilirubin_umol_l=drain,
            serum_bilirubin_umol_l=serum,
            intervention_for_bile_collection=intervention,
        )
        is present
    )


@pytest.mark.parametrize(
    ("active", "relaparotomy", "grade"),
    [
        (False, False, "A"),  # Koch 2011: no change in management
        (True, False, "B"),  # active intervention without relaparotomy
        (True, True, "C"),  # relaparotomy
        (False, True, "C"),
    ],
)
def test_bile_leak_grade(active, relaparotomy, grade):
    assert bile_leak_grade(active_intervention=active, relaparotomy=relaparotomy) == grade


# --- haemorrhage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("drop", "units", "invasive", "present"),
    [
        (3.1, 0, False, True),  # Rahbari 2011 (HPB): Hb drop > 3 g/dL
        (3.0, 0, False, False),  # exactly 3 g/dL is not > 3
        (1.0, 1, False, True),  # any transfusion for falling Hb
        (0.0, 0, True, True),  # invasive re-intervention to stop bleeding
    ],
)
def test_phh_definition(drop, units, invasive, present):
    assert (
        phh_present(haemoglobin_drop_g_dl=drop, transfusion_units=units, invasive_intervention=invasive)
        is present
    )  # fmt: skip


@pytest.mark.parametrize(
    ("units", "invasive", "grade"),
    [
        (0, False, "A"),
        (2, False, "A"),  # up to 2 units -> A
        (3, False, "B"),  # more than 2 units -> B
        (1, True, "C"),  # embolisation or relaparotomy -> C
    ],
)
def test_phh_grade(units, invasive, grade):
    assert phh_grade(transfusion_units=units, invasive_intervention=invasive) == grade


def test_phh_refuses_negative_units():
    with pytest.raises(ValueError, match="transfusion_units must be >= 0"):
        phh_grade(transfusion_units=-1, invasive_intervention=False)


# --- texts for the wizard ---------------------------------------------------------------


def test_criteria_texts_cover_each_grade():
    for texts in (phlf_criteria_text(), bile_leak_criteria_text(), phh_criteria_text()):
        assert list(texts) == ["A", "B", "C"]
        assert all(t.endswith(".") for t in texts.values())
    assert "relaparotomy" in bile_leak_criteria_text()["C"]
    assert "2 units" in phh_criteria_text()["A"]
    # The returned dict is a copy: editing it does not change the definitions.
    phlf_criteria_text()["A"] = "changed"
    assert phlf_criteria_text()["A"] != "changed"


def test_isgls_categories_carry_source_and_definition():
    for code, scheme in ISGLS_CATEGORIES.items():
        assert scheme.category == code
        assert "2011" in scheme.source
        assert scheme.definition
        assert list(scheme.grades) == ["A", "B", "C"]
    assert "day 5" in ISGLS_CATEGORIES["liver_failure"].definition
    assert "3 times" in ISGLS_CATEGORIES["bile_leakage"].definition
    assert "3 g/dL" in ISGLS_CATEGORIES["haemorrhage"].definition

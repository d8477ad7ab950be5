"""Clavien-Dindo (Dindo 2004), CCI (Slankamenac 2013) and complication categories."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nclm_desktop.clinical import (
    CLAVIEN_DINDO_GRADES,
    COMPLICATION_CATEGORIES,
    ISGLS_CATEGORIES,
    cci,
    clavien_dindo_definition,
    clavien_dindo_from_treatment,
    grade_rank,
    is_major_complication,
    normalize_clavien_dindo_grade,
)

# --- CCI ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        ([], 0.0),  # Slankamenac 2013: no complication -> 0
        (["I"], 8.7),  # published single-complication values: I 8.7
        (["II"], 20.9),  # II 20.9
        (["IIIa"], 26.2),  # IIIa 26.2
        (["IIIb"], 33.7),  # IIIb 33.7
        (["IVa"], 42.4),  # IVa 42.4
        (["IVb"], 46.2),  # IVb 46.2
        (["V"], 100.0),  # V 100
        (["II", "IIIa"], 33.5),  # issue #3 check: sqrt(1750 + 2750) / 2 = 33.54
        (["I", "I", "II"], round(math.sqrt(2350) / 2, 1)),  # 24.2
        (["IVb"] * 4, 92.5),  # sqrt(34200) / 2 = 92.47
        (["IVb"] * 5, 100.0),  # sqrt(42750) / 2 = 103.4 -> capped at 100
        (["I", "V"], 100.0),  # any V -> 100
        (("II", "IIIa"), 33.5),  # any iterable
        (iter(["II", "IIIa"]), 33.5),
        (["iiia", " II "], 33.5),  # case and spaces forgiven
    ],
)
def test_cci(grades, expected):
    assert cci(grades) == expected


@pytest.mark.parametrize(
    ("grades", "message"),
    [
        (["IIc"], "grades[0] must be one of I, II, IIIa, IIIb, IVa, IVb, V (got 'IIc')"),
        (["I", "IV"], "grades[1] must be one of"),  # IV must say a or b
        (["I", None], "grades[1] must be one of"),
        ("II", "grades must be a list of grades, not a single text"),
    ],
)
def test_cci_refuses_bad_grades(grades, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        cci(grades)


grade_lists = st.lists(st.sampled_from(CLAVIEN_DINDO_GRADES), max_size=12)


@given(grade_lists, st.sampled_from(CLAVIEN_DINDO_GRADES))
def test_cci_never_decreases_when_a_complication_is_added(grades, extra):
    before = cci(grades)
    after = cci([*grades, extra])
    assert 0 <= before <= after <= 100


@given(grade_lists)
def test_cci_is_order_independent_and_in_range(grades):
    assert 0 <= cci(grades) <= 100
    assert cci(grades) == cci(list(reversed(grades)))


# --- grades -----------------------------------------------------------------------------


def test_grade_order_and_rank():
    assert CLAVIEN_DINDO_GRADES == ("I", "II", "IIIa", "IIIb", "IVa", "IVb", "V")
    assert [grade_rank(g) for g in CLAVIEN_DINDO_GRADES] == list(range(7))
    assert sorted(["V", "I", "IIIb", "II"], key=grade_rank) == ["I", "II", "IIIb", "V"]


@pytest.mark.parametrize(
    ("grade", "major"),
    [
        ("I", False),
        ("II", False),  # Dindo 2004: below IIIa is minor
        ("IIIa", True),  # IIIa and above is major
        ("IIIb", True),
        ("IVa", True),
        ("IVb", True),
        ("V", True),
    ],
)
def test_is_major_complication(grade, major):
    assert is_major_complication(grade) is major


@pytest.mark.parametrize("bad", ["IIc", "III", "IV", "", "0", "VI"])
def test_bad_grade_is_refused(bad):
    with pytest.raises(ValueError, match="grade must be one of"):
        grade_rank(bad)
    with pytest.raises(ValueError, match="grade must be one of"):
        is_major_complication(bad)


def test_normalize_grade():
    assert normalize_clavien_dindo_grade("ivb") == "IVb"
    assert normalize_clavien_dindo_grade(" v ") == "V"


def test_definitions_follow_dindo_2004():
    assert "general anaesthesia" in clavien_dindo_definition("IIIb")
    assert "not under general anaesthesia" in clavien_dindo_definition("IIIa")
    assert "transfusion" in clavien_dindo_definition("II")
    assert "multiple organ dysfunction" in clavien_dindo_definition("IVb")
    assert "single organ dysfunction" in clavien_dindo_definition("IVa")
    assert "Death" in clavien_dindo_definition("V")
    assert "antiemetics" in clavien_dindo_definition("I")
    assert all(clavien_dindo_definition(g) for g in CLAVIEN_DINDO_GRADES)


# --- proposal from treatment (Dindo 2004 table 1) -------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "grade"),
    [
        ({}, "I"),  # no treatment beyond the allowed drugs
        ({"other_drugs": True}, "II"),
        ({"transfusion": True}, "II"),  # transfusion is grade II
        ({"tpn": True}, "II"),  # TPN is grade II
        ({"intervention": "without_ga"}, "IIIa"),
        ({"intervention": "under_ga", "transfusion": True}, "IIIb"),
        ({"icu": True, "organ_dysfunction": "single"}, "IVa"),
        ({"icu": True, "organ_dysfunction": "multiple", "intervention": "under_ga"}, "IVb"),
        ({"died": True, "icu": True, "organ_dysfunction": "multiple"}, "V"),
        ({"died": True}, "V"),
    ],
)
def test_clavien_dindo_from_treatment(kwargs, grade):
    proposal = clavien_dindo_from_treatment(**kwargs)
    assert proposal.grade == grade
    assert proposal.reason and proposal.reason.endswith(".")


def test_proposal_reason_names_the_treatment():
    reason = clavien_dindo_from_treatment(transfusion=True, tpn=True).reason
    assert reason == "Needed blood transfusion and total parenteral nutrition."


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"icu": True}, "organ_dysfunction must be 'single' or 'multiple' when icu is true"),
        ({"intervention": "surgery"}, "intervention must be one of 'none', 'without_ga'"),
        ({"organ_dysfunction": "some"}, "organ_dysfunction must be one of"),
        ({"died": "yes"}, "died must be true or false"),
    ],
)
def test_proposal_refuses_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        clavien_dindo_from_treatment(**kwargs)


# --- categories -------------------------------------------------------------------------


def test_complication_categories_and_isgls_subset():
    assert list(COMPLICATION_CATEGORIES) == [
        "liver_failure",
        "bile_leakage",
        "haemorrhage",
        "ascites",
        "pleural_effusion",
        "ssi",
        "intra_abdominal_collection",
        "pneumonia",
        "cardiac",
        "thromboembolic",
        "other",
    ]
    assert all(label and label[0].isupper() for label in COMPLICATION_CATEGORIES.values())
    assert set(ISGLS_CATEGORIES) == {"liver_failure", "bile_leakage", "haemorrhage"}
    assert set(ISGLS_CATEGORIES) <= set(COMPLICATION_CATEGORIES)

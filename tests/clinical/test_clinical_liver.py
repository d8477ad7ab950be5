"""Child-Pugh (Pugh 1973), ALBI (Johnson 2015), 50-50 (Balzan 2005) and unit conversion."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nclm_desktop.clinical import (
    albi,
    albumin_g_dl_to_g_l,
    albumin_g_l_to_g_dl,
    bilirubin_mg_dl_to_umol_l,
    bilirubin_umol_l_to_mg_dl,
    child_pugh,
    fifty_fifty,
    fifty_fifty_criteria_text,
    to_canonical,
)
from nclm_desktop.clinical.liver import albumin_points, bilirubin_points, inr_points

# --- Child-Pugh: each cut-off from both sides (Pugh 1973, µmol/L and g/L form) -------------


@pytest.mark.parametrize(
    ("value", "points"),
    [
        (0, 1),
        (33.9, 1),  # Pugh 1973: < 34 µmol/L (< 2 mg/dL) -> 1
        (34, 2),  # 34 itself scores 2
        (51, 2),  # 51 itself scores 2
        (51.1, 3),  # > 51 µmol/L (> 3 mg/dL) -> 3
        (300, 3),
    ],
)
def test_bilirubin_points(value, points):
    assert bilirubin_points(value) == points


@pytest.mark.parametrize(
    ("value", "points"),
    [
        (35.1, 1),  # Pugh 1973: > 35 g/L -> 1
        (35, 2),  # 35 itself scores 2
        (28, 2),  # 28 itself scores 2
        (27.9, 3),  # < 28 g/L -> 3
    ],
)
def test_albumin_points(value, points):
    assert albumin_points(value) == points


@pytest.mark.parametrize(
    ("value", "points"),
    [
        (1.69, 1),  # INR < 1.7 -> 1
        (1.7, 2),
        (2.3, 2),
        (2.31, 3),  # INR > 2.3 -> 3
    ],
)
def test_inr_points(value, points):
    assert inr_points(value) == points


@pytest.mark.parametrize(
    ("args", "points", "grade"),
    [
        ((20, 40, 1.0, "none", "none"), 5, "A"),  # all 1 point: minimum 5, class A
        ((34, 40, 1.0, "none", "none"), 6, "A"),  # A is 5-6
        ((34, 35, 1.0, "none", "none"), 7, "B"),  # B starts at 7
        ((34, 35, 1.7, "none", "none"), 8, "B"),
        ((34, 35, 1.7, "mild", "none"), 9, "B"),  # B ends at 9
        ((34, 35, 1.7, "mild", "grade1-2"), 10, "C"),  # C starts at 10
        ((60, 25, 2.5, "moderate", "grade3-4"), 15, "C"),  # all 3 points: maximum 15
    ],
)
def test_child_pugh_totals_and_classes(args, points, grade):
    result = child_pugh(*args)
    assert (result.points, result.grade) == (points, grade)


def test_child_pugh_from_mg_dl_after_conversion():
    # 2.0 mg/dL = 34.2 µmol/L -> 2 points; 3.5 g/dL = 35 g/L -> 2 points.
    bili = bilirubin_mg_dl_to_umol_l(2.0)
    alb = albumin_g_dl_to_g_l(3.5)
    assert child_pugh(bili, alb, 1.0, "none", "none").points == 7


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bilirubin_umol_l": -1}, "bilirubin_umol_l must be >= 0 (got -1)"),
        ({"albumin_g_l": 0}, "albumin_g_l must be > 0 (got 0)"),
        ({"inr": 0}, "inr must be > 0 (got 0)"),
        ({"inr": float("nan")}, "inr must be a finite number"),
        ({"bilirubin_umol_l": True}, "bilirubin_umol_l must be a number"),
        ({"bilirubin_umol_l": "20"}, "bilirubin_umol_l must be a number"),
        ({"ascites": "severe"}, "ascites must be one of 'none', 'mild', 'moderate'"),
        ({"encephalopathy": "grade2"}, "encephalopathy must be one of"),
    ],
)
def test_child_pugh_refuses_impossible_values(kwargs, message):
    args = {
        "bilirubin": 20,
        "albumin_g_l": 40,
        "inr": 1.0,
        "ascites": "none",
        "encephalopathy": "none",
    } | {("bilirubin" if k == "bilirubin_umol_l" else k): v for k, v in kwargs.items()}
    with pytest.raises(ValueError) as info:
        child_pugh(**args)
    assert message in str(info.value)


# --- ALBI (Johnson 2015): score = 0.66 log10(bili) - 0.085 alb ------------------------------


@pytest.mark.parametrize(
    ("bili", "alb", "score", "grade"),
    [
        (10, 40, 0.66 * 1 - 0.085 * 40, 1),  # -2.74: hand-computed
        (17.1, 35, 0.66 * math.log10(17.1) - 0.085 * 35, 2),  # -2.161
        (50, 25, 0.66 * math.log10(50) - 0.085 * 25, 3),  # -1.004
        (10, 38.4, -2.604, 1),  # just at or below -2.60 -> grade 1
        (10, 38.3, -2.5955, 2),  # just above -2.60 -> grade 2
        (10, 24.2, -1.397, 2),  # just at or below -1.39 -> grade 2
        (10, 24.1, -1.3885, 3),  # just above -1.39 -> grade 3
    ],
)
def test_albi(bili, alb, score, grade):
    result = albi(bili, alb)
    assert result.score == pytest.approx(score, abs=1e-9)
    assert result.grade == grade


@pytest.mark.parametrize(
    ("bili", "alb", "message"),
    [
        (0, 40, "bilirubin_umol_l must be > 0 (got 0)"),  # log10(0) is undefined
        (-5, 40, "bilirubin_umol_l must be > 0"),
        (10, -1, "albumin_g_l must be > 0"),
    ],
)
def test_albi_refuses_impossible_values(bili, alb, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        albi(bili, alb)


# --- 50-50 criteria (Balzan 2005): PT < 50 % and bilirubin > 50 µmol/L on POD 5 ------------


@pytest.mark.parametrize(
    ("pt", "bili", "met"),
    [
        (49, 51, True),
        (50, 51, False),  # PT exactly 50 % is not < 50 %
        (49, 50, False),  # bilirubin exactly 50 is not > 50
        (80, 120, False),
        (30, 20, False),
    ],
)
def test_fifty_fifty(pt, bili, met):
    assert fifty_fifty(pt, bili, 5) is met


def test_fifty_fifty_is_defined_on_day_five_only():
    with pytest.raises(ValueError, match="postoperative_day must be 5"):
        fifty_fifty(40, 80, 3)
    assert "day 5" in fifty_fifty_criteria_text()


# --- units ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "value", "unit", "expected"),
    [
        ("bilirubin", 1, "mg/dL", 17.1),  # 1 mg/dL = 17.1 µmol/L
        ("bilirubin", 2, "mg/dl", 34.2),
        ("bilirubin", 20, "µmol/L", 20),  # micro sign
        ("bilirubin", 20, "μmol/L", 20),  # Greek mu
        ("bilirubin", 20, "umol/L", 20),
        ("albumin", 3.5, "g/dL", 35),  # 1 g/dL = 10 g/L
        ("albumin", 40, "g/L", 40),
        ("albumin", 40, " g / l ", 40),
    ],
)
def test_to_canonical(quantity, value, unit, expected):
    assert to_canonical(quantity, value, unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("quantity", "value", "unit", "message"),
    [
        ("sodium", 140, "mmol/L", "quantity must be one of 'bilirubin', 'albumin'"),
        ("bilirubin", 20, "mmol/L", "unit for bilirubin must be one of µmol/L, mg/dL"),
        ("albumin", 40, "mg/dL", "unit for albumin must be one of g/L, g/dL"),
        ("albumin", -1, "g/L", "albumin must be >= 0 (got -1)"),
    ],
)
def test_to_canonical_refuses_unknown_units(quantity, value, unit, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        to_canonical(quantity, value, unit)


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_unit_conversions_round_trip(value):
    assert bilirubin_umol_l_to_mg_dl(bilirubin_mg_dl_to_umol_l(value)) == pytest.approx(value)
    assert albumin_g_l_to_g_dl(albumin_g_dl_to_g_l(value)) == pytest.approx(value)


def test_conversion_helpers_refuse_negative_values():
    with pytest.raises(ValueError, match="bilirubin_mg_dl must be >= 0"):
        bilirubin_mg_dl_to_umol_l(-0.1)

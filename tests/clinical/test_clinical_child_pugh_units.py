"""Child-Pugh bilirubin scored in the unit the laboratory reported (issue 17).

Pugh RN et al., Br J Surg 1973;60:646-9 give bilirubin in mg/100 mL: < 2 → 1 point,
2-3 → 2, > 3 → 3. The µmol/L cut-offs < 34, 34-51, > 51 are their rounded conversions
(× 17.1), so a value must be scored in its own unit: 3.0 mg/dL is 51.3 µmol/L.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import date
from importlib.resources import files

import pytest

from nclm_desktop.clinical import Protocol, ScreeningInput, evaluate_eligibility, load_protocol
from nclm_desktop.clinical.liver import bilirubin_points, child_pugh


@pytest.mark.parametrize(
    ("value", "unit", "points"),
    [
        (1.99, "mg/dL", 1),  # < 2 mg/dL -> 1
        (2.0, "mg/dL", 2),  # 2 itself scores 2
        (3.0, "mg/dL", 2),  # 3 itself scores 2 (51.3 µmol/L would score 3)
        (3.01, "mg/dL", 3),  # > 3 mg/dL -> 3
        (33.9, "µmol/L", 1),
        (34, "µmol/L", 2),
        (51, "µmol/L", 2),
        (51.1, "µmol/L", 3),
        (3.0, "MG/DL", 2),  # spellings as the laboratory writes them
        (51, "umol/l", 2),
        (51, "μmol/L", 2),  # Greek mu
    ],
)
def test_bilirubin_points_in_the_reported_unit(value, unit, points):
    assert bilirubin_points(value, unit) == points


def test_unknown_bilirubin_unit_is_refused():
    with pytest.raises(ValueError, match="bilirubin unit must be µmol/L or mg/dL"):
        bilirubin_points(3.0, "mmol/L")


def test_three_mg_dl_is_class_a_not_b():
    # The defect: 3.0 mg/dL converted to 51.3 µmol/L scored 3 points -> 7 points, class B.
    assert child_pugh(3.0, 40, 1.1, "none", "none", bilirubin_unit="mg/dL").points == 6
    assert child_pugh(3.0 * 17.1, 40, 1.1, "none", "none").points == 7


ELIGIBLE = ScreeningInput(
    screening_date=date(2026, 3, 1),
    birth_date=date(1970, 5, 20),
    ecog=1,
    nclm_confirmed=True,
    metastatic_sites=frozenset({"liver"}),
    primary_recurrence=False,
    liver_oligometastasis=True,
    response_outside_liver="not_applicable",
    progression_after_systemic=False,
    r0_resectable=True,
    albumin_g_l=40,  # 1 point: 2 bilirubin points give 6 (class A), 3 give 7 (class B)
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


@pytest.mark.parametrize(
    ("value", "unit", "verdict", "points"),
    [
        (3.0, "mg/dL", "eligible", 6),
        (3.01, "mg/dL", "not_eligible", 7),
        (51, "µmol/L", "eligible", 6),
        (51.3, "µmol/L", "not_eligible", 7),  # typed in µmol/L: scored in µmol/L
    ],
)
def test_screening_scores_in_the_reported_unit(value, unit, verdict, points):
    s = dataclasses.replace(ELIGIBLE, bilirubin_value=value, bilirubin_unit=unit)
    result = evaluate_eligibility(s)
    assert (result.verdict, result.child_pugh_points) == (verdict, points)
    assert s.bilirubin_umol_l == pytest.approx(value * (17.1 if unit == "mg/dL" else 1))


def test_reported_and_canonical_bilirubin_must_agree():
    with pytest.raises(ValueError, match="disagrees with bilirubin_value"):
        ScreeningInput(bilirubin_value=3.0, bilirubin_unit="mg/dL", bilirubin_umol_l=20)


def test_enrolment_service_passes_the_reported_unit():
    from nclm_desktop.services.enrolment import ScreeningData, to_screening_input

    data = ScreeningData(screening_date=date(2026, 3, 1), bilirubin_value=3.0)
    data = dataclasses.replace(data, bilirubin_unit="mg/dL")
    inp = to_screening_input(date(1970, 5, 20), data)
    assert (inp.bilirubin_value, inp.bilirubin_unit) == (3.0, "mg/dL")


# --- the cut-offs live in the protocol file, validated on load ------------------------------


def _raw() -> dict:
    path = files("nclm_desktop") / "resources" / "protocol" / "nclm-protocol-v1.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_protocol_has_both_cut_off_sets():
    cp = load_protocol().child_pugh
    assert cp.bilirubin("mg/dL") == (2, 3)
    assert cp.bilirubin("µmol/L") == (34, 51)
    assert "Pugh" in cp.source


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda b: b.pop("mg/dL"), "'child_pugh.bilirubin.mg/dL' is missing"),
        (lambda b: b.update({"mmol/L": [1, 2]}), "'child_pugh.bilirubin.mmol/L' is not recog"),
        (lambda b: b.update({"mg/dL": [3, 2]}), "child_pugh.bilirubin.mg/dL[1]' must be > 3"),
        (lambda b: b.update({"mg/dL": [2]}), "must be a list [low, high]"),
        (lambda b: b.update({"µmol/L": [34, 60]}), "must be the mg/dL cut-offs converted"),
    ],
)
def test_broken_child_pugh_cut_offs_are_refused(edit, message):
    data = copy.deepcopy(_raw())
    edit(data["child_pugh"]["bilirubin"])
    with pytest.raises(ValueError) as info:
        Protocol.from_dict(data)
    assert message in str(info.value)


def test_cut_offs_come_from_the_protocol():
    data = copy.deepcopy(_raw())
    data["child_pugh"]["bilirubin"] = {"mg/dL": [1.5, 3], "µmol/L": [26, 51]}
    protocol = Protocol.from_dict(data)
    assert bilirubin_points(1.6, "mg/dL", protocol) == 2
    assert bilirubin_points(1.6, "mg/dL") == 1

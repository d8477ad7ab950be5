"""The eligibility rule's reasons in the user's language (README "Languages"): each is a marked
sentence (clinical/text_marks.py), so the verdict page, the Screening tab (stored reasons, old
rows too) and the "Not eligible" refusal show it in Chinese, while the
database and the English interface keep the rule's English words."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.clinical.eligibility import evaluate_eligibility
from nclm_desktop.clinical.screening_input import ScreeningInput
from nclm_desktop.forms.errors import shown
from nclm_desktop.services.enrolment import screen, screen_and_enrol
from nclm_desktop.services.errors import ValidationError
from tests.enrolment.conftest import TODAY, make_identity, make_screening
from tests.i18n.visible_text import english_words

_TYPICAL = {
    "screening_date": dt.date(2025, 3, 8),
    "birth_date": dt.date(1970, 5, 4),
    "ecog": 1,
    "nclm_confirmed": True,
    "metastatic_sites": frozenset({"liver"}),
    "primary_recurrence": False,
    "liver_oligometastasis": True,
    "response_outside_liver": "not_applicable",
    "progression_after_systemic": False,
    "r0_resectable": True,
    "bilirubin_umol_l": 12.0,
    "albumin_g_l": 42.0,
    "inr": 1.0,
    "ascites": "none",
    "encephalopathy": "none",
    "future_liver_remnant_pct": 55.0,
    "prior_local_liver_therapy": False,
    "surgical_contraindication": False,
    "expected_survival_ge_6_months": True,
    "pregnant_or_lactating": False,
    "other_malignancy": False,
    "severe_mental_illness": False,
    "understands_study": True,
    "consent_signed": True,
}
# Inputs that make every criterion speak each of its sentences at least once.
_CASES = [
    {},  # all met, pattern 1
    {k: (not v if isinstance(v, bool) else v) for k, v in _TYPICAL.items()},  # all flags flipped
    {"birth_date": dt.date(2010, 1, 1), "ecog": 3, "future_liver_remnant_pct": 20.0},
    {"birth_date": dt.date(1930, 1, 1), "ascites": "moderate", "inr": 2.5},
    {"metastatic_sites": frozenset({"liver", "bone"}), "response_outside_liver": "PR"},
    {
        "metastatic_sites": frozenset({"liver", "bone"}),
        "primary_recurrence": True,
        "response_outside_liver": "SD",
    },
    {"metastatic_sites": frozenset({"bone", "lung", "distant_lymph_node"})},
    {"response_outside_liver": "PD", "primary_recurrence": True},
    {"other_malignancy": True, "severe_mental_illness": True},
    {"ecog": None, "bilirubin_umol_l": None, "future_liver_remnant_pct": None},
    {"birth_date": None, "metastatic_sites": None, "consent_signed": None},
    {"bilirubin_umol_l": None, "albumin_g_l": None, "child_pugh_grade": "B"},
]


def _reasons(overrides: dict) -> list[str]:
    result = evaluate_eligibility(ScreeningInput(**{**_TYPICAL, **overrides}))
    return [c.reason for c in result.criteria]


def test_the_rule_still_writes_english():
    reasons = _reasons({"ecog": 3, "future_liver_remnant_pct": 20.0})
    assert "ECOG 3 is above 2" in reasons or any(r.startswith("ECOG 3 is above") for r in reasons)
    assert any(r.startswith("Future liver remnant 20 % is below") for r in reasons)


@pytest.mark.parametrize("overrides", _CASES)
def test_every_reason_in_chinese(zh_cn, overrides):
    shown_reasons = [("reason", shown(r)) for r in _reasons(overrides)]
    assert english_words(shown_reasons) == []
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for _, text in shown_reasons)


def test_the_screening_tab_shows_stored_reasons_in_chinese(qtbot, db, surgeon, zh_cn):
    from nclm_desktop.ui.participant_detail import ScreeningTab

    outcome = screen(
        db,
        surgeon,
        make_identity(),
        make_screening(ecog=3, metastatic_sites=frozenset({"liver", "lung"})),
        today=TODAY,
    )
    assert outcome.verdict == "not_eligible"
    tab = ScreeningTab(db, surgeon, outcome.participant_id)
    qtbot.addWidget(tab)
    table = tab.criteria_table
    reasons = [("reason", table.item(r, 2).text()) for r in range(table.rowCount())]
    assert english_words(reasons) == []
    assert any("ECOG 3" in text and "高于" in text for _, text in reasons)
    assert any("肺" in text for _, text in reasons)


def test_the_not_eligible_refusal_in_chinese(db, surgeon, zh_cn):
    with pytest.raises(ValidationError) as failed:
        screen_and_enrol(
            db,
            surgeon,
            make_identity(),
            make_screening(ecog=3, future_liver_remnant_pct=20.0),
            cohort="surgery",
            consent_date=TODAY,
            today=TODAY,
        )
    assert "ECOG 3" in str(failed.value) and "剩余肝体积" in str(failed.value)
    assert english_words([("refusal", str(failed.value))]) == []

"""Kaplan-Meier, Cox/log-rank and propensity matching on data with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nclm_desktop.analysis.propensity import greedy_match, propensity_match, smd
from nclm_desktop.analysis.survival import DAYS_PER_MONTH, compare_groups, kaplan_meier


def months_to_days(ms):
    return [round(m * DAYS_PER_MONTH) for m in ms]


def test_kaplan_meier_matches_the_product_limit_by_hand():
    # Kaplan & Meier 1958 product limit: deaths at 1, 2, 4; censored at 3, 5 (months).
    # S(1) = 4/5 = 0.8; S(2) = 0.8 * 3/4 = 0.6; S(4) = 0.6 * 1/2 = 0.3.
    curve = kaplan_meier("x", months_to_days([1, 2, 3, 4, 5]), [True, True, False, True, False])
    steps = dict(zip([round(t) for t in curve.months], curve.survival, strict=True))
    assert steps[1] == pytest.approx(0.8)
    assert steps[2] == pytest.approx(0.6)
    assert steps[4] == pytest.approx(0.3)
    assert curve.median == pytest.approx(4, abs=0.05)
    assert (curve.n, curve.events) == (5, 3)
    assert all(
        lo <= s <= hi for s, lo, hi in zip(curve.survival, curve.lower, curve.upper, strict=True)
    )
    # Landmarks beyond follow-up are not extrapolated.
    assert curve.landmarks[0][1] is None


def test_median_not_reached_and_landmarks():
    days = months_to_days([10, 20, 30, 40, 50, 60, 60, 60])
    curve = kaplan_meier("x", days, [True, False, False, False, False, False, False, False])
    assert curve.median is None
    m12 = curve.landmarks[0]
    assert m12[0] == 12 and m12[1] == pytest.approx(7 / 8)


def test_cox_and_logrank_detect_a_strong_difference():
    rng = np.random.default_rng(3)
    treated_t = rng.exponential(60, 80)
    control_t = rng.exponential(15, 80)
    days = months_to_days(np.minimum(np.r_[treated_t, control_t], 60))
    events = list(np.r_[treated_t, control_t] < 60)
    cmp = compare_groups(days, events, [True] * 80 + [False] * 80)
    assert cmp.logrank_p < 0.001
    assert 0.1 < cmp.hazard_ratio < 0.5  # true HR = 15/60 = 0.25
    assert cmp.hr_ci[0] < cmp.hazard_ratio < cmp.hr_ci[1]


def test_comparison_needs_both_groups():
    cmp = compare_groups([10, 20], [True, False], [True, True])
    assert cmp.hazard_ratio is None and "both groups" in cmp.note


def test_smd_binary_and_continuous():
    t = np.array([True] * 4 + [False] * 4)
    assert smd(np.array([1, 1, 1, 1, 1, 1, 1, 1.0]), t) == 0.0
    x = np.array([2, 4, 6, 8, 1, 3, 5, 7.0])
    sd = math.sqrt((np.var([2, 4, 6, 8], ddof=1) + np.var([1, 3, 5, 7], ddof=1)) / 2)
    assert smd(x, t) == pytest.approx(1 / sd)


def test_greedy_matching_respects_caliper_and_uses_controls_once():
    logit = np.array([0.0, 1.0, 5.0, 0.1, 0.95, 0.9, 9.0])
    treated = np.array([True, True, True, False, False, False, False])
    pairs = greedy_match(logit, treated, caliper=0.2)
    assert pairs == [(1, 4), (0, 3)]  # unit 2 (logit 5) has no control within 0.2
    assert len({c for _, c in pairs}) == len(pairs)


def test_matching_removes_confounding_by_age():
    rng = np.random.default_rng(11)
    n = 400
    age = rng.normal(55, 8, n)
    male = rng.integers(0, 2, n).astype(float)
    p = 1 / (1 + np.exp(-(age - 55) / 5))  # older patients are more often operated
    treated = rng.random(n) < p
    rows = [{"age": a, "male": m} for a, m in zip(age, male, strict=True)]
    result = propensity_match(rows, list(treated), ["age", "male"])
    before = {b.covariate: b for b in result.balance}
    assert abs(before["age"].smd_before) > 0.5
    assert abs(before["age"].smd_after) < 0.1
    assert len(result.pairs) > 80
    used = [i for pair in result.pairs for i in pair]
    assert len(used) == len(set(used))
    assert all(treated[a] and not treated[b] for a, b in result.pairs)


def test_rows_with_missing_covariates_are_left_out():
    rows = [{"age": 50.0}, {"age": None}, {"age": 60.0}, {"age": 55.0}]
    result = propensity_match(rows, [True, True, False, False], ["age"])
    assert (result.n_used, result.n_excluded_missing) == (3, 1)


def _brute_force_best_first(logit, treated, caliper):
    candidates = sorted(
        (abs(logit[a] - logit[b]), a, b)
        for a in np.flatnonzero(treated)
        for b in np.flatnonzero(~treated)
        if abs(logit[a] - logit[b]) <= caliper
    )
    used_t, used_c, pairs = set(), set(), []
    for _, a, b in candidates:
        if a not in used_t and b not in used_c:
            used_t.add(a)
            used_c.add(b)
            pairs.append((int(a), int(b)))
    return sorted(pairs)


@pytest.mark.parametrize("seed", range(15))
def test_fast_greedy_equals_the_brute_force_definition(seed):
    rng = np.random.default_rng(seed)
    logit = rng.normal(size=70)
    treated = rng.random(70) < 0.45
    assert sorted(greedy_match(logit, treated, 0.1)) == _brute_force_best_first(logit, treated, 0.1)

"""Confidence intervals for rates: Wilson (1927) and Clopper-Pearson (1934)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nclm_desktop.clinical import clopper_pearson_ci, rate_summary, wilson_ci
from nclm_desktop.clinical.rates import _clopper_pearson_bisect


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        # Reference values: Brown, Cai & DasGupta 2001 formulas, as given by
        # statsmodels proportion_confint(method="wilson") to 4 decimals.
        (0, 10, 0.0, 0.2775),
        (1, 10, 0.0179, 0.4042),
        (5, 10, 0.2366, 0.7634),
        (10, 10, 0.7225, 1.0),
        (3, 55, 0.0187, 0.1485),
    ],
)
def test_wilson(k, n, low, high):
    lo, hi = wilson_ci(k, n)
    assert (lo, hi) == (pytest.approx(low, abs=1e-4), pytest.approx(high, abs=1e-4))


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        # Clopper & Pearson 1934 exact limits (beta quantiles).
        (0, 10, 0.0, 0.3085),
        (1, 10, 0.0025, 0.4450),
        (5, 10, 0.1871, 0.8129),
        (10, 10, 0.6915, 1.0),
        (3, 55, 0.0114, 0.1512),
    ],
)
def test_clopper_pearson(k, n, low, high):
    lo, hi = clopper_pearson_ci(k, n)
    assert (lo, hi) == (pytest.approx(low, abs=1e-4), pytest.approx(high, abs=1e-4))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=80).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_intervals_match_statsmodels_and_contain_the_estimate(kn):
    k, n = kn
    proportion_confint = pytest.importorskip("statsmodels.stats.proportion").proportion_confint
    for method, ours in (("wilson", wilson_ci), ("beta", clopper_pearson_ci)):
        lo, hi = ours(k, n)
        ref_lo, ref_hi = proportion_confint(k, n, alpha=0.05, method=method)
        assert lo == pytest.approx(ref_lo, abs=1e-9)
        assert hi == pytest.approx(ref_hi, abs=1e-9)
        assert 0 <= lo <= k / n <= hi <= 1


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=60).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_fallback_without_scipy_matches_scipy(kn):
    k, n = kn
    lo, hi = _clopper_pearson_bisect(k, n, 0.05)
    ref_lo, ref_hi = clopper_pearson_ci(k, n)
    assert lo == pytest.approx(ref_lo, abs=1e-9)
    assert hi == pytest.approx(ref_hi, abs=1e-9)


def test_rate_summary():
    s = rate_summary(3, 55)
    assert (s.k, s.n, s.level) == (3, 55, 0.95)
    assert s.proportion == pytest.approx(3 / 55)
    assert s.wilson == wilson_ci(3, 55)
    assert s.clopper_pearson == clopper_pearson_ci(3, 55)


def test_other_levels_are_narrower_or_wider():
    narrow, wide = wilson_ci(5, 20, level=0.8), wilson_ci(5, 20, level=0.99)
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


@pytest.mark.parametrize(
    ("k", "n", "level", "message"),
    [
        (0, 0, 0.95, "n must be >= 1 (got 0)"),
        (11, 10, 0.95, "k must be between 0 and 10 (got 11)"),
        (-1, 10, 0.95, "k must be between 0 and 10 (got -1)"),
        (1, 10, 1.0, "level must be < 1 (got 1)"),
        (1, 10, 0, "level must be > 0 (got 0)"),
        (1.5, 10, 0.95, "k must be a whole number (got 1.5)"),
    ],
)
def test_bad_counts_are_refused(k, n, level, message):
    for fn in (wilson_ci, clopper_pearson_ci, rate_summary):
        with pytest.raises(ValueError, match=re.escape(message)):
            fn(k, n, level)

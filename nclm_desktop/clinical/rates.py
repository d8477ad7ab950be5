"""Confidence intervals for rates (n/N) reported in the study outputs (docs/ARCHITECTURE.md §4)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from .validation import require_int, require_number


@dataclass(frozen=True)
class RateSummary:
    k: int
    n: int
    proportion: float
    wilson: tuple[float, float]
    clopper_pearson: tuple[float, float]
    level: float


def _check(k: int, n: int, level: float) -> None:
    require_int("n", n, ge=1)
    require_int("k", k, ge=0, le=n)
    require_number("level", level, gt=0)
    if level >= 1:
        raise ValueError(f"level must be < 1 (got {level:g})")


def wilson_ci(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for k events out of n (Wilson EB, JASA 1927;22:209-12;
    recommended by Brown, Cai & DasGupta, Stat Sci 2001;16:101-33)."""
    _check(k, n, level)
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # The bounds are exact at k = 0 and k = n; clamp away float dust there.
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def clopper_pearson_ci(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval for k events out of n (Clopper CJ, Pearson ES,
    Biometrika 1934;26:404-13), from beta quantiles; scipy when present, else bisection on the
    binomial distribution."""
    _check(k, n, level)
    alpha = 1 - level
    try:
        from scipy.stats import beta  # optional: imported only when a CI is asked for
    except ImportError:  # pragma: no cover - scipy ships with statsmodels in the app
        return _clopper_pearson_bisect(k, n, alpha)
    low = 0.0 if k == 0 else float(beta.ppf(alpha / 2, k, n - k + 1))
    high = 1.0 if k == n else float(beta.ppf(1 - alpha / 2, k + 1, n - k))
    return low, high


def _binom_cdf(k: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


def _bisect(f, lo: float = 0.0, hi: float = 1.0) -> float:  # f increasing on [lo, hi]
    for _ in range(100):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _clopper_pearson_bisect(k: int, n: int, alpha: float) -> tuple[float, float]:
    # Lower bound: P(X >= k | p) = alpha/2; upper bound: P(X <= k | p) = alpha/2.
    low = 0.0 if k == 0 else _bisect(lambda p: (1 - _binom_cdf(k - 1, n, p)) - alpha / 2)
    high = 1.0 if k == n else _bisect(lambda p: alpha / 2 - _binom_cdf(k, n, p))
    return low, high


def rate_summary(k: int, n: int, level: float = 0.95) -> RateSummary:
    """k/n with its Wilson interval and the Clopper-Pearson interval beside it."""
    _check(k, n, level)
    return RateSummary(
        k=k,
        n=n,
        proportion=k / n,
        wilson=wilson_ci(k, n, level),
        clopper_pearson=clopper_pearson_ci(k, n, level),
        level=level,
    )

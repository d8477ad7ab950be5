"""Propensity score matching (docs/ARCHITECTURE.md §4): logistic regression with statsmodels, 1:1 greedy
nearest neighbour on the logit without replacement, caliper 0.2 SD of the logit
(Austin 2011, Pharm Stat 10:150), balance as standardised mean differences."""

from __future__ import annotations

import bisect
import heapq
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import mannwhitneyu

# The modules themselves, not statsmodels.api: that imports every model (about a second).
from statsmodels.discrete.discrete_model import Logit
from statsmodels.tools.tools import add_constant

from ..clinical.text_marks import QT_TRANSLATE_NOOP

CALIPER_SD = 0.2
BALANCED_SMD = 0.1


@dataclass(frozen=True)
class Balance:
    covariate: str
    smd_before: float
    smd_after: float | None

    @property
    def balanced_after(self) -> bool | None:
        return None if self.smd_after is None else abs(self.smd_after) < BALANCED_SMD


@dataclass(frozen=True)
class MatchResult:
    covariates: tuple[str, ...]
    n_used: int
    n_excluded_missing: int
    pairs: tuple[tuple[int, int], ...]  # (treated index, control index) into the input
    caliper: float | None  # on the logit scale
    balance: tuple[Balance, ...]
    note: str = ""
    # The fitted model: (term, coefficient, 95 % CI low, high, p); "const" is the intercept.
    coefficients: tuple[tuple[str, float, float, float, float], ...] = ()
    c_statistic: float | None = None  # area under the ROC curve of the propensity score


def smd(x: np.ndarray, treated: np.ndarray) -> float:
    """Standardised mean difference; for 0/1 variables this is the proportion form."""
    a, b = x[treated], x[~treated]
    if len(a) == 0 or len(b) == 0:
        return float("nan")
    pooled = np.sqrt((a.var(ddof=1 if len(a) > 1 else 0) + b.var(ddof=1 if len(b) > 1 else 0)) / 2)
    if pooled == 0:
        return 0.0 if a.mean() == b.mean() else float("inf")
    return float((a.mean() - b.mean()) / pooled)


def greedy_match(logit: np.ndarray, treated: np.ndarray, caliper: float) -> list[tuple[int, int]]:
    """Greedy 1:1 nearest-neighbour matching without replacement, closest pair first.

    Repeatedly takes the closest remaining treated–control pair within the caliper
    ("best match first"; Austin 2014, Stat Med 33:1057, found it among the best-balancing
    greedy orders). A heap with lazy re-evaluation and skip pointers over the sorted
    controls keeps it O(n log n), so 10,000 participants match in well under a second.
    Ties go to the lower index, so the result is reproducible.
    """
    controls = np.flatnonzero(~treated)
    order = np.lexsort((controls, logit[controls]))
    c_idx = controls[order]
    # Plain floats and bisect: one look-up per treated unit and per retry, where numpy's
    # per-call overhead on single values would dominate.
    c_val = logit[c_idx].tolist()
    values = logit.tolist()
    n = len(c_idx)
    right = list(range(n + 1))  # right[i]: first unused position >= i (n = none)
    # left works on positions shifted by one: root k means position k - 1 (0 = none).
    left = list(range(n + 1))

    def find(parent: list[int], i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def nearest(value: float) -> tuple[float, int] | None:
        pos = bisect.bisect_left(c_val, value)
        best = None
        r = find(right, pos)
        if r < n:
            best = (abs(c_val[r] - value), r)
        lft = find(left, pos) - 1
        if lft >= 0:
            cand = (abs(c_val[lft] - value), lft)
            if best is None or cand < best:
                best = cand
        return best

    heap: list[tuple[float, int, int]] = []
    for t in np.flatnonzero(treated).tolist():
        found = nearest(values[t])
        if found and found[0] <= caliper:
            heap.append((found[0], t, found[1]))
    heapq.heapify(heap)
    used = [False] * n
    pairs = []
    while heap:
        dist, t, pos = heapq.heappop(heap)
        if used[pos]:  # taken meanwhile: look again for this treated unit
            found = nearest(values[t])
            if found and found[0] <= caliper:
                heapq.heappush(heap, (found[0], t, found[1]))
            continue
        used[pos] = True
        right[pos] = pos + 1
        left[pos + 1] = pos
        pairs.append((t, int(c_idx[pos])))
    return pairs


def propensity_match(
    rows: Sequence[dict[str, float | None]], treated: Sequence[bool], covariates: Sequence[str]
) -> MatchResult:
    """Rows with a missing covariate are left out (complete cases)."""
    # One array of the raw values (None = missing), masked at once rather than row by row.
    raw = np.array([[r.get(c) for c in covariates] for r in rows], dtype=object)
    raw = raw.reshape(len(rows), len(covariates))
    kept = ~np.equal(raw, None).any(axis=1)
    complete = np.flatnonzero(kept).tolist()
    x = raw[kept].astype(float)
    t = np.asarray(treated, dtype=bool)[kept]
    excluded = len(rows) - len(complete)
    if len(complete) == 0 or t.all() or not t.any():
        return MatchResult(
            tuple(covariates),
            len(complete),
            excluded,
            (),
            None,
            (),
            QT_TRANSLATE_NOOP("Reports", "both groups need complete covariates"),
        )
    # Constant columns carry no information and make the design singular.
    keep = [j for j in range(x.shape[1]) if np.ptp(x[:, j]) > 0]
    design = add_constant(x[:, keep], has_constant="add")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = Logit(t.astype(float), design).fit(disp=False, maxiter=200)
        logit = design @ fit.params
        note = ""
    except Exception as exc:  # perfect separation on small samples
        return MatchResult(
            tuple(covariates),
            len(complete),
            excluded,
            (),
            None,
            (),
            f"the propensity model could not be fitted: {exc}",
        )
    caliper = CALIPER_SD * float(np.std(logit, ddof=1))
    local_pairs = greedy_match(logit, t, caliper)
    matched = np.zeros(len(t), dtype=bool)
    for a, b in local_pairs:
        matched[a] = matched[b] = True
    balance = tuple(
        Balance(c, smd(x[:, j], t), smd(x[matched, j], t[matched]) if local_pairs else None)
        for j, c in enumerate(covariates)
    )
    pairs = tuple((complete[a], complete[b]) for a, b in local_pairs)
    names = ["const", *(covariates[j] for j in keep)]
    ci = np.asarray(fit.conf_int())
    coefficients = tuple(
        (name, float(fit.params[i]), float(ci[i, 0]), float(ci[i, 1]), float(fit.pvalues[i]))
        for i, name in enumerate(names)
    )
    # c-statistic = P(score of a treated > score of a control) = U / (n1 n0) (Mann-Whitney).
    u = mannwhitneyu(logit[t], logit[~t]).statistic
    c_stat = float(u / (t.sum() * (~t).sum()))
    return MatchResult(
        tuple(covariates),
        len(complete),
        excluded,
        pairs,
        caliper,
        balance,
        note,
        coefficients,
        c_stat,
    )

"""The study's own analysis on the data set from services.outcomes (DESIGN §3)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ..clinical import RateSummary, rate_summary
from .propensity import MatchResult, propensity_match
from .survival import Comparison, Curve, compare_groups, kaplan_meier

# Prespecified propensity covariates (names of services.outcomes.ParticipantOutcome fields).
PROPENSITY_COVARIATES = (
    "age",
    "male",
    "ecog",
    "liver_met_count",
    "liver_met_largest_mm",
    "synchronous",
    "bone_metastases",
    "primary_recurrence",
    "ebv_log10",
)
COHORT_LABELS = {"hepatectomy": "Hepatectomy", "systemic": "Systemic only"}
INDEX_DATE_STATEMENT = (
    "Index date: the liver resection (hepatectomy group); the start of systemic treatment "
    "for the liver metastases (systemic-only group)."
)


@dataclass(frozen=True)
class Rate:
    label: str
    summary: RateSummary | None  # None when no operation is recorded


@dataclass(frozen=True)
class AnalysisResult:
    index_statement: str
    n_hepatectomy: int
    n_systemic: int
    os_curves: tuple[Curve, ...]
    os_comparison: Comparison
    rfs_curve: Curve | None
    matching: MatchResult
    matched_os_curves: tuple[Curve, ...]
    matched_os_comparison: Comparison | None
    perioperative: tuple[Rate, ...]
    n_operated: int
    cci_mean: float | None
    cci_median: float | None

    def to_dict(self) -> dict:
        return asdict(self)


def _curves(rows: Sequence) -> tuple[Curve, ...]:
    curves = []
    for cohort, label in COHORT_LABELS.items():
        group = [r for r in rows if r.cohort == cohort]
        if group:
            curves.append(
                kaplan_meier(label, [r.os.days for r in group], [r.os.event for r in group])
            )
    return tuple(curves)


def _perioperative(rows: Sequence) -> tuple[tuple[Rate, ...], int, list[float]]:
    periop = [r.perioperative for r in rows if r.perioperative is not None]
    n = len(periop)

    def rate(label: str, attr: str) -> Rate:
        k = sum(bool(getattr(p, attr)) for p in periop)
        return Rate(label, rate_summary(k, n) if n else None)

    rates = (
        rate("90-day morbidity (any complication)", "morbidity_90d"),
        rate("90-day major morbidity (Clavien-Dindo ≥ IIIa)", "major_morbidity_90d"),
        rate("30-day mortality", "mortality_30d"),
        rate("90-day mortality", "mortality_90d"),
        rate("Unplanned reoperation during the index stay", "unplanned_reoperation_index_stay"),
    )
    return rates, n, [p.cci for p in periop]


def run_analysis(rows: Sequence) -> AnalysisResult:
    """rows: services.outcomes.ParticipantOutcome (any object with the same fields)."""
    treated = [r.cohort == "hepatectomy" for r in rows]
    os_days = [r.os.days for r in rows]
    os_events = [r.os.event for r in rows]
    hep = [r for r in rows if r.cohort == "hepatectomy"]
    rfs_rows = [r for r in hep if r.rfs is not None]
    rfs_curve = (
        kaplan_meier("Hepatectomy", [r.rfs.days for r in rfs_rows], [r.rfs.event for r in rfs_rows])
        if rfs_rows
        else None
    )

    covariate_rows = [{c: getattr(r, c) for c in PROPENSITY_COVARIATES} for r in rows]
    matching = propensity_match(covariate_rows, treated, PROPENSITY_COVARIATES)
    matched_curves: tuple[Curve, ...] = ()
    matched_cmp = None
    if matching.pairs:
        order = [i for pair in matching.pairs for i in pair]
        pair_id = [k for k, _pair in enumerate(matching.pairs) for _ in (0, 1)]
        matched_rows = [rows[i] for i in order]
        matched_curves = _curves(matched_rows)
        matched_cmp = compare_groups(
            [r.os.days for r in matched_rows],
            [r.os.event for r in matched_rows],
            [r.cohort == "hepatectomy" for r in matched_rows],
            clusters=pair_id,
        )
    rates, n_operated, ccis = _perioperative(rows)
    return AnalysisResult(
        index_statement=INDEX_DATE_STATEMENT,
        n_hepatectomy=len(hep),
        n_systemic=len(rows) - len(hep),
        os_curves=_curves(rows),
        os_comparison=compare_groups(os_days, os_events, treated),
        rfs_curve=rfs_curve,
        matching=matching,
        matched_os_curves=matched_curves,
        matched_os_comparison=matched_cmp,
        perioperative=rates,
        n_operated=n_operated,
        cci_mean=round(statistics.fmean(ccis), 1) if ccis else None,
        cci_median=round(statistics.median(ccis), 1) if ccis else None,
    )

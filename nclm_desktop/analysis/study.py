"""The study's own analysis on the data set from services.outcomes (docs/ARCHITECTURE.md §4)."""

from __future__ import annotations

import functools
import operator
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from ..clinical import ASSUMED_STAY_DAYS, RateSummary, rate_summary
from ..clinical.index_stay import INDEX_STAY_UNKNOWN
from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..services.outcomes import collector_paused
from .baseline_table import BaselineRow, baseline_table
from .propensity import CALIPER_SD, MatchResult, propensity_match
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
INDEX_DATE_STATEMENT = QT_TRANSLATE_NOOP(
    "Reports",
    "Index date: the liver resection (hepatectomy group); the start of systemic treatment "
    "for the liver metastases (systemic-only group).",
)


@dataclass(frozen=True)
class Rate:
    label: str
    summary: RateSummary | None  # None when no operation (with a known value) is recorded
    missing: int = 0  # operations whose value is unknown (left out of n)


@dataclass(frozen=True)
class Flow:
    """screened -> eligible -> enrolled -> each cohort -> analysed -> matched."""

    screened: int | None
    eligible: int | None
    not_eligible_by_reason: tuple[tuple[str, int], ...]
    enrolled: int | None
    enrolled_by_cohort: dict[str, int]
    without_index_date: dict[str, int]
    excluded_bad_data: int
    analysed_by_cohort: dict[str, int]
    matched_pairs: int


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
    cci_iqr: tuple[float | None, float | None] = (None, None)
    baseline: tuple[BaselineRow, ...] = ()
    flow: Flow | None = None
    exclusions: tuple[tuple[str, str], ...] = ()  # (study ID, reason)
    # Each exclusion's reason as a marked template and its values ("" and {} if none).
    exclusion_templates: tuple[tuple[str, dict], ...] = ()
    data_quality: tuple[str, ...] = ()
    index_stay_unknown: tuple[str, ...] = ()  # study IDs (a data-quality note)
    settings: dict = field(default_factory=dict)  # what the methods paragraph states

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
        known = [getattr(p, attr) for p in periop if getattr(p, attr) is not None]
        k = sum(bool(v) for v in known)
        return Rate(label, rate_summary(k, len(known)) if known else None, n - len(known))

    rates = (
        rate(QT_TRANSLATE_NOOP("Reports", "90-day morbidity (any complication)"), "morbidity_90d"),
        rate(
            QT_TRANSLATE_NOOP("Reports", "90-day major morbidity (Clavien-Dindo ≥ IIIa)"),
            "major_morbidity_90d",
        ),
        rate(QT_TRANSLATE_NOOP("Reports", "30-day mortality"), "mortality_30d"),
        rate(QT_TRANSLATE_NOOP("Reports", "90-day mortality"), "mortality_90d"),
        rate(
            QT_TRANSLATE_NOOP("Reports", "Unplanned reoperation during the index stay"),
            "unplanned_reoperation_index_stay",
        ),
    )
    return rates, n, [p.cci for p in periop]


def software_versions() -> dict[str, str]:
    return dict(_installed_versions())


@functools.cache  # reading package metadata is slow; what is loaded cannot change meanwhile
def _installed_versions() -> tuple[tuple[str, str], ...]:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    out = {"Python": platform.python_version()}
    for name in ("nclm-desktop", "lifelines", "statsmodels", "scipy", "numpy", "pandas"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "unknown"
    return tuple(out.items())


def _settings() -> dict:
    from .survival import LANDMARK_MONTHS

    return {
        # The phrases are marked for translation: the Chinese report prints them in Chinese.
        "km_ci": QT_TRANSLATE_NOOP(
            "Reports", "95 % pointwise, Greenwood variance on the log(-log) scale (lifelines)"
        ),
        "landmarks_months": list(LANDMARK_MONTHS),
        "horizon_months": 60,
        "logrank": QT_TRANSLATE_NOOP("Reports", "two-sided log-rank test (lifelines logrank_test)"),
        "cox": QT_TRANSLATE_NOOP(
            "Reports",
            "Cox proportional hazards, Efron ties (lifelines CoxPHFitter); robust "
            "(sandwich) errors clustered on matched pairs in the matched cohort",
        ),
        "propensity_model": QT_TRANSLATE_NOOP(
            "Reports", "logistic regression (statsmodels Logit), complete cases"
        ),
        "matching": f"1:1 greedy nearest neighbour on the logit, without replacement, "
        f"caliper {CALIPER_SD} SD of the logit",
        "caliper_sd": CALIPER_SD,
        "balance_threshold": 0.1,
        "rate_ci": QT_TRANSLATE_NOOP(
            "Reports", "Wilson score and Clopper-Pearson exact 95 % intervals"
        ),
        "index_stay_assumed_days": ASSUMED_STAY_DAYS,
        "software": software_versions(),
    }


def _data_quality(rows: Sequence, exclusions: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    notes = [f"{sid}: left out of the analysis: {reason}" for sid, reason in exclusions]
    unknown = _index_stay_unknown(rows)
    if unknown:
        notes.append(
            INDEX_STAY_UNKNOWN.format(
                n=len(unknown), days=ASSUMED_STAY_DAYS, ids=", ".join(unknown)
            )
        )
    return tuple(notes)


def _index_stay_unknown(rows: Sequence) -> tuple[str, ...]:
    return tuple(
        r.study_id
        for r in rows
        if r.perioperative is not None and r.perioperative.unplanned_reoperation_index_stay is None
    )


def _flow(flow, rows: Sequence, n_excluded: int, pairs: int) -> Flow:
    analysed = {c: sum(r.cohort == c for r in rows) for c in COHORT_LABELS}
    if flow is None:
        return Flow(None, None, (), None, {}, {}, n_excluded, analysed, pairs)
    return Flow(
        flow.screened,
        flow.eligible,
        tuple(flow.not_eligible_by_reason),
        flow.enrolled,
        dict(flow.enrolled_by_cohort),
        dict(flow.without_index_date),
        n_excluded,
        analysed,
        pairs,
    )


def run_analysis(rows: Sequence, exclusions: Sequence = (), flow=None) -> AnalysisResult:
    """rows: services.outcomes.ParticipantOutcome (any object with the same fields);
    exclusions: services.outcomes.Exclusion; flow: services.outcomes.StudyFlow."""
    with collector_paused():
        return _analysis(rows, exclusions, flow)


def _analysis(rows: Sequence, exclusions: Sequence, flow) -> AnalysisResult:
    excluded = tuple((e.study_id, e.reason) for e in exclusions)
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

    covariates_of = operator.attrgetter(*PROPENSITY_COVARIATES)
    covariate_rows = [dict(zip(PROPENSITY_COVARIATES, covariates_of(r), strict=True)) for r in rows]
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
        cci_iqr=tuple(round(float(q), 1) for q in np.percentile(ccis, [25, 75]))
        if ccis
        else (None, None),
        baseline=baseline_table(rows, matching),
        flow=_flow(flow, rows, len(excluded), len(matching.pairs)),
        exclusions=excluded,
        exclusion_templates=tuple(
            (getattr(e, "template", ""), dict(getattr(e, "params", ()))) for e in exclusions
        ),
        data_quality=_data_quality(rows, excluded),
        index_stay_unknown=_index_stay_unknown(rows),
        settings=_settings(),
    )

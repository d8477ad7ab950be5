"""Kaplan-Meier, log-rank and Cox regression with lifelines (docs/ARCHITECTURE.md §4, Analysis)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from lifelines import CoxPHFitter, KaplanMeierFitter
from lifelines.statistics import logrank_test
from lifelines.utils import median_survival_times

from ..clinical.text_marks import QT_TRANSLATE_NOOP

DAYS_PER_MONTH = 365.25 / 12
LANDMARK_MONTHS = (12, 36, 60)
AT_RISK_MONTHS = (0, 12, 24, 36, 48, 60)  # the figures' x ticks


@dataclass(frozen=True)
class Curve:
    """A step function for plotting: time in months, survival and its 95 % CI."""

    label: str
    n: int
    events: int
    months: tuple[float, ...]
    survival: tuple[float, ...]
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    median: float | None  # months; None = not reached
    median_ci: tuple[float | None, float | None]
    landmarks: tuple[tuple[int, float | None, float | None, float | None], ...]  # (m, S, lo, hi)
    at_risk: tuple[tuple[int, int], ...] = ()  # (month, number at risk), at AT_RISK_MONTHS
    censor_months: tuple[float, ...] = ()  # times of censored observations (tick marks)


@dataclass(frozen=True)
class Comparison:
    logrank_p: float | None
    hazard_ratio: float | None
    hr_ci: tuple[float | None, float | None]
    hr_p: float | None
    note: str = ""
    logrank_chi2: float | None = None
    logrank_df: int | None = None
    # (group, n, events) for hepatectomy then systemic only
    groups: tuple[tuple[str, int, int], ...] = ()


def _none_if_inf(value: float) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def kaplan_meier(label: str, days: Sequence[int], events: Sequence[bool]) -> Curve:
    """KM estimate with lifelines' Greenwood-based (exponential, log-log) 95 % band."""
    months = np.asarray(days, dtype=float) / DAYS_PER_MONTH
    observed = np.asarray(events, dtype=bool)
    kmf = KaplanMeierFitter(label=label).fit(months, observed)
    sf = kmf.survival_function_[label]
    ci = kmf.confidence_interval_survival_function_
    lower, upper = ci.iloc[:, 0], ci.iloc[:, 1]
    med_ci = median_survival_times(kmf.confidence_interval_)
    landmarks = []
    for m in LANDMARK_MONTHS:
        if len(months) == 0:
            landmarks.append((m, None, None, None))
        elif m > months.max() and float(sf.iloc[-1]) > 0:
            # The last observation was censored: nothing is known beyond it.
            landmarks.append((m, None, None, None))
        else:
            # Within follow-up, or after the curve fell to 0 with a death (stays 0).
            at = sf.index[sf.index <= m].max()
            landmarks.append((m, float(sf[at]), float(lower[at]), float(upper[at])))
    return Curve(
        label=label,
        n=int(len(months)),
        events=int(observed.sum()),
        months=tuple(float(t) for t in sf.index),
        survival=tuple(float(v) for v in sf),
        lower=tuple(float(v) for v in lower),
        upper=tuple(float(v) for v in upper),
        median=_none_if_inf(kmf.median_survival_time_),
        median_ci=(_none_if_inf(med_ci.iloc[0, 0]), _none_if_inf(med_ci.iloc[0, 1])),
        landmarks=tuple(landmarks),
        at_risk=at_risk_counts(kmf),
        censor_months=tuple(float(t) for t in np.unique(months[~observed])),
    )


def at_risk_counts(kmf: KaplanMeierFitter) -> tuple[tuple[int, int], ...]:
    """Numbers at risk at AT_RISK_MONTHS, counted as lifelines' ``add_at_risk_counts`` does
    (at risk minus removed at the last event-table time on or before the tick)."""
    table = kmf.event_table
    remaining = table["at_risk"] - table["removed"]
    out = []
    for tick in AT_RISK_MONTHS:
        upto = remaining.loc[:tick]
        out.append((tick, int(upto.iloc[-1]) if len(upto) else int(table["at_risk"].iloc[0])))
    return tuple(out)


def compare_groups(
    days: Sequence[int],
    events: Sequence[bool],
    treated: Sequence[bool],
    clusters: Sequence[int] | None = None,
) -> Comparison:
    """Log-rank test and Cox hazard ratio of treated (hepatectomy) vs control.

    With matched pairs as ``clusters`` the Cox model uses robust (sandwich) errors.
    """
    frame = pd.DataFrame(
        {
            "months": np.asarray(days, dtype=float) / DAYS_PER_MONTH,
            "event": np.asarray(events, dtype=bool),
            "hepatectomy": np.asarray(treated, dtype=float),
        }
    )
    groups = frame["hepatectomy"] == 1
    counts = (
        ("Hepatectomy", int(groups.sum()), int(frame.event[groups].sum())),
        ("Systemic only", int((~groups).sum()), int(frame.event[~groups].sum())),
    )
    if groups.all() or not groups.any() or frame["event"].sum() == 0:
        return Comparison(
            None,
            None,
            (None, None),
            None,
            QT_TRANSLATE_NOOP("Reports", "needs both groups and at least one event"),
            groups=counts,
        )
    lr = logrank_test(
        frame.months[groups], frame.months[~groups], frame.event[groups], frame.event[~groups]
    )
    logrank = {
        "logrank_chi2": float(lr.test_statistic),
        "logrank_df": int(lr.degrees_of_freedom),
        "groups": counts,
    }
    cox_kwargs = {}
    if clusters is not None:
        frame["pair"] = np.asarray(clusters)
        cox_kwargs["cluster_col"] = "pair"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Batch mode: the same Efron fit, vectorised over tied times (survival in days
            # ties a lot); lifelines' own chooser picks the slower loop for these sizes.
            cph = CoxPHFitter().fit(frame, "months", "event", batch_mode=True, **cox_kwargs)
        summary = cph.summary.loc["hepatectomy"]
        return Comparison(
            logrank_p=float(lr.p_value),
            hazard_ratio=float(summary["exp(coef)"]),
            hr_ci=(float(summary["exp(coef) lower 95%"]), float(summary["exp(coef) upper 95%"])),
            hr_p=float(summary["p"]),
            **logrank,
        )
    except Exception as exc:  # convergence failure on tiny or separated data
        return Comparison(
            float(lr.p_value), None, (None, None), None, f"Cox model: {exc}", **logrank
        )

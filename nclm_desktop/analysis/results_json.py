"""The analysis as plain, stable keys: the contents of results.json (keys documented in the
README, "results.json"). The outcomes report PDF is printed from this same dictionary, so the
paper and the file cannot disagree. Bump SCHEMA when a key changes meaning or goes away."""

from __future__ import annotations

import math
from dataclasses import asdict

from .baseline_table import LABELS
from .study import AnalysisResult
from .survival import Comparison, Curve

SCHEMA = "nclm-results/1"


def _f(v: float | None) -> float | None:
    """Finite floats only: JSON has no NaN or infinity."""
    return None if v is None or not math.isfinite(v) else float(v)


def curve_dict(c: Curve) -> dict:
    return {
        "label": c.label,
        "n": c.n,
        "events": c.events,
        "median_months": _f(c.median),  # null: not reached
        "median_ci": [_f(c.median_ci[0]), _f(c.median_ci[1])],  # null: open (not reached)
        "landmarks": [
            {"month": m, "survival": _f(s), "ci_low": _f(lo), "ci_high": _f(hi)}
            for m, s, lo, hi in c.landmarks
        ],
        "at_risk": [{"month": m, "n": n} for m, n in c.at_risk],
        "steps": {
            "months": list(c.months),
            "survival": list(c.survival),
            "ci_low": list(c.lower),
            "ci_high": list(c.upper),
        },
    }


def comparison_dict(c: Comparison | None) -> dict | None:
    if c is None:
        return None
    return {
        "logrank_chi2": _f(c.logrank_chi2),
        "logrank_df": c.logrank_df,
        "logrank_p": _f(c.logrank_p),
        "groups": [{"group": g, "n": n, "events": e} for g, n, e in c.groups],
        "hazard_ratio": _f(c.hazard_ratio),
        "hr_ci": [_f(c.hr_ci[0]), _f(c.hr_ci[1])],
        "hr_p": _f(c.hr_p),
        "note": c.note,
    }


def results_dict(r: AnalysisResult, figures: tuple[str, ...] = ()) -> dict:
    m = r.matching
    return {
        "schema": SCHEMA,
        "index_statement": r.index_statement,
        "n": {"hepatectomy": r.n_hepatectomy, "systemic": r.n_systemic},
        "flow": asdict(r.flow) if r.flow else None,
        "baseline": [
            {
                "variable": b.variable,
                "label": b.label,
                "binary": b.binary,
                "hepatectomy": asdict(b.hepatectomy),
                "systemic": asdict(b.systemic),
                "smd_before": _f(b.smd_before),
                "smd_after": _f(b.smd_after),
            }
            for b in r.baseline
        ],
        "overall_survival": {
            "curves": [curve_dict(c) for c in r.os_curves],
            "comparison": comparison_dict(r.os_comparison),
        },
        "intrahepatic_rfs": {"curves": [curve_dict(r.rfs_curve)] if r.rfs_curve else []},
        "propensity": {
            "covariates": [{"name": c, "label": LABELS.get(c, c)} for c in m.covariates],
            "n_complete": m.n_used,
            "n_missing_covariates": m.n_excluded_missing,
            "coefficients": [
                {"term": t, "coef": _f(b), "ci_low": _f(lo), "ci_high": _f(hi), "p": _f(p)}
                for t, b, lo, hi, p in m.coefficients
            ],
            "c_statistic": _f(m.c_statistic),
            "caliper_logit": _f(m.caliper),
            "matched_pairs": len(m.pairs),
            "balance": [
                {
                    "covariate": b.covariate,
                    "smd_before": _f(b.smd_before),
                    "smd_after": _f(b.smd_after),
                }
                for b in m.balance
            ],
            "note": m.note,
        },
        "matched_overall_survival": {
            "curves": [curve_dict(c) for c in r.matched_os_curves],
            "comparison": comparison_dict(r.matched_os_comparison),
        },
        "perioperative": {
            "n_operated": r.n_operated,
            "rates": [
                {
                    "label": rate.label,
                    "k": s.k if s else None,
                    "n": s.n if s else None,
                    "missing": rate.missing,
                    "proportion": _f(s.proportion) if s else None,
                    "wilson": [_f(x) for x in s.wilson] if s else None,
                    "clopper_pearson": [_f(x) for x in s.clopper_pearson] if s else None,
                }
                for rate in r.perioperative
                for s in [rate.summary]
            ],
            "cci": {
                "mean": r.cci_mean,
                "median": r.cci_median,
                "q1": r.cci_iqr[0],
                "q3": r.cci_iqr[1],
            },
        },
        "exclusions": [
            {"study_id": sid, "reason": reason, "template": template, "params": params}
            for (sid, reason), (template, params) in zip(
                r.exclusions,
                r.exclusion_templates or [("", {})] * len(r.exclusions),
                strict=True,
            )
        ],
        "data_quality": list(r.data_quality),
        "index_stay_unknown": list(r.index_stay_unknown),
        "settings": r.settings,
        "figures": list(figures),
    }

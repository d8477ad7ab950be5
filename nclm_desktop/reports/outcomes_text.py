"""How the outcomes report writes numbers and sentences from results.json.

One place for the formats, so that the report, its test and the reader agree: percentages
with one decimal, hazard ratios with two, p with three (or "< 0.001"), an open confidence
limit or an unreached median as "NR".
"""

from __future__ import annotations

from collections.abc import Callable

from .screening_log import EXCLUSION_LABELS as CRITERION_LABELS

__all__ = ["CRITERION_LABELS"]


def num(v: float | None, digits: int = 1) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def bound(v: float | None, digits: int = 1) -> str:
    """A median or a confidence limit of one: None means not reached."""
    return "NR" if v is None else f"{v:.{digits}f}"


def pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f} %"


def ci_text(pair: list | tuple | None) -> str:
    """A percentage interval: '31.5–93.1 %'."""
    if not pair or pair[0] is None or pair[1] is None:
        return "–"
    return f"{100 * pair[0]:.1f}–{100 * pair[1]:.1f} %"


def p_text(v: float | None) -> str:
    if v is None:
        return "–"
    return "< 0.001" if v < 0.001 else f"{v:.3f}"


def median_text(curve: dict) -> str:
    lo, hi = curve["median_ci"]
    return f"{bound(curve['median_months'])} ({bound(lo)}–{bound(hi)})"


def landmark_text(mark: dict) -> str:
    """Survival in percent with its interval, '81.7 (61.0–92.1)'; '–' when unknown."""
    if mark["survival"] is None:
        return "–"
    lo, hi = mark["ci_low"], mark["ci_high"]
    return f"{100 * mark['survival']:.1f} ({100 * lo:.1f}–{100 * hi:.1f})"


def comparison_lines(c: dict | None) -> list[str]:
    if c is None:
        return []
    events = ", ".join(f"{g['group']} {g['events']} of {g['n']}" for g in c["groups"])
    lines = []
    if c["logrank_p"] is None:
        lines.append(f"Comparison not available ({c['note']}). Events: {events}.")
        return lines
    lines.append(
        f"Log-rank test: χ² = {num(c['logrank_chi2'], 2)}, df = {c['logrank_df']}, "
        f"p = {p_text(c['logrank_p'])}. Events: {events}."
    )
    if c["hazard_ratio"] is None:
        lines.append(f"Cox model not available ({c['note']}).")
    else:
        lo, hi = c["hr_ci"]
        lines.append(
            f"Cox hazard ratio, hepatectomy vs systemic only: {num(c['hazard_ratio'], 2)} "
            f"(95 % CI {bound(lo, 2)}–{bound(hi, 2)}), p = {p_text(c['hr_p'])}."
        )
    return lines


def rate_rows(rates: list[dict]) -> list[list[str]]:
    rows = []
    for r in rates:
        if r["n"] is None:
            rows.append([r["label"], "–", "–", "–", "–", str(r["missing"] or " ")])
            continue
        rows.append(
            [
                r["label"],
                f"{r['k']}/{r['n']}",
                pct(r["proportion"]),
                ci_text(r["wilson"]),
                ci_text(r["clopper_pearson"]),
                str(r["missing"]) if r["missing"] else " ",
            ]
        )
    return rows


def methods_paragraph(results: dict) -> str:
    s = results["settings"]
    sw = s["software"]
    marks = ", ".join(str(m) for m in s["landmarks_months"])
    return (
        "Overall survival was counted from the index date (the liver resection for the "
        "hepatectomy group, the start of systemic treatment for the liver metastases for the "
        "systemic-only group) to death from any cause; intrahepatic recurrence-free survival "
        "from the resection to intrahepatic recurrence or death. Participants without the "
        f"event were censored at their last contact, and all at {s['horizon_months']} months. "
        "Survival was estimated with the Kaplan-Meier method, with "
        f"{s['km_ci']}; landmark survival is given at {marks} months. Groups were compared "
        f"with the {s['logrank']} and a {s['cox']}. The propensity of hepatectomy was "
        f"estimated by {s['propensity_model']} on the covariates of the baseline table; "
        f"participants were matched {s['matching']}, and balance was judged by |SMD| < "
        f"{s['balance_threshold']}. Perioperative rates are given with {s['rate_ci']}; an "
        "unplanned reoperation counted as during the index stay up to the discharge date, or "
        f"within {s['index_stay_assumed_days']} days of the operation when no discharge date "
        "was recorded (later ones without a discharge date are counted as unknown). "
        f"Software: NCLM Desktop {sw.get('nclm-desktop')}, Python {sw.get('Python')}, "
        f"lifelines {sw.get('lifelines')}, statsmodels {sw.get('statsmodels')}, "
        f"SciPy {sw.get('scipy')}, NumPy {sw.get('numpy')}, pandas {sw.get('pandas')}."
    )


# Section headings of the zh_CN report; the body text is English until it is translated.
_ZH = {
    "Outcomes report": "结局分析报告",
    "Analysis population and flow": "分析人群与研究流程",
    "Baseline characteristics by cohort": "各队列基线特征",
    "Overall survival": "总生存",
    "Intrahepatic recurrence-free survival (hepatectomy)": "肝内无复发生存（肝切除组）",
    "Propensity score model and balance": "倾向性评分模型与均衡性",
    "Overall survival in the propensity-matched cohort": "倾向性评分匹配队列的总生存",
    "Perioperative outcomes (hepatectomy)": "围手术期结局（肝切除组）",
    "Methods": "统计方法",
    "Data-quality notes": "数据质量说明",
}


def translate(lang: str) -> Callable[[str], str]:
    if lang == "zh_CN":
        return lambda text: f"{_ZH[text]} {text}" if text in _ZH else text
    return lambda text: text

"""How the outcomes report writes numbers and sentences from results.json.

One place for the formats, so that the report, its test and the reader agree: percentages
with one decimal, hazard ratios with two, p with three (or "< 0.001"), an open confidence
limit or an unreached median as "NR".
"""

from __future__ import annotations

from .language import ReportLanguage, translated
from .screening_log import EXCLUSION_LABELS as CRITERION_LABELS

__all__ = ["CRITERION_LABELS"]
EN = ReportLanguage("en")


def num(v: float | None, digits: int = 1) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def bound(v: float | None, digits: int = 1) -> str:
    """A median or a confidence limit of one: None means not reached."""
    return "NR" if v is None else f"{v:.{digits}f}"


def pct(v: float | None, lang: ReportLanguage = EN) -> str:
    return "–" if v is None else lang.pct(v)


def ci_text(pair: list | tuple | None, lang: ReportLanguage = EN) -> str:
    """A percentage interval: '31.5–93.1 %' ('31.5%–93.1%' in Chinese)."""
    if not pair or pair[0] is None or pair[1] is None:
        return "–"
    if lang.chinese:
        return lang.pct_range(pair[0], pair[1])
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


def comparison_lines(c: dict | None, lang: ReportLanguage = EN) -> list[str]:
    if c is None:
        return []
    t = lang.t
    events = lang.join(
        t("{group} {events} of {n}").format(
            group=translated(lang, g["group"]), events=g["events"], n=g["n"]
        )
        for g in c["groups"]
    )
    lines = []
    if c["logrank_p"] is None:
        lines.append(
            t("Comparison not available ({note}). Events: {events}.").format(
                note=translated(lang, c["note"]), events=events
            )
        )
        return lines
    lines.append(
        t("Log-rank test: χ² = {chi2}, df = {df}, p = {p}. Events: {events}.").format(
            chi2=num(c["logrank_chi2"], 2),
            df=c["logrank_df"],
            p=p_text(c["logrank_p"]),
            events=events,
        )
    )
    if c["hazard_ratio"] is None:
        lines.append(
            t("Cox model not available ({note}).").format(note=translated(lang, c["note"]))
        )
    else:
        lo, hi = c["hr_ci"]
        lines.append(
            t(
                "Cox hazard ratio, hepatectomy vs systemic only: {hr} (95 % CI {lo}–{hi}), p = {p}."
            ).format(
                hr=num(c["hazard_ratio"], 2), lo=bound(lo, 2), hi=bound(hi, 2), p=p_text(c["hr_p"])
            )
        )
    return lines


def rate_rows(rates: list[dict], lang: ReportLanguage = EN) -> list[list[str]]:
    rows = []
    for r in rates:
        label = translated(lang, r["label"])
        if r["n"] is None:
            rows.append([label, "–", "–", "–", "–", str(r["missing"] or " ")])
            continue
        rows.append(
            [
                label,
                f"{r['k']}/{r['n']}",
                pct(r["proportion"], lang),
                ci_text(r["wilson"], lang),
                ci_text(r["clopper_pearson"], lang),
                str(r["missing"]) if r["missing"] else " ",
            ]
        )
    return rows


def methods_paragraph(results: dict, lang: ReportLanguage = EN) -> str:
    s = results["settings"]
    sw = s["software"]
    if lang.chinese:
        return _methods_zh(s, sw, lang)
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


def _methods_zh(s: dict, sw: dict, lang: ReportLanguage) -> str:
    """The methods in Chinese: one marked template, the method phrases of the settings
    translated where they are defined (analysis/study.py)."""
    t = lang.t
    caliper = s.get("caliper_sd")
    matching = (
        t("1:1 greedy nearest neighbour on the logit, without replacement, caliper {sd} SD").format(
            sd=caliper
        )
        if caliper is not None
        else translated(lang, s["matching"])
    )
    return t(
        "Overall survival was counted from the index date (the liver resection for the "
        "hepatectomy group, the start of systemic treatment for the liver metastases for the "
        "systemic-only group) to death from any cause; intrahepatic recurrence-free survival "
        "from the resection to intrahepatic recurrence or death. Participants without the "
        "event were censored at their last contact, and all at {horizon} months. Survival "
        "was estimated with the Kaplan-Meier method, with {km_ci}; landmark survival is given "
        "at {marks} months. Groups were compared with the {logrank} and a {cox}. The "
        "propensity of hepatectomy was estimated by {propensity} on the covariates of the "
        "baseline table; participants were matched {matching}, and balance was judged by "
        "|SMD| < {balance}. Perioperative rates are given with {rate_ci}; an unplanned "
        "reoperation counted as during the index stay up to the discharge date, or within "
        "{stay} days of the operation when no discharge date was recorded (later ones without "
        "a discharge date are counted as unknown). Software: {software}."
    ).format(
        horizon=s["horizon_months"],
        km_ci=translated(lang, s["km_ci"]),
        marks=lang.join(str(m) for m in s["landmarks_months"]),
        logrank=translated(lang, s["logrank"]),
        cox=translated(lang, s["cox"]),
        propensity=translated(lang, s["propensity_model"]),
        matching=matching,
        balance=s["balance_threshold"],
        rate_ci=translated(lang, s["rate_ci"]),
        stay=s["index_stay_assumed_days"],
        software=lang.join(
            f"{name} {sw.get(key)}"
            for name, key in (
                ("NCLM Desktop", "nclm-desktop"),
                ("Python", "Python"),
                ("lifelines", "lifelines"),
                ("statsmodels", "statsmodels"),
                ("SciPy", "scipy"),
                ("NumPy", "numpy"),
                ("pandas", "pandas"),
            )
        ),
    )

"""The outcomes report: the statistical report investigators hand to co-authors.

Printed from the results.json dictionary (analysis.results_json) and the figures drawn with
it, so every number on paper is the number in the file. No analysis library is imported
here: the report can be laid out in the app process from a child process's results.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether

from ..services.report_data import ReportMeta
from .outcomes_text import (
    CRITERION_LABELS,
    comparison_lines,
    landmark_text,
    median_text,
    methods_paragraph,
    num,
    p_text,
    rate_rows,
    translate,
)
from .template import (
    PageInfo,
    build_pdf,
    data_table,
    frame_width,
    gap,
    kv_table,
    p,
    section,
    styles,
)

COHORTS = (("hepatectomy", "Hepatectomy"), ("systemic", "Systemic only"))


def _figure(png: bytes, width: float) -> Image:
    w, h = ImageReader(io.BytesIO(png)).getSize()
    return Image(io.BytesIO(png), width=width, height=width * h / w)


def _flow(flow: dict | None, n: dict) -> list[Flowable]:
    if not flow:
        return [p("The study flow could not be read.")]

    def cnt(v: int | None) -> str:
        return "–" if v is None else str(v)

    blank = " "  # an empty reason cell, not a dash
    by = flow["enrolled_by_cohort"]
    untreated = flow["without_index_date"]
    analysed = flow["analysed_by_cohort"]
    rows = [
        ["Screened", cnt(flow["screened"]), blank],
        [
            "Not eligible",
            cnt(None if flow["screened"] is None else flow["screened"] - flow["eligible"]),
            "; ".join(
                f"{CRITERION_LABELS.get(c, c)} {k}" for c, k in flow["not_eligible_by_reason"]
            )
            + (" (one person may fail several criteria)" if flow["not_eligible_by_reason"] else ""),
        ],
        ["Eligible", cnt(flow["eligible"]), blank],
        ["Enrolled", cnt(flow["enrolled"]), blank],
    ]
    for key, label in COHORTS:
        rows.append([f"  {label} cohort", cnt(by.get(key)), blank])
        if untreated.get(key):
            rows.append(["    not yet treated (no index date)", str(untreated[key]), blank])
    rows.append(
        [
            "Left out: contradictory records",
            str(flow["excluded_bad_data"]),
            "listed under data-quality notes" if flow["excluded_bad_data"] else blank,
        ]
    )
    for key, label in COHORTS:
        rows.append([f"Analysed, {label.lower()}", str(analysed.get(key, 0)), blank])
    rows.append(["Propensity-matched pairs", str(flow["matched_pairs"]), blank])
    return [data_table(["Step", "Participants", "Reasons"], rows, [0.34, 0.14, 0.52], right=[1])]


def _group_cell(g: dict, binary: bool) -> str:
    if g["n"] == 0:
        return "–"
    if binary:
        return f"{g['count']} ({g['percent']:.1f} %)"
    return f"{num(g['median'])} ({num(g['q1'])}–{num(g['q3'])})"


def _baseline(results: dict) -> list[Flowable]:
    n = results["n"]
    rows = []
    for b in results["baseline"]:
        rows.append(
            [
                b["label"] + (", n (%)" if b["binary"] else ", median (IQR)"),
                _group_cell(b["hepatectomy"], b["binary"]),
                _group_cell(b["systemic"], b["binary"]),
                f"{b['hepatectomy']['missing']} / {b['systemic']['missing']}",
                num(b["smd_before"], 3),
                num(b["smd_after"], 3),
            ]
        )
    header = [
        "Characteristic",
        f"Hepatectomy (n = {n['hepatectomy']})",
        f"Systemic only (n = {n['systemic']})",
        "Missing (H / S)",
        "SMD before",
        "SMD after matching",
    ]
    return [
        data_table(header, rows, [0.3, 0.17, 0.17, 0.1, 0.1, 0.16], right=[3, 4, 5]),
        p(
            "SMD: standardised mean difference, hepatectomy minus systemic only (proportions "
            "for yes/no characteristics); |SMD| < 0.1 is taken as balanced. Missing values "
            "are left out of each summary.",
            styles().small,
        ),
    ]


def _curves_table(curves: Sequence[dict]) -> Flowable:
    rows = []
    for c in curves:
        rows.append(
            [c["label"], str(c["n"]), str(c["events"]), median_text(c)]
            + [landmark_text(m) for m in c["landmarks"]]
        )
    marks = [f"{m['month']} months, % (95 % CI)" for m in curves[0]["landmarks"]] if curves else []
    return data_table(
        ["Group", "n", "Events", "Median, months (95 % CI)", *marks],
        rows,
        [0.17, 0.06, 0.07, 0.2, 0.5 / 3, 0.5 / 3, 0.5 / 3],
        right=[1, 2],
        small=True,
    )


def _survival(heading: str, block: dict, figure: bytes | None, caption: str) -> list[Flowable]:
    if not block["curves"]:
        return [section(heading), p("No data.")]
    together: list[Flowable] = [section(heading)]  # a heading never ends a page alone
    if figure:
        together += [_figure(figure, frame_width() * 0.86), p(caption, styles().small)]
    together += [gap(2), _curves_table(block["curves"])]
    together += [p(line) for line in comparison_lines(block.get("comparison"))]
    out: list[Flowable] = [KeepTogether(together)]
    out.append(
        p(
            "NR: not reached. Landmark survival is '–' after the last follow-up of a curve "
            "ending censored; a curve that fell to 0 with a death stays 0.",
            styles().small,
        )
    )
    return out


def _propensity(results: dict, love: bytes | None) -> list[Flowable]:
    m = results["propensity"]
    labels = {c["name"]: c["label"] for c in m["covariates"]}
    out: list[Flowable] = [
        kv_table(
            [
                ("Covariates", ", ".join(labels.values())),
                (
                    "Complete cases",
                    f"{m['n_complete']} (missing a covariate: {m['n_missing_covariates']})",
                ),
                ("c-statistic", num(m["c_statistic"], 3)),
                ("Caliper (logit)", num(m["caliper_logit"], 3)),
                ("Matched pairs", str(m["matched_pairs"])),
            ],
            columns=1,
        ),
        gap(2),
    ]
    if m["coefficients"]:
        rows = [
            [
                "Intercept" if c["term"] == "const" else labels.get(c["term"], c["term"]),
                num(c["coef"], 3),
                f"{num(c['ci_low'], 3)} to {num(c['ci_high'], 3)}",
                p_text(c["p"]),
            ]
            for c in m["coefficients"]
        ]
        out.append(
            data_table(
                ["Term", "Coefficient (log-odds)", "95 % CI", "p"],
                rows,
                [0.42, 0.18, 0.26, 0.14],
                right=[1, 2, 3],
                small=True,
            )
        )
    if m["note"]:
        out.append(p(m["note"]))
    if love:
        out += [gap(2), KeepTogether([_figure(love, frame_width() * 0.8)])]
    return out


def _perioperative(results: dict) -> list[Flowable]:
    periop = results["perioperative"]
    cci = periop["cci"]
    return [
        data_table(
            ["Outcome", "n/N", "Rate", "95 % CI (Wilson)", "95 % CI (exact)", "Unknown"],
            rate_rows(periop["rates"]),
            [0.37, 0.1, 0.1, 0.16, 0.16, 0.11],
            right=[1, 2, 5],
        ),
        p(
            f"Comprehensive Complication Index per patient (n = {periop['n_operated']}): "
            f"median {num(cci['median'])} (IQR {num(cci['q1'])}–{num(cci['q3'])}), "
            f"mean {num(cci['mean'])}."
        ),
    ]


def build_outcomes_report(
    results: dict,
    figures: dict[str, bytes],
    meta: ReportMeta,
    lang: str = "en",
) -> bytes:
    """``figures``: PNG bytes by figure name (analysis.plots); ``lang`` sets the page header
    and the section headings (the body text is English for now)."""
    t = translate(lang)
    n = results["n"]
    story: list[Flowable] = [
        p(results["index_statement"]),
        p(f"Participants analysed: hepatectomy {n['hepatectomy']}, systemic only {n['systemic']}."),
        section(t("Analysis population and flow")),
        *_flow(results["flow"], n),
        CondPageBreak(120),
        section(t("Baseline characteristics by cohort")),
        *_baseline(results),
        CondPageBreak(300),
        *_survival(
            t("Overall survival"),
            results["overall_survival"],
            figures.get("km-overall-survival"),
            "Kaplan-Meier estimates with 95 % confidence bands; ticks mark censored "
            "observations; numbers at risk under the axis.",
        ),
        CondPageBreak(300),
        *_survival(
            t("Intrahepatic recurrence-free survival (hepatectomy)"),
            results["intrahepatic_rfs"],
            figures.get("km-intrahepatic-rfs"),
            "Kaplan-Meier estimate with 95 % confidence band; ticks mark censored observations.",
        ),
        CondPageBreak(250),
        section(t("Propensity score model and balance")),
        *_propensity(results, figures.get("love-plot")),
        CondPageBreak(300),
        *_survival(
            t("Overall survival in the propensity-matched cohort"),
            results["matched_overall_survival"],
            figures.get("km-overall-survival-matched"),
            "Matched cohort; Cox model with robust errors clustered on matched pairs.",
        ),
        CondPageBreak(150),
        section(t("Perioperative outcomes (hepatectomy)")),
        *_perioperative(results),
        section(t("Methods")),
        p(methods_paragraph(results)),
        section(t("Data-quality notes")),
    ]
    notes = results["data_quality"]
    story += [p(f"• {note}", styles().small) for note in notes] or [
        p("No participant was left out; no value was unknown.")
    ]
    info = PageInfo(t("Outcomes report"), meta, lang=lang)
    return build_pdf(story, info)

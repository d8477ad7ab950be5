"""The outcomes report: the statistical report investigators hand to co-authors.

Printed from the results.json dictionary (analysis.results_json) and the figures drawn with
it, so every number on paper is the number in the file. No analysis library is imported
here: the report can be laid out in the app process from a child process's results.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether

from ..clinical.index_stay import INDEX_STAY_UNKNOWN
from ..clinical.text_marks import Said
from ..clinical.validation import date_name
from ..services.recorded_texts import report_text
from ..services.report_data import ReportMeta
from .language import ReportLanguage, report_language, translated
from .outcomes_text import (
    CRITERION_LABELS,
    comparison_lines,
    landmark_text,
    median_text,
    methods_paragraph,
    num,
    p_text,
    rate_rows,
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

COHORTS = (("hepatectomy", "Hepatectomy"), ("systemic", "Systemic only"))  # the analysis's


def _figure(png: bytes, width: float) -> Image:
    w, h = ImageReader(io.BytesIO(png)).getSize()
    return Image(io.BytesIO(png), width=width, height=width * h / w)


def _flow(flow: dict | None, n: dict, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    if not flow:
        return [p(t("The study flow could not be read."))]

    def cnt(v: int | None) -> str:
        return "–" if v is None else str(v)

    blank = " "  # an empty reason cell, not a dash
    by = flow["enrolled_by_cohort"]
    untreated = flow["without_index_date"]
    analysed = flow["analysed_by_cohort"]
    reasons = ("；" if lang.chinese else "; ").join(
        f"{t(CRITERION_LABELS[c]) if c in CRITERION_LABELS else c} {k}"
        for c, k in flow["not_eligible_by_reason"]
    )
    if flow["not_eligible_by_reason"]:
        reasons += t(" (one person may fail several criteria)")
    rows = [
        [t("Screened"), cnt(flow["screened"]), blank],
        [
            t("Not eligible"),
            cnt(None if flow["screened"] is None else flow["screened"] - flow["eligible"]),
            reasons,
        ],
        [t("Eligible"), cnt(flow["eligible"]), blank],
        [t("Enrolled"), cnt(flow["enrolled"]), blank],
    ]
    for key, label in COHORTS:
        rows.append(["  " + t("{cohort} cohort").format(cohort=t(label)), cnt(by.get(key)), blank])
        if untreated.get(key):
            rows.append(["    " + t("not yet treated (no index date)"), str(untreated[key]), blank])
    rows.append(
        [
            t("Left out: contradictory records"),
            str(flow["excluded_bad_data"]),
            t("listed under data-quality notes") if flow["excluded_bad_data"] else blank,
        ]
    )
    analysed_as = {
        "hepatectomy": t("Analysed, hepatectomy"),
        "systemic": t("Analysed, systemic only"),
    }
    for key, _label in COHORTS:
        rows.append([analysed_as[key], str(analysed.get(key, 0)), blank])
    rows.append([t("Propensity-matched pairs"), str(flow["matched_pairs"]), blank])
    return [
        data_table(
            [t("Step"), t("Participants"), t("Reasons")], rows, [0.34, 0.14, 0.52], right=[1]
        )
    ]


def _group_cell(g: dict, binary: bool, lang: ReportLanguage) -> str:
    if g["n"] == 0:
        return "–"
    if binary:
        return f"{g['count']} ({g['percent']:.1f}{'%' if lang.chinese else ' %'})"
    return f"{num(g['median'])} ({num(g['q1'])}–{num(g['q3'])})"


def _baseline(results: dict, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    n = results["n"]
    rows = []
    for b in results["baseline"]:
        rows.append(
            [
                translated(lang, b["label"])
                + (t(", n (%)") if b["binary"] else t(", median (IQR)")),
                _group_cell(b["hepatectomy"], b["binary"], lang),
                _group_cell(b["systemic"], b["binary"], lang),
                f"{b['hepatectomy']['missing']} / {b['systemic']['missing']}",
                num(b["smd_before"], 3),
                num(b["smd_after"], 3),
            ]
        )
    header = [
        t("Characteristic"),
        t("Hepatectomy (n = {n})").format(n=n["hepatectomy"]),
        t("Systemic only (n = {n})").format(n=n["systemic"]),
        t("Missing (H / S)"),
        t("SMD before"),
        t("SMD after matching"),
    ]
    return [
        data_table(header, rows, [0.3, 0.17, 0.17, 0.1, 0.1, 0.16], right=[3, 4, 5]),
        p(
            t(
                "SMD: standardised mean difference, hepatectomy minus systemic only "
                "(proportions for yes/no characteristics); |SMD| < 0.1 is taken as balanced. "
                "Missing values are left out of each summary."
            ),
            styles().small,
        ),
    ]


def _curves_table(curves: Sequence[dict], lang: ReportLanguage) -> Flowable:
    t = lang.t
    rows = []
    for c in curves:
        rows.append(
            [translated(lang, c["label"]), str(c["n"]), str(c["events"]), median_text(c)]
            + [landmark_text(m) for m in c["landmarks"]]
        )
    marks = (
        [t("{m} months, % (95 % CI)").format(m=m["month"]) for m in curves[0]["landmarks"]]
        if curves
        else []
    )
    return data_table(
        [t("Group"), "n", t("Events"), t("Median, months (95 % CI)"), *marks],
        rows,
        [0.17, 0.06, 0.07, 0.2, 0.5 / 3, 0.5 / 3, 0.5 / 3],
        right=[1, 2],
        small=True,
    )


def _survival(
    heading: str, block: dict, figure: bytes | None, caption: str, lang: ReportLanguage
) -> list[Flowable]:
    t = lang.t
    if not block["curves"]:
        return [section(heading), p(t("No data."))]
    together: list[Flowable] = [section(heading)]  # a heading never ends a page alone
    if figure:
        together += [_figure(figure, frame_width() * 0.86), p(caption, styles().small)]
    together += [gap(2), _curves_table(block["curves"], lang)]
    together += [p(line) for line in comparison_lines(block.get("comparison"), lang)]
    out: list[Flowable] = [KeepTogether(together)]
    out.append(
        p(
            t(
                "NR: not reached. Landmark survival is '–' after the last follow-up of a curve "
                "ending censored; a curve that fell to 0 with a death stays 0."
            ),
            styles().small,
        )
    )
    return out


def _propensity(results: dict, love: bytes | None, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    m = results["propensity"]
    labels = {c["name"]: translated(lang, c["label"]) for c in m["covariates"]}
    out: list[Flowable] = [
        kv_table(
            [
                (t("Covariates"), lang.join(labels.values())),
                (
                    t("Complete cases"),
                    t("{n} (missing a covariate: {m})").format(
                        n=m["n_complete"], m=m["n_missing_covariates"]
                    ),
                ),
                (t("c-statistic"), num(m["c_statistic"], 3)),
                (t("Caliper (logit)"), num(m["caliper_logit"], 3)),
                (t("Matched pairs"), str(m["matched_pairs"])),
            ],
            columns=1,
        ),
        gap(2),
    ]
    if m["coefficients"]:
        rows = [
            [
                t("Intercept") if c["term"] == "const" else labels.get(c["term"], c["term"]),
                num(c["coef"], 3),
                t("{lo} to {hi}").format(lo=num(c["ci_low"], 3), hi=num(c["ci_high"], 3)),
                p_text(c["p"]),
            ]
            for c in m["coefficients"]
        ]
        out.append(
            data_table(
                [t("Term"), t("Coefficient (log-odds)"), "95 % CI", "p"],
                rows,
                [0.42, 0.18, 0.26, 0.14],
                right=[1, 2, 3],
                small=True,
            )
        )
    if m["note"]:
        out.append(p(translated(lang, m["note"])))
    if love:
        out += [gap(2), KeepTogether([_figure(love, frame_width() * 0.8)])]
    return out


def _perioperative(results: dict, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    periop = results["perioperative"]
    cci = periop["cci"]
    return [
        data_table(
            [
                t("Outcome"),
                "n/N",
                t("Rate"),
                t("95 % CI (Wilson)"),
                t("95 % CI (exact)"),
                t("Unknown"),
            ],
            rate_rows(periop["rates"], lang),
            [0.37, 0.1, 0.1, 0.16, 0.16, 0.11],
            right=[1, 2, 5],
        ),
        p(
            t(
                "Comprehensive Complication Index per patient (n = {n}): median {median} "
                "(IQR {q1}–{q3}), mean {mean}."
            ).format(
                n=periop["n_operated"],
                median=num(cci["median"]),
                q1=num(cci["q1"]),
                q3=num(cci["q3"]),
                mean=num(cci["mean"]),
            )
        ),
    ]


def _date_word(name: str, lang: ReportLanguage) -> str:
    word = date_name(name)
    return report_text(word, lang.t) if isinstance(word, Said) else translated(lang, word)


def _reason(exclusion: dict, lang: ReportLanguage) -> str:
    """Why a participant was left out, from the rule's template when it gave one (dates in
    the wrong order), with the dates' names and the dates in the report's language."""
    template, params = exclusion.get("template"), exclusion.get("params") or {}
    if not template:
        return translated(lang, exclusion["reason"])
    words = {key: _date_word(v, lang) for key, v in params.items()}
    for key in ("value", "at"):
        if key in params:
            words[key] = lang.date(dt.date.fromisoformat(params[key]))
    return translated(lang, template).format(**words)


def _data_quality(results: dict, lang: ReportLanguage) -> list[Flowable]:
    """The notes as the analysis wrote them; in Chinese, the left-out participants are
    listed from the exclusions and the other notes translated where the catalogue has them."""
    t = lang.t
    notes = list(results["data_quality"])
    if lang.chinese:
        excluded = [
            t("{sid}: left out of the analysis: {reason}").format(
                sid=e["study_id"], reason=_reason(e, lang)
            )
            for e in results.get("exclusions", [])
        ]
        unknown = results.get("index_stay_unknown") or []
        rest = notes[len(excluded) + (1 if unknown else 0) :]
        if unknown:
            excluded.append(
                translated(lang, INDEX_STAY_UNKNOWN).format(
                    n=len(unknown),
                    days=results["settings"]["index_stay_assumed_days"],
                    ids=lang.join(unknown),
                )
            )
        notes = excluded + [translated(lang, note) for note in rest]
    out = [p(f"• {note}", styles().small) for note in notes]
    return out or [p(t("No participant was left out; no value was unknown."))]


def build_outcomes_report(
    results: dict,
    figures: dict[str, bytes],
    meta: ReportMeta,
    lang: str = "en",
) -> bytes:
    """``figures``: PNG bytes by figure name (analysis.plots); ``lang``: the report's
    language (the figures' axes stay as the analysis drew them)."""
    language = report_language(lang)
    t = language.t
    n = results["n"]
    story: list[Flowable] = [
        p(translated(language, results["index_statement"])),
        p(
            t("Participants analysed: hepatectomy {h}, systemic only {s}.").format(
                h=n["hepatectomy"], s=n["systemic"]
            )
        ),
        section(t("Analysis population and flow")),
        *_flow(results["flow"], n, language),
        CondPageBreak(120),
        section(t("Baseline characteristics by cohort")),
        *_baseline(results, language),
        CondPageBreak(300),
        *_survival(
            t("Overall survival"),
            results["overall_survival"],
            figures.get("km-overall-survival"),
            t(
                "Kaplan-Meier estimates with 95 % confidence bands; ticks mark censored "
                "observations; numbers at risk under the axis."
            ),
            language,
        ),
        CondPageBreak(300),
        *_survival(
            t("Intrahepatic recurrence-free survival (hepatectomy)"),
            results["intrahepatic_rfs"],
            figures.get("km-intrahepatic-rfs"),
            t("Kaplan-Meier estimate with 95 % confidence band; ticks mark censored observations."),
            language,
        ),
        CondPageBreak(250),
        section(t("Propensity score model and balance")),
        *_propensity(results, figures.get("love-plot"), language),
        CondPageBreak(300),
        *_survival(
            t("Overall survival in the propensity-matched cohort"),
            results["matched_overall_survival"],
            figures.get("km-overall-survival-matched"),
            t("Matched cohort; Cox model with robust errors clustered on matched pairs."),
            language,
        ),
        CondPageBreak(150),
        section(t("Perioperative outcomes (hepatectomy)")),
        *_perioperative(results, language),
        section(t("Methods")),
        p(methods_paragraph(results, language)),
        section(t("Data-quality notes")),
        *_data_quality(results, language),
    ]
    info = PageInfo(t("Outcomes report"), meta, lang=lang)
    return build_pdf(story, info)

"""Complications and morbidity report for a date range, for the M&M meeting (report b)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from ..services.report_data import ComplicationsReportData, PatientMorbidity
from .template import (
    DASH,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    fmt_date,
    gap,
    p,
    pct,
    section,
    styles,
    yes_no,
)

TITLE = "Complications and morbidity"


def _ci(bounds: tuple[float, float]) -> str:
    return f"{100 * bounds[0]:.1f} – {100 * bounds[1]:.1f} %"


def _death(pm: PatientMorbidity, d: ComplicationsReportData) -> str:
    if pm.death_date is None:
        return DASH
    days = (pm.death_date - pm.operation_date).days
    return f"{fmt_date(pm.death_date)} (day {days})"


def _rates(d: ComplicationsReportData) -> list[Flowable]:
    rows = [
        (
            r.label,
            f"{r.summary.k}/{r.summary.n}",
            pct(r.summary.proportion),
            _ci(r.summary.wilson),
            _ci(r.summary.clopper_pearson),
        )
        for r in d.rates
    ]
    return [
        section("Rates with 95 % confidence intervals"),
        data_table(
            ("Outcome", "n/N", "Rate", "Wilson 95 % CI", "Clopper-Pearson 95 % CI"),
            rows,
            (0.42, 0.1, 0.1, 0.18, 0.2),
            right=(1, 2),
        ),
    ]


def _grades(d: ComplicationsReportData) -> list[Flowable]:
    header = ["Clavien-Dindo", *(g for g, _ in d.grade_counts), "Total"]
    row = ["Complications", *(str(n) for _, n in d.grade_counts), str(d.complication_count)]
    cci = (
        f"CCI per patient (complications within {d.morbidity_days} days): median "
        f"{d.cci_median:.1f}, mean {d.cci_mean:.1f}."
        if d.cci_median is not None
        else ""
    )
    return [
        section("Complications by grade"),
        data_table(header, [row], (0.19,) + (0.09,) * 7 + (0.18,), right=range(1, 9)),
        gap(1),
        p(cci, styles().body),
    ]


def _patients(d: ComplicationsReportData) -> list[Flowable]:
    rows = [
        (
            pm.study_id,
            pm.name if pm.name is not None else DASH,
            fmt_date(pm.operation_date),
            f"{pm.resection_name} ({'major' if pm.major_resection else 'minor'})",
            str(len(pm.complications)),
            pm.worst_grade or DASH,
            f"{pm.outcomes.cci:.1f}",
            yes_no(pm.outcomes.unplanned_reoperation_index_stay),
            _death(pm, d),
        )
        for pm in d.patients
    ]
    return [
        section("Patients"),
        data_table(
            (
                "Study ID",
                "Name",
                "Operation",
                "Resection",
                "n",
                "Worst",
                "CCI",
                "Unpl. reop.",
                "Death",
            ),
            rows,
            (0.11, 0.1, 0.1, 0.25, 0.04, 0.07, 0.06, 0.09, 0.18),
            right=(4, 6),
            highlight=[i for i, pm in enumerate(d.patients) if pm.outcomes.mortality_90d],
        ),
    ]


def _complications(d: ComplicationsReportData) -> list[Flowable]:
    rows = []
    major = []
    for pm in d.patients:
        for c in pm.complications:
            if c.major:
                major.append(len(rows))
            rows.append(
                (
                    pm.study_id,
                    str(c.postoperative_day),
                    fmt_date(c.onset_date),
                    c.category_label,
                    c.grade_text,
                    c.isgls_grade or DASH,
                    c.treatment,
                    fmt_date(c.resolved_date),
                )
            )
    if not rows:
        return [section("Complications"), p("No complications recorded.")]
    return [
        section("Complications"),
        data_table(
            (
                "Study ID",
                "POD",
                "Onset",
                "Complication",
                "Clavien-Dindo",
                "ISGLS",
                "Treatment",
                "Resolved",
            ),
            rows,
            (0.11, 0.05, 0.1, 0.2, 0.12, 0.06, 0.26, 0.1),
            right=(1,),
            highlight=major,
        ),
        p("Tinted rows: major complications (Clavien-Dindo IIIa or worse).", styles().small),
    ]


def _reoperations(d: ComplicationsReportData) -> list[Flowable]:
    rows = [
        (
            pm.study_id,
            fmt_date(r.reoperation_date),
            str(r.postoperative_day),
            yes_no(r.planned),
            yes_no(r.during_index_stay),
            r.reason,
        )
        for pm in d.patients
        for r in pm.reoperations
    ]
    if not rows:
        return [section("Reoperations"), p("None.")]
    return [
        section("Reoperations"),
        data_table(
            ("Study ID", "Date", "POD", "Planned", "Index stay", "Reason"),
            rows,
            (0.12, 0.11, 0.06, 0.09, 0.1, 0.52),
            right=(2,),
        ),
    ]


def build_complications_report(d: ComplicationsReportData, out: str | Path | None = None) -> bytes:
    n = len(d.patients)
    period = f"{fmt_date(d.date_from)} to {fmt_date(d.date_to)}"
    story: list[Flowable] = [
        p(f"Operations performed from {period}: {n}", styles().big),
        p(f"Complications recorded for them: {d.complication_count}", styles().big),
        gap(1),
        p(
            f"Morbidity counts complications with onset within {d.morbidity_days} days of the "
            f"operation; mortality is death from any cause within {d.mortality_days} and "
            f"{d.mortality_days_secondary} days; an unplanned reoperation counts when it falls "
            "in the index stay. CCI: Comprehensive Complication Index (Slankamenac 2013).",
            styles().small,
        ),
    ]
    if not n:
        story.append(empty_note(f"No operations were recorded from {period}."))
    else:
        story += [
            *_rates(d),
            *_grades(d),
            *_patients(d),
            *_complications(d),
            *_reoperations(d),
        ]
    return build_pdf(story, PageInfo(TITLE, d.meta), out)

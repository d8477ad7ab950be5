"""Complications and morbidity report for a date range, for the M&M meeting (report b)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from ..services.report_data import ComplicationsReportData, PatientMorbidity
from .language import ReportLanguage, report_language
from .operative import complication_name
from .template import (
    DASH,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    gap,
    p,
    section,
    styles,
)


def _death(pm: PatientMorbidity, lang: ReportLanguage) -> str:
    if pm.death_date is None:
        return DASH
    days = (pm.death_date - pm.operation_date).days
    return lang.t("{date} (day {n})").format(date=lang.date(pm.death_date), n=days)


def _rates(d: ComplicationsReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    rows = [
        (
            t(r.template).format(**dict(r.params)),
            f"{r.summary.k}/{r.summary.n}",
            lang.pct(r.summary.proportion),
            lang.pct_range(*r.summary.wilson),
            lang.pct_range(*r.summary.clopper_pearson),
        )
        for r in d.rates
    ]
    return [
        section(t("Rates with 95 % confidence intervals")),
        data_table(
            (t("Outcome"), "n/N", t("Rate"), t("Wilson 95 % CI"), t("Clopper-Pearson 95 % CI")),
            rows,
            (0.42, 0.1, 0.1, 0.18, 0.2),
            right=(1, 2),
        ),
    ]


def _grades(d: ComplicationsReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    header = ["Clavien-Dindo", *(g for g, _ in d.grade_counts), t("Total")]
    row = [t("Complications"), *(str(n) for _, n in d.grade_counts), str(d.complication_count)]
    cci = (
        t(
            "CCI per patient (complications within {days} days): median {median}, mean {mean}."
        ).format(days=d.morbidity_days, median=f"{d.cci_median:.1f}", mean=f"{d.cci_mean:.1f}")
        if d.cci_median is not None and d.cci_mean is not None
        else ""
    )
    return [
        section(t("Complications by grade")),
        data_table(header, [row], (0.19,) + (0.09,) * 7 + (0.18,), right=range(1, 9)),
        gap(1),
        p(cci, styles().body),
    ]


def _resection(pm: PatientMorbidity, lang: ReportLanguage) -> str:
    t = lang.t
    size = t("major") if pm.major_resection else t("minor")
    if lang.chinese:
        return f"{pm.resection_name_zh or pm.resection_name}（{size}）"
    return f"{pm.resection_name} ({size})"


def _patients(d: ComplicationsReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    rows = [
        (
            pm.study_id,
            pm.name if pm.name is not None else DASH,
            lang.date(pm.operation_date),
            _resection(pm, lang),
            str(len(pm.complications)),
            pm.worst_grade or DASH,
            f"{pm.outcomes.cci:.1f}",
            lang.yes_no(pm.outcomes.unplanned_reoperation_index_stay),
            _death(pm, lang),
        )
        for pm in d.patients
    ]
    widths = (0.11, 0.1, 0.1, 0.25, 0.04, 0.07, 0.06, 0.09, 0.18)
    if lang.chinese:  # Chinese dates are wider
        widths = (0.11, 0.08, 0.13, 0.22, 0.04, 0.08, 0.06, 0.11, 0.17)
    return [
        section(t("Patients")),
        data_table(
            (
                t("Study ID"),
                t("Name"),
                t("Operation"),
                t("Resection"),
                "n",
                t("Worst"),
                "CCI",
                t("Unpl. reop."),
                t("Death"),
            ),
            rows,
            widths,
            right=(4, 6),
            highlight=[i for i, pm in enumerate(d.patients) if pm.outcomes.mortality_90d],
        ),
    ]


def _complications(d: ComplicationsReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
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
                    lang.date(c.onset_date),
                    complication_name(c, lang),
                    c.grade_text,
                    c.isgls_grade or DASH,
                    c.treatment,
                    lang.date(c.resolved_date),
                )
            )
    if not rows:
        return [section(t("Complications")), p(t("No complications recorded."))]
    widths = (0.11, 0.05, 0.1, 0.2, 0.12, 0.06, 0.26, 0.1)
    if lang.chinese:
        widths = (0.11, 0.08, 0.13, 0.15, 0.12, 0.06, 0.22, 0.13)
    return [
        section(t("Complications")),
        data_table(
            (
                t("Study ID"),
                t("POD"),
                t("Onset"),
                t("Complication"),
                "Clavien-Dindo",
                "ISGLS",
                t("Treatment"),
                t("Resolved"),
            ),
            rows,
            widths,
            right=(1,),
            highlight=major,
        ),
        p(t("Tinted rows: major complications (Clavien-Dindo IIIa or worse)."), styles().small),
    ]


def _reoperations(d: ComplicationsReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    rows = [
        (
            pm.study_id,
            lang.date(r.reoperation_date),
            str(r.postoperative_day),
            lang.yes_no(r.planned),
            lang.yes_no(r.during_index_stay),
            r.reason,
        )
        for pm in d.patients
        for r in pm.reoperations
    ]
    if not rows:
        return [section(t("Reoperations")), p(t("None."))]
    widths = (0.12, 0.11, 0.06, 0.09, 0.1, 0.52)
    if lang.chinese:
        widths = (0.12, 0.14, 0.08, 0.08, 0.11, 0.47)
    return [
        section(t("Reoperations")),
        data_table(
            (t("Study ID"), t("Date"), t("POD"), t("Planned"), t("Index stay"), t("Reason")),
            rows,
            widths,
            right=(2,),
        ),
    ]


def build_complications_report(
    d: ComplicationsReportData, out: str | Path | None = None, lang: str = "en"
) -> bytes:
    language = report_language(lang)
    t = language.t
    n = len(d.patients)
    period = t("{start} to {end}").format(
        start=language.date(d.date_from), end=language.date(d.date_to)
    )
    story: list[Flowable] = [
        p(t("Operations performed from {period}: {n}").format(period=period, n=n), styles().big),
        p(
            t("Complications recorded for them: {n}").format(n=d.complication_count),
            styles().big,
        ),
        gap(1),
        p(
            t(
                "Morbidity counts complications with onset within {days} days of the "
                "operation; mortality is death from any cause within {d1} and {d2} days; an "
                "unplanned reoperation counts when it falls in the index stay. CCI: "
                "Comprehensive Complication Index (Slankamenac 2013)."
            ).format(days=d.morbidity_days, d1=d.mortality_days, d2=d.mortality_days_secondary),
            styles().small,
        ),
    ]
    if not n:
        story.append(
            empty_note(t("No operations were recorded from {period}.").format(period=period))
        )
    else:
        story += [
            *_rates(d, language),
            *_grades(d, language),
            *_patients(d, language),
            *_complications(d, language),
            *_reoperations(d, language),
        ]
    info = PageInfo(t("Complications and morbidity"), d.meta, lang=lang)
    return build_pdf(story, info, out)

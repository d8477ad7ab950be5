"""A participant's follow-up visit schedule, handed to the patient, in English or Chinese
(report c); its texts are translated like every report's (reports/language.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from ..services.report_data import ScheduleReportData, ScheduleVisit
from .language import ReportLanguage, report_language
from .template import (
    DASH,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    frame_width,
    gap,
    grid,
    kv_table,
    p,
    section,
    styles,
)


def _texts(lang: ReportLanguage) -> dict:
    t = lang.t
    return {
        "title": t("Follow-up visit schedule"),
        "name": t("Name"),
        "study_id": t("Study ID"),
        "record": t("Hospital record no."),
        "start_hepatectomy": t("Start of follow-up (operation)"),
        "start_systemic": t("Start of follow-up (systemic treatment)"),
        "intro": t(
            "Please come to the clinic on the target date of each visit. If that day is not "
            "possible, any day within the window is fine: call the study team to arrange it. "
            "Please bring this sheet to every visit."
        ),
        "visits": t("Your visits"),
        "cols": (
            t("Visit"),
            t("Target date"),
            t("Window (earliest – latest)"),
            t("What happens"),
            t("Status"),
        ),
        "every": t("At every visit: {what}."),
        "routine": t("routine tests"),
        "plus": t("routine tests + {what}"),
        "visit": t("Month {m}"),
        "appointment": t("appointment {d}"),
        "done": t("done {d}"),
        "missed": t("missed"),
        "none": t(
            "No visits are planned yet: the start of follow-up (the operation or the start of "
            "treatment) has not been recorded."
        ),
        "contacts": t("Contact numbers"),
    }


def _day(d: dt.date, lang: ReportLanguage) -> str:
    return f"{lang.date(d)} {lang.weekday(d)}"


def _routine(visits: tuple[ScheduleVisit, ...]) -> tuple[str, ...]:
    """Assessments common to every visit, in protocol order: printed once, not per row."""
    if not visits:
        return ()
    common = set(visits[0].assessments).intersection(*(v.assessments for v in visits[1:]))
    return tuple(a for a in visits[0].assessments if a in common)


def _row(v: ScheduleVisit, t: dict, routine: tuple[str, ...], lang: ReportLanguage) -> tuple:
    when = _day(v.target_date, lang)
    if v.scheduled_date != v.target_date and v.status == "planned":
        when += "\n" + t["appointment"].format(d=_day(v.scheduled_date, lang))
    status: object = p("", styles().cell_large)  # blank, not a dash: nothing to report yet
    if v.status == "done":
        status = t["done"].format(d=lang.date(v.actual_date) if lang.chinese else v.actual)
    elif v.status == "missed":
        status = t["missed"]
    window = v.window
    if lang.chinese:
        window = f"{lang.date(v.window_start)} – {lang.date(v.window_end)}"
    return (
        f"{t['visit'].format(m=v.month)} ({v.code})",
        when,
        window,
        _what(v, t, routine, lang),
        status,
    )


def _what(v: ScheduleVisit, t: dict, routine: tuple[str, ...], lang: ReportLanguage) -> str:
    extra = [a for a in v.assessments if a not in routine]
    if not routine:
        return lang.join(extra)
    return t["plus"].format(what=lang.join(extra)) if extra else t["routine"]


def _contacts(d: ScheduleReportData, t: dict) -> Flowable:
    st = styles()
    width = frame_width()
    rows = [[p(label, st.body), p(number or "", st.big)] for label, number in d.contacts]
    table = grid(
        rows,
        [width * 0.35, width * 0.4],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            # An empty number gets a line to write it on by hand.
            *[
                ("LINEBELOW", (1, i), (1, i), 0.6, st.body.textColor)
                for i, (_label, number) in enumerate(d.contacts)
                if not number
            ],
        ],
        rowHeights=22,
    )
    return KeepTogether([section(t["contacts"]), table])


def build_schedule_report(d: ScheduleReportData, out: str | Path | None = None) -> bytes:
    """In the data's language (its assessments and contact labels are already in it)."""
    lang = report_language(d.lang)
    t = _texts(lang)
    pt = d.patient
    start_key = "start_systemic" if pt.cohort == "systemic" else "start_hepatectomy"
    story: list[Flowable] = [
        kv_table(
            [
                (t["name"], pt.name or DASH),
                (t["study_id"], pt.study_id),
                (t["record"], pt.hospital_record_number or DASH),
                (t[start_key], lang.date(pt.index_date)),
            ]
        ),
        gap(2),
        p(t["intro"], styles().body),
        section(t["visits"]),
    ]
    if d.visits:
        routine = _routine(d.visits)
        if routine:
            story.append(p(t["every"].format(what=lang.join(routine)), styles().body))
        story.append(
            data_table(
                t["cols"],
                [_row(v, t, routine, lang) for v in d.visits],
                (0.18, 0.22, 0.22, 0.22, 0.16) if lang.chinese else (0.17, 0.21, 0.26, 0.23, 0.13),
                large=True,  # read by patients, many of them older
            )
        )
    else:
        story.append(empty_note(t["none"]))
    story += [gap(3), _contacts(d, t)]
    info = PageInfo(t["title"], d.meta, study_id=pt.study_id, lang=d.lang)
    return build_pdf(story, info, out)

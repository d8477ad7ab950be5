"""A participant's follow-up visit schedule, handed to the patient, in English or Chinese
(report c). The Qt translation files do not reach this layer, so the two languages' texts
live here side by side."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from ..services.report_data import ScheduleReportData, ScheduleVisit
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

TEXT = {
    "en": {
        "title": "Follow-up visit schedule",
        "name": "Name",
        "study_id": "Study ID",
        "record": "Hospital record no.",
        "start_hepatectomy": "Start of follow-up (operation)",
        "start_systemic": "Start of follow-up (systemic treatment)",
        "intro": (
            "Please come to the clinic on the target date of each visit. If that day is not "
            "possible, any day within the window is fine: call the study team to arrange it. "
            "Please bring this sheet to every visit."
        ),
        "visits": "Your visits",
        "cols": ("Visit", "Target date", "Window (earliest – latest)", "What happens", "Status"),
        "every": "At every visit: {what}.",
        "routine": "routine tests",
        "plus": "routine tests + {what}",
        "visit": "Month {m}",
        "appointment": "appointment {d}",
        "done": "done {d}",
        "missed": "missed",
        "none": (
            "No visits are planned yet: the start of follow-up (the operation or the start of "
            "treatment) has not been recorded."
        ),
        "contacts": "Contact numbers",
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "sep": ", ",
    },
    "zh_CN": {
        "title": "随访计划表",
        "name": "姓名",
        "study_id": "研究编号",
        "record": "住院号",
        "start_hepatectomy": "随访起始日（手术日期）",
        "start_systemic": "随访起始日（系统治疗开始日期）",
        "intro": (
            "请在每次随访的目标日期来院复诊。如当天不便，可在时间窗内任意一天复诊，"
            "请致电研究团队预约。每次复诊请携带本表。"
        ),
        "visits": "随访安排",
        "cols": ("随访", "目标日期", "时间窗（最早 – 最晚）", "检查项目", "状态"),
        "every": "每次随访均检查：{what}。",
        "routine": "常规检查",
        "plus": "常规检查 + {what}",
        "visit": "第 {m} 个月",
        "appointment": "预约 {d}",
        "done": "已完成 {d}",
        "missed": "未按时随访",
        "none": "尚未安排随访：未记录随访起始日期（手术或治疗开始日期）。",
        "contacts": "联系电话",
        "weekdays": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "sep": "、",
    },
}


def _day(d: dt.date, t: dict) -> str:
    return f"{d.isoformat()} {t['weekdays'][d.weekday()]}"


def _routine(visits: tuple[ScheduleVisit, ...]) -> tuple[str, ...]:
    """Assessments common to every visit, in protocol order: printed once, not per row."""
    if not visits:
        return ()
    common = set(visits[0].assessments).intersection(*(v.assessments for v in visits[1:]))
    return tuple(a for a in visits[0].assessments if a in common)


def _row(v: ScheduleVisit, t: dict, routine: tuple[str, ...]) -> tuple:
    when = _day(v.target_date, t)
    if v.scheduled_date != v.target_date and v.status == "planned":
        when += "\n" + t["appointment"].format(d=_day(v.scheduled_date, t))
    status: object = p("", styles().cell_large)  # blank, not a dash: nothing to report yet
    if v.status == "done":
        status = t["done"].format(d=v.actual)
    elif v.status == "missed":
        status = t["missed"]
    return (
        f"{t['visit'].format(m=v.month)} ({v.code})",
        when,
        v.window,
        _what(v, t, routine),
        status,
    )


def _what(v: ScheduleVisit, t: dict, routine: tuple[str, ...]) -> str:
    extra = [a for a in v.assessments if a not in routine]
    if not routine:
        return t["sep"].join(extra)
    return t["plus"].format(what=t["sep"].join(extra)) if extra else t["routine"]


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
    t = TEXT[d.lang]
    pt = d.patient
    start_key = "start_systemic" if pt.cohort == "systemic" else "start_hepatectomy"
    story: list[Flowable] = [
        kv_table(
            [
                (t["name"], pt.name or DASH),
                (t["study_id"], pt.study_id),
                (t["record"], pt.hospital_record_number or DASH),
                (t[start_key], pt.index_date.isoformat() if pt.index_date else DASH),
            ]
        ),
        gap(2),
        p(t["intro"], styles().body),
        section(t["visits"]),
    ]
    if d.visits:
        routine = _routine(d.visits)
        if routine:
            story.append(p(t["every"].format(what=t["sep"].join(routine)), styles().body))
        story.append(
            data_table(
                t["cols"],
                [_row(v, t, routine) for v in d.visits],
                (0.17, 0.21, 0.26, 0.23, 0.13),
                large=True,  # read by patients, many of them older
            )
        )
    else:
        story.append(empty_note(t["none"]))
    story += [gap(3), _contacts(d, t)]
    info = PageInfo(t["title"], d.meta, study_id=pt.study_id, lang=d.lang)
    return build_pdf(story, info, out)

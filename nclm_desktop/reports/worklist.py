"""Coordinator worklist for a date range: overdue and due visits with name and phone, then
one month-grid page per month of the range (report d). Landscape: the rows are wide."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..services.report_data import WorklistData, WorklistLine
from .language import ReportLanguage, report_language
from .template import (
    ACCENT,
    DASH,
    HEAD_BG,
    RULE,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    frame_height,
    frame_width,
    grid,
    markup,
    p,
    section,
    styles,
)

STATE_LABELS = {
    "due": QT_TRANSLATE_NOOP("Reports", "in window"),
    "planned": QT_TRANSLATE_NOOP("Reports", "window opens later"),
    "overdue": QT_TRANSLATE_NOOP("Reports", "overdue"),
}
LINE_H = 9.0  # leading of a grid entry


def _day(d: dt.date, lang: ReportLanguage) -> str:
    return f"{lang.date(d)} {lang.weekday(d)}"


def _who(line: WorklistLine) -> tuple[str, str]:
    """As the calendar's worklist shows them (masked there and here by the same rule)."""
    return line.name or DASH, line.phone or DASH


def _tests(line: WorklistLine, lang: ReportLanguage) -> str:
    if not line.extra_tests:
        return lang.t("routine only")
    return lang.join(lang.t(test) for test in line.extra_tests)


def _window(line: WorklistLine, lang: ReportLanguage) -> str:
    if not lang.chinese:
        return line.window
    return f"{lang.date(line.window_start)} – {lang.date(line.window_end)}"


def _table(lines: tuple[WorklistLine, ...], overdue: bool, lang: ReportLanguage) -> Flowable:
    t = lang.t
    width = frame_width(True)
    rows = []
    for x in lines:
        name, phone = _who(x)
        if overdue:
            status = lang.num(x.days_overdue, "days")
        else:
            status = t(STATE_LABELS[x.state]) if x.state in STATE_LABELS else x.state
        rows.append(
            (
                x.study_id,
                name,
                phone,
                x.code,
                _day(x.scheduled_date, lang),
                _window(x, lang),
                status,
                _tests(x, lang),
                p("", styles().cell),  # left blank to write on
            )
        )
    header = (
        t("Study ID"),
        t("Name"),
        t("Phone"),
        t("Visit"),
        t("Scheduled"),
        t("Window"),
        t("Overdue by") if overdue else t("Status"),
        t("Beyond routine tests"),
        t("Contacted / notes"),
    )
    widths = (0.085, 0.1, 0.1, 0.045, 0.1, 0.15, 0.08, 0.16, 0.18)
    if lang.chinese:  # Chinese dates are wider
        widths = (0.085, 0.08, 0.1, 0.045, 0.13, 0.2, 0.07, 0.13, 0.16)
    return data_table(
        header,
        rows,
        widths,
        width=width,
        highlight=range(len(rows)) if overdue else (),
        write_space=10,
    )


def _month_grid(month: dt.date, d: WorklistData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    st = styles()
    width, height = frame_width(True), frame_height(True)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    head_h = 16.0
    row_h = min(78.0, (height - 40 - head_h) / len(weeks))
    fits = max(1, int((row_h - 14) // LINE_H))  # entries below the day number
    by_day: dict[dt.date, list[WorklistLine]] = {}
    for x in d.due:
        by_day.setdefault(x.scheduled_date, []).append(x)

    def cell(day: dt.date) -> Flowable:
        if day.month != month.month:
            return p("", st.cell_small)
        entries = by_day.get(day, [])
        shown = entries if len(entries) <= fits else entries[: fits - 1]
        lines = [f'<font size="10" color="{_hex(ACCENT)}">{day.day}</font>']
        lines += [f'<font size="8">{escape(x.study_id)} {escape(x.code)}</font>' for x in shown]
        if len(shown) < len(entries):
            lines.append(t("+ {n} more (see list)").format(n=len(entries) - len(shown)))
        return markup("<br/>".join(lines), st.cell_small)

    data = [[p(w, st.cell_head) for w in lang.weekdays()]]
    data += [[cell(day) for day in week] for week in weeks]
    cmds: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, week in enumerate(weeks, start=1):
        for c, day in enumerate(week):
            outside = day.month != month.month or not d.date_from <= day <= d.date_to
            if outside:
                cmds.append(("BACKGROUND", (c, r), (c, r), colors.HexColor("#eef0f2")))
            elif day == d.today:
                cmds.append(("BOX", (c, r), (c, r), 1.4, ACCENT))
    table = grid(data, [width / 7] * 7, cmds, rowHeights=[head_h] + [row_h] * len(weeks))
    count = sum(len(v) for k, v in by_day.items() if (k.year, k.month) == (month.year, month.month))
    return [
        section(
            f"{lang.month(month.year, month.month)} — "
            + (t("{n} visit due") if count == 1 else t("{n} visits due")).format(n=count)
        ),
        table,
        p(t("Grey: outside the worklist's range. Framed: today."), st.small),
    ]


def _hex(color: colors.Color) -> str:
    return "#" + color.hexval()[2:]


def build_worklist_report(
    d: WorklistData, out: str | Path | None = None, lang: str = "en"
) -> bytes:
    language = report_language(lang)
    t = language.t
    st = styles()
    period = t("{start} to {end}").format(
        start=language.date(d.date_from), end=language.date(d.date_to)
    )
    today = language.date(d.today)
    story: list[Flowable] = [
        p(
            t("Visits due from {period}: {n}. Overdue on {today}: {m}.").format(
                period=period, n=len(d.due), today=today, m=len(d.overdue)
            ),
            st.big,
        )
    ]
    if d.overdue:
        story += [
            section(t("Overdue — the window closed before {today}").format(today=today)),
            _table(d.overdue, True, language),
        ]
    if d.due:
        story += [
            section(t("Due from {period}").format(period=period)),
            _table(d.due, False, language),
        ]
    if d.due or d.overdue:
        routine = language.join(t(test) for test in d.routine_tests)
        story.append(p(t("Routine tests at every visit: {tests}.").format(tests=routine), st.small))
    else:
        story.append(
            empty_note(
                t("No visits are due from {period}, and none is overdue.").format(period=period)
            )
        )
    for month in d.months:
        story += [PageBreak(), *_month_grid(month, d, language)]
    if d.months_left_out:
        story.append(
            p(
                t("{n} further months of the range are not drawn.").format(n=d.months_left_out),
                st.small,
            )
        )
    info = PageInfo(t("Coordinator worklist"), d.meta, landscape=True, lang=lang)
    return build_pdf(story, info, out)

"""Coordinator worklist for a date range: overdue and due visits with name and phone, then
one month-grid page per month of the range (report d). Landscape: the rows are wide."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak

from ..services.report_data import WorklistData, WorklistLine
from .template import (
    ACCENT,
    DASH,
    HEAD_BG,
    RULE,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    fmt_date,
    frame_height,
    frame_width,
    grid,
    markup,
    p,
    section,
    styles,
)

TITLE = "Coordinator worklist"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
STATE_LABELS = {"due": "in window", "planned": "window opens later", "overdue": "overdue"}
LINE_H = 9.0  # leading of a grid entry


def _day(d: dt.date) -> str:
    return f"{d.isoformat()} {WEEKDAYS[d.weekday()]}"


def _who(line: WorklistLine) -> tuple[str, str]:
    """As the calendar's worklist shows them (masked there and here by the same rule)."""
    return line.name or DASH, line.phone or DASH


def _tests(line: WorklistLine) -> str:
    return ", ".join(line.extra_tests) if line.extra_tests else "routine only"


def _table(lines: tuple[WorklistLine, ...], overdue: bool) -> Flowable:
    width = frame_width(True)
    rows = []
    for x in lines:
        name, phone = _who(x)
        status = f"{x.days_overdue} days" if overdue else STATE_LABELS.get(x.state, x.state)
        rows.append(
            (
                x.study_id,
                name,
                phone,
                x.code,
                _day(x.scheduled_date),
                x.window,
                status,
                _tests(x),
                p("", styles().cell),  # left blank to write on
            )
        )
    header = (
        "Study ID",
        "Name",
        "Phone",
        "Visit",
        "Scheduled",
        "Window",
        "Overdue by" if overdue else "Status",
        "Beyond routine tests",
        "Contacted / notes",
    )
    return data_table(
        header,
        rows,
        (0.085, 0.1, 0.1, 0.045, 0.1, 0.15, 0.08, 0.16, 0.18),
        width=width,
        highlight=range(len(rows)) if overdue else (),
        write_space=10,
    )


def _month_grid(month: dt.date, d: WorklistData) -> list[Flowable]:
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
            lines.append(f"+ {len(entries) - len(shown)} more (see list)")
        return markup("<br/>".join(lines), st.cell_small)

    data = [[p(w, st.cell_head) for w in WEEKDAYS]]
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
            f"{calendar.month_name[month.month]} {month.year} — "
            f"{count} visit{'' if count == 1 else 's'} due"
        ),
        table,
        p("Grey: outside the worklist's range. Framed: today.", st.small),
    ]


def _hex(color: colors.Color) -> str:
    return "#" + color.hexval()[2:]


def build_worklist_report(d: WorklistData, out: str | Path | None = None) -> bytes:
    st = styles()
    period = f"{fmt_date(d.date_from)} to {fmt_date(d.date_to)}"
    story: list[Flowable] = [
        p(
            f"Visits due from {period}: {len(d.due)}. Overdue on {fmt_date(d.today)}: "
            f"{len(d.overdue)}.",
            st.big,
        )
    ]
    if d.overdue:
        story += [
            section(f"Overdue — the window closed before {fmt_date(d.today)}"),
            _table(d.overdue, True),
        ]
    if d.due:
        story += [section(f"Due from {period}"), _table(d.due, False)]
    if d.due or d.overdue:
        story.append(
            p("Routine tests at every visit: " + ", ".join(d.routine_tests) + ".", st.small)
        )
    else:
        story.append(empty_note(f"No visits are due from {period}, and none is overdue."))
    for month in d.months:
        story += [PageBreak(), *_month_grid(month, d)]
    if d.months_left_out:
        story.append(p(f"{d.months_left_out} further months of the range are not drawn.", st.small))
    info = PageInfo(TITLE, d.meta, landscape=True)
    return build_pdf(story, info, out)

"""The printed worklist lists what the calendar's worklist tabs show: the same visits, the
same booked dates, the same names and phones, masked by the same rule."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from nclm_desktop.reports.worklist import build_worklist_report
from nclm_desktop.services import followup as fu
from nclm_desktop.services.participants import HIDDEN
from nclm_desktop.services.report_data import worklist_data
from tests.reports.pdfcheck import pdf_pages

TODAY = dt.date(2024, 7, 10)
ROW = re.compile(
    r"(NCLM-[A-Z]-\d{3}) (.+?) (M\d+) (\d{4}-\d{2}-\d{2}) (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
)


def _printed(text: str) -> set[tuple[str, str, str, str]]:
    """(study ID, name and phone, visit, booked date) of each row of a printed table."""
    return {(sid, who, code, day) for sid, who, code, day in ROW.findall(text)}


def _shown(rows: list[fu.VisitRow]) -> set[tuple[str, str, str, str]]:
    return {
        (r.study_id, f"{r.name or '—'} {r.phone or '—'}", r.code, r.scheduled_date.isoformat())
        for r in rows
    }


@pytest.mark.parametrize("role", ["coordinator", "monitor"])
def test_printed_worklist_lists_the_visits_the_screen_shows(db, study, role, request, tmp_path):
    actor = request.getfixturevalue(role)
    # The calendar's "Next 4 weeks" and "Overdue" tabs ...
    due_on_screen = fu.worklist(db, actor, "next_4_weeks", TODAY)
    overdue_on_screen = fu.worklist(db, actor, "overdue", TODAY)
    start, end = fu.worklist_range("next_4_weeks", TODAY)
    assert start is not None and end is not None
    # ... and the worklist printed for the same weeks.
    out = tmp_path / "worklist.pdf"
    build_worklist_report(worklist_data(db, actor, start, end, TODAY), out)
    tables = " ".join(pdf_pages(out)[:-2])  # the month-grid pages follow the tables
    overdue_part, _, due_part = tables.partition(f"Due from {start.isoformat()}")

    assert overdue_on_screen and due_on_screen, "the fixture should have both kinds"
    assert _printed(overdue_part) == _shown(overdue_on_screen)
    assert _printed(due_part) == _shown(due_on_screen)
    if role == "monitor":  # no identities on screen, none on paper: the same mask
        assert {r.name for r in overdue_on_screen + due_on_screen} == {HIDDEN}
        assert HIDDEN in tables and "王小明" not in tables
    else:
        assert any(r.name == "王小明" for r in overdue_on_screen + due_on_screen)

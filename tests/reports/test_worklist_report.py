"""Coordinator worklist: due and overdue visits with name and phone, and a month grid."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.reports.worklist import build_worklist_report
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.participants import HIDDEN
from nclm_desktop.services.report_data import worklist_data
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text, pdf_pages, render_page

JULY = (dt.date(2024, 7, 1), dt.date(2024, 7, 31))


def test_worklist_lists_due_and_overdue_visits_with_names_and_phones(
    db, study, coordinator, tmp_path
):
    data = worklist_data(db, coordinator, *JULY, today=dt.date(2024, 7, 10), now=study.now)
    due = {(x.study_id, x.code) for x in data.due}
    overdue = {(x.study_id, x.code) for x in data.overdue}
    # Scheduled in July: only NCLM-H-002's M3 (operation 2024-04-10 + 3 months).
    assert due == {("NCLM-H-002", "M3")}
    # Still open with the window closed before 10 July. NCLM-H-001's M1 was done; the
    # deceased NCLM-H-003 died before his M1, so none was planned.
    assert overdue == {
        ("NCLM-H-001", "M3"),
        ("NCLM-H-002", "M1"),
        ("NCLM-S-001", "M1"),
        ("NCLM-S-001", "M3"),
    }
    out = tmp_path / "worklist.pdf"
    build_worklist_report(data, out)
    render_page(out, "report_worklist")
    pages = pdf_pages(out)
    text = "\f".join(pages)
    assert "Visits due from 2024-07-01 to 2024-07-31: 1. Overdue on 2024-07-10: 4." in text
    assert "Li Hua 139 2222 3333" in text
    assert "王小明 138 0013 8000" in text
    assert "陈静 137 5555 6666" in text
    h1_m3 = next(x for x in data.overdue if (x.study_id, x.code) == ("NCLM-H-001", "M3"))
    assert h1_m3.days_overdue == 22
    assert "22 days" in text
    # The month grid is its own page: weekday header, day numbers, the study IDs on their day.
    grid = pages[-1]
    assert "July 2024 — 1 visit due" in grid
    assert "Mon Tue Wed Thu Fri Sat Sun" in grid
    assert "NCLM-H-002 M3" in grid
    render_page(out, "report_worklist_grid", page=len(pages))
    assert_fonts_embedded(out)


def test_empty_range_says_so_and_still_draws_the_month(db, coordinator, tmp_path):
    data = worklist_data(db, coordinator, *JULY, today=dt.date(2024, 7, 1))
    out = tmp_path / "empty.pdf"
    build_worklist_report(data, out)
    pages = pdf_pages(out)
    assert "No visits are due from 2024-07-01 to 2024-07-31, and none is overdue." in pages[0]
    assert "July 2024 — 0 visits due" in pages[-1]
    assert_fonts_embedded(out)


def test_a_range_over_two_months_draws_two_grids(db, study, coordinator, tmp_path):
    data = worklist_data(
        db, coordinator, dt.date(2024, 8, 20), dt.date(2024, 9, 10), today=dt.date(2024, 8, 20)
    )
    assert data.months == (dt.date(2024, 8, 1), dt.date(2024, 9, 1))
    out = tmp_path / "two.pdf"
    build_worklist_report(data, out)
    text = flat_text(out)
    assert "August 2024" in text and "September 2024" in text


def test_monitor_worklist_has_no_names_or_phones(db, study, monitor, tmp_path):
    data = worklist_data(db, monitor, *JULY, today=dt.date(2024, 7, 10))
    # Masked by the service's one rule, as the calendar's worklist masks them.
    assert all(x.name == HIDDEN and x.phone == HIDDEN for x in data.due + data.overdue)
    out = tmp_path / "m.pdf"
    build_worklist_report(data, out)
    text = flat_text(out)
    assert "王小明" not in text and "138 0013 8000" not in text


def test_reversed_range_is_refused(db, coordinator):
    with pytest.raises(ValidationError):
        worklist_data(
            db, coordinator, dt.date(2024, 8, 1), dt.date(2024, 7, 1), dt.date(2024, 7, 1)
        )

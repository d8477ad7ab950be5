"""Worklist ranges seen from the calendar page, and the contrast of the calendar chips."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor

from nclm_desktop.ui.calendar_page import (
    OTHER_MONTH_BACKGROUND,
    OTHER_MONTH_DAY_TEXT,
    CalendarPage,
)
from nclm_desktop.ui.visit_states import CALENDAR_STATES, chip_style

D = dt.date
SUNDAY = D(2025, 6, 22)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance (definition under success criterion 1.4.3) of sRGB."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """(L1 + 0.05) / (L2 + 0.05), L1 the lighter (WCAG 2.x, 1.4.3 Contrast (Minimum))."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    # The reported pair: white on the old "due now" orange.
    assert contrast_ratio(QColor("white"), QColor("#d98200")) == pytest.approx(2.94, abs=0.01)


@pytest.mark.parametrize("in_month", [True, False])
@pytest.mark.parametrize("state", CALENDAR_STATES)
def test_every_calendar_chip_meets_wcag_aa(state, in_month):
    """WCAG 2.x success criterion 1.4.3 (AA): at least 4.5:1 for normal-size text."""
    style = chip_style(state, in_month)
    assert style.fill.alpha() == 255 and style.text.alpha() == 255  # no fading
    assert contrast_ratio(style.text, style.fill) >= 4.5, (state, in_month)


def test_other_month_day_numbers_meet_wcag_aa():
    ratio = contrast_ratio(QColor(OTHER_MONTH_DAY_TEXT), QColor(OTHER_MONTH_BACKGROUND))
    assert ratio >= 4.5


def test_this_week_on_a_sunday_shows_the_coming_seven_days(qtbot, db, enrol, coordinator):
    enrol("NCLM-S-001", D(2025, 5, 16))  # M1 booked Mon 16 Jun: already past on the 22nd
    enrol("NCLM-S-002", D(2025, 5, 23))  # M1 booked Mon 23 Jun
    enrol("NCLM-S-003", D(2025, 5, 27))  # M1 booked Fri 27 Jun
    page = CalendarPage(db, coordinator, today=lambda: SUNDAY)
    qtbot.addWidget(page)
    page.show()
    assert page.tabs.tabText(1) == "This week (2)"
    assert "Sun 2025-06-22" in page.tabs.tabToolTip(1)
    assert "Sat 2025-06-28" in page.tabs.tabToolTip(1)
    table = page.worklists["this_week"]
    booked = [table.model.row_data(r).scheduled_date for r in range(table.model.rowCount())]
    assert booked == [D(2025, 6, 23), D(2025, 6, 27)]
    page.tabs.setCurrentIndex(1)
    assert page.export_range() == (SUNDAY, D(2025, 6, 28))

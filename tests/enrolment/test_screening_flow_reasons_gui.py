"""The flow diagram on the screening log page notes when one person has several reasons."""

from __future__ import annotations

import datetime as dt

from nclm_desktop.services.enrolment import screen
from nclm_desktop.ui.screening_log_page import ScreeningLogPage

from .conftest import TODAY, make_identity, make_screening


def test_several_reasons_are_explained_only_when_they_add_up_to_more(qtbot, db, surgeon):
    screen(db, surgeon, make_identity("F1"), make_screening(ecog=3), today=TODAY)
    page = ScreeningLogPage(db, surgeon)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    assert not page.diagram.counts.several_reasons
    assert "several" not in page.diagram.accessibleDescription()

    # Aged 75 and ECOG 3: two reasons for one person.
    old = make_identity("F2", birth_date=dt.date(1949, 1, 1))
    screen(db, surgeon, old, make_screening(ecog=3), today=TODAY)
    page.refresh()
    counts = page.diagram.counts
    assert counts.not_eligible == 2 and counts.reasons_total == 3 and counts.several_reasons
    assert "add up to 3 for 2 people: one person can have several" in (
        page.diagram.accessibleDescription()
    )
    # The note is drawn inside the widget: its box fits the widget's height.
    assert page.diagram.minimumHeight() >= page.diagram._failed_box_bottom(counts)
    image = page.diagram.grab().toImage()
    assert image.height() >= page.diagram._failed_box_bottom(counts)

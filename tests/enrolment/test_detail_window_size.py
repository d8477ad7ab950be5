"""A participant window opens at the size of its content: nothing scrolls on 1920x1080,
and on 1366x768 it stays within the screen (its tabs scroll instead)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QTableView

from nclm_desktop.services.baseline import BaselineInput
from nclm_desktop.services.enrolment import screen_and_enrol
from nclm_desktop.ui.participant_detail import ParticipantDetail
from nclm_desktop.ui.window_size import SCREEN_SHARE, fit_to_content

from .conftest import TODAY, make_identity, make_screening

FULL_HD = QRect(0, 0, 1920, 1040)  # 1920x1080 less a taskbar
LAPTOP = QRect(0, 0, 1366, 728)


def participant(db, actor) -> int:
    return screen_and_enrol(
        db,
        actor,
        make_identity("H1"),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        baseline=BaselineInput(t_stage="T2", liver_met_count=1, liver_met_largest_mm=20),
        today=TODAY,
    ).participant_id


def scrolling(view: ParticipantDetail, qtbot) -> list[str]:
    """Tabs (and tables in them) that need a scroll bar to show their content."""
    found = []
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        page = view.tabs.widget(i)
        areas = [page] if isinstance(page, QAbstractScrollArea) else []
        areas += [a for a in page.findChildren(QAbstractScrollArea)
                  if isinstance(a, QScrollArea | QTableView) and a.isVisible()]  # fmt: skip
        for area in areas:
            if area.verticalScrollBar().maximum() or area.horizontalScrollBar().maximum():
                found.append(f"{view.tabs.tabText(i)}: {area.objectName() or type(area).__name__}")
    return found


def test_opens_at_its_content_on_full_hd(qtbot, db, investigator):
    view = ParticipantDetail(db, investigator, participant(db, investigator), today=TODAY)
    qtbot.addWidget(view)
    size = fit_to_content(view, FULL_HD)
    view.show()
    qtbot.waitExposed(view)
    assert view.size() == size
    cap = int(FULL_HD.height() * SCREEN_SHARE)
    assert size.width() <= FULL_HD.width() and size.height() <= cap
    # Nothing scrolls, unless the window already takes the height the screen allows (the
    # screening tab lists every criterion with its reason).
    assert scrolling(view, qtbot) == [] or size.height() == cap
    assert not [s for s in scrolling(view, qtbot) if "Screening" not in s]
    # The old fixed 980x720 left the screening tab scrolling on a screen with room to spare.
    assert size.height() > 720


def test_stays_within_a_1366x768_screen(qtbot, db, investigator):
    view = ParticipantDetail(db, investigator, participant(db, investigator), today=TODAY)
    qtbot.addWidget(view)
    size = fit_to_content(view, LAPTOP)
    view.show()
    assert size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()
    assert view.height() <= LAPTOP.height()

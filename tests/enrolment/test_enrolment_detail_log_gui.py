"""Participant detail view, screening log page and their wiring in the main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, BaselineDisease, ParticipantIdentity, Visit
from nclm_desktop.services.baseline import BaselineInput
from nclm_desktop.services.enrolment import SystemicLine, screen, screen_and_enrol
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.main_window import MainWindow
from nclm_desktop.ui.participant_detail import ParticipantDetail
from nclm_desktop.ui.screening_log_page import ScreeningLogPage
from nclm_desktop.ui.screening_wizard import ScreeningWizard

from .conftest import TODAY, make_identity, make_screening
from .wizard_helpers import choose, find, type_date, type_text


@pytest.fixture
def reasons(monkeypatch):
    """ask_reason answers from the list (None = cancelled); errors are collected."""
    state: dict = {"answers": [], "asked": [], "errors": []}

    def ask(parent, what):
        state["asked"].append(what)
        return state["answers"].pop(0) if state["answers"] else None

    monkeypatch.setattr(dialogs, "ask_reason", ask)
    monkeypatch.setattr(dialogs, "show_error", lambda p, m, t=None: state["errors"].append(m))
    monkeypatch.setattr(dialogs, "show_info", lambda p, m, t=None: None)
    return state


def enrolled(db, actor, hrn="H1"):
    return screen_and_enrol(
        db,
        actor,
        make_identity(hrn),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        baseline=BaselineInput(t_stage="T2", liver_met_count=1, liver_met_largest_mm=20),
        today=TODAY,
    ).participant_id


def click(qtbot, parent, name):
    button = find(parent, QPushButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_tab(qtbot, view, title):
    bar = view.tabs.tabBar()
    index = tab_titles(view).index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert view.tabs.currentIndex() == index


def tab_titles(view):
    return [view.tabs.tabText(i) for i in range(view.tabs.count())]


def test_identity_edit_asks_a_reason_and_is_audited(qtbot, db, surgeon, reasons):
    pid = enrolled(db, surgeon)
    view = ParticipantDetail(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    assert tab_titles(view)[:4] == ["Identity", "Enrolment", "Screening", "Baseline"]
    assert find(view, QLabel, "detail_header").text().startswith("NCLM-H-001")
    assert find(view, QLabel, "screening_verdict").text().startswith("Eligible")
    assert not view.identity_tab.view.widget("phone").isEnabled()  # read-only until Edit

    click(qtbot, view, "edit_identity")
    type_text(qtbot, view, "phone", "13911112222")
    click(qtbot, view, "save_identity")  # reason dialog cancelled: nothing saved
    assert reasons["asked"] == ["the identity"]
    with db.session() as s:
        assert s.get(ParticipantIdentity, pid).phone == "13800000000"

    reasons["answers"] = ["patient gave a new number"]
    click(qtbot, view, "save_identity")
    assert not view.identity_tab.view.widget("phone").isEnabled()
    with db.session() as s:
        assert s.get(ParticipantIdentity, pid).phone == "13911112222"
        event = s.scalars(select(AuditEvent).where(AuditEvent.field == "phone")).one()
    assert (event.username, event.reason, event.old_value, event.new_value) == (
        "zchen",
        "patient gave a new number",
        "13800000000",
        "13911112222",
    )


def test_baseline_edit_with_reason(qtbot, db, coordinator, reasons):
    pid = enrolled(db, coordinator)
    view = ParticipantDetail(db, coordinator, pid, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    open_tab(qtbot, view, "Baseline")
    click(qtbot, view, "edit_baseline")
    choose(qtbot, view, "t_stage", "T4")
    reasons["answers"] = ["MRI re-read: skull base invasion"]
    click(qtbot, view, "save_baseline")
    assert reasons["errors"] == []
    with db.session() as s:
        assert s.get(BaselineDisease, pid).t_stage == "T4"
        event = s.scalars(select(AuditEvent).where(AuditEvent.field == "t_stage")).one()
    assert (event.old_value, event.new_value, event.reason) == (
        "T2",
        "T4",
        "MRI re-read: skull base invasion",
    )


def test_monitor_sees_no_identity_and_cannot_edit(qtbot, db, surgeon, monitor, reasons):
    pid = enrolled(db, surgeon)
    view = ParticipantDetail(db, monitor, pid, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    assert "Identity" not in tab_titles(view)
    assert view.identity_tab is None
    assert not find(view, QPushButton, "edit_baseline").isEnabled()
    names = [w.text() for w in view.findChildren(QLabel)]
    assert not any("Wei Zhang" in n or n == "H1" for n in names)


def test_log_page_filters_by_outcome_and_counts_the_flow(qtbot, db, surgeon):
    enrolled(db, surgeon, "E1")
    screen_and_enrol(
        db,
        surgeon,
        make_identity("E2"),
        make_screening(),
        cohort="systemic",
        consent_date=TODAY,
        index_date=TODAY,
        systemic_lines=[SystemicLine(1, "GP", TODAY)],
        today=TODAY,
    )
    screen(
        db,
        surgeon,
        make_identity("F1", birth_date=dt.date(1950, 1, 1)),
        make_screening(),
        today=TODAY,
    )
    screen(db, surgeon, make_identity("F2"), make_screening(ecog=3), today=TODAY)
    page = ScreeningLogPage(db, surgeon)
    qtbot.addWidget(page)
    page.show()
    counts = page.diagram.counts
    assert (counts.screened, counts.not_eligible, counts.enrolled) == (4, 2, 2)
    assert counts.enrolled_by_cohort == {"hepatectomy": 1, "systemic": 1}
    assert "not eligible 2" in page.diagram.accessibleDescription()
    table = find(page, QTableView, "screening_log_table")
    assert table.model().rowCount() == 4
    choose(qtbot, page, "outcome_filter", "not_eligible")
    assert table.model().rowCount() == 2
    assert page.count_label.text() == "2 of 4"
    reasons_col = [c.key for c in page.model.columns].index("reasons")
    texts = {table.model().index(r, reasons_col).data() for r in range(2)}
    assert any("Age 75" in t for t in texts) and any("ECOG 3" in t for t in texts)
    opened = []
    page.participant_opened.connect(opened.append)
    table.activated.emit(table.model().index(0, 0))
    assert len(opened) == 1


def test_main_window_opens_the_wizard_and_the_detail_view(qtbot, db, surgeon, reasons):
    pid = enrolled(db, surgeon)
    window = MainWindow(db, surgeon, lock_minutes=0)
    qtbot.addWidget(window)
    window.show()
    participants = window.pages["participants"]
    qtbot.waitUntil(lambda: participants.proxy.rowCount() == 1, timeout=3000)
    click(qtbot, participants, "new_screening")
    wizard = window.findChild(ScreeningWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    participants.table.activated.emit(participants.proxy.index(0, 0))
    detail = window.findChild(ParticipantDetail)
    assert detail is not None and detail.pid == pid and detail.isVisible()
    log = window.show_page("screening")
    assert isinstance(log, ScreeningLogPage) and log.diagram.counts.enrolled == 1


def test_systemic_index_date_edit_moves_the_visits(qtbot, db, coordinator, reasons):
    pid = screen_and_enrol(
        db,
        coordinator,
        make_identity("S1"),
        make_screening(),
        cohort="systemic",
        consent_date=TODAY,
        index_date=dt.date(2025, 3, 3),
        systemic_lines=[SystemicLine(1, "GP", dt.date(2025, 3, 3))],
        today=TODAY,
    ).participant_id
    view = ParticipantDetail(db, coordinator, pid, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    open_tab(qtbot, view, "Enrolment")
    click(qtbot, view, "edit_enrolment")
    type_date(qtbot, view, "index_date", dt.date(2025, 3, 5))
    reasons["answers"] = ["first cycle given two days later"]
    click(qtbot, view, "save_enrolment")
    assert reasons["errors"] == []
    assert "moved 15" in find(view, QLabel, "enrolment_message").text()
    assert "index date 2025-03-05" in find(view, QLabel, "detail_header").text()
    with db.session() as s:
        m1 = s.scalars(select(Visit).where(Visit.code == "M1")).one()
        event = s.scalars(select(AuditEvent).where(AuditEvent.field == "index_date")).all()[-1]
    assert m1.target_date == dt.date(2025, 4, 5)
    assert (event.reason, event.username) == ("first cycle given two days later", "mli")

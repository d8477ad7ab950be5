"""The calendar page, the visit dialog and the follow-up tab, driven as a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, ClinicalEvent, Participant, Visit
from nclm_desktop.services import followup as fu
from nclm_desktop.services.participants import HIDDEN
from nclm_desktop.ui import dialogs, visit_actions
from nclm_desktop.ui.calendar_page import CalendarPage
from nclm_desktop.ui.date_input import DateInput
from nclm_desktop.ui.followup_tab import FollowupTab
from nclm_desktop.ui.main_window import MainWindow
from nclm_desktop.ui.participant_tabs import participant_tabs
from nclm_desktop.ui.visit_dialog import EventDialog, VisitDialog

from .conftest import TODAY

D = dt.date
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    """Error boxes shown, instead of modal message boxes."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message, title=None: shown.append(
        message))  # fmt: skip
    return shown


@pytest.fixture
def drive_dialog(monkeypatch):
    """Replace the modal exec() by a function that works the dialog like a user."""

    def install(steps):
        def run(dialog: QDialog) -> bool:
            dialog.show()
            steps(dialog)
            return dialog.result() == QDialog.DialogCode.Accepted

        monkeypatch.setattr(visit_actions, "run_dialog", run)

    return install


def type_date(qtbot, edit: DateInput, value: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, value)
    assert edit.date() == D.fromisoformat(value)


def inline_error(dialog, field: str) -> str:
    """The text of a visible inline error line (``<field>_error``)."""
    line = dialog.findChild(QLabel, f"{field}_error")
    assert line is not None and line.isVisible(), field
    return line.text()


def choose(qtbot, combo: QComboBox, text: str) -> None:
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def click(qtbot, root, name: str) -> None:
    button = root.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, LEFT)


def tick(qtbot, box: QCheckBox) -> None:
    """Click the box's indicator (a wide QCheckBox only reacts on its indicator and text)."""
    before = box.isChecked()
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() != before


def click_day(qtbot, page: CalendarPage, day: dt.date) -> None:
    """Click the cell of ``day`` in the month grid."""
    cal = page.calendar
    cal.setCurrentPage(day.year, day.month)
    view = cal.findChild(QTableView, "qt_calendar_calendarview")
    model = view.model()
    in_month = False
    for row in range(1, model.rowCount()):
        for col in range(model.columnCount()):
            number = int(model.index(row, col).data())
            in_month = in_month or number == 1
            if in_month and number == day.day:
                rect = view.visualRect(model.index(row, col))
                qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
                assert cal.selectedDate() == QDate(day.year, day.month, day.day)
                return
    raise AssertionError(f"{day} not in the grid")


def click_row(qtbot, view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def stored_visit(db, pid, code) -> Visit:
    with db.session() as s:
        return s.scalars(select(Visit).where(Visit.participant_id == pid, Visit.code == code)).one()


def fill_m3_with_recurrence(qtbot):
    def steps(dialog: VisitDialog) -> None:
        type_date(qtbot, dialog.findChild(DateInput, "actual_date"), "2025-04-08")
        choose(qtbot, dialog.findChild(QComboBox, "ecog"), "1")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "ebv_dna_copies_ml"), "1500")
        choose(qtbot, dialog.findChild(QComboBox, "liver_imaging_result"), "Intrahepatic")
        # Choosing the imaging result ticked the finding with the visit date.
        assert dialog.findChild(QCheckBox, "finding_intrahepatic_recurrence").isChecked()
        click(qtbot, dialog, "save_visit")

    return steps


def test_recording_a_visit_that_finds_intrahepatic_recurrence(
    qtbot, db, hep, coordinator, drive_dialog, errors
):
    page = CalendarPage(db, coordinator, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    m3 = stored_visit(db, hep, "M3")
    assert m3.scheduled_date == D(2025, 4, 7)
    click_day(qtbot, page, D(2025, 4, 7))
    assert page.day_table.model.rowCount() == 1
    assert page.calendar.counts[D(2025, 4, 7)] == {"overdue": 1}
    click_row(qtbot, page.day_table.view, 0)
    drive_dialog(fill_m3_with_recurrence(qtbot))
    click(qtbot, page, "record_visit")

    assert errors == []
    v = stored_visit(db, hep, "M3")
    assert (v.status, v.actual_date, v.ecog, v.ebv_dna_copies_ml, v.liver_imaging_result) == (
        "done",
        D(2025, 4, 8),
        1,
        1500.0,
        "intrahepatic_recurrence",
    )
    assert {"ecog", "ebv_dna", "liver_imaging"} <= set(v.assessments_done)
    with db.session() as s:
        [event] = s.scalars(select(ClinicalEvent).where(ClinicalEvent.participant_id == hep)).all()
        audit = s.execute(
            select(AuditEvent.action, AuditEvent.username).where(
                AuditEvent.entity == "clinical_event"
            )
        ).all()
    assert (event.kind, event.event_date, event.confirmed_by, event.visit_id) == (
        "intrahepatic_recurrence",
        D(2025, 4, 8),
        "imaging",
        v.id,
    )
    assert [tuple(a) for a in audit] == [("insert", "mli")]
    endpoints = fu.participant_endpoints(db, coordinator, hep)
    assert endpoints.intrahepatic_rfs.event is True
    assert endpoints.intrahepatic_rfs.end_date == D(2025, 4, 8)
    assert endpoints.intrahepatic_rfs.days == 92
    # The page shows the result: the visit moved to the day it was done, as done.
    assert "NCLM-H-001 M3 recorded" in page.message.text()
    assert page.calendar.counts[D(2025, 4, 8)] == {"done": 1}
    assert D(2025, 4, 7) not in page.calendar.counts


def test_the_followup_tab_records_a_visit_and_shows_the_endpoint(
    qtbot, db, hep, investigator, drive_dialog, errors
):
    tab = FollowupTab(db, investigator, hep, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    assert "Intrahepatic RFS: 0.0 months (0 days), censored on 2025-01-06" in tab.summary.text()
    tab.select_visit("M3")
    drive_dialog(fill_m3_with_recurrence(qtbot))
    click(qtbot, tab, "record_visit")
    assert errors == []
    assert "Intrahepatic RFS: 3.0 months (92 days), event on 2025-04-08" in tab.summary.text()
    whats = [tab.model.row_data(r)["what"] for r in range(tab.model.rowCount())]
    assert whats[:4] == ["Operation (anchor)", "Visit M1", "Visit M3", "Intrahepatic recurrence"]
    days = [tab.model.row_data(r)["days"] for r in range(tab.model.rowCount())]
    assert days[:4] == [0, 31, 92, 92]


def test_bad_visit_date_is_refused_in_the_dialog_and_nothing_saved(
    qtbot, db, hep, coordinator, errors
):
    visit = next(r for r in fu.list_visits(db, coordinator, hep, TODAY) if r.code == "M6")
    dialog = VisitDialog(db, coordinator, visit, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.findChild(DateInput, "actual_date")
    type_date(qtbot, edit, "2025-06-19")
    assert "In the future" in dialog.window_warning.text()
    click(qtbot, dialog, "save_visit")
    assert "in the future (today is 2025-06-18)" in inline_error(dialog, "actual_date")
    assert dialog.result() != QDialog.DialogCode.Accepted
    type_date(qtbot, edit, "2025-01-02")
    click(qtbot, dialog, "save_visit")
    assert "before the operation date (2025-01-06)" in inline_error(dialog, "actual_date")
    assert errors == []  # field errors show inline, never in a message box
    assert stored_visit(db, hep, "M6").status == "planned"
    with db.session() as s:
        changes = select(AuditEvent).where(
            AuditEvent.entity == "visit", AuditEvent.action == "update"
        )
        assert s.scalars(changes).all() == []


def test_outside_the_window_asks_first_then_flags_a_deviation(
    qtbot, db, hep, coordinator, monkeypatch, errors
):
    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, message, title=None: (
        asked.append(message) or answers.pop(0)))  # fmt: skip
    visit = next(r for r in fu.list_visits(db, coordinator, hep, TODAY) if r.code == "M1")
    dialog = VisitDialog(db, coordinator, visit, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_date(qtbot, dialog.findChild(DateInput, "actual_date"), "2025-02-20")
    assert "Outside the window" in dialog.window_warning.text()
    click(qtbot, dialog, "save_visit")
    assert stored_visit(db, hep, "M1").status == "planned"  # the user said no
    click(qtbot, dialog, "save_visit")
    assert "outside the window of M1 (2025-01-30 to 2025-02-13)" in asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    v = stored_visit(db, hep, "M1")
    assert v.status == "done" and v.deviation is True
    assert dialog.result_info.outside_window is True


def test_death_before_the_last_completed_visit_is_refused_in_the_event_dialog(
    qtbot, db, hep, coordinator, errors
):
    m3 = next(r for r in fu.list_visits(db, coordinator, hep, TODAY) if r.code == "M3")
    fu.record_visit(db, coordinator, m3.id, fu.VisitRecord(D(2025, 4, 7)), TODAY)
    dialog = EventDialog(db, coordinator, hep, "NCLM-H-001", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(qtbot, dialog.findChild(QCheckBox, "finding_death"))
    type_date(qtbot, dialog.findChild(DateInput, "death_date"), "2025-04-01")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "death_cause"), "liver failure")
    click(qtbot, dialog, "save_events")
    assert "before the last completed visit M3 (2025-04-07)" in inline_error(dialog, "death")
    assert errors == []
    assert dialog.focusWidget() is dialog.findChild(DateInput, "death_date")
    with db.session() as s:
        assert s.scalars(select(ClinicalEvent)).all() == []
        assert s.get(Participant, hep).status == "enrolled"
    type_date(qtbot, dialog.findChild(DateInput, "death_date"), "2025-05-02")
    click(qtbot, dialog, "save_events")
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as s:
        assert s.get(Participant, hep).status == "deceased"
        m6 = s.scalars(select(Visit).where(Visit.code == "M6")).one()
        assert m6.status == "cancelled"


def test_reschedule_outside_the_window_needs_a_reason(qtbot, db, hep, coordinator, errors,
                                                      drive_dialog):  # fmt: skip
    page = CalendarPage(db, coordinator, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    click_day(qtbot, page, D(2025, 7, 7))  # M6, window 2025-06-22 .. 2025-07-20
    click_row(qtbot, page.day_table.view, 0)

    def steps(dialog):
        type_date(qtbot, dialog.findChild(DateInput, "scheduled_date"), "2025-07-25")
        click(qtbot, dialog, "save_reschedule")
        assert "give a reason" in inline_error(dialog, "deviation_reason")
        assert dialog.focusWidget() is dialog.findChild(QLineEdit, "deviation_reason")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "deviation_reason"), "travelling")
        qtbot.keyClick(dialog.findChild(QLineEdit, "deviation_reason"), Qt.Key.Key_Return)

    drive_dialog(steps)
    click(qtbot, page, "reschedule_visit")
    m6 = stored_visit(db, hep, "M6")
    assert (m6.scheduled_date, m6.deviation, m6.deviation_reason) == (
        D(2025, 7, 25),
        True,
        "travelling",
    )
    assert "Flagged as a protocol deviation" in page.message.text()


def test_worklists_mark_missed_and_unmark(qtbot, db, hep, coordinator, monkeypatch, errors):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a, **k: "came after all")
    page = CalendarPage(db, coordinator, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.tabs.tabText(3) == "Overdue (2)"
    page.tabs.setCurrentIndex(3)
    table = page.worklists["overdue"]
    rows = [table.model.row_data(r) for r in range(table.model.rowCount())]
    assert [(r.study_id, r.code, r.name, r.phone) for r in rows] == [
        ("NCLM-H-001", "M1", "Li Na", "139 1111 2222"),
        ("NCLM-H-001", "M3", "Li Na", "139 1111 2222"),
    ]
    qtbot.keyClicks(table.filter, "M3")
    assert table.proxy.rowCount() == 1
    click_row(qtbot, table.view, 0)
    assert page.actions.visit.code == "M3"
    click(qtbot, page, "mark_missed")
    assert stored_visit(db, hep, "M3").status == "missed"
    assert page.tabs.tabText(3) == "Overdue (1)"
    click_day(qtbot, page, D(2025, 4, 7))
    page.tabs.setCurrentIndex(0)
    click_row(qtbot, page.day_table.view, 0)
    click(qtbot, page, "unmark_missed")
    assert stored_visit(db, hep, "M3").status == "planned"
    with db.session() as s:
        reasons = s.execute(
            select(AuditEvent.new_value, AuditEvent.reason).where(AuditEvent.field == "status")
        ).all()
    assert [tuple(r) for r in reasons] == [("missed", None), ("planned", "came after all")]


def test_a_monitor_sees_no_identity_and_cannot_write(qtbot, db, hep, monitor):
    page = CalendarPage(db, monitor, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    table = page.worklists["overdue"]
    assert table.model.row_data(0).name == HIDDEN and table.model.row_data(0).phone == HIDDEN
    assert table.view.isColumnHidden(1) and table.view.isColumnHidden(2)
    page.tabs.setCurrentIndex(3)
    click_row(qtbot, table.view, 0)
    assert page.actions.visit is not None
    assert not any(b.isEnabled() for b in page.actions.buttons.values())


def test_export_ics_from_the_page_is_audited(qtbot, db, hep, coordinator, tmp_path, monkeypatch):
    target = tmp_path / "april"
    monkeypatch.setattr(visit_actions, "ask_save_path", lambda parent, suggested: str(target))
    page = CalendarPage(db, coordinator, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    page.calendar.setCurrentPage(2025, 4)
    click(qtbot, page, "export_ics")
    data = (tmp_path / "april.ics").read_bytes()
    assert b"SUMMARY:NCLM-H-001 M3" in data and b"Li Na" not in data
    assert "1 visits exported" in page.message.text()
    with db.session() as s:
        export = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert export.username == "mli" and export.new_value == str(tmp_path / "april.ics")


def test_calendar_page_and_followup_tab_are_registered(qtbot, db, coordinator):
    window = MainWindow(db, coordinator, lock_minutes=0)
    qtbot.addWidget(window)
    assert isinstance(window.show_page("calendar"), CalendarPage)
    tab = next(t for t in participant_tabs() if t.key == "followup")
    assert tab.title == "Follow-up"

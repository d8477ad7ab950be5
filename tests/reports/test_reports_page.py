"""Reports page: choose, generate in the background, preview, print and save (audited)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton
from sqlalchemy import select

from nclm_desktop.models import AuditEvent
from nclm_desktop.ui import app as app_module
from nclm_desktop.ui import dialogs, reports_page
from nclm_desktop.ui.main_window import MainWindow
from nclm_desktop.ui.reports_page import ReportsPage
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text

TODAY = dt.date(2024, 7, 10)


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, message, title=None: shown.append(message)
    )
    return shown


def _page(qtbot, db, actor) -> ReportsPage:
    page = ReportsPage(db, actor, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _choose(page: ReportsPage, key: str) -> None:
    combo = page.findChild(QComboBox, "report_kind")
    combo.setCurrentIndex(combo.findData(key))


def _generate(qtbot, page: ReportsPage) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    assert page.busy_running and page.busy.isVisible()
    qtbot.waitUntil(lambda: not page.busy_running, timeout=20000)


def _exports(db) -> list[tuple[str, str]]:
    with db.session() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        return [(e.entity, e.new_value) for e in rows]


def test_schedule_is_generated_previewed_and_saved(
    qtbot, db, study, coordinator, monkeypatch, tmp_path, errors
):
    page = _page(qtbot, db, coordinator)
    _choose(page, "schedule")
    study_id = page.findChild(QLineEdit, "study_id")
    assert study_id.isVisible() and page.lang.isVisible() and not page.date_from.isVisible()
    qtbot.keyClicks(study_id, "NCLM-H-001")
    page.lang.setCurrentIndex(page.lang.findData("zh_CN"))
    _generate(qtbot, page)
    assert errors == []
    assert page.document.status() == QPdfDocument.Status.Ready
    assert page.document.pageCount() == 1
    assert "随访计划表" in page.document.getAllText(0).text()
    assert "1 page(s)" in page.status.text()
    qtbot.wait(400)  # QPdfView renders pages on its own thread

    target = tmp_path / "sched"
    monkeypatch.setattr(reports_page, "ask_save_path", lambda parent, suggested: str(target))
    qtbot.mouseClick(page.findChild(QPushButton, "save_report"), Qt.MouseButton.LeftButton)
    saved = Path(f"{target}.pdf")
    assert "王小明" in flat_text(saved)
    assert_fonts_embedded(saved)
    assert _exports(db) == [("report schedule NCLM-H-001", str(saved.resolve()))]


def test_enter_in_the_study_id_generates_and_print_goes_to_the_printer(
    qtbot, db, study, surgeon, monkeypatch, tmp_path, errors
):
    page = _page(qtbot, db, surgeon)
    _choose(page, "operative")
    study_id = page.findChild(QLineEdit, "study_id")
    qtbot.keyClicks(study_id, "NCLM-H-002")
    qtbot.keyClick(study_id, Qt.Key.Key_Return)
    assert page.busy_running
    qtbot.waitUntil(lambda: not page.busy_running, timeout=20000)
    assert errors == []
    assert "left lateral sectionectomy" in page.document.getAllText(0).text()

    printed = tmp_path / "printed.pdf"

    def fake_printer(parent):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(reports_page, "ask_printer", fake_printer)
    qtbot.mouseClick(page.findChild(QPushButton, "print_report"), Qt.MouseButton.LeftButton)
    assert printed.stat().st_size > 10_000  # the rendered page image
    check = QPdfDocument()
    check.load(str(printed))
    assert check.pageCount() == page.document.pageCount()
    assert _exports(db) == [("report operative NCLM-H-002 (printed)", str(printed))]


def test_unknown_participant_shows_the_message_and_keeps_nothing(qtbot, db, study, surgeon, errors):
    page = _page(qtbot, db, surgeon)
    _choose(page, "operative")
    qtbot.keyClicks(page.findChild(QLineEdit, "study_id"), "NCLM-H-777")
    _generate(qtbot, page)
    assert errors == ["No participant with study ID 'NCLM-H-777'."]
    assert page.pdf is None
    assert not page.findChild(QPushButton, "print_report").isEnabled()
    assert not page.findChild(QPushButton, "save_report").isEnabled()


def test_empty_study_id_is_asked_for_before_any_work(qtbot, db, study, surgeon, errors):
    page = _page(qtbot, db, surgeon)
    _choose(page, "schedule")
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    assert errors == []  # a field error is shown next to the inputs, not in a box
    assert page.input_error.text() == "Enter the participant's study ID."
    assert page.input_error.isVisible()
    assert not page.busy_running


def test_worklist_uses_the_date_range_and_today(qtbot, db, study, coordinator, errors):
    page = _page(qtbot, db, coordinator)
    _choose(page, "worklist")
    assert not page.study_id.isVisible()
    assert page.date_from.date() == TODAY
    assert page.date_to.date() == TODAY + dt.timedelta(days=27)
    _generate(qtbot, page)
    assert errors == []
    first = page.document.getAllText(0).text()
    assert "Overdue on 2024-07-10: 4" in " ".join(first.split())


def test_complications_default_to_last_month_and_screening_log_to_all(
    qtbot, db, study, surgeon, errors
):
    page = _page(qtbot, db, surgeon)
    _choose(page, "complications")
    assert page.date_from.date() == dt.date(2024, 6, 1)
    assert page.date_to.date() == dt.date(2024, 6, 30)
    page.date_from.clear()
    qtbot.keyClicks(page.date_from, "01.05.2024")  # typed, as on the ward
    assert page.date_from.date() == dt.date(2024, 5, 1)
    _generate(qtbot, page)
    text = page.document.getAllText(0).text()
    assert "NCLM-H-003" in text and "NCLM-H-002" not in text
    _choose(page, "screening_log")
    assert page.whole_period.isVisible() and page.whole_period.isChecked()
    assert not page.date_from.isEnabled()
    _generate(qtbot, page)
    assert "All screenings" in page.document.getAllText(0).text()
    assert errors == []


def test_a_blank_or_impossible_date_is_named_inline_and_nothing_runs(
    qtbot, db, study, surgeon, errors
):
    page = _page(qtbot, db, surgeon)
    _choose(page, "complications")
    page.date_to.clear()
    qtbot.keyClicks(page.date_to, "2024-06-31")
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    assert "no day 31" in page.input_error.text() and not page.busy_running
    assert page.pdf is None and errors == []
    page.date_to.clear()
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    assert page.input_error.text() == "Enter the To date." and not page.busy_running


def test_main_window_opens_the_reports_page(qtbot, db, surgeon):
    window = MainWindow(db, surgeon, lock_minutes=0)
    qtbot.addWidget(window)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)


def test_the_report_font_is_registered_in_qt(qtbot):
    families = app_module.register_report_font()
    assert any("WenQuanYi" in f for f in families)
    assert QApplication.instance() is not None

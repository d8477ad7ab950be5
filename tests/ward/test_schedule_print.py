"""Print a participant's visit schedule from their window, and when enrolment or an
operation has just planned the visits (the Reports page's builder, preview and printing)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from nclm_desktop.models import AuditEvent
from nclm_desktop.services import enrolment
from nclm_desktop.services.enrolment import IdentityInput, SystemicLine
from nclm_desktop.services.surgery import OperationInput
from nclm_desktop.ui import dialogs, reports_page, schedule_print
from nclm_desktop.ui.operation_wizard import OperationWizard
from nclm_desktop.ui.participant_detail import ParticipantDetail
from nclm_desktop.ui.schedule_print import ScheduleReportDialog
from nclm_desktop.ui.surgical_record import SurgicalRecordTab

TODAY = dt.date(2024, 6, 30)
START = dt.date(2024, 3, 4)


@pytest.fixture
def quiet(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, msg, title=None: shown.append(msg))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, msg, title=None: shown.append(msg))
    monkeypatch.setattr(dialogs, "confirm", lambda _p, msg, title=None: True)
    return shown


def _enrol(db, actor, cohort: str) -> int:
    systemic = cohort == "systemic"
    return enrolment.screen_and_enrol(
        db,
        actor,
        IdentityInput("Chen Jie", f"H-SP-{cohort}", "M", dt.date(1965, 4, 2)),
        enrolment.eligible_screening(START - dt.timedelta(days=5)),
        cohort=cohort,
        consent_date=START - dt.timedelta(days=3),
        enrolment_date=START - dt.timedelta(days=3),
        index_date=START if systemic else None,
        systemic_lines=[SystemicLine(1, "GP", START, None, None, True)] if systemic else (),
        today=TODAY,
    ).participant_id


def _wait_for_report(qtbot, dialog: ScheduleReportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.page.busy_running, timeout=20000)


def test_the_participant_window_prints_the_schedule_in_either_language(
    qtbot, db, coordinator, quiet, monkeypatch, tmp_path
):
    pid = _enrol(db, coordinator, "systemic")
    window = ParticipantDetail(db, coordinator, pid, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    button = window.findChild(QPushButton, "print_schedule")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.schedule_dialog
    assert isinstance(dialog, ScheduleReportDialog)
    _wait_for_report(qtbot, dialog)
    page = dialog.page
    assert quiet == []
    assert not page.kind.isEnabled() and page.study_id.isReadOnly()
    assert "NCLM-S-001" in page.document.getAllText(0).text()

    page.lang.setCurrentIndex(page.lang.findData("zh_CN"))
    assert page.pdf is None  # the English preview is gone
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy_running, timeout=20000)
    assert "随访计划表" in page.document.getAllText(0).text()

    printed = tmp_path / "printed.pdf"

    def to_file(_parent):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(reports_page, "ask_printer", to_file)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert printed.stat().st_size > 0
    with db.session() as s:
        exports = [
            e.entity for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        ]
    assert exports == ["report schedule NCLM-S-001 (printed)"]
    dialog.close()


def test_no_schedule_to_print_before_the_visits_are_planned(qtbot, db, surgeon):
    pid = _enrol(db, surgeon, "hepatectomy")
    window = ParticipantDetail(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(window)
    assert not window.findChild(QPushButton, "print_schedule").isEnabled()


def test_the_operation_wizard_offers_the_new_schedule(qtbot, db, surgeon, quiet, monkeypatch):
    asked: list[str] = []

    def answer(parent, study_id, reply):
        asked.append(study_id)
        reply("zh_CN")

    monkeypatch.setattr(schedule_print, "ask_print_schedule", answer)
    pid = _enrol(db, surgeon, "hepatectomy")
    tab = SurgicalRecordTab(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()
    wizard = OperationWizard(db, surgeon, pid, today=TODAY, parent=tab)
    wizard.set_input(
        OperationInput(
            operation_date=dt.date(2024, 3, 12),
            surgeon_ids=[surgeon.user_id],
            approach="open",
            segments=[6],
            anatomical=False,
        )
    )
    wizard.show()
    wizard.accept()
    assert quiet == [] and asked == ["NCLM-H-001"]
    dialog = tab.findChild(ScheduleReportDialog)
    assert dialog is not None
    _wait_for_report(qtbot, dialog)
    assert dialog.page.lang.currentData() == "zh_CN"
    assert "NCLM-H-001" in dialog.page.document.getAllText(0).text()
    dialog.close()

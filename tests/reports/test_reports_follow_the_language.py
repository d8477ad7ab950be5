"""The app prints in the user's language: the Reports page offers every report in either
language with the interface's as the default, and the participant window prints the
operative report and the schedule in it (issue 14)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from nclm_desktop.ui import dialogs
from nclm_desktop.ui.participant_detail import ParticipantDetail
from nclm_desktop.ui.reports_page import ReportsPage
from nclm_desktop.ui.schedule_print import ScheduleReportDialog


@pytest.fixture
def quiet(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, msg, title=None: shown.append(msg))
    return shown


def test_every_report_defaults_to_the_interface_language(qtbot, db, study, investigator, zh_cn):
    page = ReportsPage(db, investigator, today=lambda: study.today)
    qtbot.addWidget(page)
    page.show()
    for index in range(page.kind.count()):
        page.kind.setCurrentIndex(index)
        assert page.lang.isVisible() and page.lang.currentData() == "zh_CN", page.kind.itemData(
            index
        )
    page.kind.setCurrentIndex(page.kind.findData("complications"))
    page.date_from.set_date(study.today.replace(month=1, day=1))
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy_running, timeout=20000)
    text = page.document.getAllText(0).text()
    assert "并发症与围手术期结局" in text and "Complications and morbidity" not in text
    assert page.suggested_name.endswith("-zh_CN.pdf")


def test_the_participant_window_prints_the_operative_report_in_chinese(
    qtbot, db, study, investigator, quiet, zh_cn
):
    window = ParticipantDetail(db, investigator, study.ids["NCLM-H-001"], today=study.today)
    qtbot.addWidget(window)
    window.show()
    button = window.findChild(QPushButton, "print_operative")
    assert button.isVisible() and button.isEnabled()
    if os.environ.get("NCLM_SHOTS"):  # to look at the button row
        window.resize(1366, 768)
        window.grab().save(os.path.join(os.environ["NCLM_SHOTS"], "participant_zh.png"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.schedule_dialog
    assert isinstance(dialog, ScheduleReportDialog)
    qtbot.waitUntil(lambda: not dialog.page.busy_running, timeout=20000)
    assert quiet == []
    text = dialog.page.document.getAllText(0).text()
    assert "手术报告" in text and "右半肝切除术" in text and "Operative report" not in text
    assert dialog.page.export_name == "report operative NCLM-H-001"


def test_a_systemic_only_participant_has_no_operative_report_button(qtbot, db, study, investigator):
    window = ParticipantDetail(db, investigator, study.ids["NCLM-S-001"], today=study.today)
    qtbot.addWidget(window)
    window.show()
    assert not window.findChild(QPushButton, "print_operative").isVisible()

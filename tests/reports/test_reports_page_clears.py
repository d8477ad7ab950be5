"""The preview never shows a report that does not match what is asked for: after a failed
generation or any change of the inputs it is empty and Print/Save are off until a new
report is made (printing the wrong patient's schedule is the worst outcome of this page)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from nclm_desktop.ui import dialogs
from nclm_desktop.ui.reports_page import ReportsPage
from nclm_desktop.ui.tasks import wait_for_background

TODAY = dt.date(2024, 7, 10)


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, msg, title=None: shown.append(msg))
    return shown


@pytest.fixture
def page(qtbot, db, coordinator) -> ReportsPage:
    page = ReportsPage(db, coordinator, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    combo = page.findChild(QComboBox, "report_kind")
    combo.setCurrentIndex(combo.findData("schedule"))
    return page


def _type_study_id(qtbot, page: ReportsPage, text: str) -> None:
    edit = page.findChild(QLineEdit, "study_id")
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _generate(qtbot, page: ReportsPage) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy_running, timeout=20000)


def _outputs_enabled(page: ReportsPage) -> tuple[bool, bool]:
    return (
        page.findChild(QPushButton, "print_report").isEnabled(),
        page.findChild(QPushButton, "save_report").isEnabled(),
    )


def test_a_failed_generation_leaves_no_earlier_report_to_print(qtbot, page, study, errors):
    _type_study_id(qtbot, page, "NCLM-H-001")
    _generate(qtbot, page)
    assert page.document.status() == QPdfDocument.Status.Ready
    assert page.findChild(QWidget, "pdf_view").isVisible()
    assert _outputs_enabled(page) == (True, True)

    _type_study_id(qtbot, page, "NCLM-H-777")
    # Typing alone already empties the preview: it no longer shows what is asked for.
    assert page.pdf is None and page.document.pageCount() == 0
    assert page.findChild(QLabel, "preview_placeholder").isVisible()
    assert not page.findChild(QWidget, "pdf_view").isVisible()
    assert _outputs_enabled(page) == (False, False)
    _generate(qtbot, page)
    assert errors == ["No participant with study ID 'NCLM-H-777'."]
    assert page.pdf is None and page.document.pageCount() == 0
    assert _outputs_enabled(page) == (False, False)
    assert "not generated" in page.status.text()


def test_changing_the_language_or_report_clears_the_preview(qtbot, page, study, errors):
    _type_study_id(qtbot, page, "NCLM-H-001")
    _generate(qtbot, page)
    assert page.document.pageCount() == 1
    page.lang.setCurrentIndex(page.lang.findData("zh_CN"))
    assert page.document.pageCount() == 0 and _outputs_enabled(page) == (False, False)
    _generate(qtbot, page)
    assert "随访计划表" in page.document.getAllText(0).text()
    page.kind.setCurrentIndex(page.kind.findData("operative"))
    assert page.pdf is None and _outputs_enabled(page) == (False, False)


def test_a_report_for_inputs_changed_meanwhile_is_dropped(qtbot, page, study, errors):
    _type_study_id(qtbot, page, "NCLM-H-001")
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    _type_study_id(qtbot, page, "NCLM-H-002")  # while the first is being made
    assert wait_for_background()
    qtbot.wait(100)  # the finished job's signal reaches the UI thread
    assert page.pdf is None and page.document.pageCount() == 0
    assert _outputs_enabled(page) == (False, False)
    assert errors == []

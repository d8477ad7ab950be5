"""Forms of the surgery wizards: stale errors go away, no negative length of stay, what is
still needed is listed, and a disabled input is not marked required."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from surgery_data import TODAY

from nclm_desktop.forms.crf.complication import DEATH
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.date_input import DateInput
from nclm_desktop.ui.form_builder import FormWizardPage
from nclm_desktop.ui.operation_wizard import OperationWizard

SHOTS = "/work/wt/shots-h11b" if os.environ.get("NCLM_SHOTS") else None


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    shown: list[str] = []
    for name in ("show_error", "show_info"):
        monkeypatch.setattr(dialogs, name, lambda _p, message, title=None: shown.append(message))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    return shown


def child(parent: QWidget, name: str, kind: type = QWidget):
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def type_into(qtbot, parent: QWidget, name: str, text: str) -> None:
    edit = child(parent, name, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def enter(qtbot, wizard: QWidget) -> None:
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def open_wizard(qtbot, db, surgeon, participant) -> OperationWizard:
    wizard = OperationWizard(db, surgeon, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    with qtbot.waitActive(wizard):
        wizard.show()
        wizard.activateWindow()
    return wizard


def fill_first_page(qtbot, wizard: OperationWizard) -> None:
    type_into(qtbot, wizard, "operation_date", "12.03.2024")
    wizard.surgeon_list.setFocus()
    wizard.surgeon_list.setCurrentRow(0)
    qtbot.keyClick(wizard.surgeon_list, Qt.Key.Key_Space)
    approach = child(wizard, "approach")
    approach.setFocus()
    qtbot.keyClick(approach, Qt.Key.Key_Down)


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QTest.qWait(30)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_first_page_lists_what_is_missing(qtbot, db, surgeon, participant, boxes):
    wizard = open_wizard(qtbot, db, surgeon, participant)
    page = wizard.currentPage()
    assert [n for n, _ in page.missing.entries] == ["operation_date", "surgeons", "approach"]
    shot(wizard, "operation_1_missing")
    qtbot.mouseClick(child(wizard, "missing_approach", QPushButton), Qt.MouseButton.LeftButton)
    assert child(wizard, "approach").hasFocus()
    fill_first_page(qtbot, wizard)
    assert page.missing.entries == [] and not page.missing.isVisible()
    assert child(wizard, "operation_date", DateInput).date().isoformat() == "2024-03-12"


def test_segment_error_goes_as_soon_as_a_segment_is_chosen(qtbot, db, surgeon, participant, boxes):
    wizard = open_wizard(qtbot, db, surgeon, participant)
    fill_first_page(qtbot, wizard)
    enter(qtbot, wizard)
    assert wizard.currentId() == 1
    assert [n for n, _ in wizard.currentPage().missing.entries] == ["segments"]
    enter(qtbot, wizard)  # no segment: refused on the map
    error = child(wizard, "segments_error", QLabel)
    assert wizard.currentId() == 1 and error.isVisible() and "segment" in error.text()
    qtbot.keyClick(child(wizard, "segments"), Qt.Key.Key_5)
    assert not error.isVisible()
    assert wizard.currentPage().missing.entries == []
    assert boxes == []


def test_discharge_before_the_operation_shows_no_negative_stay(
    qtbot, db, surgeon, participant, boxes
):
    wizard = open_wizard(qtbot, db, surgeon, participant)
    fill_first_page(qtbot, wizard)
    enter(qtbot, wizard)
    qtbot.keyClick(child(wizard, "segments"), Qt.Key.Key_3)
    while wizard.currentId() < 4:
        enter(qtbot, wizard)
    type_into(qtbot, wizard, "discharge_date", "2024-03-08")
    stay = child(wizard, "length_of_stay", QLabel)
    error = child(wizard, "discharge_date_error", QLabel)
    summary = child(wizard, "summary", QLabel).text()
    assert stay.text() == "—"
    assert "-4" not in summary and "days" not in summary
    assert error.isVisible() and "before the operation date (2024-03-12)" in error.text()
    shot(wizard, "operation_5_discharge_before")
    type_into(qtbot, wizard, "discharge_date", "20240322")
    assert stay.text() == "10 days" and not error.isVisible()
    assert "10 days" in child(wizard, "summary", QLabel).text()


def test_a_disabled_input_is_neither_starred_nor_listed(qtbot):
    page = FormWizardPage("Outcome", DEATH, ("death_date",), today=TODAY)
    qtbot.addWidget(page)
    page.show()
    view = page.view
    caption = view.layout_.labelForField(view.rows["death_date"].box)
    assert caption.text() == "Date of death *"
    page.isComplete()
    assert [n for n, _ in page.missing.entries] == ["death_date"]
    view.set_enabled("death_date", False)
    page.isComplete()
    assert caption.text() == "Date of death"
    assert page.missing.entries == []
    view.set_enabled("death_date", True)
    assert caption.text() == "Date of death *"

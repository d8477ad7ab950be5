"""The administration page at 1366x768: nothing clipped, errors inline (no message boxes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from nclm_desktop.ui import dialogs
from nclm_desktop.ui.main_window import MainWindow


@pytest.fixture
def page(qtbot, db, admin, investigator, coordinator, monitor, monkeypatch):
    boxes: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message, title=None: boxes.append(
        message))  # fmt: skip
    window = MainWindow(db, admin, lock_minutes=0)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("admin")
    qtbot.waitExposed(window)
    page.boxes = boxes
    page.kept_window = window  # the window owns the page: keep it alive
    return page


def test_no_label_or_cell_is_clipped_at_1366(page):
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()
    for button in page.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    header = page.table.horizontalHeader()
    for col in range(page.model.columnCount()):
        assert header.sectionSize(col) >= page.table.sizeHintForColumn(col), col


def test_errors_are_inline_and_red(qtbot, page, admin):
    page.new_username.setText("x1")
    page.new_password.setText("one-password-1")
    page.new_password_again.setText("another-password")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.add_message.isVisible() and "differ" in page.add_message.text()
    assert "#b00020" in page.add_message.styleSheet()
    # Deactivating one's own account is refused: said under the table, not in a box.
    users = [page.model.row_data(r)["username"] for r in range(page.model.rowCount())]
    page.table.selectRow(users.index(admin.username))
    dialogs_reason = dialogs.ask_reason
    dialogs.ask_reason = lambda *a, **k: "leaving"
    try:
        qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
    finally:
        dialogs.ask_reason = dialogs_reason
    assert "own account" in page.users_message.text()
    assert "#b00020" in page.users_message.styleSheet() and page.users_message.isVisible()
    assert page.boxes == []

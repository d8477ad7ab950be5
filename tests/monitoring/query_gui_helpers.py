"""Driving the modal query dialogs the way a user does (by objectName, with the keyboard)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QPlainTextEdit, QPushButton


def on_next_dialog(act: Callable[[QDialog], None]) -> list[BaseException]:
    """Run ``act`` on the next modal dialog once it is up; a failing ``act`` cancels the
    dialog (so the test does not hang) and is kept in the returned list."""
    errors: list[BaseException] = []
    tries = [300]  # 3 s, then give up (no poll left to act in the next test)

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(10, run)
            else:
                errors.append(AssertionError("no dialog came up"))
            return
        try:
            act(dialog)
        except BaseException as exc:  # reported by the test after exec() returns
            errors.append(exc)
            dialog.reject()

    QTimer.singleShot(0, run)
    return errors


def fill(qtbot, dialog: QDialog, name: str, text: str, *, field: str | None = None) -> None:
    """Type ``text`` into ``<name>_text`` (choosing ``field`` first) and press OK."""
    if field is not None:
        combo = dialog.findChild(QComboBox, "query_field")
        combo.setCurrentIndex(combo.findData(field))
    box = dialog.findChild(QPlainTextEdit, f"{name}_text")
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.mouseClick(dialog.findChild(QPushButton, f"{name}_ok"), Qt.MouseButton.LeftButton)

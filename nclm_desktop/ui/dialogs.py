"""Small dialog functions. Tests replace these (monkeypatch) instead of clicking modal boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or tr("NCLM Desktop"), message)


def show_info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or tr("NCLM Desktop"), message)


def confirm(parent: QWidget | None, message: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(parent, title or tr("Please confirm"), message)
    return answer == QMessageBox.StandardButton.Yes


def ask_reason(parent: QWidget | None, what: str) -> str | None:
    """A reason for changing recorded data; None when cancelled or left empty."""
    text, ok = QInputDialog.getMultiLineText(
        parent,
        tr("Reason for change"),
        tr("Why is {what} being changed? The reason is kept in the audit trail.").format(what=what),
    )
    text = text.strip()
    return text if ok and text else None


def ask_password(parent: QWidget | None, prompt: str) -> str | None:
    text, ok = QInputDialog.getText(parent, tr("Password"), prompt, QLineEdit.EchoMode.Password)
    return text if ok else None

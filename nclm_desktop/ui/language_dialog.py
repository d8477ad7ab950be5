"""Choose the interface language of a user (one's own in Account, anyone's in Administration)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..models.db import Database
from ..services import settings
from ..services.errors import ServiceError
from ..services.permissions import Actor
from . import i18n


class LanguageDialog(QDialog):
    def __init__(
        self, db: Database, actor: Actor, user_id: int, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.user_id = db, actor, user_id
        self.setObjectName("language_dialog")
        self.setWindowTitle(self.tr("Language of {who}").format(who=who))
        self.choice = QComboBox()
        self.choice.setObjectName("language")
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.choice.addItem(name, code)
        current = settings.user_language(db, user_id) or i18n.system_language()
        self.choice.setCurrentIndex(self.choice.findData(current))
        note = QLabel(self.tr("The new language applies from the next sign-in."))
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.choice, note, self.message, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(360)

    def save(self) -> None:
        try:
            settings.set_user_language(self.db, self.actor, self.user_id, self.choice.currentData())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.accept()

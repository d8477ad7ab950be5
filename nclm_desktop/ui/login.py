"""First-run administrator dialog and the sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services import accounts
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from . import i18n

# LoginDialog.exec() result when the user picked another language: the dialog opens again in it.
LANGUAGE_CHANGED = 2


class FormDialog(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(intro)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.result_actor: Actor | None = None

    def line(self, name: str, label: str, password: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class FirstRunDialog(FormDialog):
    """The first start on an empty database creates the administrator account."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("NCLM Desktop — first start"),
            self.tr(
                "This database has no users yet. Create the administrator account; the "
                "administrator then adds investigators, surgeons, coordinators and monitors."
            ),
            parent,
        )
        self.db = db
        self.username = self.line("username", self.tr("User name"))
        self.display_name = self.line("display_name", self.tr("Full name"))
        self.password = self.line("password", self.tr("Password (10+ characters)"), True)
        self.password_again = self.line("password_again", self.tr("Password again"), True)

    def submit(self) -> None:
        if self.password.text() != self.password_again.text():
            self.message.setText(self.tr("The two passwords differ."))
            self.password_again.setFocus()
            return
        try:
            self.result_actor = accounts.create_first_admin(
                self.db, self.username.text(), self.display_name.text(), self.password.text()
            )
        except ValidationError as exc:
            self.message.setText(str(exc))
            widget = self.findChild(QLineEdit, exc.field)
            if widget:
                widget.setFocus()
            return
        self.accept()


class LoginDialog(FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(
            self.tr("NCLM Desktop — sign in"),
            self.tr("Sign in to the NCLM study database:\n{db}").format(db=db.describe()),
            parent,
        )
        self.db = db
        self.username = self.line("username", self.tr("User name"))
        self.password = self.line("password", self.tr("Password"), True)
        self.language = self._language_switch()
        self.chosen_language: str | None = None  # set when the user picked one here
        self.username.setText(username)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _language_switch(self) -> QComboBox:
        box = QComboBox()
        box.setObjectName("language")
        for code, name in i18n.LANGUAGE_NAMES.items():
            box.addItem(name, code)
        box.setCurrentIndex(box.findData(i18n.current_language()))
        box.currentIndexChanged.connect(lambda: self.switch_language(box.currentData()))
        self.form.addRow(self.tr("Language"), box)
        return box

    def switch_language(self, lang: str) -> None:
        """The new language applies at once: this dialog closes and reopens in it."""
        if lang == i18n.current_language():
            return
        self.chosen_language = i18n.install(lang)
        self.done(LANGUAGE_CHANGED)

    def submit(self) -> None:
        try:
            actor = accounts.authenticate(self.db, self.username.text(), self.password.text())
        except ServiceError as exc:
            self.message.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        if accounts.must_change_password(self.db, actor) and not self._change_password(actor):
            return
        self.result_actor = actor
        self.accept()

    def _change_password(self, actor: Actor) -> bool:
        """After an administrator's reset: a new password before the main window opens."""
        from .change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, actor, self, current=self.password.text())
        self.change_dialog = dialog  # for tests
        if dialog.exec():
            return True
        self.message.setText(self.tr("Choose a new password to continue."))
        self.password.clear()
        self.password.setFocus()
        return False

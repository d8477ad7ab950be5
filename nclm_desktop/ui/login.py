"""First-run administrator dialog and the sign-in dialog.

The sign-in dialog can paint before the database is open (README, "Start-up"): the
application opens it right after ``first_painted`` and hands it over with ``set_database``;
meanwhile OK stays disabled. SQLAlchemy and the services load only then.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
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

from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from . import i18n

# LoginDialog.exec() result when the user picked another language: the dialog opens again in it.
LANGUAGE_CHANGED = 3  # not 2: app.FIRST_RUN

if TYPE_CHECKING:
    from ..models.db import Database


def describe_target(target: str) -> str:
    """What Database.describe() will show, without loading SQLAlchemy: the file's absolute
    path, or the server URL with its password hidden."""
    if "://" not in target:
        return str(Path(target).expanduser().absolute())
    return re.sub(r"^([^:/]+://[^:@/]*):[^@/]*@", r"\1:***@", target)


class FormDialog(QDialog):
    first_painted = Signal()  # once, after the dialog's first frame is on screen

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
        self.heading = QLabel(intro)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.result_actor: Actor | None = None
        self._painted = False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after the frame is flushed

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
        from ..services import accounts

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
    """Signs in on ``db``; with ``db=None`` it shows ``where`` and waits for set_database."""

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        username: str = "",
        *,
        where: str = "",
    ) -> None:
        super().__init__(self.tr("NCLM Desktop — sign in"), "", parent)
        self.db = db
        self.username = self.line("username", self.tr("User name"))
        self.password = self.line("password", self.tr("Password"), True)
        self.language = self._language_switch()
        self.chosen_language: str | None = None  # set when the user picked one here
        self.username.setText(username)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_where(db.describe() if db is not None else where)
        if db is None:
            self.ok_button().setEnabled(False)
            self.message.setStyleSheet("color: #555;")
            self.message.setText(self.tr("Opening the database…"))

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _show_where(self, where: str) -> None:
        self.heading.setText(self.tr("Sign in to the NCLM study database:\n{db}").format(db=where))

    def set_database(self, db: Database) -> None:
        """The database opened behind the painted dialog: signing in is possible now."""
        self.db = db
        self._show_where(db.describe())
        self.message.setStyleSheet("color: #b00020;")
        self.message.clear()
        self.ok_button().setEnabled(True)

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
        if self.db is None:  # Return pressed while the database is still opening
            return
        from ..services import accounts

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

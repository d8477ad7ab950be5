"""Change one's own password: from the Account menu, and forced after an administrator's reset."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from ..models.db import Database
from ..services import accounts
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from .login import FormDialog

_FIELD_WIDGETS = {"password": "new_password", "new_password": "new_password"}


class ChangePasswordDialog(FormDialog):
    """Current password, the new one twice; errors inline. ``current`` given (the forced change
    right after sign-in) hides the current-password field: it was just typed."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        current: str | None = None,
    ) -> None:
        intro = (
            self.tr(
                "An administrator has reset your password. Choose a new password before "
                "you continue."
            )
            if current is not None
            else self.tr("Change the password of {user}.").format(user=actor.username)
        )
        super().__init__(self.tr("NCLM Desktop — change password"), intro, parent)
        self.setObjectName("change_password_dialog")
        self.db = db
        self.actor = actor
        self._current = current
        self.current_password = self.line("current_password", self.tr("Current password"), True)
        if current is not None:
            self.form.setRowVisible(self.current_password, False)
        self.new_password = self.line(
            "new_password", self.tr("New password (10+ characters)"), True
        )
        self.new_password_again = self.line(
            "new_password_again", self.tr("New password again"), True
        )
        (self.new_password if current is not None else self.current_password).setFocus()

    def _show_error(self, field: str, text: str) -> None:
        self.message.setText(text)
        for edit in self.findChildren(QLineEdit):
            edit.setStyleSheet("")
        widget = self.findChild(QLineEdit, _FIELD_WIDGETS.get(field, field))
        if widget is not None:
            widget.setStyleSheet("border: 1px solid #b00020;")
            widget.selectAll()
            widget.setFocus()

    def submit(self) -> None:
        if self.new_password.text() != self.new_password_again.text():
            self._show_error("new_password_again", self.tr("The two new passwords differ."))
            return
        current = self._current if self._current is not None else self.current_password.text()
        try:
            accounts.change_password(self.db, self.actor, current, self.new_password.text())
        except ValidationError as exc:
            self._show_error(exc.field, str(exc))
            return
        except ServiceError as exc:
            self._show_error("", str(exc))
            return
        self.accept()


class ResetPasswordDialog(FormDialog):
    """An administrator sets a temporary password; the user must change it at next sign-in."""

    def __init__(
        self, db: Database, actor: Actor, user: dict, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Reset password"),
            self.tr(
                "Set a temporary password for {user}. Tell it to them in person; they must "
                "choose their own at the next sign-in."
            ).format(user=user["username"]),
            parent,
        )
        self.setObjectName("reset_password_dialog")
        self.db = db
        self.actor = actor
        self.user = user
        self.new_password = self.line(
            "new_password", self.tr("Temporary password (10+ characters)"), True
        )
        self.new_password_again = self.line("new_password_again", self.tr("Again"), True)

    def submit(self) -> None:
        if self.new_password.text() != self.new_password_again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            accounts.reset_password(self.db, self.actor, self.user["id"], self.new_password.text())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.accept()

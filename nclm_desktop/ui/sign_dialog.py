"""The electronic-signature and unlock dialogs (docs/ARCHITECTURE.md §3; 21 CFR 11.50,
11.200): signing asks the signer's user name and password again and the meaning, shows the
printed name before and the date and time with UTC offset after; unlocking asks a reason.
The service checks everything; a refusal shows inline and the dialog stays open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.errors import AuthenticationFailed, ServiceError
from ..services.monitoring import signing
from ..services.permissions import Actor

# The meanings as the dialog offers them (the stored words stay English, 21 CFR 11.50).
MEANING_WORDS = {
    "approve": QT_TRANSLATE_NOOP("SignOff", "I have reviewed and approve these data"),
    "author": QT_TRANSLATE_NOOP("SignOff", "Author"),
    "review": QT_TRANSLATE_NOOP("SignOff", "Review"),
}
assert set(MEANING_WORDS) == set(signing.MEANINGS)  # a new meaning needs its words here


def _t(text: str) -> str:
    return QCoreApplication.translate("SignOff", text)


def meaning_text(words: str) -> str:
    """A stored meaning in the user's language."""
    return _t(words)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)  # SQLite drops the zone


def signed_at(row: signing.SignatureRow) -> str:
    """The signing time as the signer's clock showed it, with its UTC offset (11.50)."""
    sign = -1 if row.utc_offset.startswith("-") else 1
    hours, _, minutes = row.utc_offset.lstrip("+-").partition(":")
    try:
        offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0)) * sign
    except ValueError:
        offset = dt.timedelta(0)
    local = _utc(row.signed_utc).astimezone(dt.timezone(offset))
    return f"{local:%Y-%m-%d %H:%M:%S} {row.utc_offset or '+00:00'}"


def local_time(moment: dt.datetime) -> str:
    """A stored UTC time on this computer's clock, with its UTC offset."""
    local = _utc(moment).astimezone()
    text = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {text[:3]}:{text[3:]}"


def manifestation(row: signing.SignatureRow) -> str:
    return _t("{name}, {when}, “{meaning}”").format(
        name=row.printed_name, when=signed_at(row), meaning=meaning_text(row.meaning)
    )


def _buttons(ok: QPushButton, cancel: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(ok)
    row.addWidget(cancel)
    return row


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


class SignDialog(QDialog):
    """Sign the whole casebook (``form`` None: it locks) or one form instance."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        study_id: str,
        *,
        form: str | None = None,
        record_id: str | None = None,
        what: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.pid = db, actor, participant_id
        self.form, self.record_id = form, record_id
        self.signature_id: int | None = None
        self.setObjectName("sign_dialog")
        self.setWindowTitle(_t("Electronic signature"))
        if form is None:
            heading = _t("Sign the casebook of {sid}").format(sid=study_id)
            note = _t(
                "Signing covers every form of the casebook as it is now and locks it: no "
                "change is possible until an investigator unlocks it, with a reason."
            )
        else:
            heading = _t("Sign {what} of {sid}").format(what=what, sid=study_id)
            note = _t(
                "Signing covers this form as it is now; a later change of it shows the "
                "signature as invalid."
            )
        title = QLabel(heading)
        title.setObjectName("sign_heading")
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        title.setWordWrap(True)
        explain = QLabel(
            note
            + " "
            + _t(
                "Your user name and password together are your electronic signature, the "
                "legally binding equivalent of your handwritten signature."
            )
        )
        explain.setWordWrap(True)
        explain.setMinimumWidth(520)  # the layout's minimum size sets the dialog's
        self.printed_name = QLabel(actor.display_name or actor.username)
        self.printed_name.setObjectName("sign_printed_name")
        self.printed_name.setStyleSheet("font-weight: 600;")
        self.meaning = QComboBox()
        self.meaning.setObjectName("sign_meaning")
        for code, words in MEANING_WORDS.items():
            self.meaning.addItem(_t(words), code)
        self.username = QLineEdit()
        self.username.setObjectName("sign_username")
        self.password = QLineEdit()
        self.password.setObjectName("sign_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        grid = QFormLayout()
        grid.addRow(_t("Printed name"), self.printed_name)
        grid.addRow(_t("Meaning"), self.meaning)
        grid.addRow(_t("User name"), self.username)
        grid.addRow(_t("Password"), self.password)
        self.message = _message_label("sign_message")
        self.result_label = QLabel()
        self.result_label.setObjectName("sign_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setStyleSheet(
            "background: #e6f4ea; color: #0d5323; padding: 8px; border-radius: 4px;"
        )
        self.result_label.hide()
        self.sign_button = QPushButton(_t("Sign"))
        self.sign_button.setObjectName("sign_confirm")
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.close_button = QPushButton(_t("Cancel"))
        self.close_button.setObjectName("sign_cancel")
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.result_label)
        layout.addLayout(_buttons(self.sign_button, self.close_button))
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped lines fit
        self.username.setFocus()

    def sign(self) -> bool:
        code = self.meaning.currentData()
        user, password = self.username.text(), self.password.text()
        self.password.clear()  # never kept, whatever happens next
        try:
            if self.form is None:
                sid = signing.sign_casebook(self.db, self.actor, self.pid, user, password, code)
            else:
                sid = signing.sign_form(
                    self.db, self.actor, self.form, self.record_id, user, password, code
                )
        except AuthenticationFailed:
            self._refuse(
                _t(
                    "The user name or password is wrong; nothing was signed. After 5 failed "
                    "attempts in a row the account is locked for 15 minutes."
                )
            )
            return False
        except ServiceError as exc:
            self._refuse(str(exc))
            return False
        self.signature_id = sid
        row = next(r for r in signing.signatures(self.db, self.actor, self.pid) if r.id == sid)
        self.message.hide()
        self.result_label.setText(_t("Signed: {manifestation}").format(
            manifestation=manifestation(row)))  # fmt: skip
        self.result_label.show()
        for widget in (self.meaning, self.username, self.password, self.sign_button):
            widget.setEnabled(False)
        self.sign_button.hide()
        self.close_button.setText(_t("Close"))
        self.close_button.setFocus()
        self.adjustSize()
        return True

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.adjustSize()
        self.password.setFocus()

    def _close(self) -> None:
        if self.signature_id is not None:
            self.accept()
        else:
            self.reject()


class UnlockDialog(QDialog):
    """The investigator unlocks a signed casebook for a correction; the reason is audited."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        study_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.pid = db, actor, participant_id
        self.setObjectName("unlock_dialog")
        self.setWindowTitle(_t("Unlock casebook"))
        title = QLabel(_t("Unlock the casebook of {sid}").format(sid=study_id))
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        explain = QLabel(
            _t(
                "Unlocking allows changes again. The signatures stay on record; a signature "
                "shows as invalid once the data it covers change. The reason is kept in the "
                "audit trail."
            )
        )
        explain.setWordWrap(True)
        explain.setMinimumWidth(460)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("unlock_reason")
        self.reason.setPlaceholderText(_t("Why must the casebook change?"))
        self.reason.setFixedHeight(90)
        self.message = _message_label("unlock_message")
        ok = QPushButton(_t("Unlock"))
        ok.setObjectName("unlock_confirm")
        ok.clicked.connect(self.unlock)
        cancel = QPushButton(_t("Cancel"))
        cancel.setObjectName("unlock_cancel")
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(QLabel(_t("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addLayout(_buttons(ok, cancel))
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def unlock(self) -> bool:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.message.setText(_t("Please give the reason for unlocking."))
            self.message.show()
            self.adjustSize()
            return False
        try:
            signing.unlock_casebook(self.db, self.actor, self.pid, reason)
        except ServiceError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.accept()
        return True

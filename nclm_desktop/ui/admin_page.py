"""Administration: users, the idle-lock setting and backups (admin only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services import accounts, settings
from ..services.backup import backup_database
from ..services.errors import ServiceError
from ..services.permissions import ROLE_LABELS, Actor
from ..services.restore import restore_open_database
from . import dialogs
from .table_models import Column, RecordTableModel, configure_table
from .tasks import run_in_background


def _t(text: str) -> str:
    return QCoreApplication.translate("AdminPage", text)


# Messages appear inline, next to what they are about, in the style of every form: red for
# an error, green when done (no modal boxes).
ERROR_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b5e20;"


def say(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(("⚠ " if error else "") + text)
    label.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
    label.show()


class AdminPage(QWidget):
    idle_minutes_changed = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = RecordTableModel(
            [
                Column("username", _t("User name")),
                Column("display_name", _t("Name")),
                Column("role", _t("Role"), lambda r: _t(ROLE_LABELS.get(r, r))),
                Column("active", _t("Active")),
                Column("locked", _t("Locked")),
                Column("last_login_utc", _t("Last sign-in (UTC)")),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setModel(self.model)
        configure_table(self.table, sort_column=None)
        self.table.setColumnWidth(1, 180)
        self.toggle_button = QPushButton(self.tr("Activate / deactivate selected"))
        self.toggle_button.setObjectName("toggle_active")
        self.toggle_button.clicked.connect(self._toggle_active)
        self.unlock_button = QPushButton(self.tr("Unlock selected"))
        self.unlock_button.setObjectName("unlock_user")
        self.unlock_button.clicked.connect(self._unlock)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self._reset_password)
        self.language_button = QPushButton(self.tr("Language…"))
        self.language_button.setObjectName("user_language")
        self.language_button.clicked.connect(self._choose_language)
        self.users_message = QLabel()
        self.users_message.setObjectName("users_message")
        self.users_message.setWordWrap(True)
        self.users_message.hide()

        self.new_username = QLineEdit()
        self.new_username.setObjectName("username")
        self.new_display_name = QLineEdit()
        self.new_display_name.setObjectName("display_name")
        self.new_role = QComboBox()
        self.new_role.setObjectName("role")
        for role, label in ROLE_LABELS.items():
            self.new_role.addItem(_t(label), role)
        self.new_role.setCurrentIndex(self.new_role.findData("surgeon"))
        self.new_password = QLineEdit()
        self.new_password.setObjectName("password")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password_again = QLineEdit()
        self.new_password_again.setObjectName("password_again")
        self.new_password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add user"))
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self._add_user)
        self.add_message = QLabel()
        self.add_message.setObjectName("add_user_message")
        self.add_message.setWordWrap(True)
        add_box = QGroupBox(self.tr("New user"))
        form = QFormLayout(add_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels never clip
        form.addRow(self.tr("User name"), self.new_username)
        form.addRow(self.tr("Full name"), self.new_display_name)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Password (10+ characters)"), self.new_password)
        form.addRow(self.tr("Password again"), self.new_password_again)
        form.addRow(self.add_button)
        form.addRow(self.add_message)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_lock_minutes")
        self.idle_minutes.setRange(1, 60)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(settings.idle_lock_minutes(db))
        save = QPushButton(self.tr("Save"))
        save.setObjectName("save_settings")
        save.clicked.connect(self._save_settings)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self._backup)
        self.backup_status = QLabel()
        self.backup_status.setObjectName("backup_status")
        self.backup_status.setWordWrap(True)
        self.settings_message = QLabel()
        self.settings_message.setObjectName("settings_message")
        self.settings_message.setWordWrap(True)
        self.settings_message.hide()
        site_box = QGroupBox(self.tr("Workstation and data"))
        site = QFormLayout(site_box)
        site.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        row = QHBoxLayout()
        row.addWidget(self.idle_minutes)
        row.addWidget(save)
        row.addStretch(1)
        site.addRow(self.tr("Lock after idle"), row)
        site.addRow(self.settings_message)
        site.addRow(self.backup_button, self.backup_status)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setEnabled(db.path is not None)
        self.restore_button.clicked.connect(self._restore)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        site.addRow(restore_row)

        contacts_box = QGroupBox(self.tr("Contact numbers printed on patient schedules"))
        contacts = QFormLayout(contacts_box)
        contacts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.contact_edits: dict[str, QLineEdit] = {}
        current = settings.contact_numbers(db)
        for key, label, _zh in settings.CONTACT_SETTINGS:
            edit = QLineEdit(current[key])
            edit.setObjectName(key)
            edit.setPlaceholderText("021-6417 5590")
            self.contact_edits[key] = edit
            contacts.addRow(_t(label), edit)
        save_contacts = QPushButton(self.tr("Save numbers"))
        save_contacts.setObjectName("save_contacts")
        save_contacts.clicked.connect(self._save_contacts)
        self.contacts_message = QLabel()
        self.contacts_message.setObjectName("contacts_message")
        self.contacts_message.setWordWrap(True)
        contacts.addRow(save_contacts, self.contacts_message)

        right = QVBoxLayout()
        right.addWidget(add_box)
        right.addWidget(site_box)
        right.addWidget(contacts_box)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table)
        user_buttons = QHBoxLayout()
        for button in (
            self.toggle_button,
            self.unlock_button,
            self.reset_button,
            self.language_button,
        ):
            user_buttons.addWidget(button)
        user_buttons.addStretch(1)
        left.addLayout(user_buttons)
        left.addWidget(self.users_message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(accounts.list_users(self.db, self.actor))
        self.table.resizeColumnsToContents()  # a handful of users: no cell is cut

    def _add_user(self) -> None:
        if self.new_password.text() != self.new_password_again.text():
            say(self.add_message, self.tr("The two passwords differ."), error=True)
            return
        try:
            accounts.add_user(
                self.db,
                self.actor,
                self.new_username.text(),
                self.new_display_name.text(),
                self.new_role.currentData(),
                self.new_password.text(),
            )
        except ServiceError as exc:
            say(self.add_message, str(exc), error=True)
            return
        say(self.add_message, self.tr("User {name} added.").format(name=self.new_username.text()))
        for edit in (
            self.new_username,
            self.new_display_name,
            self.new_password,
            self.new_password_again,
        ):
            edit.clear()
        self.refresh()

    def _toggle_active(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        user = self.model.row_data(rows[0].row())
        reason = dialogs.ask_reason(self, self.tr("the account of {u}").format(u=user["username"]))
        if not reason:
            return
        try:
            accounts.set_active(self.db, self.actor, user["id"], not user["active"], reason)
        except ServiceError as exc:
            say(self.users_message, str(exc), error=True)
        else:
            self.users_message.hide()
        self.refresh()

    def _selected_user(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def _unlock(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        reason = dialogs.ask_reason(self, self.tr("the account of {u}").format(u=user["username"]))
        if not reason:
            return
        try:
            accounts.unlock_user(self.db, self.actor, user["id"], reason)
        except ServiceError as exc:
            say(self.users_message, str(exc), error=True)
            return
        say(self.users_message, self.tr("{u} can sign in again.").format(u=user["username"]))
        self.refresh()

    def _reset_password(self) -> None:
        from .change_password import ResetPasswordDialog

        user = self._selected_user()
        if user is None:
            return
        if ResetPasswordDialog(self.db, self.actor, user, self).exec():
            say(
                self.users_message,
                self.tr("Password of {u} reset; they choose a new one at the next sign-in.").format(
                    u=user["username"]
                ),
            )
            self.refresh()

    def _choose_language(self) -> None:
        from .language_dialog import LanguageDialog

        user = self._selected_user()
        if user is None:
            return
        if LanguageDialog(self.db, self.actor, user["id"], user["username"], self).exec():
            say(self.users_message, self.tr("Language of {u} saved.").format(u=user["username"]))

    def _save_settings(self) -> None:
        try:
            settings.set_idle_lock_minutes(self.db, self.actor, self.idle_minutes.value())
        except ServiceError as exc:
            say(self.settings_message, str(exc), error=True)
            return
        say(self.settings_message, self.tr("Saved."))
        self.idle_minutes_changed.emit(self.idle_minutes.value())

    def _save_contacts(self) -> None:
        try:
            settings.set_contact_numbers(
                self.db, self.actor, {k: e.text() for k, e in self.contact_edits.items()}
            )
        except ServiceError as exc:
            say(self.contacts_message, str(exc), error=True)
            return
        say(self.contacts_message, self.tr("Saved."))

    def _backup(self) -> None:
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("Backing up…"))
        self.backup_status.setStyleSheet("")

        def done(path: object) -> None:
            self.backup_button.setEnabled(True)
            say(self.backup_status, self.tr("Backup written and checked: {p}").format(p=path))

        def failed(exc: Exception) -> None:
            self.backup_button.setEnabled(True)
            say(self.backup_status, self.tr("Backup failed: {e}").format(e=exc), error=True)

        run_in_background(lambda: backup_database(self.db, self.actor), done, failed, owner=self)

    def _choose_backup(self) -> str:
        start = str(self.db.path.parent / "backups") if self.db.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the backup to restore"), start, self.tr("Backups (*.db)")
        )
        return path

    def _restore(self) -> None:
        backup = self._choose_backup()
        if not backup:
            return
        question = self.tr(
            "Replace the study database by the backup\n{b}?\n\n"
            "Everything entered after that backup was made will no longer be in the study. "
            "Close NCLM Desktop on every other session first. The current database is kept "
            "aside, dated, next to it. After restoring, NCLM Desktop closes; start it again "
            "and sign in."
        ).format(b=backup)
        if not dialogs.confirm(self, question, self.tr("Restore from a backup")):
            return
        self.restore_button.setEnabled(False)
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("Checking the backup and restoring…"))

        def done(result: object) -> None:
            self.backup_status.setText(self.tr("Restored."))
            dialogs.show_info(
                self,
                self.tr(
                    "The database was restored from {b}.\nThe replaced database is kept in "
                    "{a}.\n\nNCLM Desktop will now close; start it again and sign in."
                ).format(b=result.backup, a=result.kept_aside or "-"),
            )
            self.window().close()

        def failed(exc: Exception) -> None:
            self.restore_button.setEnabled(True)
            self.backup_button.setEnabled(True)
            say(self.backup_status, self.tr("Restore failed: {e}").format(e=exc), error=True)
            dialogs.show_error(self, self.tr("Restore failed: {e}").format(e=exc))

        run_in_background(
            lambda: restore_open_database(self.db, self.actor, Path(backup)),
            done,
            failed,
            owner=self,
        )

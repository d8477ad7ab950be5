"""Change one's own password (Account menu), the forced change after a reset, admin unlock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from nclm_desktop.services import accounts
from nclm_desktop.services.errors import AuthenticationFailed
from nclm_desktop.ui import admin_page as admin_page_module
from nclm_desktop.ui.admin_page import AdminPage
from nclm_desktop.ui.login import LoginDialog
from nclm_desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD

NEW = "violet-lantern-917"


def fill(dialog, name, text):
    edit = dialog.findChild(QLineEdit, name)
    edit.clear()
    edit.setText(text)


def click_ok(dialog):
    dialog.findChild(QPushButton, "ok").click()


def in_next_modal(steps):
    """Run ``steps(dialog)`` on the modal dialog about to open; always closes it."""

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        try:
            steps(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def test_every_user_changes_their_own_password_from_the_account_menu(qtbot, db, coordinator):
    window = MainWindow(db, coordinator, lock_minutes=0)
    qtbot.addWidget(window)
    seen = []

    def steps(dialog):
        seen.append(dialog.objectName())
        fill(dialog, "current_password", "not-my-password")
        fill(dialog, "new_password", NEW)
        fill(dialog, "new_password_again", NEW)
        click_ok(dialog)
        seen.append(dialog.message.text())
        fill(dialog, "current_password", PASSWORD)
        fill(dialog, "new_password", "qwertyuiop")
        fill(dialog, "new_password_again", "qwertyuiop")
        click_ok(dialog)
        seen.append(dialog.message.text())
        fill(dialog, "new_password", NEW)
        fill(dialog, "new_password_again", NEW + "x")
        click_ok(dialog)
        seen.append(dialog.message.text())
        fill(dialog, "new_password_again", NEW)
        click_ok(dialog)
        seen.append(dialog.result())

    in_next_modal(steps)
    window.findChild(QAction, "change_password").trigger()
    assert seen[0] == "change_password_dialog"
    assert seen[1] == "The current password is wrong."
    assert "common passwords" in seen[2]
    assert seen[3] == "The two new passwords differ."
    assert seen[4] == 1  # accepted
    assert accounts.authenticate(db, coordinator.username, NEW).user_id == coordinator.user_id
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(db, coordinator.username, PASSWORD)


def test_a_reset_password_must_be_changed_before_the_main_window_opens(qtbot, db, admin, surgeon):
    accounts.reset_password(db, admin, surgeon.user_id, "temporary-pass-31")
    login = LoginDialog(db)
    qtbot.addWidget(login)
    login.show()
    seen = []

    def cancel(dialog):
        seen.append(dialog.findChild(QLineEdit, "current_password").isVisible())
        dialog.reject()

    fill(login, "username", "zchen")
    fill(login, "password", "temporary-pass-31")
    in_next_modal(cancel)
    click_ok(login)
    assert seen == [False]  # the password just typed is the current one
    assert login.result_actor is None and "new password" in login.message.text()

    def choose(dialog):
        fill(dialog, "new_password", "zchen-password-1")
        fill(dialog, "new_password_again", "zchen-password-1")
        click_ok(dialog)
        seen.append(dialog.message.text())
        fill(dialog, "new_password", NEW)
        fill(dialog, "new_password_again", NEW)
        click_ok(dialog)

    fill(login, "password", "temporary-pass-31")
    in_next_modal(choose)
    click_ok(login)
    assert "user name" in seen[1]
    assert login.result_actor is not None and login.result_actor.username == "zchen"
    assert not accounts.must_change_password(db, login.result_actor)
    assert accounts.authenticate(db, "zchen", NEW)


def test_the_administrator_unlocks_and_resets_on_the_administration_page(
    qtbot, db, admin, surgeon, monkeypatch
):
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(db, "zchen", "not-the-password")
    page = AdminPage(db, admin)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    rows = [page.model.row_data(i) for i in range(page.model.rowCount())]
    row = next(i for i, r in enumerate(rows) if r["username"] == "zchen")
    assert rows[row]["locked"]
    page.table.selectRow(row)
    monkeypatch.setattr(admin_page_module.dialogs, "ask_reason", lambda *a: "identity checked")
    qtbot.mouseClick(page.findChild(QPushButton, "unlock_user"), Qt.MouseButton.LeftButton)
    assert "can sign in again" in page.findChild(QLabel, "users_message").text()
    assert accounts.authenticate(db, "zchen", PASSWORD)

    def reset(dialog):
        fill(dialog, "new_password", "temporary-pass-31")
        fill(dialog, "new_password_again", "temporary-pass-31")
        click_ok(dialog)

    page.table.selectRow(row)
    in_next_modal(reset)
    qtbot.mouseClick(page.findChild(QPushButton, "reset_password"), Qt.MouseButton.LeftButton)
    assert "reset" in page.findChild(QLabel, "users_message").text()
    actor = accounts.authenticate(db, "zchen", "temporary-pass-31")
    assert accounts.must_change_password(db, actor)

"""The Restore action of the Administration page, driven as an administrator would."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts
from nclm_desktop.services.backup import backup_database
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD


def usernames(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT username FROM user_account")}
    finally:
        con.close()


def dump(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def open_restore(qtbot, db, admin, monkeypatch, backup):
    window = MainWindow(db, admin, lock_minutes=0)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("admin")
    shown: dict[str, list[str]] = {"confirm": [], "info": [], "error": []}

    def confirm(_parent, message, _title=None):
        shown["confirm"].append(message)
        return True

    monkeypatch.setattr(page, "_choose_backup", lambda: str(backup))
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "show_info", lambda _p, m, _t=None: shown["info"].append(m))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, m, _t=None: shown["error"].append(m))
    return window, page, shown


def test_admin_restores_a_backup_and_the_application_closes(
    qtbot, db, db_path, admin, monkeypatch, tmp_path
):
    backup = backup_database(db, admin, tmp_path / "copies")
    accounts.add_user(db, admin, "later", "Added after the backup", "monitor", PASSWORD)
    window, page, shown = open_restore(qtbot, db, admin, monkeypatch, backup)

    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown["info"] or shown["error"]), timeout=30000)

    assert not shown["error"], shown["error"]
    assert backup.name in shown["confirm"][0] and "kept" in shown["confirm"][0]
    assert "restored" in shown["info"][0] and "start it again" in shown["info"][0]
    assert usernames(db_path) == {"admin"}
    assert list(db_path.parent.glob("study-before-restore-*"))
    assert not window.isVisible()  # closing the last window quits the application


def test_restore_is_refused_while_another_session_has_the_database_open(
    qtbot, db, db_path, admin, monkeypatch, tmp_path
):
    backup = backup_database(db, admin, tmp_path / "copies")
    other = open_database(db_path)  # a second session on the same file
    before = dump(db_path)
    try:
        window, page, shown = open_restore(qtbot, db, admin, monkeypatch, backup)
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(shown["info"] or shown["error"]), timeout=30000)
        assert "open in NCLM Desktop" in shown["error"][0]
        assert "open in NCLM Desktop" in page.backup_status.text()
        assert page.restore_button.isEnabled() and window.isVisible()
        # The window's own handle still works after the refused attempt.
        assert {u["username"] for u in accounts.list_users(db, admin)} == {"admin"}
    finally:
        other.dispose()
    assert dump(db_path) == before  # (the file's bytes may differ: a WAL checkpoint)

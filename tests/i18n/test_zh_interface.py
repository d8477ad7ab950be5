"""The interface in zh_CN shows no English word outside abbreviations and units (README
"Languages"): main window, its pages and tabs, the sign-in, account and admin dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QTabWidget, QWidget

from nclm_desktop.ui.i18n import LANGUAGE_NAMES
from nclm_desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.i18n.visible_text import english_words, visible_texts

# Every page of the navigation.
PAGES = (
    "participants",
    "screening",
    "status",
    "calendar",
    "queries",
    "outcomes",
    "reports",
    "export",
    "import",
    "audit",
    "admin",
)


def _data(db, *actors) -> list[str]:
    """What the test's own data puts on screen: account names and the database path."""
    out = [db.describe()]
    for actor in actors:
        out += [actor.display_name, actor.username]
    return sorted(out, key=len, reverse=True)


def _check(widget: QWidget, data: list[str]) -> list[str]:
    return english_words(visible_texts(widget), data)


def _all_tabs(widget: QWidget, data: list[str]) -> list[str]:
    problems = _check(widget, data)
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            problems += _check(tabs.currentWidget(), data)
    return problems


@pytest.mark.parametrize("role", ["investigator", "admin"])
def test_each_page_in_chinese(qtbot, db, admin, request, zh_cn, role):
    actor = request.getfixturevalue(role)
    window = MainWindow(db, actor, lock_minutes=0)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    data = _data(db, actor)
    problems = []
    for menu in window.menuBar().findChildren(QMenu):
        problems += english_words(visible_texts(menu), data)
    shown = [spec.key for spec in window.specs if spec.key in PAGES]
    assert len(shown) >= (1 if role == "admin" else 5)
    for page in shown:
        widget = window.show_page(page)
        QApplication.processEvents()
        assert widget.isVisible()
        if page == "outcomes":  # it starts the analysis when shown: let it end in this test
            button = widget.run_button
            qtbot.waitUntil(button.isEnabled, timeout=120_000)
        problems += [f"[{page}] {p}" for p in _all_tabs(window, data)]
    assert not problems, "\n".join(sorted(set(problems)))


def _dialog_problems(qtbot, dialog: QDialog, data: list[str]) -> list[str]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return _check(dialog, data)


def test_sign_in_first_run_and_account_dialogs_in_chinese(qtbot, db, admin, investigator, zh_cn):
    from nclm_desktop.ui.change_password import ChangePasswordDialog, ResetPasswordDialog
    from nclm_desktop.ui.idle_lock import LockDialog
    from nclm_desktop.ui.language_dialog import LanguageDialog
    from nclm_desktop.ui.login import FirstRunDialog, LoginDialog

    data = [*_data(db, admin, investigator), *LANGUAGE_NAMES.values()]  # each in its own
    user = {"id": investigator.user_id, "username": investigator.username}
    dialogs = [
        LoginDialog(db),
        FirstRunDialog(db),
        ChangePasswordDialog(db, investigator, None, current=PASSWORD),
        ResetPasswordDialog(db, admin, user, None),
        LanguageDialog(db, investigator, investigator.user_id, investigator.username),
        LockDialog(investigator, None),
    ]
    problems = []
    for dialog in dialogs:
        problems += _dialog_problems(qtbot, dialog, data)
    assert not problems, "\n".join(problems)
    # Qt's own standard buttons come from qtbase_zh_CN.qm
    assert [b.text() for b in dialogs[0].buttons.buttons()] == ["确定", "取消"]

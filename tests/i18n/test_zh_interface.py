"""The interface in zh_CN shows no English word outside abbreviations and units (README
"Languages"): main window, its pages and tabs, the sign-in, account and admin dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from nclm_desktop.ui.i18n import LANGUAGE_NAMES
from nclm_desktop.ui.main_window import MainWindow
from tests.i18n.visible_text import english_words, visible_texts
from tests.i18n.walk import account_dialogs, page_states, shown, tab_states


def _data(db, *actors) -> list[str]:
    """What the test's own data puts on screen: account names and the database path."""
    out = [db.describe()]
    for actor in actors:
        out += [actor.display_name, actor.username]
    return sorted(out, key=len, reverse=True)


def _check(widget: QWidget, data: list[str]) -> list[str]:
    return english_words(visible_texts(widget), data)


def _all_tabs(widget: QWidget, data: list[str]) -> list[str]:
    return [p for _, part in tab_states(widget) for p in _check(part, data)]


@pytest.mark.parametrize("role", ["investigator", "admin"])
def test_each_page_in_chinese(qtbot, db, admin, request, zh_cn, role):
    actor = request.getfixturevalue(role)
    window = shown(qtbot, MainWindow(db, actor, lock_minutes=0))
    data = _data(db, actor)
    problems = []
    for menu in window.menuBar().findChildren(QMenu):
        problems += english_words(visible_texts(menu), data)
    pages = 0
    for page, _ in page_states(qtbot, window):
        problems += [f"[{page}] {p}" for p in _all_tabs(window, data)]
        pages += 1
    assert pages >= (1 if role == "admin" else 5)
    assert not problems, "\n".join(sorted(set(problems)))


def _dialog_problems(qtbot, dialog: QDialog, data: list[str]) -> list[str]:
    return _check(shown(qtbot, dialog, None), data)


def test_sign_in_first_run_and_account_dialogs_in_chinese(qtbot, db, admin, investigator, zh_cn):
    data = [*_data(db, admin, investigator), *LANGUAGE_NAMES.values()]  # each in its own
    dialogs = account_dialogs(db, admin, investigator)
    problems = []
    for dialog in dialogs.values():
        problems += _dialog_problems(qtbot, dialog, data)
    assert not problems, "\n".join(problems)
    # Qt's own standard buttons come from qtbase_zh_CN.qm
    assert [b.text() for b in dialogs["sign-in"].buttons.buttons()] == ["确定", "取消"]

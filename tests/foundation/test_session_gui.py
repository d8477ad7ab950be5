"""Sign out and Switch user: visible in the main window's menu and toolbar, and each ends the
session cleanly (back to the sign-in dialog; nothing of the previous user stays on screen)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QToolBar, QWidget
from shiboken6 import isValid
from sqlalchemy import select

from nclm_desktop.models import AuditEvent
from nclm_desktop.services.enrolment import IdentityInput, eligible_screening, screen_and_enrol
from nclm_desktop.ui import app as app_module
from nclm_desktop.ui.login import LoginDialog
from nclm_desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD


@pytest.fixture
def sign_in(monkeypatch):
    """Answer the sign-in dialog like a user: ``answers`` holds (user name, password) pairs,
    or None to close the dialog. ``shown`` keeps each dialog that was offered."""
    state: dict = {"answers": [], "shown": [], "quit": 0}

    def run(dialog: QDialog) -> bool:
        state["shown"].append(dialog)
        answer = state["answers"].pop(0) if state["answers"] else None
        if answer is None:
            return False
        dialog.username.setText(answer[0])
        dialog.password.setText(answer[1])
        dialog.submit()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(app_module, "run_dialog", run)
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: state.__setitem__("quit", 1)))
    return state


def session(qtbot, db, actor) -> app_module.SessionController:
    controller = app_module.SessionController(db)
    controller.open_main(actor)
    window = controller.window  # owned by the controller, which deletes it on sign-out
    window.idle_lock and window.idle_lock.stop()
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    return controller


def toolbar_button(window: MainWindow, name: str) -> QWidget:
    bar = window.findChild(QToolBar, "session_toolbar")
    action = window.findChild(QAction, name)
    button = bar.widgetForAction(action)
    assert button is not None and button.isVisible(), name
    return button


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_sign_out_and_switch_user_are_in_the_menu_and_the_toolbar(qtbot, db, surgeon):
    window = MainWindow(db, surgeon, lock_minutes=0)
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(QMenu, "session_menu")
    names = [a.objectName() for a in menu.actions()]
    assert {"sign_out", "switch_user", "lock_now"} <= set(names)
    assert toolbar_button(window, "sign_out").text() == "Sign out"
    assert toolbar_button(window, "switch_user").text() == "Switch user"
    assert window.findChild(QAction, "switch_user").shortcut().toString() == "Ctrl+Shift+Q"


def test_sign_out_returns_to_the_sign_in_dialog(qtbot, db, surgeon, sign_in):
    controller = session(qtbot, db, surgeon)
    window = controller.window
    qtbot.mouseClick(toolbar_button(window, "sign_out"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(sign_in["shown"]))
    dialog = sign_in["shown"][0]
    assert isinstance(dialog, LoginDialog)
    assert dialog.username.text() == ""  # the next person starts from a blank form
    assert controller.window is None
    qtbot.waitUntil(lambda: not isValid(window))  # the main window is gone, not just hidden
    assert sign_in["quit"] == 1  # nobody signed in: the application closes
    with db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions[-1] == "logout"


def test_switch_user_keeps_nothing_of_the_previous_session(
    qtbot, db, surgeon, coordinator, sign_in
):
    result = screen_and_enrol(
        db,
        surgeon,
        IdentityInput("Wei Zhang", "H100001", "M", dt.date(1970, 5, 4)),
        eligible_screening(dt.date(2025, 3, 8)),
        cohort="hepatectomy",
        consent_date=dt.date(2025, 3, 8),
        today=dt.date(2025, 3, 10),
    )
    controller = session(qtbot, db, surgeon)
    old = controller.window
    old.open_participant(result.participant_id)
    detail = next(w for w in visible_windows() if w.objectName() != "main_window")
    assert "NCLM-H-001" in detail.windowTitle()

    sign_in["answers"] = [("mli", PASSWORD)]
    old.findChild(QAction, "switch_user").trigger()  # the menu entry
    qtbot.waitUntil(lambda: controller.window is not None and controller.window is not old)
    new = controller.window
    new.idle_lock and new.idle_lock.stop()
    assert new.actor.username == "mli"
    assert "Mei Li" in new.user_label.text()
    qtbot.waitUntil(lambda: not isValid(old) and not isValid(detail))
    others = [w for w in visible_windows() if w is not new]
    assert others == []
    assert sign_in["quit"] == 0
    new.shutdown()
    new.close()
    new.deleteLater()

"""The shell driven as a user would: first run, sign-in, pages per role, idle lock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Participant, ParticipantIdentity, User
from nclm_desktop.services import accounts
from nclm_desktop.services.uow import writing
from nclm_desktop.ui.idle_lock import LockDialog
from nclm_desktop.ui.login import FirstRunDialog, LoginDialog
from nclm_desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD


def type_into(qtbot, widget, name: str, text: str) -> None:
    edit = widget.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_first_run_creates_the_administrator(qtbot, db):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog, "username", "admin")
    type_into(qtbot, dialog, "display_name", "Site Administrator")
    type_into(qtbot, dialog, "password", "short")
    type_into(qtbot, dialog, "password_again", "short")
    qtbot.mouseClick(dialog.findChild(QPushButton, "ok"), Qt.MouseButton.LeftButton)
    assert "at least 10" in dialog.message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    type_into(qtbot, dialog, "password", PASSWORD)
    type_into(qtbot, dialog, "password_again", PASSWORD)
    qtbot.mouseClick(dialog.findChild(QPushButton, "ok"), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as s:
        user = s.scalar(select(User))
        assert (user.username, user.role, user.display_name) == (
            "admin",
            "admin",
            "Site Administrator",
        )


def test_login_with_a_wrong_then_the_right_password(qtbot, db, surgeon):
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "username", "zchen")
    type_into(qtbot, dialog, "password", "wrong-password")
    qtbot.keyClick(dialog.findChild(QLineEdit, "password"), Qt.Key.Key_Return)
    assert dialog.message.text() == accounts.LOGIN_FAILED_MESSAGE
    assert dialog.result_actor is None
    type_into(qtbot, dialog, "password", PASSWORD)
    qtbot.keyClick(dialog.findChild(QLineEdit, "password"), Qt.Key.Key_Return)
    assert dialog.result_actor is not None and dialog.result_actor.role == "surgeon"
    with db.session() as s:
        actions = [
            e.action
            for e in s.scalars(
                select(AuditEvent).where(AuditEvent.username == "zchen").order_by(AuditEvent.id)
            )
        ]
    # (between them, "update" rows of the failed-sign-in count)
    assert [a for a in actions if a != "update"][-2:] == ["login_failed", "login"]


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


# Every role that works with the study sees these pages, in this order.
STUDY_PAGES = ["Participants", "Screening", "Status", "Calendar", "Queries", "Outcomes"]
STUDY_PAGES += ["Reports", "Export"]


@pytest.mark.parametrize(
    "role, expected",
    [
        ("admin", ["Audit", "Administration"]),
        ("investigator", [*STUDY_PAGES, "Import", "Audit"]),
        ("coordinator", [*STUDY_PAGES, "Import"]),
        ("monitor", STUDY_PAGES),  # reads everything, enters nothing: no Import
    ],
)
def test_navigation_follows_the_role(qtbot, db, make_user, admin, role, expected):
    actor = admin if role == "admin" else make_user(f"u_{role}", role)
    window = MainWindow(db, actor, lock_minutes=0)
    qtbot.addWidget(window)
    assert nav_titles(window) == expected
    assert actor.username in window.user_label.text()
    assert str(db.path) in window.db_label.text()


def add_people(db, actor, n: int) -> None:
    with writing(db, actor) as s:
        for i in range(1, n + 1):
            p = Participant(
                study_id=f"NCLM-H-{i:03d}",
                cohort="hepatectomy",
                status="enrolled",
                sex="M" if i % 2 else "F",
                birth_date=dt.date(1960 + i % 30, 1, 1),
            )
            p.identity = ParticipantIdentity(name=f"Patient {i}", hospital_record_number=f"HR{i}")
            s.add(p)


def test_participants_list_filters_as_you_type_and_hides_names_from_monitors(
    qtbot, db, investigator, monitor
):
    add_people(db, investigator, 30)
    window = MainWindow(db, investigator, lock_minutes=0)
    qtbot.addWidget(window)
    window.show()  # the list fills just after the first paint
    page = window.pages["participants"]
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 30, timeout=3000)
    qtbot.keyClicks(page.filter_edit, "patient 2")
    assert page.proxy.rowCount() == 11  # Patient 2, 20-29
    assert page.count_label.text() == "11 of 30"
    window_m = MainWindow(db, monitor, lock_minutes=0)
    qtbot.addWidget(window_m)
    window_m.show()
    page_m = window_m.pages["participants"]
    qtbot.waitUntil(lambda: page_m.model.rowCount() == 30, timeout=3000)
    names = {page_m.model.index(r, 1).data() for r in range(page_m.model.rowCount())}
    assert names == {"•••"}


def test_idle_lock_covers_windows_keeps_dialog_input_and_needs_the_password(qtbot, db, surgeon):
    window = MainWindow(db, surgeon, lock_minutes=0.002)  # ~120 ms
    qtbot.addWidget(window)
    window.show()
    # A dialog with typed text is open when the lock strikes.
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    edit.setObjectName("blood_loss_ml")
    QVBoxLayout(dialog).addWidget(edit)
    dialog.show()
    qtbot.keyClicks(edit, "350")
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=3000)
    lock = window.idle_lock.dialog
    assert isinstance(lock, LockDialog) and lock.isVisible()
    assert window.findChild(QDialog, "lock_dialog") is lock
    covers = [
        c
        for c in window.findChildren(object)
        if getattr(c, "objectName", lambda: "")() == "lock_cover"
    ] + dialog.findChildren(object, "lock_cover")
    assert len(covers) >= 2 and all(c.isVisible() for c in covers)

    qtbot.keyClicks(lock.password, "not-my-password")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert window.idle_lock.locked and lock.message.text() == "Wrong password."
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert not window.idle_lock.locked
    assert dialog.isVisible() and edit.text() == "350"
    qtbot.waitUntil(lambda: not dialog.findChildren(object, "lock_cover"), timeout=2000)
    with db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert "lock" in actions and "unlock" in actions


def test_switch_user_from_the_lock_logs_out(qtbot, db, surgeon):
    window = MainWindow(db, surgeon, lock_minutes=60)
    qtbot.addWidget(window)
    window.show()
    window.lock_now()
    with qtbot.waitSignal(window.switch_user_requested, timeout=2000):
        qtbot.mouseClick(window.idle_lock.dialog.switch_button, Qt.MouseButton.LeftButton)
    assert not window.idle_lock.locked


def test_admin_adds_a_user_and_sets_the_idle_lock(qtbot, db, admin):
    window = MainWindow(db, admin, lock_minutes=0)
    qtbot.addWidget(window)
    page = window.show_page("admin")
    type_into(qtbot, page, "username", "zchen")
    type_into(qtbot, page, "display_name", "Zhi Chen")
    page.new_role.setCurrentIndex(page.new_role.findData("surgeon"))
    type_into(qtbot, page, "password", PASSWORD)
    type_into(qtbot, page, "password_again", PASSWORD)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "added" in page.add_message.text()
    with db.session() as s:
        assert s.scalar(select(User.role).where(User.username == "zchen")) == "surgeon"
    page.idle_minutes.setValue(12)
    qtbot.mouseClick(page.findChild(QPushButton, "save_settings"), Qt.MouseButton.LeftButton)
    from nclm_desktop.services import settings

    assert settings.idle_lock_minutes(db) == 12


def test_audit_page_shows_and_verifies_the_trail(qtbot, db, investigator):
    add_people(db, investigator, 2)
    window = MainWindow(db, investigator, lock_minutes=0)
    qtbot.addWidget(window)
    page = window.show_page("audit")
    page.study_id.setText("NCLM-H-002")
    qtbot.mouseClick(page.findChild(QPushButton, "apply_filter"), Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2  # participant + identity inserts
    verify = page.findChild(QPushButton, "verify_chain")
    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(verify.isEnabled, timeout=30000)  # the check runs in the background
    assert "intact" in page.status.text()


def test_admin_sets_the_contact_numbers_printed_on_schedules(qtbot, db, admin, investigator):
    from nclm_desktop.services import settings
    from nclm_desktop.services.report_data import schedule_report_data

    window = MainWindow(db, admin, lock_minutes=0)
    qtbot.addWidget(window)
    page = window.show_page("admin")
    type_into(qtbot, page, "contact_coordinator_phone", "not a number!")
    qtbot.mouseClick(page.findChild(QPushButton, "save_contacts"), Qt.MouseButton.LeftButton)
    assert "telephone number" in page.contacts_message.text()
    assert settings.contact_numbers(db)["contact_coordinator_phone"] == ""
    type_into(qtbot, page, "contact_coordinator_phone", "021-6417 5590")
    type_into(qtbot, page, "contact_emergency_phone", "+86 21 6443 3755")
    qtbot.mouseClick(page.findChild(QPushButton, "save_contacts"), Qt.MouseButton.LeftButton)
    assert page.contacts_message.text() == "Saved."
    assert settings.contact_numbers(db) == {
        "contact_coordinator_phone": "021-6417 5590",
        "contact_clinic_phone": "",
        "contact_emergency_phone": "+86 21 6443 3755",
    }
    add_people(db, investigator, 1)
    with writing(db, investigator) as s:
        s.scalar(select(Participant)).index_date = dt.date(2026, 1, 5)
    data = schedule_report_data(db, investigator, "NCLM-H-001")
    assert ("Study coordinator", "021-6417 5590") in data.contacts

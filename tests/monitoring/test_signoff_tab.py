"""The Sign-off tab, the sign and unlock dialogs and the casebook banner (issue 16), driven by
objectName on a real SQLite study: a monitor verifies and a later edit says so; the
investigator signs (a wrong password is refused and audited), the banner shows the lock and
the edit buttons are disabled; unlocking asks a reason; a signed form changed later shows
its signature invalidated."""

from __future__ import annotations

import re

import pytest
from monitoring_data import PASSWORD, TODAY, operation_input
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Participant
from nclm_desktop.services import surgery
from nclm_desktop.services.errors import RecordLocked
from nclm_desktop.services.monitoring import signing
from nclm_desktop.ui.participant_detail import ParticipantDetail
from nclm_desktop.ui.participant_tabs import participant_tabs
from nclm_desktop.ui.signoff_tab import SignOffTab

OFFSET = r"[+-]\d\d:\d\d"


def _child(parent: QWidget, name: str, kind: type = QWidget):
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def _click(widget: QWidget, name: str) -> None:
    button = _child(widget, name, QPushButton)
    assert button.isEnabled(), name
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _row(tab: SignOffTab, form: str) -> int:
    return next(i for i, f in enumerate(tab.view.forms) if f.form == form)


def _cell(tab: SignOffTab, form: str, column: int) -> str:
    return tab.table.item(_row(tab, form), column).text()


def _select(tab: SignOffTab, form: str) -> None:
    tab.table.clearSelection()
    tab.table.selectRow(_row(tab, form))


def _edit_operation(study, role: str = "surgeon", blood_loss_ml: int = 540) -> None:
    actor = study[role]
    surgery.update_operation(
        study.db,
        actor,
        study.operation_id,
        operation_input(study["surgeon"].user_id, blood_loss_ml=blood_loss_ml),
        reason="transcription error",
        today=TODAY,
    )


def _window(qtbot, study, role: str) -> ParticipantDetail:
    window = ParticipantDetail(study.db, study[role], study.pid, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    tab = _child(window, "tab_signoff", SignOffTab)
    window.tabs.setCurrentWidget(tab)
    return window


def _sign(qtbot, tab: SignOffTab, button: str, username: str, password: str) -> QDialog:
    _click(tab, button)
    dialog = _child(tab, "sign_dialog", QDialog)
    qtbot.waitExposed(dialog)
    for name, text in (("sign_username", username), ("sign_password", password)):
        edit = _child(dialog, name, QLineEdit)
        edit.clear()
        qtbot.keyClicks(edit, text)
    _click(dialog, "sign_confirm")
    return dialog


def _failed_signatures(study) -> list[tuple]:
    with study.db.session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(AuditEvent.username, AuditEvent.entity).where(
                    AuditEvent.action == "signature_failed"
                )
            )
        ]


def test_a_monitor_marks_verified_and_a_later_edit_says_so(qtbot, study):
    tab = SignOffTab(study.db, study["monitor"], study.pid)
    qtbot.addWidget(tab)
    tab.show()
    # A monitor verifies; signing and unlocking are not theirs to do.
    assert not _child(tab, "signoff_verify", QPushButton).isHidden()
    for name in ("signoff_sign_form", "signoff_sign_casebook", "signoff_unlock"):
        assert _child(tab, name, QPushButton).isHidden()
    assert _cell(tab, "operation", 1) == "Not verified"
    _select(tab, "operation")
    _click(tab, "signoff_verify")
    assert _cell(tab, "operation", 1).startswith("Verified by monitor1 on ")
    assert _child(tab, "signoff_message", QLabel).text() == "1 form(s) marked verified."
    assert "1 verified" in _child(tab, "signoff_summary", QLabel).text()

    _edit_operation(study, "surgeon")
    qtbot.waitUntil(lambda: _cell(tab, "operation", 1).startswith("Changed on "))
    text = _cell(tab, "operation", 1)
    assert re.fullmatch(
        rf"Changed on .* {OFFSET} by zchen, after verification on .* {OFFSET} by monitor1: "
        "verify again",
        text,
    )
    assert text.endswith("verify again")
    assert "1 changed after verification" in _child(tab, "signoff_summary", QLabel).text()
    # Verify the corrected record again.
    _select(tab, "operation")
    _click(tab, "signoff_verify")
    assert _cell(tab, "operation", 1).startswith("Verified by monitor1 on ")


def test_the_investigator_signs_banner_locks_edits_and_unlocks(qtbot, study):
    window = _window(qtbot, study, "investigator")
    tab = _child(window, "tab_signoff", SignOffTab)
    banner = _child(window, "casebook_banner", QLabel)
    assert banner.isHidden()
    assert _child(tab, "signoff_verify", QPushButton).isHidden()  # a monitor's action
    assert not _child(tab, "signoff_unlock", QPushButton).isEnabled()
    edit_baseline = _child(window, "edit_baseline", QPushButton)
    assert edit_baseline.isEnabled()

    # A wrong password: refused inline, audited, nothing signed, the dialog stays open.
    dialog = _sign(qtbot, tab, "signoff_sign_casebook", "lwang", "not-my-password")
    message = _child(dialog, "sign_message", QLabel)
    assert message.isVisible() and message.text().startswith("The user name or password is")
    assert dialog.isVisible() and dialog.signature_id is None
    assert _child(dialog, "sign_password", QLineEdit).text() == ""  # never kept
    assert _failed_signatures(study) == [("lwang", "casebook")]
    assert _child(dialog, "sign_printed_name", QLabel).text() == "Lu Wang"

    # The right pair, with the meaning chosen: the manifestation shows the UTC offset.
    meaning = _child(dialog, "sign_meaning", QComboBox)
    assert meaning.currentText() == "I have reviewed and approve these data"
    for name in ("sign_username", "sign_password"):
        _child(dialog, name, QLineEdit).clear()
    qtbot.keyClicks(_child(dialog, "sign_username", QLineEdit), "lwang")
    qtbot.keyClicks(_child(dialog, "sign_password", QLineEdit), PASSWORD)
    _click(dialog, "sign_confirm")
    result = _child(dialog, "sign_result", QLabel)
    assert re.fullmatch(
        rf"Signed: Lu Wang, \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d {OFFSET}, "
        "“I have reviewed and approve these data”",
        result.text(),
    )
    assert _child(dialog, "sign_confirm", QPushButton).isHidden()
    _click(dialog, "sign_cancel")  # now reads "Close"

    # The banner says who signed, when and what for; edit buttons are off, with a tooltip.
    qtbot.waitUntil(lambda: banner.isVisible())
    assert banner.text().startswith("Casebook signed and locked: Lu Wang, ")
    assert "I have reviewed and approve these data" in banner.text()
    assert not banner.property("alarm")
    for name in ("edit_baseline", "edit_identity", "edit_operation", "record_event"):
        button = _child(window, name, QPushButton)
        assert not button.isEnabled(), name
        assert "locked" in button.toolTip(), name
    edit_baseline.setEnabled(True)  # its tab enabling it meanwhile does not win
    assert not edit_baseline.isEnabled()
    assert not _child(tab, "signoff_sign_casebook", QPushButton).isEnabled()
    assert "Casebook signed and locked" in _child(tab, "signoff_summary", QLabel).text()
    # The service refuses an edit anyway.
    with pytest.raises(RecordLocked):
        _edit_operation(study, "investigator")

    # Unlock: a reason is needed.
    _click(tab, "signoff_unlock")
    unlock = _child(tab, "unlock_dialog", QDialog)
    qtbot.waitExposed(unlock)
    _click(unlock, "unlock_confirm")
    assert (
        _child(unlock, "unlock_message", QLabel).text() == "Please give the reason for unlocking."
    )
    qtbot.keyClicks(_child(unlock, "unlock_reason", QPlainTextEdit), "margin to correct")
    _click(unlock, "unlock_confirm")
    assert unlock.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: banner.isHidden())
    assert edit_baseline.isEnabled() and "locked" not in edit_baseline.toolTip()
    with study.db.session() as s:
        assert not s.get(Participant, study.pid).locked
        reason = s.scalar(
            select(AuditEvent.reason)
            .where(AuditEvent.entity == "participant", AuditEvent.field == "locked")
            .order_by(AuditEvent.id.desc())
        )
    assert reason == "margin to correct"
    assert _cell(tab, "operation", 2) == "—"  # the casebook's signature is not a form's


def test_a_signed_form_changed_later_shows_invalidated(qtbot, study):
    window = _window(qtbot, study, "investigator")
    tab = _child(window, "tab_signoff", SignOffTab)
    banner = _child(window, "casebook_banner", QLabel)
    assert not _child(tab, "signoff_sign_form", QPushButton).isEnabled()  # nothing selected
    _select(tab, "operation")
    _click(tab, "signoff_sign_form")
    dialog = _child(tab, "sign_dialog", QDialog)
    assert "Operation (2024-03-12)" in _child(dialog, "sign_heading", QLabel).text()
    _child(dialog, "sign_meaning", QComboBox).setCurrentIndex(1)  # Author
    qtbot.keyClicks(_child(dialog, "sign_username", QLineEdit), "lwang")
    qtbot.keyClicks(_child(dialog, "sign_password", QLineEdit), PASSWORD)
    _click(dialog, "sign_confirm")
    assert _child(dialog, "sign_result", QLabel).text().endswith("“Author”")
    _click(dialog, "sign_cancel")
    assert _cell(tab, "operation", 2).startswith("Signed: Lu Wang, ")
    assert banner.isHidden()  # a form signature does not lock
    assert _child(window, "edit_operation", QPushButton).isEnabled()

    _edit_operation(study, "surgeon")
    qtbot.waitUntil(lambda: banner.isVisible())
    assert banner.property("alarm")
    assert banner.text().startswith("Signature invalidated: Operation (2024-03-12), signed by")
    assert _cell(tab, "operation", 2).startswith("Invalid, changed after signing: Lu Wang, ")
    assert tab.table.item(_row(tab, "operation"), 2).background().color().name() == "#fdecea"


@pytest.mark.parametrize("role", ("surgeon", "coordinator"))
def test_the_site_sees_the_states_but_nothing_to_do(qtbot, study, role):
    tab = SignOffTab(study.db, study[role], study.pid)
    qtbot.addWidget(tab)
    for name in ("signoff_verify", "signoff_sign_form", "signoff_sign_casebook", "signoff_unlock"):
        assert _child(tab, name, QPushButton).isHidden(), name
    assert _child(tab, "signoff_role_note", QLabel).text().startswith("Read-only")
    assert tab.table.rowCount() == len(tab.view.forms) > 5


def test_an_admin_gets_no_sign_off_tab(study):
    (signoff,) = [t for t in participant_tabs() if t.key == "signoff"]
    assert not study["admin"].can(signoff.permission)
    assert study["monitor"].can(signoff.permission)


def test_a_wrong_name_is_refused_like_a_wrong_password(qtbot, study):
    tab = SignOffTab(study.db, study["investigator"], study.pid)
    qtbot.addWidget(tab)
    tab.show()
    dialog = _sign(qtbot, tab, "signoff_sign_casebook", "zchen", PASSWORD)
    assert _child(dialog, "sign_message", QLabel).isVisible()
    assert _failed_signatures(study) == [("lwang", "casebook")]
    with study.db.session() as s:
        assert not s.get(Participant, study.pid).locked


def test_the_lock_holds_edit_buttons_their_tab_enables_and_unlock_gives_them_back(qtbot, study):
    """A visit selected while locked: the follow-up tab enables "Record visit", the banner
    keeps it off; after the unlock the tab's own choice stands again (its refresh after
    the unlock clears the selection, so select again)."""
    window = _window(qtbot, study, "investigator")
    followup = _child(window, "tab_followup")
    record_visit = _child(window, "record_visit", QPushButton)
    signing.sign_casebook(study.db, study["investigator"], study.pid, "lwang", PASSWORD, "review")
    qtbot.waitUntil(lambda: _child(window, "casebook_banner", QLabel).isVisible())
    followup.select_visit("M1")
    assert not record_visit.isEnabled() and "locked" in record_visit.toolTip()
    signing.unlock_casebook(study.db, study["investigator"], study.pid, "late visit data")
    qtbot.waitUntil(lambda: _child(window, "casebook_banner", QLabel).isHidden())
    assert "locked" not in record_visit.toolTip()
    followup.select_visit("M1")
    assert record_visit.isEnabled()
    followup.table.clearSelection()
    assert not record_visit.isEnabled()  # the tab decides again

"""The unit of work's lock refusal reaches the user as before: the visit dialog shows the one
lock message and nothing is saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import func, select

from nclm_desktop.models import AuditEvent, Participant, Visit
from nclm_desktop.services import followup as fu
from nclm_desktop.services.uow import writing
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.date_input import DateInput
from nclm_desktop.ui.visit_dialog import VisitDialog

from .conftest import TODAY


def test_the_visit_dialog_shows_the_lock_message_and_saves_nothing(
    qtbot, db, hep, coordinator, investigator, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message, title=None: shown.append(
        message))  # fmt: skip
    with writing(db, investigator) as s:
        s.get(Participant, hep).locked = True
    with db.session() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditEvent))
    visit = next(r for r in fu.list_visits(db, coordinator, hep, TODAY) if r.code == "M1")
    dialog = VisitDialog(db, coordinator, visit, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.findChild(DateInput, "actual_date")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "2025-02-06")  # inside M1's window
    assert edit.date() == dt.date(2025, 2, 6)
    qtbot.mouseClick(dialog.findChild(QPushButton, "save_visit"), Qt.MouseButton.LeftButton)
    assert shown == [
        "NCLM-H-001 is locked (signed); an investigator must unlock it before any change."
    ]
    assert dialog.result() != QDialog.DialogCode.Accepted
    with db.session() as s:
        assert s.get(Visit, visit.id).status == "planned"
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == audit_before

"""One change notice: every committed write says which participants and which parts of
their records changed; open windows and pages refresh from it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from sqlalchemy import func, select

from nclm_desktop.models import Visit
from nclm_desktop.services import changes, enrolment, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.surgery import OperationInput
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.change_notice import change_notice
from nclm_desktop.ui.participant_detail import ParticipantDetail

TODAY = dt.date(2024, 6, 30)
ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)


def _enrol(db, actor, hrn: str = "H-CN-1") -> int:
    return enrolment.screen_and_enrol(
        db,
        actor,
        IdentityInput("Wang Fang", hrn, "F", dt.date(1969, 8, 1)),
        enrolment.eligible_screening(ENROLLED - dt.timedelta(days=2)),
        cohort="hepatectomy",
        consent_date=ENROLLED,
        enrolment_date=ENROLLED,
        today=TODAY,
    ).participant_id


def _operation(surgeon_id: int) -> OperationInput:
    return OperationInput(
        operation_date=OPERATED,
        surgeon_ids=[surgeon_id],
        approach="open",
        segments=[6],
        anatomical=False,
    )


def test_a_write_says_what_it_changed(db, surgeon):
    heard: list[changes.Changes] = []
    changes.listen(heard.append)
    try:
        with changes.collect() as found:
            pid = _enrol(db, surgeon)
        assert found.changes.participant_ids == {pid}
        assert {"participant", "identity", "screening"} <= found.changes.parts
        with changes.collect() as found:
            surgery.record_operation(db, surgeon, pid, _operation(surgeon.user_id), today=TODAY)
        assert found.changes.participant_ids == {pid}
        # The operation set the index date, which planned the visits.
        assert found.changes.parts == {"surgery", "participant", "visits"}
        assert found.changes.touches(pid, "visits") and not found.changes.touches(pid, "events")
        assert not found.changes.touches(pid + 1)
        assert heard[-1] == found.changes
        # A refused write changed nothing and announces nothing.
        before = len(heard)
        with changes.collect() as found, pytest.raises(ValidationError):
            surgery.record_operation(db, surgeon, pid, OperationInput(), today=TODAY)
        assert not found.changes and len(heard) == before
    finally:
        changes.unlisten(heard.append)


def test_the_notice_merges_a_burst_of_writes_into_one_signal(qtbot, db, surgeon):
    notice = change_notice()
    with qtbot.waitSignal(notice.changed, timeout=3000) as blocker:
        first = _enrol(db, surgeon, "H-CN-1")
        second = _enrol(db, surgeon, "H-CN-2")
    assert blocker.args[0].participant_ids == {first, second}


@pytest.fixture
def quiet(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, msg, title=None: shown.append(msg))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, msg, title=None: shown.append(msg))
    monkeypatch.setattr(dialogs, "confirm", lambda _p, msg, title=None: True)
    return shown


def _child(parent: QWidget, name: str, kind: type = QWidget) -> QWidget:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def test_an_open_participant_window_shows_the_operation_saved_in_the_wizard(
    qtbot, db, surgeon, quiet
):
    """Stale window: on today's main the header kept "no index date" and the follow-up tab
    "No follow-up yet" after the wizard saved, although the visits were planned."""
    pid = _enrol(db, surgeon)
    window = ParticipantDetail(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    header = _child(window, "detail_header", QLabel)
    followup = _child(window, "followup_summary", QLabel)
    assert "index date" not in header.text()
    assert followup.text().startswith("No follow-up yet")

    surgery_tab = _child(window, "tab_surgery")
    qtbot.mouseClick(
        _child(surgery_tab, "record_operation", QPushButton), Qt.MouseButton.LeftButton
    )
    wizard = surgery_tab.active_dialog
    qtbot.waitExposed(wizard)
    date = _child(wizard, "operation_date", QLineEdit)
    date.setFocus()
    qtbot.keyClicks(date, OPERATED.isoformat())
    wizard.surgeon_list.setFocus()
    qtbot.keyClick(wizard.surgeon_list, Qt.Key.Key_Space)
    approach = _child(wizard, "approach")
    approach.setFocus()
    qtbot.keyClick(approach, Qt.Key.Key_Down)  # Open
    wizard.next()
    segment_map = _child(wizard, "segments")
    segment_map.setFocus()
    qtbot.keyClick(segment_map, Qt.Key.Key_6)
    for _ in range(3):
        wizard.next()
    assert wizard.currentId() == 4
    wizard.accept()
    assert quiet == []

    with db.session() as s:
        planned = s.scalar(
            select(func.count()).select_from(Visit).where(Visit.participant_id == pid)
        )
    assert planned > 0
    qtbot.waitUntil(lambda: f"index date {OPERATED.isoformat()}" in header.text(), timeout=3000)
    assert f"Operation date {OPERATED.isoformat()}" in followup.text()
    timeline = _child(window, "tab_followup").model
    visits = [timeline.row_data(r) for r in range(timeline.rowCount())]
    assert sum(1 for v in visits if v["kind"] == "visit") == planned


def test_the_participant_list_and_calendar_refresh_from_the_notice(qtbot, db, surgeon):
    from nclm_desktop.ui.calendar_page import CalendarPage
    from nclm_desktop.ui.participants_page import ParticipantsPage

    people = ParticipantsPage(db, surgeon)
    calendar = CalendarPage(db, surgeon, today=lambda: dt.date(2024, 4, 1))
    for page in (people, calendar):
        qtbot.addWidget(page)
        page.show()
    assert people.model.rowCount() == 0
    pid = _enrol(db, surgeon)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=3000)

    # Written elsewhere (a participant window): the open calendar's worklist shows it.
    next_4_weeks = calendar.worklists["next_4_weeks"]
    assert next_4_weeks.model.rowCount() == 0
    surgery.record_operation(db, surgeon, pid, _operation(surgeon.user_id), today=TODAY)
    qtbot.waitUntil(lambda: next_4_weeks.model.rowCount() == 1, timeout=3000)  # M1 on 12 April

    # A hidden page refreshes when it is shown again, not before.
    people.hide()
    _enrol(db, surgeon, "H-CN-2")
    qtbot.wait(50)
    assert people.model.rowCount() == 1
    people.show()
    qtbot.waitUntil(lambda: people.model.rowCount() == 2, timeout=3000)

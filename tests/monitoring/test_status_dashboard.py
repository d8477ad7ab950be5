"""The status dashboard (issue 16): one participant per cell state, built through the real
services on a real SQLite file; the service's states, then the page: colours and letters,
a click opening the participant at the form's tab, the filters."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from monitoring_data import ENROLLED, PASSWORD, TODAY, operation_input
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts, enrolment, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.monitoring import queries, sdv, signing, status
from nclm_desktop.services.permissions import Actor

# participant key -> the operation cell's state it is made to show
KINDS = ("empty", "incomplete", "complete", "verified", "locked", "query")
OPERATION = [c.key for c in status.status_columns()].index("operation")


def _enrol(db, inv: Actor, n: int) -> int:
    return enrolment.screen_and_enrol(
        db,
        inv,
        IdentityInput(f"Patient {n}", f"HRN{n:05d}", "F", dt.date(1968, 1, n)),
        enrolment.eligible_screening(ENROLLED - dt.timedelta(days=3)),
        cohort="hepatectomy",
        consent_date=ENROLLED,
        today=ENROLLED,
    ).participant_id


def _build(path: Path) -> dict:
    db = open_database(path)
    admin = accounts.create_first_admin(db, "admin", "Site Administrator", PASSWORD)
    inv = accounts.add_user(db, admin, "lwang", "Lu Wang", "investigator", PASSWORD)
    mon = accounts.add_user(db, admin, "monitor1", "Clinical Monitor", "monitor", PASSWORD)
    pids, ops = {}, {}
    for n, kind in enumerate(KINDS, start=1):
        pids[kind] = _enrol(db, inv, n)
        if kind == "empty":
            continue
        # Duration left empty: what the operative report needs (services/missing_data.py).
        changes = {"duration_min": None} if kind == "incomplete" else {}
        ops[kind] = surgery.record_operation(
            db, inv, pids[kind], operation_input(inv.user_id, **changes), today=TODAY
        )
    sdv.mark_verified(db, mon, "operation", str(ops["verified"]))  # not its team list
    # Enrolment without the identity, which a monitor may not see.
    sdv.mark_verified(db, mon, "participant", str(pids["verified"]))
    signing.sign_casebook(db, inv, pids["locked"], "lwang", PASSWORD, "approve")
    queries.raise_query(
        db, mon, "operation", str(ops["query"]), "blood_loss_ml", "Source says 540?"
    )
    db.dispose()
    return {"roles": {"investigator": inv, "monitor": mon}, "pids": pids, "ops": ops}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):
    path = tmp_path_factory.mktemp("status") / "built.db"
    shutil.copy(migrated_template, path)
    return path, _build(path)


@pytest.fixture
def grid(built, tmp_path: Path):
    source, data = built
    path = tmp_path / "study.db"
    shutil.copy(source, path)
    db = open_database(path)
    yield db, data
    db.dispose()


def _rows(db, actor, **filters) -> dict[int, status.StatusRow]:
    page = status.status_page(db, actor, **filters)
    return {r.participant_id: r for r in page.rows}


def test_each_state_on_a_real_study(grid):
    db, data = grid
    rows = _rows(db, data["roles"]["monitor"])
    for kind, pid in data["pids"].items():
        assert rows[pid].cells[OPERATION].state == kind, kind
    incomplete = rows[data["pids"]["incomplete"]].cells[OPERATION]
    assert "Duration" in " ".join(incomplete.missing)
    assert rows[data["pids"]["query"]].cells[OPERATION].open_queries == 1
    verified = rows[data["pids"]["verified"]].cells[OPERATION]
    assert (verified.records, verified.verified) == (1, 1)
    assert rows[data["pids"]["verified"]].cells[1].state == "verified"
    # The locked casebook shows locked in every form that holds data, empty elsewhere.
    locked = rows[data["pids"]["locked"]]
    assert {c.state for c in locked.cells} == {"locked", "empty"}
    # Screening and enrolment were recorded in full for everyone not locked.
    for kind in ("empty", "complete", "query"):
        cells = rows[data["pids"][kind]].cells
        assert cells[0].state == "complete" and cells[1].state == "complete", kind


def test_a_change_after_verification_clears_verified(grid):
    db, data = grid
    inv = data["roles"]["investigator"]
    pid, op = data["pids"]["verified"], data["ops"]["verified"]
    surgery.update_operation(
        db, inv, op, operation_input(inv.user_id, blood_loss_ml=999), reason="typo", today=TODAY
    )
    assert _rows(db, inv)[pid].cells[OPERATION].state == "complete"
    # Its enrolment stays verified; the operation's mark no longer matches.
    cells = _rows(db, inv)[pid].cells
    assert [i for i, c in enumerate(cells) if c.state == "verified"] == [1]


def test_order_and_filters(grid):
    db, data = grid
    mon = data["roles"]["monitor"]
    order = status.participant_order(db, mon)
    # Latest change first, as in the participant list: the query was the last write.
    assert order[0] == data["pids"]["query"]
    assert len(order) == len(KINDS)
    assert status.participant_order(db, mon, state="query") == [data["pids"]["query"]]
    assert status.participant_order(db, mon, state="locked") == [data["pids"]["locked"]]
    assert status.participant_order(db, mon, state="incomplete") == [data["pids"]["incomplete"]]
    assert status.participant_order(db, mon, state="verified") == [data["pids"]["verified"]]
    assert len(status.participant_order(db, mon, state="unlocked")) == len(KINDS) - 1
    assert status.participant_order(db, mon, study_id="h-003") == [data["pids"]["complete"]]
    assert status.participant_order(db, mon, study_id="%") == []  # a literal, not a pattern
    page = status.status_page(db, mon, offset=2, limit=3)
    assert page.total == len(KINDS) and [r.participant_id for r in page.rows] == order[2:5]


def test_anyone_who_may_view_participants(grid):
    from nclm_desktop.services.errors import PermissionDenied

    db, data = grid
    with pytest.raises(PermissionDenied):
        status.status_page(db, None)


# -- the page ----------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, grid):
    from nclm_desktop.ui.status_dashboard import StatusDashboardPage

    db, data = grid
    widget = StatusDashboardPage(db, data["roles"]["monitor"])
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, data


def _index_of(widget, pid: int, column: int):
    row = widget.model.ids.index(pid)
    return widget.model.index(row, column)


def test_cells_show_colour_and_letter_of_their_state(page):
    from nclm_desktop.ui.status_model import STATE_COLOURS, STATE_LETTERS, STATE_ROLE

    widget, data = page
    for kind, pid in data["pids"].items():
        index = _index_of(widget, pid, OPERATION)
        assert index.data(STATE_ROLE) == kind
        assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(STATE_COLOURS[kind][0])
        assert index.data(Qt.ItemDataRole.DisplayRole) == STATE_LETTERS[kind]
    tip = _index_of(widget, data["pids"]["incomplete"], OPERATION).data(Qt.ItemDataRole.ToolTipRole)
    assert "Incomplete" in tip and "Duration" in tip
    assert widget.model.headerData(OPERATION, Qt.Orientation.Horizontal) == "Oper."
    assert (
        widget.model.headerData(OPERATION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == "Operation"
    )
    # The study IDs are the frozen first column (the vertical header).
    row = widget.model.ids.index(data["pids"]["complete"])
    assert widget.model.headerData(row, Qt.Orientation.Vertical) == "NCLM-H-003"
    # Only the page on screen was fetched.
    assert widget.model.pages_loaded == 1


def test_click_and_enter_open_the_participant_at_the_form(page, qtbot):
    from PySide6.QtTest import QTest

    widget, data = page
    pid = data["pids"]["query"]
    index = _index_of(widget, pid, OPERATION)
    widget.table.scrollTo(index)
    centre = widget.table.visualRect(index).center()
    with qtbot.waitSignal(widget.participant_tab_opened, timeout=2000) as opened:
        QTest.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [pid, "surgery"]
    # Keyboard: move to the first visit column and press Enter.
    visit = [c.visit is not None for c in widget.model.columns].index(True)
    widget.table.setFocus()
    widget.table.setCurrentIndex(_index_of(widget, data["pids"]["empty"], visit))
    with qtbot.waitSignal(widget.participant_tab_opened, timeout=2000) as opened:
        QTest.keyClick(widget.table, Qt.Key.Key_Return)
    assert opened.args == [data["pids"]["empty"], "followup"]
    # The study ID (the frozen column) opens the participant at the first tab.
    row = widget.model.ids.index(pid)
    with qtbot.waitSignal(widget.participant_opened, timeout=2000) as opened:
        widget.table.verticalHeader().sectionClicked.emit(row)
    assert opened.args == [pid]


def test_the_participant_window_opens_at_the_tab(qtbot, grid):
    from nclm_desktop.ui.participant_detail import ParticipantDetail

    db, data = grid
    view = ParticipantDetail(db, data["roles"]["investigator"], data["pids"]["complete"])
    qtbot.addWidget(view)
    for key, title in (
        ("surgery", "Surgery"),
        ("baseline", "Baseline"),
        ("screening", "Screening"),
    ):
        assert view.show_tab(key)
        assert view.tabs.tabText(view.tabs.currentIndex()) == title
    assert not view.show_tab("no such tab")


def test_filters_on_the_page(page, qtbot):
    widget, data = page
    widget.filter_edit.setText("H-003")
    widget.apply_filter()
    assert widget.model.ids == [data["pids"]["complete"]]
    assert widget.count_label.text() == "1 participants"
    widget.filter_edit.clear()
    widget.state_box.setCurrentIndex(widget.state_box.findData("query"))
    assert widget.model.ids == [data["pids"]["query"]]


def test_refreshes_on_the_change_notice(page, qtbot, grid):
    from nclm_desktop.ui.status_model import STATE_ROLE

    widget, data = page
    db, _ = grid
    mon = data["roles"]["monitor"]
    pid, op = data["pids"]["complete"], data["ops"]["complete"]
    widget.table.setCurrentIndex(widget.model.index(2, 4))
    queries.raise_query(db, mon, "operation", str(op), "margin_mm", "Margin in the report?")
    qtbot.waitUntil(
        lambda: _index_of(widget, pid, OPERATION).data(STATE_ROLE) == "query", timeout=3000
    )
    current = widget.table.currentIndex()
    assert (current.row(), current.column()) == (2, 4)  # the keyboard stays put


def test_the_main_window_opens_the_form_clicked(qtbot, grid):
    from PySide6.QtTest import QTest

    from nclm_desktop.ui.main_window import MainWindow
    from nclm_desktop.ui.participant_detail import ParticipantDetail

    db, data = grid
    window = MainWindow(db, data["roles"]["investigator"], lock_minutes=0)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("status")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(KINDS), timeout=3000)
    index = _index_of(page, data["pids"]["verified"], OPERATION)
    centre = page.table.visualRect(index).center()
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: bool(window.findChildren(ParticipantDetail)), timeout=3000)
    (detail,) = window.findChildren(ParticipantDetail)
    assert detail.pid == data["pids"]["verified"]
    assert detail.tabs.tabText(detail.tabs.currentIndex()) == "Surgery"
    detail.close()

"""Data queries in the interface (issue 16): raised on a field from a detail tab, flagged
there, answered, closed and re-opened on the Queries page, a correction answering its query,
the page's filters, the actions each role may use, and the participant list's count. Real
widgets driven by objectName on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
from monitoring_data import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from query_gui_helpers import fill, on_next_dialog
from sqlalchemy import select, update

from nclm_desktop.models import AuditEvent, DataQuery
from nclm_desktop.services.baseline import BaselineInput, get_baseline, save_baseline
from nclm_desktop.services.errors import PermissionDenied, ValidationError
from nclm_desktop.services.monitoring import queries
from nclm_desktop.services.participants import list_participants
from nclm_desktop.ui.participant_edit_tabs import BaselineTab
from nclm_desktop.ui.participants_page import ParticipantsPage
from nclm_desktop.ui.queries_page import QueriesPage


@pytest.fixture(autouse=True)
def _baseline(study):
    """The participant's baseline, entered by the site (the record queries point at)."""
    entered = BaselineInput(npc_diagnosis_date=dt.date(2022, 1, 10), t_stage="T2", n_stage="N1")
    save_baseline(study.db, study["investigator"], study.pid, entered, today=TODAY)


def _tab(qtbot, study, role: str) -> BaselineTab:
    tab = BaselineTab(study.db, study[role], study.pid, TODAY)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def _page(qtbot, study, role: str) -> QueriesPage:
    page = QueriesPage(study.db, study[role])
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def _click(qtbot, widget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _raise_from_tab(qtbot, study, field: str = "t_stage", text: str = "CRF says T3?") -> int:
    tab = _tab(qtbot, study, "monitor")
    errors = on_next_dialog(lambda d: fill(qtbot, d, "raise_query", text, field=field))
    _click(qtbot, tab, "raise_query_baseline")
    assert not errors, errors
    (row,) = [q for q in queries.list_queries(study.db, study["monitor"]) if q.field == field]
    return row.id


def test_a_monitor_raises_on_a_field_and_the_field_shows_a_flag(qtbot, study):
    tab = _tab(qtbot, study, "monitor")
    assert tab.view.flag("t_stage") is None
    errors = on_next_dialog(
        lambda d: fill(qtbot, d, "raise_query", "CRF says T3?", field="t_stage")
    )
    _click(qtbot, tab, "raise_query_baseline")
    assert not errors, errors
    (q,) = queries.list_queries(study.db, study["monitor"])
    assert (q.form, q.record_id, q.field, q.state) == (
        "baseline_disease",
        str(study.pid),
        "t_stage",
        "open",
    )
    assert tab.view.flag("t_stage") == "open"
    assert "CRF says T3?" in tab.view.rows["t_stage"].caption.toolTip()
    assert tab.view.flag("n_stage") is None
    # The caption's context menu raises too, on its own field.
    errors = on_next_dialog(lambda d: fill(qtbot, d, "raise_query", "Which date is right?"))
    tab.view.field_menu("ebv_dna_date").actions()[0].trigger()
    assert not errors, errors
    assert tab.view.flag("ebv_dna_date") == "open"
    assert {q.field for q in queries.list_queries(study.db, study["monitor"])} == {
        "t_stage",
        "ebv_dna_date",
    }


def test_an_empty_question_is_refused_inline_and_nothing_is_saved(qtbot, study):
    tab = _tab(qtbot, study, "monitor")

    def act(dialog):
        qtbot.mouseClick(dialog.findChild(QPushButton, "raise_query_ok"), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.findChild(type(dialog.error), "raise_query_error").isVisible()
        dialog.reject()

    errors = on_next_dialog(act)
    _click(qtbot, tab, "raise_query_baseline")
    assert not errors, errors
    assert queries.list_queries(study.db, study["monitor"]) == []


@pytest.mark.parametrize("role", ["surgeon", "coordinator"])
def test_the_site_cannot_raise(qtbot, study, role):
    tab = _tab(qtbot, study, role)
    assert tab.findChild(QPushButton, "raise_query_baseline") is None
    assert tab.view.field_menu("t_stage").actions() == []


def test_answer_close_and_reopen_on_the_queries_page(qtbot, study):
    qid = _raise_from_tab(qtbot, study)
    page = _page(qtbot, study, "surgeon")
    assert page.select(qid)
    assert not page.close_button.isEnabled() and not page.reopen_button.isEnabled()
    errors = on_next_dialog(
        lambda d: fill(qtbot, d, "answer_query", "Source checked: T2 is right.")
    )
    _click(qtbot, page, "answer_query")
    assert not errors, errors
    (q,) = queries.list_queries(study.db, study["monitor"])
    assert (q.state, q.answer, q.answered_by) == (
        "answered",
        "Source checked: T2 is right.",
        "zchen",
    )
    assert _tab(qtbot, study, "monitor").view.flag("t_stage") == "answered"

    monitor = _page(qtbot, study, "monitor")
    assert monitor.select(qid)
    assert not monitor.answer_button.isEnabled()
    _click(qtbot, monitor, "close_query")
    assert queries.list_queries(study.db, study["monitor"])[0].state == "closed"
    assert _tab(qtbot, study, "monitor").view.flag("t_stage") is None
    monitor.state_filter.setCurrentIndex(monitor.state_filter.findData(None))
    assert monitor.select(qid)
    _click(qtbot, monitor, "reopen_query")
    assert queries.list_queries(study.db, study["monitor"])[0].state == "open"
    assert _tab(qtbot, study, "monitor").view.flag("t_stage") == "open"


@pytest.mark.parametrize(
    "role, answer, close",
    [
        ("monitor", False, True),  # the raiser
        ("monitor2", False, False),  # another monitor
        ("investigator", True, True),
        ("surgeon", True, False),
        ("coordinator", True, False),
    ],
)
def test_actions_follow_the_role_and_the_service_refuses_anyway(qtbot, study, role, answer, close):
    qid = queries.raise_query(
        study.db, study["monitor"], "operation", str(study.operation_id), "blood_loss_ml", "540 mL?"
    )
    page = _page(qtbot, study, role)
    assert page.select(qid)
    assert (page.answer_button.isEnabled(), page.close_button.isEnabled()) == (answer, close)
    if not answer:
        with pytest.raises(PermissionDenied):
            queries.answer_query(study.db, study[role], qid, "No.")
    if not close:
        with pytest.raises(PermissionDenied):
            queries.close_query(study.db, study[role], qid)
    assert queries.list_queries(study.db, study["monitor"])[0].state == "open"


def test_the_page_filters_by_state_form_age_and_text(qtbot, study):
    db, monitor = study.db, study["monitor"]
    on_op = queries.raise_query(
        db, monitor, "operation", str(study.operation_id), "margin_mm", "Margin?"
    )
    on_baseline = queries.raise_query(
        db, monitor, "baseline_disease", str(study.pid), "n_stage", "N stage?"
    )
    queries.answer_query(db, study["surgeon"], on_baseline, "Checked.")
    # An old query: raised 40 days ago.
    with db.session() as s, s.begin():
        s.execute(
            update(DataQuery)
            .where(DataQuery.id == on_op)
            .values(raised_utc=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
        )
    page = _page(qtbot, study, "monitor")

    def shown() -> set[int]:
        return {int(page.proxy.data(page.proxy.index(r, 0))) for r in range(page.proxy.rowCount())}

    assert shown() == {on_op, on_baseline}  # open or answered
    page.state_filter.setCurrentIndex(page.state_filter.findData("open"))
    assert shown() == {on_op}
    page.state_filter.setCurrentIndex(page.state_filter.findData(None))
    page.form_filter.setCurrentIndex(page.form_filter.findData("baseline_disease"))
    assert shown() == {on_baseline}
    page.form_filter.setCurrentIndex(page.form_filter.findData(None))
    page.age_filter.setValue(30)
    assert shown() == {on_op}
    assert page.proxy.data(page.proxy.index(0, 8)) == "40"
    page.age_filter.setValue(0)
    qtbot.keyClicks(page.search, "n stage")
    assert shown() == {on_baseline}
    assert page.count_label.text() == "1 of 2"
    # The field's label from the data dictionary, the form's title.
    row = [page.proxy.data(page.proxy.index(0, c)) for c in range(page.proxy.columnCount())]
    assert row[1:6] == [
        "NCLM-H-001",
        "Baseline disease",
        "N stage (AJCC 8th)",
        "N stage?",
        "answered",
    ]


def test_double_click_opens_the_participant(qtbot, study):
    qid = queries.raise_query(
        study.db, study["monitor"], "operation", str(study.operation_id), "margin_mm", "?"
    )
    page = _page(qtbot, study, "monitor")
    assert page.select(qid)
    with qtbot.waitSignal(page.participant_opened) as opened:
        page.table.activated.emit(page.table.currentIndex())
    assert opened.args == [study.pid]


def test_a_correction_cites_and_answers_its_query(qtbot, study):
    qid = _raise_from_tab(qtbot, study, "t_stage", "CRF says T3?")
    other = queries.raise_query(
        study.db, study["monitor"], "baseline_disease", str(study.pid), "n_stage", "N?"
    )
    before = get_baseline(study.db, study["surgeon"], study.pid).t_stage
    new = "T3" if before != "T3" else "T4"
    tab = _tab(qtbot, study, "surgeon")
    _click(qtbot, tab, "edit_baseline")
    combo = tab.view.widget("t_stage")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(new))

    def act(dialog):
        # The query on the changed field is ticked; the other one is offered, not ticked.
        assert dialog.boxes[qid].isChecked() and not dialog.boxes[other].isChecked()
        fill(qtbot, dialog, "reason", "Transcription error; source shows " + new)

    errors = on_next_dialog(act)
    _click(qtbot, tab, "save_baseline")
    assert not errors, errors
    assert get_baseline(study.db, study["surgeon"], study.pid).t_stage == new
    states = {q.id: q for q in queries.list_queries(study.db, study["monitor"])}
    assert states[qid].state == "answered"
    assert states[qid].answer == "Corrected: Transcription error; source shows " + new
    assert states[other].state == "open"
    with study.db.session() as s:
        reasons = set(
            s.scalars(
                select(AuditEvent.reason).where(
                    AuditEvent.entity == "baseline_disease", AuditEvent.field == "t_stage"
                )
            )
        )
    assert f"Query #{qid}: Transcription error; source shows {new}" in reasons
    assert tab.view.flag("t_stage") == "answered" and tab.view.flag("n_stage") == "open"


def test_an_answer_claiming_a_correction_needs_one_in_the_audit_trail(study):
    qid = queries.raise_query(
        study.db, study["monitor"], "baseline_disease", str(study.pid), "t_stage", "?"
    )
    with pytest.raises(ValidationError) as err:
        queries.answer_query(study.db, study["surgeon"], qid, "Fixed.", corrected=True)
    assert err.value.field == "answer"
    assert queries.list_queries(study.db, study["monitor"])[0].state == "open"
    assert queries.cite([qid + 10, qid], "why") == f"Query #{qid}; Query #{qid + 10}: why"


def test_the_participant_list_counts_open_queries(qtbot, study):
    db, monitor = study.db, study["monitor"]
    for field in ("margin_mm", "blood_loss_ml", "duration_min"):
        queries.raise_query(db, monitor, "operation", str(study.operation_id), field, "?")
    answered = queries.list_queries(db, monitor)[0].id
    queries.answer_query(db, study["surgeon"], answered, "ok")
    (row,) = list_participants(db, study["surgeon"])
    assert row.open_queries == 2
    page = ParticipantsPage(db, study["surgeon"])
    qtbot.addWidget(page)
    keys = [c.key for c in page.model.columns]
    assert page.proxy.data(page.proxy.index(0, keys.index("open_queries"))) == "2"


def test_ctrl_alt_q_raises_on_the_field_with_the_cursor(qtbot, study):
    tab = _tab(qtbot, study, "investigator")  # the investigator raises and edits
    _click(qtbot, tab, "edit_baseline")
    tab.view.widget("n_stage").setFocus()
    qtbot.waitUntil(tab.view.widget("n_stage").hasFocus)
    chosen = []

    def act(dialog):
        chosen.append(dialog.field.currentData())
        fill(qtbot, dialog, "raise_query", "Is N1 in the source?")

    errors = on_next_dialog(act)
    qtbot.keyClick(
        tab.view.widget("n_stage"),
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert not errors, errors
    assert chosen == ["n_stage"]
    assert tab.view.flag("n_stage") == "open"


def test_a_recorded_visit_shows_its_queries(qtbot, study):
    from nclm_desktop.services.followup.visit_rows import list_visits
    from nclm_desktop.services.followup.visits import VisitRecord, record_visit
    from nclm_desktop.ui.visit_dialog import VisitDialog

    inv = study["investigator"]
    first = list_visits(study.db, inv, study.pid, TODAY)[0]
    record_visit(study.db, inv, first.id, VisitRecord(first.target_date, ecog=1), TODAY)
    queries.raise_query(study.db, study["monitor"], "visit", str(first.id), "ecog", "ECOG 2?")
    visit = list_visits(study.db, inv, study.pid, TODAY)[0]
    dialog = VisitDialog(study.db, study["coordinator"], visit, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.view.flag("ecog") == "open"
    assert "ECOG 2?" in dialog.view.rows["ecog"].caption.toolTip()
    assert dialog.view.flag("actual_date") is None


def test_the_page_loads_off_the_ui_thread_and_follows_changes(qtbot, study):
    first = queries.raise_query(
        study.db, study["monitor"], "operation", str(study.operation_id), "margin_mm", "?"
    )
    page = QueriesPage(study.db, study["surgeon"], load=False)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    # Another user's write reaches the open page through the change notice.
    second = queries.raise_query(
        study.db, study["investigator"], "operation", str(study.operation_id), "duration_min", "?"
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert {page.model.row_data(r)["id"] for r in range(2)} == {first, second}


def test_nothing_saved_nothing_to_ask_about(qtbot, study, monkeypatch):
    from nclm_desktop.models import BaselineDisease
    from nclm_desktop.services.uow import writing
    from nclm_desktop.ui import dialogs

    # A participant whose baseline is not (or no longer) entered.
    with writing(study.db, study["investigator"], reason="entered on the wrong patient") as s:
        s.delete(s.get(BaselineDisease, study.pid))
    told = []
    monkeypatch.setattr(
        dialogs, "show_info", lambda _parent, message, title=None: told.append(message)
    )
    tab = _tab(qtbot, study, "monitor")
    assert tab.first_entry
    _click(qtbot, tab, "raise_query_baseline")
    assert told == ["Nothing is saved in this form yet to ask about."]
    assert queries.list_queries(study.db, study["monitor"]) == []


def test_the_monitor_runs_the_data_checks_from_the_page(qtbot, study):
    """The automatic checks run off the UI thread; what they raise appears in the list."""
    from nclm_desktop.services.monitoring.auto_queries import AUTO

    assert not _page(qtbot, study, "surgeon").findChild(QPushButton, "run_checks").isVisible()
    page = _page(qtbot, study, "monitor")
    button = page.findChild(QPushButton, "run_checks")
    assert button.isVisible()
    _click(qtbot, page, "run_checks")
    qtbot.waitUntil(button.isEnabled, timeout=30_000)
    raised = [
        q for q in queries.list_queries(study.db, study["monitor"]) if q.text.startswith(AUTO)
    ]
    assert raised, "a year after the operation, visit windows have ended without visits"
    assert str(len(raised)) in page.count_label.text()
    shown = {int(page.proxy.data(page.proxy.index(r, 0))) for r in range(page.proxy.rowCount())}
    assert {q.id for q in raised} <= shown

"""Data queries on the participant's Surgery tab (issue 16): an operation field of the
summary grid flagged and queried from its context menu or Ctrl+Alt+Q, a complication row
queried and marked, the site left without the action (and refused by the service). Real
widgets driven by objectName on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
from monitoring_data import OPERATED, TODAY
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel
from query_gui_helpers import fill, on_next_dialog

from nclm_desktop.services import surgery
from nclm_desktop.services.errors import PermissionDenied
from nclm_desktop.services.monitoring import queries
from nclm_desktop.services.surgery import ComplicationInput, Treatment
from nclm_desktop.ui.surgical_record import SurgicalRecordTab


@pytest.fixture
def complication_id(study) -> int:
    """A grade II pneumonia after the operation, entered by the site."""
    return surgery.add_complication(
        study.db,
        study["investigator"],
        study.operation_id,
        ComplicationInput(
            category="pneumonia",
            onset_date=OPERATED + dt.timedelta(days=3),
            treatment=Treatment(other_drugs=True),
            resolved_date=OPERATED + dt.timedelta(days=9),
        ),
        today=TODAY,
    )


def _tab(qtbot, study, role: str) -> SurgicalRecordTab:
    tab = SurgicalRecordTab(study.db, study[role], study.pid, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    return tab


def _mine(study, form: str) -> list[queries.QueryRow]:
    return [q for q in queries.list_queries(study.db, study["monitor"]) if q.form == form]


def test_a_monitor_raises_on_an_operation_field_and_its_caption_shows_the_flag(qtbot, study):
    tab = _tab(qtbot, study, "monitor")
    assert tab.summary.flag("blood_loss_ml") is None
    # The value's context menu holds the action too (not only the caption's).
    value = tab.findChild(QLabel, "summary_blood_loss_ml")
    assert value.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    errors = on_next_dialog(lambda d: fill(qtbot, d, "raise_query", "Source says 540 mL?"))
    tab.summary.field_menu("blood_loss_ml").actions()[0].trigger()
    assert not errors, errors
    (q,) = _mine(study, "operation")
    assert (q.record_id, q.field, q.state) == (str(study.operation_id), "blood_loss_ml", "open")
    assert tab.summary.flag("blood_loss_ml") == "open"
    tip = tab.summary.rows["blood_loss_ml"].caption.toolTip()
    assert "Source says 540 mL?" in tip and f"#{q.id}" in tip
    assert tab.summary.flag("duration_min") is None
    # The site answers elsewhere: the flag follows through the change notice.
    queries.answer_query(study.db, study["surgeon"], q.id, "540 mL is right; CRF corrected.")
    qtbot.waitUntil(lambda: tab.summary.flag("blood_loss_ml") == "answered")
    assert "CRF corrected" in tab.summary.rows["blood_loss_ml"].caption.toolTip()
    queries.close_query(study.db, study["monitor"], q.id)
    qtbot.waitUntil(lambda: tab.summary.flag("blood_loss_ml") is None)


def test_ctrl_alt_q_raises_on_the_operation_value_with_the_cursor(qtbot, study):
    tab = _tab(qtbot, study, "investigator")
    value = tab.summary.widget("margin_mm")
    value.setFocus()
    qtbot.waitUntil(value.hasFocus)
    chosen = []

    def act(dialog):
        chosen.append(dialog.field.currentData())
        fill(qtbot, dialog, "raise_query", "Margin 6 mm in the pathology report?")

    errors = on_next_dialog(act)
    qtbot.keyClick(
        value, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert not errors, errors
    assert chosen == ["margin_mm"]
    assert tab.summary.flag("margin_mm") == "open"


def test_computed_and_team_values_take_no_query(qtbot, study):
    tab = _tab(qtbot, study, "monitor")
    seen = []

    def act(dialog):
        seen.extend(dialog.field.itemData(i) for i in range(dialog.field.count()))
        dialog.reject()

    errors = on_next_dialog(act)
    tab.summary_queries.raise_on(None)
    assert not errors, errors
    assert "blood_loss_ml" in seen and "segments" in seen
    assert "length_of_stay" not in seen and "surgeons" not in seen


def test_a_monitor_raises_on_a_complication_row_and_the_row_is_marked(
    qtbot, study, complication_id
):
    tab = _tab(qtbot, study, "monitor")
    table, model = tab.complications_table, tab.complication_model
    assert model.rowCount() == 1 and model.row_flag(0) is None
    (action,) = [a for a in table.actions() if a.objectName() == "raise_query_shortcut"]
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    table.setCurrentIndex(model.index(0, 2))
    offered = []

    def act(dialog):
        offered.extend(dialog.field.itemData(i) for i in range(dialog.field.count()))
        fill(qtbot, dialog, "raise_query", "Resolved on POD 9?", field="resolved_date")

    errors = on_next_dialog(act)
    action.trigger()
    assert not errors, errors
    assert {"category", "onset_date", "resolved_date"} <= set(offered)
    (q,) = _mine(study, "complication")
    assert (q.record_id, q.field, q.state) == (str(complication_id), "resolved_date", "open")
    assert model.row_flag(0) == "open"
    first = model.index(0, 0)
    assert "Resolved on POD 9?" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    icon = model.data(first, Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DecorationRole) is None
    # The operation's own fields carry no flag for a complication's query.
    assert all(tab.summary.flag(n) is None for n in tab.summary.rows)


def test_a_query_raised_elsewhere_marks_the_row(qtbot, study, complication_id):
    tab = _tab(qtbot, study, "surgeon")
    assert tab.complication_model.row_flag(0) is None
    queries.raise_query(
        study.db, study["monitor"], "complication", str(complication_id), "onset_date", "POD 3?"
    )
    qtbot.waitUntil(lambda: tab.complication_model.row_flag(0) == "open")


def test_a_surgeon_has_no_raise_action_and_the_service_refuses_anyway(
    qtbot, study, complication_id
):
    tab = _tab(qtbot, study, "surgeon")
    assert tab.summary.field_menu("blood_loss_ml").actions() == []
    value = tab.findChild(QLabel, "summary_blood_loss_ml")
    assert value.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu
    for table in (tab.complications_table, tab.reoperations_table):
        assert table.actions() == []
    with pytest.raises(PermissionDenied):
        queries.raise_query(
            study.db, study["surgeon"], "operation", str(study.operation_id), "margin_mm", "?"
        )
    with pytest.raises(PermissionDenied):
        queries.raise_query(
            study.db, study["surgeon"], "complication", str(complication_id), "onset_date", "?"
        )
    assert queries.list_queries(study.db, study["monitor"]) == []

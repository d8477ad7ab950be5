"""The surgery screens driven as a surgeon would, asserting what was stored and audited.

Set NCLM_SHOTS=/tmp/shots to save a screenshot of every wizard page and the record.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from sqlalchemy import func, select
from surgery_data import TODAY, audit_rows, right_hemihepatectomy

from nclm_desktop.models import ClinicalEvent, Complication, Operation, Reoperation, WizardDraft
from nclm_desktop.services import surgery
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.complication_wizard import ComplicationWizard
from nclm_desktop.ui.operation_wizard import OperationWizard
from nclm_desktop.ui.participant_tabs import participant_tabs
from nclm_desktop.ui.reoperation_dialog import ReoperationDialog
from nclm_desktop.ui.surgical_record import SurgicalRecordTab

SHOTS = os.environ.get("NCLM_SHOTS")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QTest.qWait(30)  # let queued layout and show events land first
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def no_dialogs(monkeypatch):
    """Record what would have been shown in a message box instead of blocking on it."""
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, message, title=None: shown.append(message)
    )
    monkeypatch.setattr(dialogs, "show_info", lambda _p, message, title=None: shown.append(message))
    monkeypatch.setattr(dialogs, "confirm", lambda _p, message, title=None: True)
    return shown


def child(parent: QWidget, name: str, kind: type = QWidget) -> QWidget:
    found = parent.findChild(kind, name)
    assert found is not None, f"no widget named {name!r}"
    return found


def type_into(qtbot, parent: QWidget, name: str, text: str) -> None:
    edit = child(parent, name, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def enter(qtbot, wizard: QWidget) -> None:
    """Press Enter where the keyboard focus is: Next (or Save on the last page)."""
    target = wizard.focusWidget() or wizard
    qtbot.keyClick(target, Qt.Key.Key_Return)


def open_tab(qtbot, db, actor, participant) -> SurgicalRecordTab:
    tab = SurgicalRecordTab(db, actor, participant, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1000, 900)
    tab.show()
    return tab


def tick_surgeon(qtbot, wizard: OperationWizard, display_name: str) -> None:
    surgeons = wizard.surgeon_list
    surgeons.setFocus()
    for row in range(surgeons.count()):
        if surgeons.item(row).text().startswith(display_name):
            surgeons.setCurrentRow(row)
    qtbot.keyClick(surgeons, Qt.Key.Key_Space)


def fill_first_page(qtbot, wizard: OperationWizard, date: str = "2024-03-12") -> None:
    type_into(qtbot, wizard, "operation_date", date)
    tick_surgeon(qtbot, wizard, "Zhi Chen")
    approach = child(wizard, "approach")
    approach.setFocus()
    qtbot.keyClick(approach, Qt.Key.Key_Down)  # "— choose" -> "Open"


# --- operation wizard -------------------------------------------------------------------


def test_right_hemihepatectomy_with_ii_and_iiia_shows_cci_33_5(
    qtbot, db, surgeon, participant, no_dialogs
):
    tab = open_tab(qtbot, db, surgeon, participant)
    assert child(tab, "no_operation").isVisible()
    qtbot.mouseClick(child(tab, "record_operation"), Qt.MouseButton.LeftButton)
    wizard = tab.active_dialog
    assert isinstance(wizard, OperationWizard)
    qtbot.waitExposed(wizard)

    fill_first_page(qtbot, wizard)
    assert wizard.approach.currentText() == "Open"
    shot(wizard, "operation_1_date_team")
    enter(qtbot, wizard)
    assert wizard.currentId() == 1

    segment_map = child(wizard, "segments")
    segment_map.setFocus()
    for key in (Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8):
        qtbot.keyClick(segment_map, key)
    assert segment_map.segments() == [5, 6, 7, 8]
    assert child(wizard, "resection_name", QLabel).text() == "Right hemihepatectomy"
    assert child(wizard, "major", QLabel).text().startswith("major resection")
    shot(wizard, "operation_2_segments_selected")
    enter(qtbot, wizard)
    assert wizard.currentId() == 2

    for name, text in (
        ("duration_min", "240"),
        ("blood_loss_ml", "450"),
        ("transfusion_units", "0"),
        ("pringle_count", "3"),
        ("pringle_total_min", "45"),
    ):
        type_into(qtbot, wizard, name, text)
    shot(wizard, "operation_3_intraoperative")
    enter(qtbot, wizard)
    assert wizard.currentId() == 3

    for name, text in (("lesions_resected", "2"), ("largest_lesion_mm", "38"), ("margin_mm", "6")):
        type_into(qtbot, wizard, name, text)
    r_status = child(wizard, "r_status")
    r_status.setFocus()
    qtbot.keyClick(r_status, Qt.Key.Key_Down)  # R0
    confirms = child(wizard, "pathology_confirms_npc")
    confirms.setFocus()
    qtbot.keyClick(confirms, Qt.Key.Key_Down)  # Yes
    shot(wizard, "operation_4_pathology")
    enter(qtbot, wizard)
    assert wizard.currentId() == 4

    type_into(qtbot, wizard, "discharge_date", "2024-03-22")
    assert child(wizard, "length_of_stay", QLabel).text() == "10 days"
    shot(wizard, "operation_5_discharge")
    enter(qtbot, wizard)  # Save
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    assert no_dialogs == []

    record = surgery.surgical_record(db, surgeon, participant)
    op = record.index_operation.operation
    assert (op.operation_date, op.approach, op.segments) == (
        dt.date(2024, 3, 12),
        "open",
        (5, 6, 7, 8),
    )
    assert (op.resection_name, op.major, op.anatomical) == ("right hemihepatectomy", True, True)
    assert (op.duration_min, op.blood_loss_ml, op.pringle_total_min) == (240, 450, 45)
    assert (op.margin_mm, op.r_status, op.pathology_confirms_npc) == (6.0, "R0", True)
    assert op.periop_radiotherapy is None
    assert [s.display_name for s in op.surgeons] == ["Zhi Chen"]
    assert record.index_date == dt.date(2024, 3, 12)
    assert count(db, WizardDraft) == 0
    assert child(tab, "summary_resection_name", QLabel).text() == "right hemihepatectomy"

    # Two complications in one go: "Save and add another", then Save.
    qtbot.mouseClick(child(tab, "add_complication"), Qt.MouseButton.LeftButton)
    wizard = tab.active_dialog
    assert isinstance(wizard, ComplicationWizard)
    qtbot.waitExposed(wizard)
    category = child(wizard, "category")
    category.setCurrentIndex(category.findData("pneumonia"))
    type_into(qtbot, wizard, "onset_date", "2024-03-15")
    assert child(wizard, "postoperative_day", QLabel).text() == "3"
    shot(wizard, "complication_1_what")
    enter(qtbot, wizard)
    qtbot.mouseClick(child(wizard, "other_drugs"), Qt.MouseButton.LeftButton)
    type_into(qtbot, wizard, "treatment_text", "piperacillin-tazobactam")
    assert "II" in child(wizard, "proposal", QLabel).text()
    shot(wizard, "complication_2_treatment")
    enter(qtbot, wizard)
    assert child(wizard, "grade_II").isChecked()
    assert child(wizard, "proposed_II", QLabel).text() == "proposed"
    assert child(wizard, "cci", QLabel).text() == "20.9"
    shot(wizard, "complication_3_grade")
    enter(qtbot, wizard)
    assert wizard.currentId() == 4  # pneumonia has no ISGLS grade: that page is skipped
    type_into(qtbot, wizard, "resolved_date", "2024-03-21")
    shot(wizard, "complication_5_outcome")
    qtbot.mouseClick(child(wizard, "save_and_add"), Qt.MouseButton.LeftButton)
    assert wizard.isVisible() and wizard.currentId() == 0
    assert child(wizard, "category").currentData() is None

    category.setCurrentIndex(category.findData("intra_abdominal_collection"))
    type_into(qtbot, wizard, "onset_date", "2024-03-17")
    enter(qtbot, wizard)
    intervention = child(wizard, "intervention")
    intervention.setCurrentIndex(intervention.findData("without_ga"))
    enter(qtbot, wizard)
    assert child(wizard, "grade_IIIa").isChecked()
    assert child(wizard, "cci", QLabel).text() == "33.5"  # live, before saving
    enter(qtbot, wizard)
    enter(qtbot, wizard)  # Save
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    assert no_dialogs == []

    record = surgery.surgical_record(db, surgeon, participant)
    assert [c.clavien_dindo for c in record.index_operation.complications] == ["II", "IIIa"]
    assert record.cci == 33.5
    assert "33.5" in child(tab, "cci_value", QLabel).text()
    assert tab.complication_model.rowCount() == 2
    assert child(tab, "flag_major_morbidity_90d", QLabel).text() == "yes"
    shot(tab, "surgical_record")


def test_non_anatomical_wedge_of_segment_6_is_minor(qtbot, db, surgeon, participant, no_dialogs):
    wizard = OperationWizard(db, surgeon, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_first_page(qtbot, wizard)
    enter(qtbot, wizard)
    segment_map = child(wizard, "segments")
    qtbot.mouseClick(segment_map, Qt.MouseButton.LeftButton, pos=segment_map.segment_center(6))
    anatomical = child(wizard, "anatomical")
    anatomical.setFocus()
    qtbot.keyClick(anatomical, Qt.Key.Key_Space)
    assert not anatomical.isChecked()
    assert child(wizard, "resection_name", QLabel).text() == (
        "Non-anatomical resection (wedge) of segment 6"
    )
    assert child(wizard, "major", QLabel).text().startswith("minor resection")
    shot(wizard, "operation_2_wedge_segment_6")
    for _ in range(4):
        enter(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    with db.session() as s:
        op = s.scalars(select(Operation)).one()
        assert (op.segments, op.anatomical, op.major) == ([6], False, False)
        assert op.resection_name == "non-anatomical resection (wedge) of segment 6"


@pytest.mark.parametrize(
    ("page", "name", "text", "words"),
    [
        (2, "blood_loss_ml", "25000", "20000"),
        (2, "duration_min", "1500", "1440 min"),
        (2, "duration_min", "four hours", "whole number"),
        (3, "margin_mm", "-1", "between 0 and 150 mm"),
        (4, "discharge_date", "2024-03-10", "before the operation date"),
    ],
)
def test_bad_input_is_refused_on_its_page_naming_the_field_and_nothing_is_saved(
    qtbot, db, surgeon, participant, no_dialogs, page, name, text, words
):
    wizard = OperationWizard(db, surgeon, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_first_page(qtbot, wizard)
    enter(qtbot, wizard)
    qtbot.keyClick(child(wizard, "segments"), Qt.Key.Key_3)
    while wizard.currentId() < page:
        enter(qtbot, wizard)
    type_into(qtbot, wizard, name, text)
    enter(qtbot, wizard)
    assert wizard.currentId() == page and wizard.isVisible()
    error = child(wizard, f"{name}_error", QLabel)
    assert error.isVisible() and words in error.text()
    assert wizard.focusWidget() is child(wizard, name)
    shot(wizard, f"operation_error_{name}")
    assert count(db, Operation) == 0


def test_no_segment_selected_keeps_the_wizard_on_the_map(qtbot, db, surgeon, participant):
    wizard = OperationWizard(db, surgeon, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_first_page(qtbot, wizard)
    enter(qtbot, wizard)
    enter(qtbot, wizard)
    assert wizard.currentId() == 1
    error = child(wizard, "segments_error", QLabel)
    assert error.isVisible() and "segment" in error.text()
    shot(wizard, "operation_error_segments")


def test_operation_before_enrolment_is_refused_on_the_first_page(qtbot, db, surgeon, participant):
    wizard = OperationWizard(db, surgeon, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_first_page(qtbot, wizard, date="2024-02-28")
    enter(qtbot, wizard)
    assert wizard.currentId() == 0
    assert "enrolment date" in child(wizard, "operation_date_error", QLabel).text()


def test_coordinator_sees_the_record_read_only_and_cannot_save(
    qtbot, db, surgeon, coordinator, participant, no_dialogs
):
    surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    tab = open_tab(qtbot, db, coordinator, participant)
    assert child(tab, "read_only_note").isVisible()
    for name in ("record_operation", "edit_operation", "add_complication", "add_reoperation"):
        assert not child(tab, name).isVisible()
    assert child(tab, "summary_resection_name", QLabel).text() == "right hemihepatectomy"
    shot(tab, "surgical_record_coordinator")

    # Even with the wizard opened directly, the service refuses the write.
    other = surgery.surgical_record(db, coordinator, participant)
    assert other.can_edit is False
    wizard = OperationWizard(db, coordinator, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_first_page(qtbot, wizard, date="2024-05-02")
    enter(qtbot, wizard)
    qtbot.keyClick(child(wizard, "segments"), Qt.Key.Key_2)
    for _ in range(4):
        enter(qtbot, wizard)
    assert wizard.isVisible()
    assert no_dialogs and "coordinator may not" in no_dialogs[-1]
    assert count(db, Operation) == 1
    assert count(db, WizardDraft) == 0  # no drafts for someone who cannot save


def test_editing_asks_a_reason_and_is_audited(qtbot, db, surgeon, participant, monkeypatch):
    op_id = surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    reasons: list[str | None] = [None, "blood loss misread from the anaesthesia chart"]
    asked: list[str] = []

    def ask_reason(_parent, what):
        asked.append(what)
        return reasons.pop(0)

    monkeypatch.setattr(dialogs, "ask_reason", ask_reason)
    tab = open_tab(qtbot, db, surgeon, participant)
    qtbot.mouseClick(child(tab, "edit_operation"), Qt.MouseButton.LeftButton)
    wizard = tab.active_dialog
    assert isinstance(wizard, OperationWizard)
    assert child(wizard, "operation_date", QLineEdit).text() == "2024-03-12"
    assert child(wizard, "segments").segments() == [5, 6, 7, 8]
    enter(qtbot, wizard)
    enter(qtbot, wizard)
    type_into(qtbot, wizard, "blood_loss_ml", "650")
    enter(qtbot, wizard)
    enter(qtbot, wizard)
    enter(qtbot, wizard)  # Save: reason dialog cancelled -> nothing saved, wizard stays
    assert asked == ["the operation record"] and wizard.isVisible()
    assert surgery.get_operation(db, surgeon, op_id).blood_loss_ml == 450
    enter(qtbot, wizard)  # Save again: a reason this time
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    assert surgery.get_operation(db, surgeon, op_id).blood_loss_ml == 650
    updates = [e for e in audit_rows(db, "operation") if e.action == "update"]
    assert [(e.field, e.old_value, e.new_value) for e in updates] == [
        ("blood_loss_ml", "450", "650")
    ]
    assert updates[0].reason == "blood loss misread from the anaesthesia chart"
    assert updates[0].username == surgeon.username
    assert child(tab, "summary_blood_loss_ml", QLabel).text() == "650 mL"


def test_cancelled_operation_is_kept_as_a_draft_and_offered_back(
    qtbot, db, surgeon, participant, no_dialogs
):
    wizard = OperationWizard(db, surgeon, participant, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_first_page(qtbot, wizard)
    enter(qtbot, wizard)
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(child(wizard, "segments"), key)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # Cancel
    assert not wizard.isVisible()
    assert count(db, Operation) == 0 and count(db, WizardDraft) == 1

    again = OperationWizard(db, surgeon, participant, today=TODAY)  # confirm() says restore
    qtbot.addWidget(again)
    assert child(again, "operation_date", QLineEdit).text() == "2024-03-12"
    assert child(again, "segments").segments() == [2, 3]
    assert again.resection_name.text() == "Left lateral sectionectomy"
    again.show()
    for _ in range(5):
        enter(qtbot, again)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert count(db, Operation) == 1 and count(db, WizardDraft) == 0


# --- complications ----------------------------------------------------------------------


@pytest.fixture
def operation(db, surgeon, participant) -> int:
    return surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )


def complication_wizard(qtbot, db, actor, operation, complication_id=None) -> ComplicationWizard:
    wizard = ComplicationWizard(db, actor, operation, complication_id, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_onset_before_the_operation_is_refused(qtbot, db, surgeon, operation, no_dialogs):
    wizard = complication_wizard(qtbot, db, surgeon, operation)
    category = child(wizard, "category")
    category.setCurrentIndex(category.findData("ascites"))
    type_into(qtbot, wizard, "onset_date", "2024-03-11")
    enter(qtbot, wizard)
    assert wizard.currentId() == 0
    assert "before the operation date" in child(wizard, "onset_date_error", QLabel).text()
    assert count(db, Complication) == 0


def test_choosing_another_grade_needs_a_reason(qtbot, db, surgeon, operation, no_dialogs):
    wizard = complication_wizard(qtbot, db, surgeon, operation)
    category = child(wizard, "category")
    category.setCurrentIndex(category.findData("bile_leakage"))
    type_into(qtbot, wizard, "onset_date", "2024-03-16")
    enter(qtbot, wizard)
    intervention = child(wizard, "intervention")
    intervention.setCurrentIndex(intervention.findData("without_ga"))
    enter(qtbot, wizard)
    qtbot.mouseClick(child(wizard, "grade_IIIb"), Qt.MouseButton.LeftButton)
    assert child(wizard, "grade_override_reason").isEnabled()
    shot(wizard, "complication_3_grade_override")
    enter(qtbot, wizard)
    assert wizard.currentId() == 2
    assert "suggests grade IIIa" in child(wizard, "grade_override_reason_error", QLabel).text()
    type_into(qtbot, wizard, "grade_override_reason", "Drain placed in theatre under GA")
    enter(qtbot, wizard)
    assert wizard.currentId() == 3  # bile leakage has an ISGLS grade, criteria shown
    assert "Koch 2011" in wizard.currentPage().subTitle()
    assert "relaparotomy" in child(wizard, "isgls_definition", QLabel).text() or any(
        "relaparotomy" in label.text() for label in wizard.isgls_texts.values()
    )
    shot(wizard, "complication_4_isgls")
    enter(qtbot, wizard)
    assert wizard.currentId() == 3  # an ISGLS grade is required for bile leakage
    assert child(wizard, "isgls_grade_error", QLabel).isVisible()
    qtbot.mouseClick(child(wizard, "isgls_B"), Qt.MouseButton.LeftButton)
    enter(qtbot, wizard)
    qtbot.mouseClick(child(wizard, "suffix_d"), Qt.MouseButton.LeftButton)
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    with db.session() as s:
        c = s.scalars(select(Complication)).one()
        assert (c.clavien_dindo, c.clavien_dindo_proposed, c.isgls_grade, c.suffix_d) == (
            "IIIb",
            "IIIa",
            "B",
            True,
        )
        assert c.grade_override_reason == "Drain placed in theatre under GA"


def test_death_recorded_in_the_wizard_is_grade_v_and_a_death_event(
    qtbot, db, surgeon, participant, operation, monkeypatch
):
    confirmed: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, m, title=None: confirmed.append(m) or True)
    wizard = complication_wizard(qtbot, db, surgeon, operation)
    category = child(wizard, "category")
    category.setCurrentIndex(category.findData("liver_failure"))
    type_into(qtbot, wizard, "onset_date", "2024-03-18")
    enter(qtbot, wizard)
    qtbot.mouseClick(child(wizard, "died"), Qt.MouseButton.LeftButton)
    enter(qtbot, wizard)
    assert child(wizard, "grade_V").isChecked()
    assert child(wizard, "cci", QLabel).text() == "100.0"
    enter(qtbot, wizard)
    qtbot.mouseClick(child(wizard, "isgls_C"), Qt.MouseButton.LeftButton)
    enter(qtbot, wizard)
    assert child(wizard, "death_date").isVisible()
    type_into(qtbot, wizard, "death_date", "2024-03-25")
    shot(wizard, "complication_5_death")
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert confirmed and "2024-03-25" in confirmed[0]
    with db.session() as s:
        death = s.scalars(select(ClinicalEvent)).one()
        assert (death.kind, death.event_date) == ("death", dt.date(2024, 3, 25))
    record = surgery.surgical_record(db, surgeon, participant)
    assert record.status == "deceased" and record.index_operation.outcomes.mortality_30d


def test_editing_a_complication_asks_a_reason(qtbot, db, surgeon, operation, monkeypatch):
    from surgery_data import complication

    comp_id = surgery.add_complication(db, surgeon, operation, complication("II"), today=TODAY)
    monkeypatch.setattr(dialogs, "ask_reason", lambda _p, what: "resolved later than noted")
    wizard = complication_wizard(qtbot, db, surgeon, operation, comp_id)
    assert child(wizard, "grade_II").isChecked()
    assert child(wizard, "cci", QLabel).text() == "20.9"
    for _ in range(3):
        enter(qtbot, wizard)
    type_into(qtbot, wizard, "resolved_date", "2024-03-28")
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    event = [e for e in audit_rows(db, "complication") if e.action == "update"][0]
    assert (event.field, event.new_value, event.reason) == (
        "resolved_date",
        '"2024-03-28"',
        "resolved later than noted",
    )


# --- reoperations -----------------------------------------------------------------------


def test_unplanned_reoperation_during_the_stay_sets_the_flag(
    qtbot, db, surgeon, participant, operation, no_dialogs
):
    tab = open_tab(qtbot, db, surgeon, participant)
    assert child(tab, "flag_unplanned_reoperation_index_stay", QLabel).text() == "no"
    qtbot.mouseClick(child(tab, "add_reoperation"), Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, ReoperationDialog)
    type_into(qtbot, dialog, "reoperation_date", "2024-03-14")
    planned = child(dialog, "planned")
    planned.setFocus()
    qtbot.keyClick(planned, Qt.Key.Key_Down)
    qtbot.keyClick(planned, Qt.Key.Key_Down)  # "Unplanned"
    type_into(qtbot, dialog, "reason", "bleeding from the cut surface")
    assert child(dialog, "during_index_stay", QLabel).text() == "yes"
    shot(dialog, "reoperation")
    qtbot.keyClick(child(dialog, "reason"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    with db.session() as s:
        row = s.scalars(select(Reoperation)).one()
        assert (row.reoperation_date, row.planned) == (dt.date(2024, 3, 14), False)
    assert child(tab, "flag_unplanned_reoperation_index_stay", QLabel).text() == "yes"
    assert tab.reoperation_model.row_data(0)["during_index_stay"] is True


def test_reoperation_without_a_reason_is_refused(qtbot, db, surgeon, operation, no_dialogs):
    dialog = ReoperationDialog(db, surgeon, operation, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "reoperation_date", "2024-03-30")
    child(dialog, "planned").setCurrentIndex(1)
    qtbot.keyClick(child(dialog, "reason"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert child(dialog, "reason_error", QLabel).isVisible()
    assert count(db, Reoperation) == 0


def test_the_participant_view_has_a_surgery_tab(qtbot, db, monitor, participant):
    tab = next(t for t in participant_tabs() if t.key == "surgery")
    widget = tab.factory(db, monitor, participant, None)
    qtbot.addWidget(widget)
    assert isinstance(widget, SurgicalRecordTab)
    assert monitor.can(tab.permission)
    assert child(widget, "no_operation", QLabel).text() == "No operation recorded yet."

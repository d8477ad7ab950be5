"""Drive the screening wizard as a user would: find widgets by objectName, type, click."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget, QWizard

from nclm_desktop.ui.date_input import DateInput


def find(parent: QWidget, cls: type, name: str) -> Any:
    widget = parent.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def type_text(qtbot, parent: QWidget, name: str, text: str) -> None:
    edit = find(parent, QLineEdit, name)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def type_date(qtbot, parent: QWidget, name: str, day: dt.date) -> None:
    edit = find(parent, DateInput, name)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, day.strftime("%Y%m%d"))
    assert edit.date() == day, (name, edit.text())


def choose(qtbot, parent: QWidget, name: str, data: Any) -> None:
    """Pick an entry with the arrow keys, as from the keyboard."""
    combo = find(parent, QComboBox, name)
    target = combo.findData(data)
    if target < 0:
        target = combo.findText(str(data))
    assert target >= 0, f"{name}: no entry {data!r}"
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def tick(qtbot, parent: QWidget, name: str) -> None:
    box = find(parent, QCheckBox, name)
    before = box.isChecked()
    # On the indicator: a wide check box does not react to clicks right of its text.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked() != before


def next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_next(qtbot, wizard: QWizard) -> None:
    before = wizard.currentId()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() != before, "Next did not move on"


def fill_identity(qtbot, w, *, hrn="H100001", birth=dt.date(1970, 5, 4), sex="M", screening=None):
    type_text(qtbot, w, "name", "Wei Zhang")
    type_text(qtbot, w, "hospital_record_number", hrn)
    choose(qtbot, w, "sex", sex)
    type_date(qtbot, w, "birth_date", birth)
    type_text(qtbot, w, "phone", "13800000000")
    if screening is not None:
        type_date(qtbot, w, "screening_date", screening)


def fill_disease(qtbot, w):
    choose(qtbot, w, "nclm_confirmed", True)
    type_date(qtbot, w, "npc_diagnosis_date", dt.date(2023, 1, 5))
    choose(qtbot, w, "t_stage", "T3")
    choose(qtbot, w, "n_stage", "N2")
    tick(qtbot, w, "metastatic_sites_liver")
    choose(qtbot, w, "primary_recurrence", False)
    choose(qtbot, w, "liver_oligometastasis", True)
    choose(qtbot, w, "response_outside_liver", "not_applicable")
    choose(qtbot, w, "progression_after_systemic", False)


def fill_liver(qtbot, w, *, bilirubin="0.9", unit="mg/dL", albumin="41", inr="1.05"):
    choose(qtbot, w, "bilirubin_unit", unit)
    type_text(qtbot, w, "bilirubin_value", bilirubin)
    type_text(qtbot, w, "albumin_value", albumin)
    type_text(qtbot, w, "inr", inr)
    choose(qtbot, w, "ascites", "none")
    choose(qtbot, w, "encephalopathy", "none")


def fill_surgical(qtbot, w):
    choose(qtbot, w, "ecog", 1)
    choose(qtbot, w, "r0_resectable", True)
    type_text(qtbot, w, "future_liver_remnant_pct", "48")
    choose(qtbot, w, "surgical_contraindication", False)
    choose(qtbot, w, "expected_survival_ge_6_months", True)


def fill_other(qtbot, w):
    for name in ("prior_local_liver_therapy", "other_malignancy", "severe_mental_illness"):
        choose(qtbot, w, name, False)
    if find(w, QComboBox, "pregnant_or_lactating").isEnabled():
        choose(qtbot, w, "pregnant_or_lactating", False)
    for name in ("understands_study", "consent_signed"):
        choose(qtbot, w, name, True)


def fill_baseline(qtbot, w):
    choose(qtbot, w, "who_histology", "nonkeratinizing_undifferentiated")
    type_text(qtbot, w, "ebv_dna_copies_ml", "2400")
    type_text(qtbot, w, "liver_met_count", "2")
    type_text(qtbot, w, "liver_met_largest_mm", "35")
    tick(qtbot, w, "liver_met_segments_6")
    tick(qtbot, w, "liver_met_segments_7")
    choose(qtbot, w, "liver_met_timing", "metachronous")
    type_text(qtbot, w, "metachronous_interval_months", "17")

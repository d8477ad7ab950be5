"""The screening wizard's input pages: identity, disease, liver function, surgical
assessment and the remaining criteria."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...clinical import albi, child_pugh, to_canonical
from ...forms.catalogue import form
from ...services.screening import SCREENING_FORM, lab_limits
from ..form_inputs import dictionary_text
from .fields import FormPage, NumberField, from_definition, t

Lookup = Callable[[str], Any]
IDENTITY, PARTICIPANT = form("participant_identity"), form("participant")
BASELINE = form("baseline_disease")
BILIRUBIN, ALBUMIN = SCREENING_FORM["bilirubin_value"], SCREENING_FORM["albumin_value"]
BILIRUBIN_LIMITS = {u: lab_limits(BILIRUBIN, u) for u in SCREENING_FORM["bilirubin_unit"].codes()}
ALBUMIN_LIMITS = {u: lab_limits(ALBUMIN, u) for u in SCREENING_FORM["albumin_unit"].codes()}


def screening_field(name: str, **kwargs: Any):
    return from_definition(SCREENING_FORM[name], **kwargs)


class IdentityPage(FormPage):
    def __init__(self, today: dt.date) -> None:
        super().__init__(
            t("Patient"),
            t("Who is being screened. Fields marked * are required."),
        )
        self.add(from_definition(IDENTITY["name"]))
        self.add(from_definition(IDENTITY["hospital_record_number"]))
        self.add(from_definition(PARTICIPANT["sex"]))
        birth = self.add(from_definition(PARTICIPANT["birth_date"], today))
        self.add(from_definition(IDENTITY["phone"]))
        screening = self.add(screening_field("screening_date", today=today))
        screening.set_value(today)
        screening.not_before(t("birth date"), birth.value)
        birth.connect(lambda *_: self.completeChanged.emit())


class DiseasePage(FormPage):
    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__(
            t("Disease status"),
            t("Nasopharyngeal carcinoma and its metastases at screening."),
        )
        self.add(screening_field("nclm_confirmed"))
        diagnosis = self.add(from_definition(BASELINE["npc_diagnosis_date"], today))
        diagnosis.not_before(t("birth date"), lambda: lookup("birth_date"))
        stage = QWidget()
        row = QHBoxLayout(stage)
        row.setContentsMargins(0, 0, 0, 0)
        self.t_stage = from_definition(BASELINE["t_stage"], label=t("T"))
        self.n_stage = from_definition(BASELINE["n_stage"], label=t("N"))
        for f in (self.t_stage, self.n_stage):
            f.widget.setMinimumWidth(80)
            row.addWidget(f.caption)
            row.addWidget(f.container)
            self.register(f)
        row.addStretch(1)
        self.form.addRow(t("AJCC 8th stage at diagnosis"), stage)
        for name in (
            "metastatic_sites",
            "primary_recurrence",
            "liver_oligometastasis",
            "response_outside_liver",
            "progression_after_systemic",
        ):
            self.add(screening_field(name))


class LiverPage(FormPage):
    """Laboratory values with their units; Child-Pugh and ALBI computed as they are typed."""

    def __init__(self) -> None:
        super().__init__(
            t("Liver function"),
            t("Enter the values in the unit the laboratory reported; they are converted once."),
        )
        self.bilirubin = self._lab(BILIRUBIN, BILIRUBIN_LIMITS)
        self.bilirubin_unit = self._unit_combo("bilirubin_unit", tuple(BILIRUBIN_LIMITS))
        self._add_with_unit(self.bilirubin, self.bilirubin_unit)
        self.albumin = self._lab(ALBUMIN, ALBUMIN_LIMITS)
        self.albumin_unit = self._unit_combo("albumin_unit", tuple(ALBUMIN_LIMITS))
        self._add_with_unit(self.albumin, self.albumin_unit)
        for name in ("inr", "ascites", "encephalopathy"):
            self.add(screening_field(name))
        self.child_pugh_label = QLabel()
        self.child_pugh_label.setObjectName("child_pugh_live")
        self.albi_label = QLabel()
        self.albi_label.setObjectName("albi_live")
        for label in (self.child_pugh_label, self.albi_label):
            label.setStyleSheet("font-size: 14px; font-weight: 600; padding: 4px 0;")
        self.form.addRow(t("Child-Pugh"), self.child_pugh_label)
        self.form.addRow(t("ALBI"), self.albi_label)
        self.on_change.append(self.update_scores)
        self.update_scores()

    @staticmethod
    def _lab(f: Any, limits: dict[str, tuple[float, float]]) -> NumberField:
        """A laboratory value; its limits follow the unit chosen beside it."""
        return NumberField(
            f.name,
            dictionary_text(f.label),
            *limits[f.unit],
            required=f.required is True,
            unit=f.unit,
            show_unit=False,
        )

    def _unit_combo(self, name: str, units: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItems(list(units))
        combo.currentTextChanged.connect(self._unit_changed)
        return combo

    def _add_with_unit(self, field: NumberField, unit: QComboBox) -> None:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(field.container)
        box.addWidget(unit)
        box.addStretch(1)
        self.form.addRow(field.caption, row)
        self.register(field)

    def _unit_changed(self) -> None:
        b_unit, a_unit = self.bilirubin_unit.currentText(), self.albumin_unit.currentText()
        self.bilirubin.set_limits(*BILIRUBIN_LIMITS[b_unit], b_unit)
        self.albumin.set_limits(*ALBUMIN_LIMITS[a_unit], a_unit)
        self._changed()

    def canonical(self) -> tuple[float | None, float | None]:
        bili, alb = self.bilirubin.value(), self.albumin.value()
        return (
            None
            if bili is None
            else to_canonical("bilirubin", bili, self.bilirubin_unit.currentText()),
            None if alb is None else to_canonical("albumin", alb, self.albumin_unit.currentText()),
        )

    def update_scores(self) -> None:
        bili, alb = self.canonical()
        inr = self.fields["inr"].value()
        asc = self.fields["ascites"].value()
        enc = self.fields["encephalopathy"].value()
        if None in (bili, alb, inr, asc, enc):
            self.child_pugh_label.setText(t("enter all five items"))
            self.child_pugh_label.setStyleSheet("color: #666; padding: 4px 0;")
        else:
            # Scored in the unit the laboratory reported (Pugh's cut-offs are in mg/dL).
            reported, unit = self.bilirubin.value(), self.bilirubin_unit.currentText()
            cp = child_pugh(reported, alb, inr, asc, enc, bilirubin_unit=unit)
            colour = "#1b5e20" if cp.grade == "A" else "#b00020"
            self.child_pugh_label.setText(
                t("{points} points, class {grade}").format(points=cp.points, grade=cp.grade)
            )
            self.child_pugh_label.setStyleSheet(
                f"color: {colour}; font-size: 14px; font-weight: 600; padding: 4px 0;"
            )
        if bili is None or alb is None:
            self.albi_label.setText(t("enter bilirubin and albumin"))
            self.albi_label.setStyleSheet("color: #666; padding: 4px 0;")
        else:
            score = albi(bili, alb)
            self.albi_label.setText(
                t("{score}, grade {grade}  (bilirubin {bili} µmol/L, albumin {alb} g/L)").format(
                    score=f"{score.score:.2f}".replace("-", "−"),
                    grade=score.grade,
                    bili=f"{bili:.1f}",
                    alb=f"{alb:.1f}",
                )
            )
            self.albi_label.setStyleSheet("font-size: 14px; font-weight: 600; padding: 4px 0;")


class SurgicalPage(FormPage):
    def __init__(self) -> None:
        super().__init__(t("Surgical assessment"), t("The surgeon's assessment of resectability."))
        for name in (
            "ecog",
            "r0_resectable",
            "future_liver_remnant_pct",
            "surgical_contraindication",
            "expected_survival_ge_6_months",
        ):
            self.add(screening_field(name))


class OtherCriteriaPage(FormPage):
    def __init__(self, lookup: Lookup) -> None:
        super().__init__(t("Other criteria"), t("The remaining inclusion and exclusion criteria."))
        self.lookup = lookup
        self.add(screening_field("prior_local_liver_therapy"))
        # Required of a woman; for a man the page answers it and turns it off.
        self.pregnant = self.add(screening_field("pregnant_or_lactating", required=True))
        for name in (
            "other_malignancy",
            "severe_mental_illness",
            "understands_study",
            "consent_signed",
            "notes",
        ):
            self.add(screening_field(name))

    def initializePage(self) -> None:
        male = self.lookup("sex") == "M"
        if male:
            self.pregnant.set_value(False)
        self.pregnant.widget.setEnabled(not male)

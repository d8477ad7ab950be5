"""The screening wizard's input pages: identity, disease, liver function, surgical
assessment and the remaining criteria."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...clinical import albi, child_pugh, to_canonical
from ...services.baseline import N_STAGES, T_STAGES
from ...services.screening import SCREENING_FORM, lab_limits
from .fields import (
    ChoiceField,
    DateField,
    FormPage,
    NumberField,
    SetField,
    TextField,
    YesNoField,
    t,
)

Lookup = Callable[[str], Any]
BILIRUBIN, ALBUMIN, INR = (SCREENING_FORM[n] for n in ("bilirubin_value", "albumin_value", "inr"))
BILIRUBIN_LIMITS = {u: lab_limits(BILIRUBIN, u) for u in SCREENING_FORM["bilirubin_unit"].codes()}
ALBUMIN_LIMITS = {u: lab_limits(ALBUMIN, u) for u in SCREENING_FORM["albumin_unit"].codes()}
assert INR.hard is not None
INR_LIMITS = (INR.hard.lo, INR.hard.hi)

SITE_CHOICES = (
    ("liver", "Liver"),
    ("bone", "Bone"),
    ("lung", "Lung"),
    ("distant_lymph_node", "Distant lymph nodes"),
    ("other", "Other"),
)
RESPONSE_CHOICES = (
    ("CR", "Complete response (CR)"),
    ("PR", "Partial response (PR)"),
    ("SD", "Stable disease (SD)"),
    ("PD", "Progressive disease (PD)"),
    ("not_applicable", "Not assessable / no disease outside the liver"),
)
ASCITES_LABELS = (("none", "None"), ("mild", "Mild"), ("moderate", "Moderate to severe"))
ENCEPHALOPATHY_LABELS = (("none", "None"), ("grade1-2", "Grade 1–2"), ("grade3-4", "Grade 3–4"))
ECOG_LABELS = (
    (0, "0 – fully active"),
    (1, "1 – restricted in strenuous activity"),
    (2, "2 – ambulatory, no work, up > 50 % of day"),
    (3, "3 – limited self-care, in bed > 50 % of day"),
    (4, "4 – completely disabled"),
    (5, "5 – dead"),
)


class IdentityPage(FormPage):
    def __init__(self, today: dt.date) -> None:
        super().__init__(
            t("Patient"),
            t("Who is being screened. Fields marked * are required."),
        )
        self.add(TextField("name", t("Name"), required=True))
        self.add(
            TextField(
                "hospital_record_number", t("Hospital record number"), required=True, max_len=40
            )
        )
        self.add(
            ChoiceField("sex", t("Sex"), [("M", t("Male")), ("F", t("Female"))], required=True)
        )
        birth = self.add(DateField("birth_date", t("Birth date"), today, required=True))
        self.add(TextField("phone", t("Phone"), max_len=40))
        screening = self.add(
            DateField("screening_date", t("Screening date"), today, required=True, default=today)
        )
        screening.not_before(t("birth date"), birth.value)
        birth.connect(lambda *_: self.completeChanged.emit())


class DiseasePage(FormPage):
    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__(
            t("Disease status"),
            t("Nasopharyngeal carcinoma and its metastases at screening."),
        )
        self.add(YesNoField("nclm_confirmed", t("NCLM confirmed (biopsy, or imaging + history)")))
        diagnosis = self.add(DateField("npc_diagnosis_date", t("NPC diagnosis date"), today))
        diagnosis.not_before(t("birth date"), lambda: lookup("birth_date"))
        stage = QWidget()
        row = QHBoxLayout(stage)
        row.setContentsMargins(0, 0, 0, 0)
        self.t_stage = ChoiceField("t_stage", t("T"), [(s, s) for s in T_STAGES])
        self.n_stage = ChoiceField("n_stage", t("N"), [(s, s) for s in N_STAGES])
        for f in (self.t_stage, self.n_stage):
            f.combo.setMinimumWidth(80)
            row.addWidget(f.caption)
            row.addWidget(f.container)
            self.register(f)
        row.addStretch(1)
        self.form.addRow(t("AJCC 8th stage at diagnosis"), stage)
        self.add(
            SetField(
                "metastatic_sites",
                t("Metastatic sites"),
                [(v, t(x)) for v, x in SITE_CHOICES],
                required=True,
            )
        )
        self.add(YesNoField("primary_recurrence", t("Primary tumour recurrence")))
        self.add(YesNoField("liver_oligometastasis", t("Liver oligometastasis")))
        self.add(
            ChoiceField(
                "response_outside_liver",
                t("Response outside the liver after systemic treatment"),
                [(v, t(x)) for v, x in RESPONSE_CHOICES],
                required=True,
            )
        )
        self.add(
            YesNoField(
                "progression_after_systemic",
                t("Progression (PD) after systemic treatment of primary / bone"),
            )
        )


class LiverPage(FormPage):
    """Laboratory values with their units; Child-Pugh and ALBI computed as they are typed."""

    def __init__(self) -> None:
        super().__init__(
            t("Liver function"),
            t("Enter the values in the unit the laboratory reported; they are converted once."),
        )
        self.bilirubin = NumberField(
            "bilirubin_value",
            t("Total bilirubin"),
            *BILIRUBIN_LIMITS["µmol/L"],
            required=True,
            unit="µmol/L",
            show_unit=False,
        )
        self.bilirubin_unit = self._unit_combo("bilirubin_unit", tuple(BILIRUBIN_LIMITS))
        self._add_with_unit(self.bilirubin, self.bilirubin_unit)
        self.albumin = NumberField(
            "albumin_value",
            t("Albumin"),
            *ALBUMIN_LIMITS["g/L"],
            required=True,
            unit="g/L",
            show_unit=False,
        )
        self.albumin_unit = self._unit_combo("albumin_unit", tuple(ALBUMIN_LIMITS))
        self._add_with_unit(self.albumin, self.albumin_unit)
        self.add(NumberField("inr", t("INR"), *INR_LIMITS, required=True))
        self.add(
            ChoiceField(
                "ascites", t("Ascites"), [(v, t(x)) for v, x in ASCITES_LABELS], required=True
            )
        )
        self.add(
            ChoiceField(
                "encephalopathy",
                t("Hepatic encephalopathy"),
                [(v, t(x)) for v, x in ENCEPHALOPATHY_LABELS],
                required=True,
            )
        )
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
        self.add(
            ChoiceField(
                "ecog",
                t("ECOG performance status"),
                [(v, t(x)) for v, x in ECOG_LABELS],
                required=True,
            )
        )
        self.add(YesNoField("r0_resectable", t("Liver lesions R0-resectable")))
        self.add(
            NumberField(
                "future_liver_remnant_pct",
                t("Future liver remnant"),
                0,
                100,
                required=True,
                unit="%",
            )
        )
        self.add(YesNoField("surgical_contraindication", t("Contraindication to surgery")))
        self.add(
            YesNoField("expected_survival_ge_6_months", t("Expected survival 6 months or more"))
        )


class OtherCriteriaPage(FormPage):
    def __init__(self, lookup: Lookup) -> None:
        super().__init__(t("Other criteria"), t("The remaining inclusion and exclusion criteria."))
        self.lookup = lookup
        self.add(
            YesNoField("prior_local_liver_therapy", t("Prior local liver therapy (TACE, RFA …)"))
        )
        self.pregnant = self.add(
            YesNoField("pregnant_or_lactating", t("Pregnant or breastfeeding"))
        )
        self.add(YesNoField("other_malignancy", t("History of another malignancy")))
        self.add(YesNoField("severe_mental_illness", t("Severe mental illness")))
        self.add(YesNoField("understands_study", t("Patient or family understands the study")))
        self.add(YesNoField("consent_signed", t("Informed consent signed")))
        self.add(TextField("notes", t("Notes"), max_len=2000))

    def initializePage(self) -> None:
        male = self.lookup("sex") == "M"
        if male:
            self.pregnant.set_value(False)
        self.pregnant.widget.setEnabled(not male)

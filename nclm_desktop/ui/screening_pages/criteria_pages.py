"""The screening wizard's input pages: identity, disease, liver function, surgical
assessment and the remaining criteria. Every field is built by the one form builder from
its data-dictionary definition (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ...clinical import albi, child_pugh
from ...forms.catalogue import form
from ...services.screening import SCREENING_FORM
from ..form_builder import FormWizardPage

Lookup = Callable[[str], Any]
IDENTITY, PARTICIPANT = form("participant_identity"), form("participant")
BASELINE = form("baseline_disease")


def t(text: str) -> str:
    return QCoreApplication.translate("ScreeningWizard", text)


class IdentityPage(FormWizardPage):
    def __init__(self, today: dt.date) -> None:
        super().__init__(
            t("Patient"),
            SCREENING_FORM,
            (
                IDENTITY["name"],
                IDENTITY["hospital_record_number"],
                PARTICIPANT["sex"],
                PARTICIPANT["birth_date"],
                IDENTITY["phone"],
                "screening_date",
            ),
            today=today,
            subtitle=t("Who is being screened. Fields marked * are required."),
        )
        view = self.view
        view.input("screening_date").set_value(today)
        view.not_before("screening_date", t("birth date"), view.input("birth_date").value)


class DiseasePage(FormWizardPage):
    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__(
            t("Disease status"),
            SCREENING_FORM,
            (
                "nclm_confirmed",
                BASELINE["npc_diagnosis_date"],
                BASELINE["t_stage"],
                BASELINE["n_stage"],
                "metastatic_sites",
                "primary_recurrence",
                "liver_oligometastasis",
                "response_outside_liver",
                "progression_after_systemic",
            ),
            today=today,
            subtitle=t("Nasopharyngeal carcinoma and its metastases at screening."),
        )
        self.view.not_before("npc_diagnosis_date", t("birth date"), lambda: lookup("birth_date"))


class LiverPage(FormWizardPage):
    """Laboratory values in the unit the laboratory reported (the limits follow the unit
    chosen beside each); Child-Pugh and ALBI computed as they are typed."""

    def __init__(self, today: dt.date) -> None:
        super().__init__(
            t("Liver function"),
            SCREENING_FORM,
            ("bilirubin_value", "albumin_value", "inr", "ascites", "encephalopathy"),
            today=today,
            subtitle=t(
                "Enter the values in the unit the laboratory reported; they are converted once."
            ),
        )
        self.child_pugh_label = QLabel()
        self.child_pugh_label.setObjectName("child_pugh_live")
        self.albi_label = QLabel()
        self.albi_label.setObjectName("albi_live")
        for label in (self.child_pugh_label, self.albi_label):
            label.setStyleSheet("font-size: 14px; font-weight: 600; padding: 4px 0;")
        self.view.layout_.addRow(t("Child-Pugh"), self.child_pugh_label)
        self.view.layout_.addRow(t("ALBI"), self.albi_label)
        self.view.changed.connect(self.update_scores)
        self.update_scores()

    def canonical(self) -> tuple[float | None, float | None]:
        """Bilirubin (µmol/L) and albumin (g/L) in the units the rules work in."""
        out = []
        for name in ("bilirubin_value", "albumin_value"):
            inp = self.view.input(name)
            value = inp.value()
            unit = inp.extra_values().get(inp.field.unit_field or "")
            out.append(None if value is None else inp.field.to_unit(value, unit))
        return out[0], out[1]

    def update_scores(self) -> None:
        bili, alb = self.canonical()
        view = self.view
        inr, asc, enc = (view.input(n).value() for n in ("inr", "ascites", "encephalopathy"))
        if None in (bili, alb, inr, asc, enc):
            self.child_pugh_label.setText(t("enter all five items"))
            self.child_pugh_label.setStyleSheet("color: #666; padding: 4px 0;")
        else:
            # Scored in the unit the laboratory reported (Pugh's cut-offs are in mg/dL).
            bilirubin = view.input("bilirubin_value")
            reported = bilirubin.value()
            unit = bilirubin.extra_values()["bilirubin_unit"]
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


class SurgicalPage(FormWizardPage):
    def __init__(self, today: dt.date) -> None:
        super().__init__(
            t("Surgical assessment"),
            SCREENING_FORM,
            (
                "ecog",
                "r0_resectable",
                "future_liver_remnant_pct",
                "surgical_contraindication",
                "expected_survival_ge_6_months",
            ),
            today=today,
            subtitle=t("The surgeon's assessment of resectability."),
        )


class OtherCriteriaPage(FormWizardPage):
    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__(
            t("Other criteria"),
            SCREENING_FORM,
            (
                "prior_local_liver_therapy",
                "pregnant_or_lactating",
                "other_malignancy",
                "severe_mental_illness",
                "understands_study",
                "consent_signed",
                "notes",
            ),
            today=today,
            subtitle=t("The remaining inclusion and exclusion criteria."),
        )
        self.lookup = lookup

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        # Asked of a woman; for a man the page answers it and turns it off.
        male = self.lookup("sex") == "M"
        if male:
            self.view.input("pregnant_or_lactating").set_value(False)
        self.view.set_enabled("pregnant_or_lactating", not male)

"""The complication wizard's side panels: the patient's live CCI and definition texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ..clinical import cci


def _t(text: str) -> str:
    return QCoreApplication.translate("ComplicationWizard", text)


class DefinitionLabel(QLabel):
    """A wrapped definition that keeps the height its text needs at its least width (a
    form row would otherwise give it one line too few)."""

    WIDTH = 460

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet("color: #444;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setMinimumWidth(self.WIDTH)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self.setMinimumHeight(self.heightForWidth(self.WIDTH) if text else 0)


def definition_label(text: str) -> QLabel:
    return DefinitionLabel(text)


class CciPanel(QFrame):
    """The patient's CCI, live: all other complications of the operation plus this one."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cci_panel")
        self.setFixedWidth(170)
        self.setStyleSheet(
            "#cci_panel { background: #f6f3ee; border: 1px solid #ddd2c2; border-radius: 4px; }"
        )
        box = QVBoxLayout(self)
        caption = QLabel(_t("Patient CCI"))
        caption.setStyleSheet("font-weight: 600;")
        self.value = QLabel()
        self.value.setObjectName("cci")
        self.value.setStyleSheet("font-size: 30px; font-weight: 700; color: #7a2a22;")
        self.detail = QLabel()
        self.detail.setObjectName("cci_detail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        note = QLabel(_t("Comprehensive Complication Index (Slankamenac 2013), 0–100."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #777; font-size: 11px;")
        for w in (caption, self.value, self.detail):
            box.addWidget(w)
        box.addStretch(1)
        box.addWidget(note)

    def show_cci(self, others: list[str], grade: str | None) -> None:
        before = cci(others)
        after = cci([*others, grade]) if grade else before
        self.value.setText(f"{after:.1f}")
        grades = ", ".join(others) or _t("none")
        self.detail.setText(
            _t(
                "This complication: grade {grade}\nWithout it: {before:.1f}\n"
                "Other complications: {grades}"
            ).format(grade=grade or "—", before=before, grades=grades)
        )

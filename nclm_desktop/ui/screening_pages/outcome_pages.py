"""The screening wizard's verdict, enrolment, treatment-lines and baseline pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ...clinical import EligibilityResult
from ...clinical.protocol import load_protocol
from ...forms.catalogue import form
from ...forms.errors import shown
from ...services.enrolment import SystemicLine
from ...services.errors import ServiceError
from ..form_builder import FormView, FormWizardPage
from ..form_feedback import ErrorLine
from ..i18n import localized
from .criteria_pages import t

PARTICIPANT = form("participant")
LINES = form("systemic_treatment")
BASELINE = form("baseline_disease")
# What the wizard asks before Finish: every baseline field except those asked on the
# disease page or taken from the screening (a field added to the form appears here).
ASKED_ELSEWHERE = (
    "npc_diagnosis_date",
    "t_stage",
    "n_stage",
    "bone_metastases",
    "primary_recurrence",
)
BASELINE_AT_SCREENING = tuple(f.name for f in BASELINE.inputs if f.name not in ASKED_ELSEWHERE)
REQUIRED_AT_SCREENING = ("liver_met_count", "liver_met_largest_mm", "liver_met_timing")

Lookup = Callable[[str], Any]

VERDICT_TEXT = {
    "eligible": "Eligible",
    "not_eligible": "Not eligible",
    "incomplete": "Incomplete",
}
VERDICT_COLOUR = {"eligible": "#1b5e20", "not_eligible": "#b00020", "incomplete": "#8a6d00"}
# What a criterion's status means for this patient, said the way each kind reads: an
# inclusion is "met / not met"; an exclusion "applies" (excludes) or "does not apply".
RESULT_TEXT = {
    ("inclusion", "met"): QT_TRANSLATE_NOOP("ScreeningWizard", "met"),
    ("inclusion", "failed"): QT_TRANSLATE_NOOP("ScreeningWizard", "not met"),
    ("exclusion", "met"): QT_TRANSLATE_NOOP("ScreeningWizard", "does not apply"),
    ("exclusion", "failed"): QT_TRANSLATE_NOOP("ScreeningWizard", "applies"),
    ("inclusion", "missing"): QT_TRANSLATE_NOOP("ScreeningWizard", "not recorded"),
    ("exclusion", "missing"): QT_TRANSLATE_NOOP("ScreeningWizard", "not recorded"),
}
STATUS_BACKGROUND = {"met": "#e8f5e9", "failed": "#fde7e9", "missing": "#fff8e1"}
STATUS_FOREGROUND = {"met": "#1b5e20", "failed": "#b00020", "missing": "#7a5d00"}
STATUS_ICON = {  # a shape as well as a colour, for colour-blind readers
    "met": QStyle.StandardPixmap.SP_DialogApplyButton,
    "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "missing": QStyle.StandardPixmap.SP_MessageBoxWarning,
}


def criterion_text(criterion_id: str, text_en: str) -> str:
    """A criterion as the protocol words it in the interface language (it carries both)."""
    zh = {c.id: c.text_zh for c in load_protocol().eligibility.criteria}
    return localized(text_en, zh.get(criterion_id, ""))


def result_item(style: QStyle, kind: str, status: str) -> QTableWidgetItem:
    """The "Result" cell of a criterion: its wording for the kind, a colour and an icon."""
    text = RESULT_TEXT.get((kind, status), status)
    item = QTableWidgetItem(t(text))
    item.setIcon(style.standardIcon(STATUS_ICON[status]))
    item.setForeground(QColor(STATUS_FOREGROUND[status]))
    bold = QFont(item.font())
    bold.setBold(True)
    item.setFont(bold)
    item.setBackground(QColor(STATUS_BACKGROUND[status]))
    return item


class VerdictPage(QWizardPage):
    """Every criterion from evaluate_eligibility, with its status and reason."""

    def __init__(self, evaluate: Callable[[], EligibilityResult]) -> None:
        super().__init__()
        self.setTitle(t("Verdict"))
        self.setSubTitle(t("Each criterion of the protocol, as recorded on the previous pages."))
        self.evaluate = evaluate
        self.result: EligibilityResult | None = None
        self.error: str | None = None
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("verdict_hint")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("criteria_table")
        self.table.setHorizontalHeaderLabels([t("Criterion"), t("Result"), t("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setStyleSheet("QTableWidget::item { padding: 2px 4px; }")
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self.error = None
        try:
            self.result = self.evaluate()
        except (ValueError, ServiceError) as exc:
            self.result, self.error = None, str(exc)
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(0)
        if self.result is None:
            self.verdict.setText(t("Cannot evaluate: {error}").format(error=self.error))
            self.verdict.setStyleSheet("color: #b00020; font-size: 16px; font-weight: 600;")
            self.hint.setText(t("Go back and correct the value."))
            return
        r = self.result
        headline = t(VERDICT_TEXT[r.verdict])
        if r.disease_pattern and r.verdict == "eligible":
            headline += t(" — disease pattern {n}").format(n=r.disease_pattern)
        self.verdict.setText(headline)
        self.verdict.setStyleSheet(
            f"color: {VERDICT_COLOUR[r.verdict]}; font-size: 18px; font-weight: 700;"
        )
        self.hint.setText(
            {
                "eligible": t("Next: choose the cohort and record the consent."),
                "not_eligible": t(
                    "Finish saves this screening as a screen failure with the failed criteria "
                    "as its reasons."
                ),
                "incomplete": t(
                    "Go back and record the missing items. Closing the wizard keeps a draft."
                ),
            }[r.verdict]
        )
        for c in r.criteria:
            row = self.table.rowCount()
            self.table.insertRow(row)
            kind = t("Inclusion") if c.kind == "inclusion" else t("Exclusion")
            result = result_item(self.style(), c.kind, c.status)
            items = [
                QTableWidgetItem(f"{kind}: {criterion_text(c.id, c.text_en)}"),
                result,
                QTableWidgetItem(shown(c.reason)),
            ]
            for col, item in enumerate(items):
                item.setBackground(QColor(STATUS_BACKGROUND[c.status]))
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def isComplete(self) -> bool:
        return self.result is not None and self.result.verdict != "incomplete"

    def eligible(self) -> bool:
        return self.result is not None and self.result.verdict == "eligible"


class EnrolPage(FormWizardPage):
    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__(
            t("Enrolment"),
            PARTICIPANT,
            ("cohort", "consent_date", "enrolment_date", "index_date"),
            today=today,
            subtitle=t("The study ID is assigned when you finish."),
        )
        view = self.view
        view.not_before("consent_date", t("screening date"), lambda: lookup("screening_date"))
        # Often typed later from the paper file: today is only the starting value.
        view.input("enrolment_date").set_value(today)
        view.not_before("enrolment_date", t("screening date"), lambda: lookup("screening_date"))
        view.not_before("enrolment_date", t("consent date"), view.input("consent_date").value)
        view.not_before("index_date", t("birth date"), lambda: lookup("birth_date"))
        note = QLabel(
            t(
                "Hepatectomy cohort: the index date is the operation date, recorded with the "
                "operation. Systemic-only cohort: the start of systemic treatment for the liver "
                "metastases; the follow-up visits are planned from it."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.add_block(note)
        view.changed.connect(self._cohort_changed)
        self._cohort_changed()

    def _cohort_changed(self) -> None:
        # Required in the systemic-only cohort (the definition says so); off and blank else.
        systemic = self.view.input("cohort").value() == "systemic"
        self.view.set_enabled("index_date", systemic)
        index = self.view.input("index_date")
        if not systemic and not index.is_blank():
            index.set_value(None)


class TreatmentPage(QWizardPage):
    """Systemic treatment lines: required for the systemic-only cohort, else prior lines."""

    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__()
        self.setTitle(t("Systemic treatment lines"))
        self.setSubTitle(t("Add each line with its regimen, dates and best RECIST response."))
        self.lookup = lookup
        self.today = today
        self.lines: list[SystemicLine] = []

        # The line being typed: the line form's own fields, named line_* on this page.
        self.entry = FormView(
            LINES,
            tuple(
                replace(LINES[name], name=f"line_{short}")
                for name, short in (
                    ("regimen", "regimen"),
                    ("start_date", "start"),
                    ("end_date", "end"),
                    ("best_response", "best_response"),
                    ("for_liver_metastases", "for_liver"),
                )
            ),
            today=today,
        )
        self.entry.input("line_regimen").focus.setPlaceholderText(
            t("e.g. GP (gemcitabine + cisplatin)")
        )
        self.entry.not_before("line_end", t("start"), self.entry.input("line_start").value)
        self.add_button = QPushButton(t("Add line"))
        self.add_button.setObjectName("add_line")
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton(t("Remove selected"))
        self.remove_button.setObjectName("remove_line")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = ErrorLine("line")
        self.message.setObjectName("line_message")
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("systemic_lines")
        self.table.setHorizontalHeaderLabels(
            [t("Line"), t("Regimen"), t("Start"), t("End"), t("Best response"), t("Liver")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addWidget(self.requirement)
        layout.addWidget(self.entry)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        if self.lookup("cohort") == "systemic":
            self.requirement.setText(
                t(
                    "Systemic-only cohort: enter at least one line; tick the one that treats the "
                    "liver metastases (it starts on the index date {date})."
                ).format(date=(self.lookup("index_date") or "").__str__())
            )
        else:
            self.requirement.setText(
                t("Prior systemic treatment lines (optional), with their best RECIST response.")
            )

    def add_line(self) -> None:
        entry = self.entry
        if not entry.explain():  # each problem under its field; the cursor on the first
            return
        values = entry.values()
        self.message.show_message(None)
        self.lines.append(
            SystemicLine(
                len(self.lines) + 1,
                values["line_regimen"],
                values["line_start"],
                values["line_end"],
                values["line_best_response"],
                bool(values["line_for_liver"]),
            )
        )
        entry.set_values({name: None for name in entry.rows})
        self._show()
        entry.focus("line_regimen")

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.lines[row]
        self.lines = [
            SystemicLine(
                n, x.regimen, x.start_date, x.end_date, x.best_response, x.for_liver_metastases
            )
            for n, x in enumerate(self.lines, start=1)
        ]
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(len(self.lines))
        for row, x in enumerate(self.lines):
            values = [
                str(x.line),
                x.regimen,
                x.start_date.isoformat() if x.start_date else "",
                x.end_date.isoformat() if x.end_date else "",
                x.best_response or "",
                t("yes") if x.for_liver_metastases else "",
            ]
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.lines) or self.lookup("cohort") != "systemic"

    def explain(self) -> None:
        self.message.show_message(
            t(
                "The systemic-only cohort needs at least one treatment line: fill it in and click Add line."
            )
        )
        self.entry.focus("line_regimen")

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {
                "line": x.line,
                "regimen": x.regimen,
                "start_date": x.start_date.isoformat() if x.start_date else None,
                "end_date": x.end_date.isoformat() if x.end_date else None,
                "best_response": x.best_response,
                "for_liver_metastases": x.for_liver_metastases,
            }
            for x in self.lines
        ]

    def from_json(self, data: list[dict[str, Any]] | None) -> None:
        def day(v: str | None) -> dt.date | None:
            return dt.date.fromisoformat(v) if v else None

        self.lines = [
            SystemicLine(
                int(d["line"]),
                str(d["regimen"]),
                day(d.get("start_date")),
                day(d.get("end_date")),
                d.get("best_response"),
                bool(d.get("for_liver_metastases")),
            )
            for d in data or []
        ]
        self._show()


class BaselinePage(FormWizardPage):
    """The baseline definition's fields (the participant's Baseline tab edits the same)."""

    def __init__(self, today: dt.date, lookup: Lookup) -> None:
        super().__init__(
            t("Baseline disease"),
            BASELINE,
            BASELINE_AT_SCREENING,
            today=today,
            subtitle=t("Needed by the outcome analysis for both cohorts."),
        )
        for name in REQUIRED_AT_SCREENING:
            self.view.require(name)
        self.view.not_before("ebv_dna_date", t("birth date"), lambda: lookup("birth_date"))
        self.view.changed.connect(self._timing_changed)
        self._timing_changed()

    def _timing_changed(self) -> None:
        metachronous = self.view.input("liver_met_timing").value() == "metachronous"
        self.view.set_enabled("metachronous_interval_months", metachronous)
        interval = self.view.input("metachronous_interval_months")
        if not metachronous and not interval.is_blank():
            interval.set_value(None)

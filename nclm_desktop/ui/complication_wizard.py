"""The complication wizard: what happened and when, the treatment it needed, a guided
Clavien-Dindo picker (each grade's definition visible, the grade the treatment implies
proposed, another grade only with a reason), the ISGLS grade where the category has one
(criteria visible), and the outcome. The patient's CCI is shown live beside every page.

"Save and add another" keeps the wizard open for the next complication of the operation.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
    QWizard,
)

from ..clinical import (
    CLAVIEN_DINDO_GRADES,
    COMPLICATION_CATEGORIES,
    ISGLS_CATEGORIES,
    ISGLS_GRADES,
    clavien_dindo_definition,
)
from ..forms.crf.complication import FORM as COMPLICATION_FORM
from ..models.db import Database
from ..services import surgery
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from ..services.surgery import ComplicationInput, Treatment
from . import dialogs
from .complication_panels import CciPanel, definition_label
from .form_inputs import dictionary_text
from .participant_label import label_pages, who_for
from .surgery_forms import ChoiceInput, DateInput, FormPage, ParseError, page_of


def _t(text: str) -> str:
    return QCoreApplication.translate("ComplicationWizard", text)


PAGE_WHAT, PAGE_TREATMENT, PAGE_GRADE, PAGE_ISGLS, PAGE_OUTCOME = range(5)


class ComplicationWizard(QWizard):
    """Add a complication to ``operation_id``, or edit ``complication_id``."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        operation_id: int,
        complication_id: int | None = None,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.operation_id = operation_id
        self.complication_id = complication_id
        self.today = today or dt.date.today()
        self.saved_count = 0
        self.setObjectName("complication_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(860, 640)

        op = surgery.get_operation(db, actor, operation_id)
        self.operation = op
        record = surgery.surgical_record(db, actor, op.participant_id)
        self.study_id = record.study_id
        self.original: ComplicationInput | None = None
        self._load_others(record)
        self.setWindowTitle(
            (
                _t("Edit complication — {sid}")
                if complication_id
                else _t("Add complication — {sid}")
            ).format(sid=record.study_id)
        )
        self.cci_panel = CciPanel()
        self.setSideWidget(self.cci_panel)
        self._overridden = False
        self.who = who_for(db, actor, op.participant_id)
        self._build_pages()
        label_pages(self, self.who)

        self.setButtonText(QWizard.WizardButton.FinishButton, _t("Save"))
        self.button(QWizard.WizardButton.FinishButton).setObjectName("save")
        self.button(QWizard.WizardButton.NextButton).setObjectName("next")
        self.button(QWizard.WizardButton.BackButton).setObjectName("back")
        self.button(QWizard.WizardButton.CancelButton).setObjectName("cancel")
        if complication_id is None:
            self.setButtonText(QWizard.WizardButton.CustomButton1, _t("Save and add another"))
            self.button(QWizard.WizardButton.CustomButton1).setObjectName("save_and_add")
            self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
            self.customButtonClicked.connect(self._custom)
        self.currentIdChanged.connect(self._page_changed)
        if self.original is not None:
            self.set_input(self.original)
        self._update()

    def _load_others(self, record: surgery.SurgicalRecord) -> None:
        self.other_grades: list[str] = []
        for item in record.operations:
            if item.operation.id != self.operation_id:
                continue
            for c in item.complications:
                if c.id == self.complication_id:
                    self.original = c.as_input()
                else:
                    self.other_grades.append(c.clavien_dindo)

    # --- pages --------------------------------------------------------------------------

    def _build_pages(self) -> None:
        op = self.operation
        context = _t("{name} on {date}").format(
            name=op.resection_name, date=op.operation_date.isoformat()
        )
        p1 = FormPage(_t("Complication"), context)
        self.category = p1.add_row(
            _t("Category *"),
            ChoiceInput(
                "category",
                [(k, _t(v)) for k, v in COMPLICATION_CATEGORIES.items()],
                blank=_t("— choose"),
            ),
        )
        self.other_text = QLineEdit()
        self.other_text.setObjectName("other_text")
        self.other_text.setMaxLength(200)
        self.other_text.setPlaceholderText(_t("describe (category other)"))
        p1.add_row(_t("Description"), self.other_text)
        self.onset_date = p1.add_row(_t("Onset date *"), DateInput("onset_date"))
        self.pod = QLabel()
        self.pod.setObjectName("postoperative_day")
        p1.form.addRow(_t("Postoperative day:"), self.pod)

        p2 = FormPage(
            _t("Treatment needed"),
            _t("Tick the most intensive treatment the complication needed; it proposes the grade."),
        )
        self.other_drugs = QCheckBox(
            _t("Drugs beyond antiemetics, antipyretics, analgesics, diuretics, electrolytes")
        )
        self.transfusion = QCheckBox(_t("Blood transfusion"))
        self.tpn = QCheckBox(_t("Total parenteral nutrition"))
        self.intervention = ChoiceInput(
            "intervention",
            [(c.code, dictionary_text(c.label)) for c in COMPLICATION_FORM["intervention"].choices],
        )
        self.icu = QCheckBox(_t("Intermediate or intensive care (life-threatening)"))
        self.organ_dysfunction = ChoiceInput(
            "organ_dysfunction",
            [
                ("single", _t("Single organ dysfunction")),
                ("multiple", _t("Multiple organ dysfunction")),
            ],
            blank=_t("— choose"),
        )
        self.died = QCheckBox(_t("The patient died of this complication"))
        for name, widget in (
            ("other_drugs", self.other_drugs),
            ("transfusion", self.transfusion),
            ("tpn", self.tpn),
            ("icu", self.icu),
            ("died", self.died),
        ):
            widget.setObjectName(name)
        p2.add_row(_t("Drugs"), self.other_drugs)
        p2.add_row("", self.transfusion)
        p2.add_row("", self.tpn)
        p2.add_row(_t("Intervention"), self.intervention)
        p2.add_row(_t("Intensive care"), self.icu)
        p2.add_row(_t("Organ failure"), self.organ_dysfunction)
        p2.add_row(_t("Death"), self.died)
        self.treatment_text = QLineEdit()
        self.treatment_text.setObjectName("treatment_text")
        self.treatment_text.setMaxLength(2000)
        self.treatment_text.setPlaceholderText(_t("e.g. piperacillin-tazobactam 7 days"))
        p2.add_row(_t("Treatment given"), self.treatment_text)
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("proposal")
        self.proposal_label.setStyleSheet("font-weight: 600;")
        p2.add_block(self.proposal_label)

        p3 = FormPage(
            _t("Clavien-Dindo grade"),
            _t("The grade proposed from the treatment is marked; another grade needs a reason."),
        )
        grid_box = QWidget()
        grid_box.setObjectName("clavien_dindo")
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(7)
        grid.setColumnStretch(2, 1)
        self.grade_group = QButtonGroup(self)
        self.grade_buttons: dict[str, QRadioButton] = {}
        self.grade_marks: dict[str, QLabel] = {}
        for row, grade in enumerate(CLAVIEN_DINDO_GRADES):
            button = QRadioButton(_t("Grade {g}").format(g=grade))
            button.setObjectName(f"grade_{grade}")
            button.setMinimumWidth(96)
            self.grade_group.addButton(button, row)
            self.grade_buttons[grade] = button
            mark = QLabel()
            mark.setObjectName(f"proposed_{grade}")
            mark.setStyleSheet("color: #7a2a22; font-weight: 600;")
            mark.setMinimumWidth(70)
            self.grade_marks[grade] = mark
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mark, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(definition_label(_t(clavien_dindo_definition(grade))), row, 2)
        p3.add_block(grid_box, error=True)
        self.grade_group.idClicked.connect(self._grade_clicked)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("grade_override_reason")
        self.override_reason.setMaxLength(2000)
        p3.below.addSpacing(6)
        self.reason_caption = QLabel(_t("Reason for choosing another grade than proposed:"))
        p3.add_block(self.reason_caption)
        p3.add_block(self.override_reason, error=True)
        dsuffix = definition_label(
            _t("Suffix d (next page): the complication is still present at discharge.")
        )
        p3.add_block(dsuffix)

        p4 = FormPage(_t("ISGLS grade"), "")
        self.isgls_title = QLabel()
        self.isgls_title.setStyleSheet("font-weight: 600;")
        self.isgls_definition = definition_label("")
        self.isgls_definition.setObjectName("isgls_definition")
        p4.add_block(self.isgls_title)
        p4.add_block(self.isgls_definition)
        isgls_box = QWidget()
        isgls_box.setObjectName("isgls_grade")
        igrid = QGridLayout(isgls_box)
        igrid.setContentsMargins(0, 8, 0, 0)
        igrid.setColumnStretch(1, 1)
        self.isgls_group = QButtonGroup(self)
        self.isgls_buttons: dict[str, QRadioButton] = {}
        self.isgls_texts: dict[str, QLabel] = {}
        for row, g in enumerate(ISGLS_GRADES):
            button = QRadioButton(_t("Grade {g}").format(g=g))
            button.setObjectName(f"isgls_{g}")
            self.isgls_group.addButton(button, row)
            self.isgls_buttons[g] = button
            text = definition_label("")
            self.isgls_texts[g] = text
            igrid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            igrid.addWidget(text, row, 1)
        p4.add_block(isgls_box, error=True)
        self.isgls_group.idClicked.connect(lambda _i: p4.changed.emit())

        p5 = FormPage(_t("Outcome"), context)
        self.suffix_d = QCheckBox(_t("Still present at discharge (suffix d)"))
        self.suffix_d.setObjectName("suffix_d")
        p5.add_row(_t("At discharge"), self.suffix_d)
        self.resolved_date = p5.add_row(_t("Resolved on"), DateInput("resolved_date"))
        self.death_date = p5.add_row(_t("Date of death *"), DateInput("death_date"))
        self.death_cause = QLineEdit()
        self.death_cause.setObjectName("death_cause")
        self.death_cause.setMaxLength(200)
        p5.add_row(_t("Cause of death"), self.death_cause)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet(
            "QLabel { background: #f6f3ee; border: 1px solid #ddd2c2; padding: 8px; }"
        )
        p5.below.addSpacing(8)
        p5.add_block(self.summary)

        self._pages = [p1, p2, p3, p4, p5]
        for page_id, page in enumerate(self._pages):
            self.setPage(page_id, page)
            page.changed.connect(self._update)
        self.grade_group.idClicked.connect(lambda _i: self._update())

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        current = self.currentId()
        if current == PAGE_GRADE and self.category.value() not in ISGLS_CATEGORIES:
            return PAGE_OUTCOME  # the category has no ISGLS grade
        return super().nextId()

    # --- values -------------------------------------------------------------------------

    def treatment(self) -> Treatment:
        return Treatment(
            other_drugs=self.other_drugs.isChecked(),
            transfusion=self.transfusion.isChecked(),
            tpn=self.tpn.isChecked(),
            intervention=self.intervention.value() or "none",
            icu=self.icu.isChecked(),
            organ_dysfunction=self.organ_dysfunction.value() if self.icu.isChecked() else None,
            died=self.died.isChecked(),
        )

    def chosen_grade(self) -> str | None:
        button = self.grade_group.checkedButton()
        return button.objectName().removeprefix("grade_") if button else None

    def proposed_grade(self) -> str | None:
        try:
            return surgery.propose_grade(self.treatment())
        except ValidationError:
            return None

    def collect(self) -> ComplicationInput:
        category = self.category.value() or ""
        grade = self.chosen_grade() if self._overridden else None
        isgls = self.isgls_group.checkedButton()
        death = self.death_date.date() if self.died.isChecked() else None
        return ComplicationInput(
            category=category,
            onset_date=self.onset_date.date(),
            other_text=self.other_text.text().strip() or None,
            treatment=self.treatment(),
            treatment_text=self.treatment_text.text().strip() or None,
            clavien_dindo=grade,
            grade_override_reason=self.override_reason.text().strip() or None,
            isgls_grade=(
                isgls.objectName().removeprefix("isgls_")
                if isgls is not None and category in ISGLS_CATEGORIES
                else None
            ),
            suffix_d=self.suffix_d.isChecked(),
            resolved_date=self.resolved_date.date(),
            death_date=death,
            death_cause=self.death_cause.text().strip() or None if self.died.isChecked() else None,
        )

    def set_input(self, data: ComplicationInput) -> None:
        self.category.set_value(data.category)
        self.other_text.setText(data.other_text or "")
        self.onset_date.set_date(data.onset_date)
        t = data.treatment
        self.other_drugs.setChecked(t.other_drugs)
        self.transfusion.setChecked(t.transfusion)
        self.tpn.setChecked(t.tpn)
        self.intervention.set_value(t.intervention)
        self.icu.setChecked(t.icu)
        self.organ_dysfunction.set_value(t.organ_dysfunction)
        self.died.setChecked(t.died)
        self.treatment_text.setText(data.treatment_text or "")
        proposed = self.proposed_grade()
        grade = data.clavien_dindo or proposed
        self._overridden = bool(grade and grade != proposed)
        if grade:
            self.grade_buttons[grade].setChecked(True)
        self.override_reason.setText(data.grade_override_reason or "")
        if data.isgls_grade in self.isgls_buttons:
            self.isgls_buttons[data.isgls_grade].setChecked(True)
        self.suffix_d.setChecked(data.suffix_d)
        self.resolved_date.set_date(data.resolved_date)
        self.death_date.set_date(data.death_date)
        self.death_cause.setText(data.death_cause or "")
        self._update()

    # --- live ---------------------------------------------------------------------------

    def _grade_clicked(self, _id: int) -> None:
        self._overridden = self.chosen_grade() != self.proposed_grade()
        self._update()

    def _update(self) -> None:
        proposed = self.proposed_grade()
        if not self._overridden and proposed:
            self.grade_buttons[proposed].setChecked(True)
        for grade, mark in self.grade_marks.items():
            mark.setText(_t("proposed") if grade == proposed else "")
        grade = self.chosen_grade()
        overriding = bool(grade and proposed and grade != proposed)
        self.override_reason.setEnabled(overriding)
        self.reason_caption.setEnabled(overriding)
        self.proposal_label.setText(
            _t("Proposed Clavien-Dindo grade: {g}").format(g=proposed)
            if proposed
            else _t("Proposed grade: choose single or multiple organ dysfunction.")
        )
        self.organ_dysfunction.setEnabled(self.icu.isChecked())
        self.other_text.setEnabled(self.category.value() == "other")
        died = self.died.isChecked()
        outcome = self._pages[PAGE_OUTCOME].form
        for w in (self.death_date, self.death_cause):
            w.setEnabled(died)
            outcome.setRowVisible(w.parentWidget(), died)
        self.resolved_date.setEnabled(not died)
        self.suffix_d.setEnabled(not died)
        self.cci_panel.show_cci(self.other_grades, grade)
        self._update_isgls()
        try:
            onset = self.onset_date.date()
        except ParseError:
            onset = None
        days = (onset - self.operation.operation_date).days if onset else None
        self.pod.setText(str(days) if days is not None else "—")
        self.summary.setText(self._summary_html(grade, days))

    def _update_isgls(self) -> None:
        scheme = ISGLS_CATEGORIES.get(self.category.value() or "")
        page = self._pages[PAGE_ISGLS]
        if scheme is None:
            page.setSubTitle(self.who + "\n" + _t("This category has no ISGLS grade."))
            self.isgls_title.setText("")
            self.isgls_definition.setText("")
            for text in self.isgls_texts.values():
                text.setText("")
            return
        page.setSubTitle(
            self.who
            + "\n"
            + _t("{label} — {source}").format(label=_t(scheme.label), source=scheme.source)
        )
        self.isgls_title.setText(_t("Definition"))
        self.isgls_definition.setText(_t(scheme.definition))
        for g, text in self.isgls_texts.items():
            text.setText(_t(scheme.grades[g]))

    def _summary_html(self, grade: str | None, days: int | None) -> str:
        label = COMPLICATION_CATEGORIES.get(self.category.value() or "", "—")
        grade_text = (grade or "—") + ("-d" if self.suffix_d.isChecked() and grade else "")
        isgls = self.isgls_group.checkedButton()
        rows = [
            (_t("Complication"), _t(label)),
            (_t("Onset"), _t("postoperative day {d}").format(d=days) if days is not None else "—"),
            (_t("Clavien-Dindo"), grade_text),
            (
                _t("ISGLS"),
                isgls.objectName().removeprefix("isgls_")
                if isgls and self.category.value() in ISGLS_CATEGORIES
                else "—",
            ),
            (_t("Patient CCI"), self.cci_panel.value.text()),
        ]
        body = "".join(
            f"<tr><td style='padding-right:12px;color:#555'>{k}</td><td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<b>{_t('Check before saving')}</b><table>{body}</table>"

    def _page_changed(self, page_id: int) -> None:
        if page_id == PAGE_GRADE:
            button = self.grade_group.checkedButton()
            if button is not None:
                button.setFocus()
        self._update()

    # --- validation and saving ----------------------------------------------------------

    def _show_problem(self, field: str, message: str) -> None:
        target = page_of(self, field)
        if target is None:
            dialogs.show_error(self, message)
            return
        while self.currentId() != target and self.currentId() > target:
            self.back()
        if self.currentId() == target:
            self.currentPage().show_error(field, message)  # type: ignore[attr-defined]
            widget = self.findChild(QWidget, field)
            if widget is not None:
                widget.setFocus()
        else:
            dialogs.show_error(self, message)

    def _validate(self) -> ComplicationInput:
        data = self.collect()
        surgery.validate_complication(
            data,
            operation_date=self.operation.operation_date,
            discharge_date=self.operation.discharge_date,
            today=self.today,
        )
        return data

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt override)
        current = self.currentId()
        self.currentPage().clear_errors()  # type: ignore[attr-defined]
        try:
            self._validate()
        except (ParseError, ValidationError) as exc:
            target = page_of(self, exc.field)
            if target is None or target <= current or current == PAGE_OUTCOME:
                self._show_problem(exc.field, str(exc))
                return False
        return True

    def _save(self) -> bool:
        try:
            data = self._validate()
        except (ParseError, ValidationError) as exc:
            self._show_problem(exc.field, str(exc))
            return False
        grade = data.clavien_dindo or self.proposed_grade()
        if grade == "V" and not (self.original and self.original.treatment.died):
            death = data.death_date.isoformat()  # type: ignore[union-attr]  # validated
            if not dialogs.confirm(
                self,
                _t(
                    "Grade V records the death of {sid} on {date}: the participant becomes "
                    "deceased and later follow-up visits are cancelled. Save?"
                ).format(sid=self.study_id, date=death),
            ):
                return False
        try:
            if self.complication_id is None:
                new_id = surgery.add_complication(
                    self.db, self.actor, self.operation_id, data, today=self.today
                )
            else:
                if data == self.original:
                    return True
                reason = dialogs.ask_reason(self, _t("the complication record"))
                if not reason:
                    return False
                surgery.update_complication(
                    self.db, self.actor, self.complication_id, data, reason, today=self.today
                )
                new_id = self.complication_id
        except ValidationError as exc:
            self._show_problem(exc.field, str(exc))
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.saved_count += 1
        self.other_grades.append(grade)  # type: ignore[arg-type]
        self.saved.emit(new_id)
        return True

    def accept(self) -> None:
        if self._save():
            super().accept()

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value and self._save():
            self._clear()
            self.restart()

    def _clear(self) -> None:
        self._overridden = False
        self.set_input(ComplicationInput())
        for group in (self.grade_group, self.isgls_group):
            group.setExclusive(False)
            for b in group.buttons():
                b.setChecked(False)
            group.setExclusive(True)
        for page in self._pages:
            page.clear_errors()
        self._update()

"""The complication wizard: what happened and when, the treatment it needed, a guided
Clavien-Dindo picker (each grade's definition visible, the grade the treatment implies
proposed, another grade only with a reason), the ISGLS grade where the category has one
(criteria visible), and the outcome. The patient's CCI is shown live beside every page.

"Save and add another" keeps the wizard open for the next complication of the operation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
    QWizard,
)

from ..clinical import (
    CLAVIEN_DINDO_GRADES,
    ISGLS_CATEGORIES,
    ISGLS_GRADES,
    clavien_dindo_definition,
)
from ..forms import Field, Form
from ..forms.crf.complication import DEATH
from ..forms.crf.complication import FORM as COMPLICATION_FORM
from ..models.db import Database
from ..services import surgery
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from ..services.surgery import ComplicationInput, Treatment
from . import dialogs
from .checked_page import CheckedFormPage
from .complication_panels import CciPanel, definition_label
from .form_builder import FormView, page_of
from .form_inputs import dictionary_text, make_input
from .i18n import localized
from .participant_label import label_pages, who_for
from .wizard_fit import fit_pages


def _t(text: str) -> str:
    return QCoreApplication.translate("ComplicationWizard", text)


# The outcome page: the complication's resolution and, for grade V, the death.
OUTCOME = Form(
    "complication",
    COMPLICATION_FORM.title,
    COMPLICATION_FORM.table,
    (COMPLICATION_FORM["resolved_date"], *DEATH.fields),
)
OUTCOME_FIELDS = ("resolved_date", "death_date", "death_cause")
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
        fit_pages(self)  # a long subtitle and a wide page shown whole
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
        self.set_input(self.original or ComplicationInput())

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

    def _page(self, title: str, names: tuple[str, ...], subtitle: str) -> CheckedFormPage:
        return CheckedFormPage(title, COMPLICATION_FORM, names, today=self.today, subtitle=subtitle)

    def _tick(self, view: FormView, field: Field) -> QCheckBox:
        box = QCheckBox(dictionary_text(field.help) if field.help else "")
        view.add_row(
            field,
            box,
            get=box.isChecked,
            put=lambda on: box.setChecked(bool(on)),
            signal=box.toggled,
        )
        return box

    def _choice(self, view: FormView, field: Field) -> QWidget:
        """A dictionary field placed among the page's own rows (keeps the form's order)."""
        inp = make_input(field)
        return view.add_row(
            field,
            inp.widget,
            get=inp.value,
            put=inp.set_value,
            signal=inp.widget.currentIndexChanged,  # type: ignore[attr-defined]
        )

    def _build_pages(self) -> None:
        op = self.operation
        context = _t("{name} on {date}").format(
            name=localized(op.resection_name, op.resection_name_zh),
            date=op.operation_date.isoformat(),
        )
        p1 = self._page(_t("Complication"), ("category", "other_text", "onset_date"), context)
        self.what = p1.view
        self.category = p1.view.widget("category")
        self.other_text = p1.view.widget("other_text")
        self.other_text.setPlaceholderText(_t("describe (category other)"))  # type: ignore[attr-defined]
        self.pod = QLabel()
        self.pod.setObjectName("postoperative_day")
        p1.view.layout_.addRow(_t("Postoperative day:"), self.pod)

        p2 = self._page(
            _t("Treatment needed"),
            (),
            _t("Tick the most intensive treatment the complication needed; it proposes the grade."),
        )
        self.treatment_view = t2 = p2.view
        self.other_drugs = self._tick(t2, COMPLICATION_FORM["other_drugs"])
        self.transfusion = self._tick(t2, COMPLICATION_FORM["transfusion"])
        self.tpn = self._tick(t2, COMPLICATION_FORM["tpn"])
        self.intervention = self._choice(t2, COMPLICATION_FORM["intervention"])
        self.icu = self._tick(t2, COMPLICATION_FORM["icu"])
        self.organ_dysfunction = self._choice(t2, COMPLICATION_FORM["organ_dysfunction"])
        self.died = self._tick(t2, COMPLICATION_FORM["died"])
        text = make_input(COMPLICATION_FORM["treatment_text"])
        self.treatment_text = t2.add_row(
            COMPLICATION_FORM["treatment_text"],
            text.widget,
            get=text.value,
            put=text.set_value,
            signal=text.widget.textChanged,  # type: ignore[attr-defined]
        )
        self.treatment_text.setPlaceholderText(_t("e.g. piperacillin-tazobactam 7 days"))  # type: ignore[attr-defined]
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("proposal")
        self.proposal_label.setStyleSheet("font-weight: 600;")
        p2.add_block(self.proposal_label)

        p3 = self._page(
            _t("Clavien-Dindo grade"),
            (),
            _t("The grade proposed from the treatment is marked; another grade needs a reason."),
        )
        grid_box = QWidget()  # as wide as its rows need (a fixed 640 cut the definitions)
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
        # First: whether the grade differs from the proposal, before the page updates.
        self.grade_group.idClicked.connect(self._grade_clicked)
        p3.view.add_row(
            "clavien_dindo",
            grid_box,
            get=lambda: self.chosen_grade() if self._overridden else None,
            put=lambda _grade: None,  # set with the treatment (set_input)
            signal=self.grade_group.idClicked,
        )
        reason = make_input(COMPLICATION_FORM["grade_override_reason"])
        self.override_reason = p3.view.add_row(
            "grade_override_reason",
            reason.widget,
            get=reason.value,
            put=reason.set_value,
            signal=reason.widget.textChanged,  # type: ignore[attr-defined]
        )
        p3.add_block(
            definition_label(
                _t("Suffix d (next page): the complication is still present at discharge.")
            )
        )

        p4 = self._page(_t("ISGLS grade"), (), "")
        self.isgls_title = QLabel()
        self.isgls_title.setStyleSheet("font-weight: 600;")
        self.isgls_definition = definition_label("")
        self.isgls_definition.setObjectName("isgls_definition")
        p4.outer.insertWidget(0, self.isgls_title)
        p4.outer.insertWidget(1, self.isgls_definition)
        isgls_box = QWidget()
        isgls_box.setMinimumWidth(640)
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
        p4.view.add_row(
            "isgls_grade",
            isgls_box,
            get=self._isgls,
            put=self._set_isgls,
            signal=self.isgls_group.idClicked,
        )

        p5 = CheckedFormPage(
            _t("Outcome"), OUTCOME, OUTCOME_FIELDS, today=self.today, subtitle=context
        )
        self.outcome = p5.view
        self.suffix_d = self._tick(p5.view, COMPLICATION_FORM["suffix_d"])
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
            page.view.changed.connect(self._update)

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        current = self.currentId()
        category = self.category.currentData()  # type: ignore[attr-defined]
        if current == PAGE_GRADE and category not in ISGLS_CATEGORIES:
            return PAGE_OUTCOME  # the category has no ISGLS grade
        return super().nextId()

    # --- values -------------------------------------------------------------------------

    def values(self, *, raw: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for page in self._pages:
            out.update(page.view.raw_values() if raw else page.view.values())
        return out

    def treatment(self, values: dict[str, Any] | None = None) -> Treatment:
        v = values or self.values(raw=True)
        return Treatment(
            other_drugs=bool(v["other_drugs"]),
            transfusion=bool(v["transfusion"]),
            tpn=bool(v["tpn"]),
            intervention=v["intervention"] or "none",
            icu=bool(v["icu"]),
            organ_dysfunction=v["organ_dysfunction"] if v["icu"] else None,
            died=bool(v["died"]),
        )

    def _isgls(self) -> str | None:
        button = self.isgls_group.checkedButton()
        return button.objectName().removeprefix("isgls_") if button else None

    def _set_isgls(self, grade: str | None) -> None:
        self.isgls_group.setExclusive(False)
        for g, button in self.isgls_buttons.items():
            button.setChecked(g == grade)
        self.isgls_group.setExclusive(True)

    def chosen_grade(self) -> str | None:
        button = self.grade_group.checkedButton()
        return button.objectName().removeprefix("grade_") if button else None

    def proposed_grade(self) -> str | None:
        try:
            return surgery.propose_grade(self.treatment())
        except ValidationError:
            return None

    def collect(self) -> ComplicationInput:
        """What is typed, as the service's input; ValidationError names an unreadable field."""
        v = self.values()
        category = v["category"] or ""
        died = bool(v["died"])
        return ComplicationInput(
            category=category,
            onset_date=v["onset_date"],
            other_text=v["other_text"],
            treatment=self.treatment(v),
            treatment_text=v["treatment_text"],
            clavien_dindo=v["clavien_dindo"],
            grade_override_reason=v["grade_override_reason"],
            isgls_grade=v["isgls_grade"] if category in ISGLS_CATEGORIES else None,
            suffix_d=bool(v["suffix_d"]),
            resolved_date=v["resolved_date"],
            death_date=v["death_date"] if died else None,
            death_cause=v["death_cause"] if died else None,
        )

    def set_input(self, data: ComplicationInput) -> None:
        values = data.values()
        for page in self._pages:
            page.view.set_values(values)
        proposed = self.proposed_grade()
        grade = data.clavien_dindo or proposed
        self._overridden = bool(grade and grade != proposed)
        if grade:
            self.grade_buttons[grade].setChecked(True)
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
        self._pages[PAGE_GRADE].view.set_enabled("grade_override_reason", overriding)
        self.proposal_label.setText(
            _t("Proposed Clavien-Dindo grade: {g}").format(g=proposed)
            if proposed
            else _t("Proposed grade: choose single or multiple organ dysfunction.")
        )
        v = self.values(raw=True)
        self.treatment_view.set_enabled("organ_dysfunction", self.icu.isChecked())
        self.what.set_enabled("other_text", v["category"] == "other")
        died = self.died.isChecked()
        for name in ("death_date", "death_cause"):
            self.outcome.set_enabled(name, died)
            self.outcome.layout_.setRowVisible(self.outcome.rows[name].box, died)
        self.outcome.set_enabled("resolved_date", not died)
        self.outcome.set_enabled("suffix_d", not died)
        self.cci_panel.show_cci(self.other_grades, grade)
        self._update_isgls()
        onset = v["onset_date"]
        days = (onset - self.operation.operation_date).days if onset else None
        self.pod.setText(str(days) if days is not None else "—")
        self.summary.setText(self._summary_html(grade, days))

    def _update_isgls(self) -> None:
        scheme = ISGLS_CATEGORIES.get(self.category.currentData() or "")  # type: ignore[attr-defined]
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
        category = self.category.currentData()  # type: ignore[attr-defined]
        label = COMPLICATION_FORM["category"].format(category)
        grade_text = (grade or "—") + ("-d" if self.suffix_d.isChecked() and grade else "")
        isgls = self._isgls()
        rows = [
            (_t("Complication"), dictionary_text(label)),
            (_t("Onset"), _t("postoperative day {d}").format(d=days) if days is not None else "—"),
            (_t("Clavien-Dindo"), grade_text),
            (_t("ISGLS"), isgls if isgls and category in ISGLS_CATEGORIES else "—"),
            (_t("Patient CCI"), self.cci_panel.value.text()),
        ]
        body = "".join(
            f"<tr><td style='padding-right:12px;color:#555'>{k}</td><td>{v}</td></tr>"
            for k, v in rows
        )
        title = _t("Check before saving")  # outside the f-string, where lupdate finds it
        return f"<b>{title}</b><table>{body}</table>"

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
            self.currentPage().view.show_error(field, message)  # type: ignore[attr-defined]
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
        self.currentPage().view.clear_errors()  # type: ignore[attr-defined]
        try:
            self._validate()
        except ValidationError as exc:
            target = page_of(self, exc.field)
            if target is None or target <= current or current == PAGE_OUTCOME:
                self._show_problem(exc.field, str(exc))
                return False
        return True

    def _save(self) -> bool:
        try:
            data = self._validate()
        except ValidationError as exc:
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
            page.view.clear_errors()
        self._update()

"""Screening and enrolment wizard: every participant enters the study here.

Patient -> disease -> liver function -> surgical assessment -> other criteria -> verdict;
eligible -> enrolment -> treatment lines -> baseline -> Finish (screened and enrolled in one
transaction); not eligible -> Finish on the verdict page saves a screen failure.
A draft is saved on every page change and on close; reopening offers to resume it.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import fields
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget, QWizard

from ..models.db import Database
from ..services import drafts
from ..services.baseline import BaselineInput
from ..services.enrolment import (
    IdentityInput,
    ScreeningData,
    find_by_record_number,
    preview_eligibility,
    screen,
    screen_and_enrol,
)
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from . import dialogs
from .form_builder import FormWizardPage
from .form_inputs import FieldInput
from .schedule_print import offer_schedule
from .screening_pages.criteria_pages import (
    DiseasePage,
    IdentityPage,
    LiverPage,
    OtherCriteriaPage,
    SurgicalPage,
    t,
)
from .screening_pages.outcome_pages import BaselinePage, EnrolPage, TreatmentPage, VerdictPage
from .wizard_fit import fit_pages

DRAFT_KIND = "screening"
(IDENTITY, DISEASE, LIVER, SURGICAL, OTHER, VERDICT, ENROL, TREATMENT, BASELINE) = range(9)


def _names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


class ScreeningWizard(QWizard):
    participant_saved = Signal(int, str)  # participant id, study ID ("" for a screen failure)
    existing_participant = Signal(int)  # the record number is already in the study

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: dt.date | None = None,
        resume: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``resume``: None asks (dialogs.confirm) when a draft exists; True/False decide."""
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.today = today or dt.date.today()
        self.saved = False
        self._dirty = False
        self._restoring = False
        self.setObjectName("screening_wizard")
        self.setWindowTitle(self.tr("New screening"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        fit_pages(self)  # a long subtitle and a wide page shown whole
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(860, 680)

        # Before the pages: a page's cross-field check may ask value() while it is built.
        self.fields: dict[str, FieldInput] = {}  # every page's inputs, by field name
        self.identity_page = IdentityPage(self.today)
        self.disease_page = DiseasePage(self.today, self.value)
        self.liver_page = LiverPage(self.today)
        self.surgical_page = SurgicalPage(self.today)
        self.other_page = OtherCriteriaPage(self.today, self.value)
        self.verdict_page = VerdictPage(self.evaluate)
        self.enrol_page = EnrolPage(self.today, self.value)
        self.treatment_page = TreatmentPage(self.today, self.value)
        self.baseline_page = BaselinePage(self.today, self.value)
        pages = {
            IDENTITY: self.identity_page,
            DISEASE: self.disease_page,
            LIVER: self.liver_page,
            SURGICAL: self.surgical_page,
            OTHER: self.other_page,
            VERDICT: self.verdict_page,
            ENROL: self.enrol_page,
            TREATMENT: self.treatment_page,
            BASELINE: self.baseline_page,
        }
        for page_id, page in pages.items():
            self.setPage(page_id, page)
        self.form_pages: list[FormWizardPage] = [
            p for p in pages.values() if isinstance(p, FormWizardPage)
        ]
        for page in self.form_pages:
            self.fields.update({name: row.input for name, row in page.view.rows.items()})
            page.view.changed.connect(self._mark_dirty)
        # A laboratory value's unit is chosen beside it (its own column).
        self._units = {
            inp.field.unit_field: inp for inp in self.fields.values() if inp.field.unit_field
        }
        self.treatment_page.completeChanged.connect(self._mark_dirty)

        self.button(QWizard.WizardButton.FinishButton).setObjectName("finish")
        self.button(QWizard.WizardButton.NextButton).setObjectName("next")
        self.button(QWizard.WizardButton.BackButton).setObjectName("back")
        self.button(QWizard.WizardButton.CancelButton).setObjectName("cancel")
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close (keep draft)"))
        self.currentIdChanged.connect(self._page_changed)
        self._subtitles = {i: self.page(i).subTitle() for i in self.pageIds()}
        self._add_why_button(pages.values())

        self.restart()
        self._offer_draft(resume)

    # --- values ---------------------------------------------------------------------------
    def value(self, name: str) -> Any:
        if name in self._units:
            return self._units[name].extra_values()[name]
        field = self.fields.get(name)
        return None if field is None or not field.focus.isEnabled() else field.value()

    def _collect(self, names: set[str]) -> dict[str, Any]:
        return {n: self.value(n) for n in names if n in self.fields or n.endswith("_unit")}

    def identity_input(self) -> IdentityInput:
        return IdentityInput(**self._collect(_names(IdentityInput) - {"address"}))

    def screening_data(self) -> ScreeningData:
        return ScreeningData(**self._collect(_names(ScreeningData)))

    def baseline_input(self) -> BaselineInput:
        values = self._collect(_names(BaselineInput))
        if values.get("liver_met_count") is not None:
            values["liver_met_count"] = int(values["liver_met_count"])
        return BaselineInput(**values)

    def evaluate(self):
        return preview_eligibility(
            self.value("birth_date"), self.screening_data(), self.value("sex")
        )

    # --- navigation -----------------------------------------------------------------------
    def nextId(self) -> int:
        current = self.currentId()
        if current == VERDICT:
            return ENROL if self.verdict_page.eligible() else -1
        if current == BASELINE:
            return -1
        return super().nextId()

    def validateCurrentPage(self) -> bool:
        current = self.currentId()
        if current == IDENTITY:
            return self._check_existing()
        if current == VERDICT and not self.verdict_page.eligible():
            return self._save_screen_failure()
        if current == BASELINE:
            return self._save_enrolment()
        return super().validateCurrentPage()

    def _add_why_button(self, pages: Any) -> None:
        """ "Why can't I continue?" next to a disabled Next: each page lists what it still
        needs; this button marks those fields and puts the cursor in the first."""
        why = QWizard.WizardButton.CustomButton1
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(why, self.tr("Why can't I continue?"))
        self.button(why).setObjectName("why_blocked")
        self.setButtonLayout(
            [
                QWizard.WizardButton.Stretch,
                why,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        self.button(why).clicked.connect(self._explain)
        for page in pages:
            page.completeChanged.connect(self._update_why)
        self.currentIdChanged.connect(self._update_why)
        self._update_why()

    def _update_why(self, *_args: Any) -> None:
        page = self.currentPage()
        blocked = hasattr(page, "explain") and not page.isComplete()
        self.button(QWizard.WizardButton.CustomButton1).setVisible(blocked)
        reason = ""
        if blocked and isinstance(page, FormWizardPage) and page.missing.entries:
            reason = t("Still needed: {fields}").format(fields=page.missing.summary())
        self.button(QWizard.WizardButton.NextButton).setToolTip(reason)

    def _explain(self) -> None:
        page = self.currentPage()
        if hasattr(page, "explain"):
            page.explain()

    def _page_changed(self, page_id: int) -> None:
        # -1 comes when the wizard closes; done() has saved the draft by then.
        if page_id > IDENTITY:
            self._label_page(page_id)
        if page_id >= 0 and not self._restoring:
            self.save_draft()

    def _label_page(self, page_id: int) -> None:
        """After the identity page, every page says whom it is about (as typed)."""
        who = "  ·  ".join(
            x
            for x in (
                self.value("name") or "",
                t("HRN {number}").format(number=self.value("hospital_record_number") or "—"),
            )
            if x
        )
        original = self._subtitles.get(page_id, "")
        self.page(page_id).setSubTitle(f"{who}\n{original}" if original else who)

    # --- saving ---------------------------------------------------------------------------
    def _check_existing(self) -> bool:
        hrn = self.value("hospital_record_number") or ""
        try:
            found = find_by_record_number(self.db, self.actor, hrn)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        if found is None:
            return True
        label = found.study_id or t("not enrolled")
        dialogs.show_info(
            self,
            t(
                "Hospital record number {hrn} is already in the study ({label}, {status}). "
                "Their record opens instead of a new screening."
            ).format(hrn=hrn, label=label, status=found.status.replace("_", " ")),
        )
        self._finish_without_saving()
        self.existing_participant.emit(found.participant_id)
        return False

    def _show_service_error(self, exc: ServiceError) -> None:
        """A field's problem shows under the field, on its page; a box only for the rest."""
        if isinstance(exc, ValidationError) and exc.field in self._units:
            exc = ValidationError(self._units[exc.field].field.name, str(exc))
        if isinstance(exc, ValidationError) and exc.field in self.fields:
            target = next(p for p in self.form_pages if exc.field in p.view.rows)
            while self.currentPage() is not target and self.currentId() > 0:
                before = self.currentId()
                self.back()
                if self.currentId() == before:
                    break
            if self.currentPage() is target:
                target.view.show_service_error(exc)
                return
        dialogs.show_error(self, str(exc))

    def _save_screen_failure(self) -> bool:
        try:
            outcome = screen(
                self.db,
                self.actor,
                self.identity_input(),
                self.screening_data(),
                baseline=self.baseline_input(),
                today=self.today,
            )
        except ServiceError as exc:
            self._show_service_error(exc)
            return False
        if outcome.existing:
            self._finish_without_saving()
            self.existing_participant.emit(outcome.participant_id)
            return False
        self._saved(outcome.participant_id, "")
        dialogs.show_info(self, t("Saved as a screen failure."))
        return True

    def _save_enrolment(self) -> bool:
        try:
            result = screen_and_enrol(
                self.db,
                self.actor,
                self.identity_input(),
                self.screening_data(),
                cohort=self.value("cohort"),
                consent_date=self.value("consent_date"),
                enrolment_date=self.value("enrolment_date"),
                index_date=self.value("index_date"),
                systemic_lines=list(self.treatment_page.lines),
                baseline=self.baseline_input(),
                today=self.today,
            )
        except ServiceError as exc:
            self._show_service_error(exc)
            return False
        if result.existing:
            self._finish_without_saving()
            self.existing_participant.emit(result.participant_id)
            return False
        self._saved(result.participant_id, result.study_id or "")
        dialogs.show_info(self, t("Enrolled as {study_id}.").format(study_id=result.study_id))
        if result.visits_planned:  # systemic-only: the schedule starts at enrolment
            offer_schedule(self.parentWidget(), self.db, self.actor, result.study_id or "")
        return True

    def _saved(self, participant_id: int, study_id: str) -> None:
        self.saved = True
        drafts.discard_draft(self.db, self.actor, DRAFT_KIND)
        self.participant_saved.emit(participant_id, study_id)

    def _finish_without_saving(self) -> None:
        self.saved = True  # nothing to keep: the patient is already in the study
        drafts.discard_draft(self.db, self.actor, DRAFT_KIND)
        self.reject()

    # --- drafts ---------------------------------------------------------------------------
    def _mark_dirty(self, *_args: Any) -> None:
        if not self._restoring:
            self._dirty = True

    def draft_data(self) -> dict[str, Any]:
        return {
            "page": max(self.currentId(), 0),
            "values": {k: v for p in self.form_pages for k, v in p.view.to_json().items()},
            "systemic_lines": self.treatment_page.to_json(),
        }

    def save_draft(self) -> None:
        if self.saved or not self._dirty:
            return
        try:
            drafts.save_draft(self.db, self.actor, DRAFT_KIND, self.draft_data())
        except ServiceError as exc:  # never lose the wizard over a draft
            dialogs.show_error(self, str(exc))

    def restore(self, data: dict[str, Any]) -> None:
        self._restoring = True
        try:
            # Each page in form order: the cohort and the timing come before the fields
            # they enable; a lab value's unit comes with it.
            values = {
                **{u: data[u] for u in self._units if data.get(u)},  # drafts of older builds
                **data.get("values", {}),
            }
            for page in self.form_pages:
                page.view.from_json(values)
            self.treatment_page.from_json(data.get("systemic_lines"))
            target = int(data.get("page", 0))
            # Walk forward as a user would; stops at the first page that is not complete.
            while self.currentId() < target and self.currentPage().isComplete():
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self._restoring = False
        self._dirty = True

    def _offer_draft(self, resume: bool | None) -> None:
        draft = drafts.load_draft(self.db, self.actor, DRAFT_KIND)
        if draft is None:
            return
        if resume is None:
            when = draft.updated_utc.astimezone().strftime("%Y-%m-%d %H:%M")
            resume = dialogs.confirm(
                self,
                t(
                    "You have an unfinished screening from {when}. Resume it?\n\n"
                    "No discards it and starts a new screening."
                ).format(when=when),
                t("Resume screening"),
            )
        if resume:
            self.restore(draft.data)
        else:
            drafts.discard_draft(self.db, self.actor, DRAFT_KIND)

    def done(self, result: int) -> None:
        if not self.saved:
            self.save_draft()
        super().done(result)


class _MainWindowLink(QObject):
    """Passes the wizard's results to the main window through Qt slots and a weak reference,
    so the connections never keep a closed main window alive."""

    def __init__(self, wizard: ScreeningWizard, main_window: Any) -> None:
        super().__init__(wizard)
        self._window = weakref.ref(main_window)
        wizard.participant_saved.connect(self.saved)
        wizard.existing_participant.connect(self.existing)

    @Slot(int, str)
    def saved(self, participant_id: int, _study_id: str) -> None:
        window = self._window()
        if window is None:
            return
        for page in getattr(window, "pages", {}).values():
            if hasattr(page, "refresh"):
                page.refresh()
        window.open_participant(participant_id)

    @Slot(int)
    def existing(self, participant_id: int) -> None:
        window = self._window()
        if window is not None:
            window.open_participant(participant_id)


def open_screening_wizard(main_window: Any, today: dt.date | None = None) -> ScreeningWizard:
    """Open the wizard over the main window; refresh its pages when something is saved."""
    wizard = ScreeningWizard(main_window.db, main_window.actor, today=today, parent=main_window)
    _MainWindowLink(wizard, main_window)
    wizard.open()
    return wizard

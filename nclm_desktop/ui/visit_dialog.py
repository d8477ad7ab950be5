"""Dialogs of the follow-up screens: record a visit, record events, reschedule a visit.

The inputs are the form builder's, from the data dictionary: the visit form's fields in
a FormView, and each finding row from the clinical_event form's fields (named
``<kind>_<field>``, as the service names them; see services/followup/clinical_events.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.catalogue import form
from ..models.db import Database
from ..services import followup as fu
from ..services.errors import ServiceError, ValidationError
from ..services.followup.clinical_events import finding_input
from ..services.permissions import Actor
from . import dialogs
from .field_queries import watch_queries
from .form_builder import FormView
from .form_feedback import ErrorLine, ParseError, clear_inline, show_inline
from .form_inputs import DateFieldInput, FieldInput, dictionary_text, make_input
from .i18n import weekday_date
from .visit_states import event_label, t

VISIT = form("visit")
EVENT = form("clinical_event")
# The one detail each finding row asks for, and the hint shown in it.
_FINDING_EXTRA = {
    "intrahepatic_recurrence": ("confirmed_by", ""),
    "extrahepatic_recurrence": (
        "site",
        QT_TRANSLATE_NOOP("Followup", "site, e.g. lung, bone, lymph nodes"),
    ),
    "local_regional_recurrence": (
        "site",
        QT_TRANSLATE_NOOP("Followup", "site, e.g. nasopharynx, neck nodes"),
    ),
    "death": ("cause", QT_TRANSLATE_NOOP("Followup", "cause of death, or 'unknown'")),
    "withdrawal": ("detail", QT_TRANSLATE_NOOP("Followup", "reason given (optional)")),
    "lost_to_follow_up": (
        "detail",
        QT_TRANSLATE_NOOP("Followup", "last attempts to reach (optional)"),
    ),
}
RECORDED = ("actual_date", "assessments_done", "ecog", "ebv_dna_copies_ml",
            "liver_imaging_result", "notes")  # fmt: skip
_WARN = "color: #a15c00;"


def edit_date(inp: DateFieldInput) -> dt.date | None:
    """The date typed (None when blank); a ValidationError naming the input when it is not
    a date."""
    try:
        return inp.edit.date()
    except ParseError as exc:
        raise ValidationError(exc.field, str(exc)) from None


def _field_error(dialog: QDialog, view: FormView | None, exc: ValidationError) -> None:
    """A field's problem shows under the field; only one without a field gets a box."""
    shown = view is not None and view.show_service_error(exc)
    if not shown and not show_inline(dialog, exc.field, str(exc)):
        dialogs.show_error(dialog, str(exc))
        return
    width = dialog.width()
    dialog.adjustSize()  # room for the (wrapped) message, keeping the width
    dialog.resize(max(width, dialog.width()), dialog.height())


class FindingsEditor(QGroupBox):
    """One row per event kind: tick it, give its date and its detail (the clinical_event
    form's inputs)."""

    def __init__(self, default_date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(t("Findings (each ticked row is recorded as a clinical event)"), parent)
        self.setObjectName("findings")
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        self.rows: dict[str, tuple[QCheckBox, DateFieldInput, FieldInput | None]] = {}
        for index, kind in enumerate(fu.EVENT_KINDS):
            row = 2 * index  # the row under it holds the row's inline error
            box = QCheckBox(event_label(kind))
            box.setObjectName(f"finding_{kind}")
            when = self._input("event_date", kind)
            assert isinstance(when, DateFieldInput)
            when.set_value(default_date)
            extra: FieldInput | None = None
            name, hint = _FINDING_EXTRA.get(kind, ("", ""))
            if name:
                extra = self._input(name, kind)
                extra.widget.setMinimumWidth(0)
                extra.focus.setMinimumWidth(0)
                if hint and isinstance(extra.focus, QLineEdit):
                    extra.focus.setPlaceholderText(t(hint))
                    # The hint whole (frame and text margins take about 16 px).
                    hint_width = extra.focus.fontMetrics().horizontalAdvance(t(hint))
                    extra.focus.setMinimumWidth(hint_width + 16)
                grid.addWidget(extra.widget, row, 2)
            grid.addWidget(box, row, 0)
            grid.addWidget(when.widget, row, 1)
            grid.addWidget(ErrorLine(kind, wrap=True), row + 1, 1, 1, 2)
            self._enable(False, when, extra)
            box.toggled.connect(lambda on, w=when, e=extra: self._enable(on, w, e))
            self.rows[kind] = (box, when, extra)

    @staticmethod
    def _input(field: str, kind: str) -> FieldInput:
        inp = make_input(EVENT[field])
        inp.focus.setObjectName(finding_input(kind, field))
        inp.focus.setAccessibleName(f"{event_label(kind)}: {dictionary_text(EVENT[field].label)}")
        return inp

    @staticmethod
    def _enable(on: bool, when: FieldInput, extra: FieldInput | None) -> None:
        for inp in (when, extra):
            if inp is not None:
                inp.widget.setEnabled(on)
                inp.focus.setEnabled(on)

    def set_default_date(self, value: dt.date) -> None:
        """Unticked rows follow the visit date, so a ticked finding starts from it."""
        for box, when, _ in self.rows.values():
            if not box.isChecked():
                when.set_value(value)

    def tick(self, kind: str, when: dt.date | None = None, confirmed_by: str = "") -> None:
        box, edit, extra = self.rows[kind]
        box.setChecked(True)
        if when is not None:
            edit.set_value(when)
        if confirmed_by and extra is not None and extra.field.name == "confirmed_by":
            extra.set_value(confirmed_by)

    def findings(self) -> list[fu.Finding]:
        found = []
        for kind, (box, when, extra) in self.rows.items():
            if not box.isChecked():
                continue
            values = {extra.field.name: extra.value()} if extra is not None else {}
            found.append(fu.Finding(kind, edit_date(when), **values))
        return found


def _buttons(dialog: QDialog, save_name: str, save_text: str) -> QDialogButtonBox:
    # Return in a field saves: no other button of the dialog (the form's hidden "Keep this
    # value" buttons) may take the default.
    for other in dialog.findChildren(QPushButton):
        other.setAutoDefault(False)
    box = QDialogButtonBox()
    save = box.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    save.setObjectName(save_name)
    save.setDefault(True)
    save.setAutoDefault(True)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class VisitDialog(QDialog):
    """Record a visit as done (or correct a recorded one) with its findings."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        visit: fu.VisitRow,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.visit, self.today = db, actor, visit, today
        self.result_info: fu.RecordResult | None = None
        self.setObjectName("visit_dialog")
        correcting = visit.status == "done"
        self.setWindowTitle(
            (t("Correct visit {study_id} {code}") if correcting else
             t("Record visit {study_id} {code}")).format(study_id=visit.study_id, code=visit.code)
        )  # fmt: skip

        header = QLabel(
            t("<b>{study_id} · {code}</b> (month {month})<br>Window {start} to {end}; "
              "booked {booked}").format(
                study_id=visit.study_id, code=visit.code, month=visit.month,
                start=visit.window_start.isoformat(), end=visit.window_end.isoformat(),
                booked=weekday_date(visit.scheduled_date),
            )
        )  # fmt: skip
        header.setObjectName("visit_header")
        header.setTextFormat(Qt.TextFormat.RichText)

        start = visit.actual_date or (today if today >= visit.window_start else
                                      visit.scheduled_date)  # fmt: skip
        self.view = FormView(VISIT, RECORDED, today=today)
        self.view.set_values(
            {
                "actual_date": start,
                "assessments_done": visit.assessments_done,
                "ecog": visit.ecog,
                "ebv_dna_copies_ml": visit.ebv_dna_copies_ml,
                "liver_imaging_result": visit.liver_imaging_result,
                "notes": visit.notes,
            }
        )
        if correcting:  # a recorded visit: its fields show their data queries
            watch_queries(self.view, db, actor, visit.participant_id, {"visit": visit.id})
        self.actual_date = self.view.input("actual_date")
        assert isinstance(self.actual_date, DateFieldInput)
        # Under the date: a warning that does not stop saving (outside the window ...).
        self.window_warning = QLabel()
        self.window_warning.setObjectName("window_warning")
        self.window_warning.setStyleSheet(_WARN)
        self.window_warning.setWordWrap(True)
        self.view.rows["actual_date"].box.layout().addWidget(self.window_warning)
        assessments = self.view.input("assessments_done")
        self.assessment_boxes: dict[str, QCheckBox] = getattr(assessments, "boxes", {})
        for code, box in self.assessment_boxes.items():
            if code not in visit.assessments_planned:
                box.setText(t("{label} (not scheduled)").format(label=box.text()))

        self.findings = FindingsEditor(start)
        if correcting:
            self.findings.setTitle(t("New findings (events already recorded stay as they are)"))

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.view)
        layout.addWidget(self.findings)
        layout.addStretch(1)  # a taller dialog leaves the rows as they are
        layout.addWidget(
            _buttons(self, "save_visit", t("Save correction") if correcting else t("Save visit"))
        )
        self.setMinimumWidth(800)  # three assessments a row beside their caption
        # Entering a result means the assessment was done: tick it for the user.
        self.view.input("ecog").connect(lambda: self._tick("ecog", self.view.raw_values()["ecog"]))
        self.view.input("ebv_dna_copies_ml").connect(
            lambda: self._tick("ebv_dna", self.view.raw_values()["ebv_dna_copies_ml"])
        )
        self.view.input("liver_imaging_result").connect(self._imaging_changed)
        self.actual_date.connect(self._date_changed)
        self._date_changed()
        self.view.focus("actual_date")

    def _date_changed(self) -> None:
        when = self.actual_date.value()
        v = self.visit
        text = ""
        if when is not None and when > self.today:
            text = t("In the future: today is {today}.").format(today=self.today.isoformat())
        elif when is not None and not v.window_start <= when <= v.window_end:
            text = t("Outside the window: will be recorded as a protocol deviation.")
        self.window_warning.setText(text)
        self.window_warning.setVisible(bool(text))
        if when is not None:
            self.findings.set_default_date(when)

    def _tick(self, code: str, value: object) -> None:
        box = self.assessment_boxes.get(code)
        if box is not None and value is not None:
            box.setChecked(True)

    def _imaging_changed(self) -> None:
        imaging = self.view.raw_values()["liver_imaging_result"]
        self._tick("liver_imaging", imaging if imaging != "not_done" else None)
        # Imaging showing intrahepatic recurrence is the finding: tick it for the user.
        if imaging == "intrahepatic_recurrence":
            self.findings.tick("intrahepatic_recurrence", self.actual_date.value(), "imaging")

    def record(self) -> fu.VisitRecord:
        values = self.view.values()
        return fu.VisitRecord(
            actual_date=values["actual_date"],
            assessments_done=values["assessments_done"] or [],
            ecog=values["ecog"],
            ebv_dna_copies_ml=values["ebv_dna_copies_ml"],
            liver_imaging_result=values["liver_imaging_result"],
            notes=values["notes"],
            findings=self.findings.findings(),
        )

    def accept(self) -> None:
        v = self.visit
        clear_inline(self)
        self.view.clear_errors()
        try:
            record = self.record()
            reason = None
            if v.status == "done":
                reason = dialogs.ask_reason(self, t("visit {code}").format(code=v.code))
                if not reason:
                    return
            try:
                self.result_info = fu.record_visit(
                    self.db, self.actor, v.id, record, self.today, reason, outside_window_ok=False
                )
            except fu.OutsideWindow as exc:
                # Everything else is valid: a date outside the window is the user's call.
                question = t("{problem} Record it anyway as a protocol deviation?")
                if not dialogs.confirm(self, question.format(problem=str(exc))):
                    return
                self.result_info = fu.record_visit(
                    self.db, self.actor, v.id, record, self.today, reason
                )
        except ValidationError as exc:
            _field_error(self, self.view, exc)
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        super().accept()


class EventDialog(QDialog):
    """Record events learnt outside a visit: a phone call, a death, a withdrawal."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        study_id: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.participant_id, self.today = db, actor, participant_id, today
        self.result_info: fu.RecordResult | None = None
        self.setObjectName("event_dialog")
        self.setWindowTitle(t("Record events for {study_id}").format(study_id=study_id))
        self.findings = FindingsEditor(today)
        self.findings.setTitle(t("Events (tick each one to record)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.findings)
        layout.addWidget(_buttons(self, "save_events", t("Save events")))

    def accept(self) -> None:
        clear_inline(self)
        try:
            self.result_info = fu.record_events(
                self.db, self.actor, self.participant_id, self.findings.findings(), self.today
            )
        except ValidationError as exc:
            _field_error(self, None, exc)
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        super().accept()


class RescheduleDialog(QDialog):
    """Book an open visit on another day; outside the window it needs a reason."""

    def __init__(
        self, db: Database, actor: Actor, visit: fu.VisitRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.visit = db, actor, visit
        self.deviation: bool | None = None
        self.setObjectName("reschedule_dialog")
        self.setWindowTitle(
            t("Reschedule {study_id} {code}").format(study_id=visit.study_id, code=visit.code)
        )
        info = QLabel(
            t("Window {start} to {end} (target {target}).").format(
                start=visit.window_start.isoformat(),
                end=visit.window_end.isoformat(),
                target=visit.target_date.isoformat(),
            )
        )
        # A booking may lie in the future: no "today" limits these fields.
        self.view = FormView(VISIT, ("scheduled_date", "deviation_reason"), today=dt.date.max)
        self.view.set_values({"scheduled_date": visit.scheduled_date})
        reason = self.view.widget("deviation_reason")
        if isinstance(reason, QLineEdit):
            reason.setPlaceholderText(t("required outside the window"))
        self.warning = QLabel()
        self.warning.setObjectName("window_warning")
        self.warning.setStyleSheet(_WARN)
        self.warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.view)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(_buttons(self, "save_reschedule", t("Reschedule")))
        self.view.input("scheduled_date").connect(self._changed)
        self._changed()
        self.setMinimumWidth(480)

    def _changed(self) -> None:
        when = self.view.raw_values()["scheduled_date"]
        if when is None:
            self.warning.setText("")
            return
        inside = self.visit.window_start <= when <= self.visit.window_end
        parts = []
        if not inside:
            parts.append(t("Outside the window: a protocol deviation; give the reason."))
        if when.weekday() >= 5:
            parts.append(t("{day} is a weekend day.").format(day=when.strftime("%A")))
        self.warning.setText(" ".join(parts))

    def accept(self) -> None:
        clear_inline(self)
        try:
            values = self.view.values()
            self.deviation = fu.reschedule_visit(
                self.db,
                self.actor,
                self.visit.id,
                values["scheduled_date"],
                values["deviation_reason"],
            )
        except ValidationError as exc:
            _field_error(self, self.view, exc)
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        super().accept()

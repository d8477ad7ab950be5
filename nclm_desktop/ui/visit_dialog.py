"""Dialogs of the follow-up screens: record a visit, record events, reschedule a visit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..forms.catalogue import form
from ..models.db import Database
from ..services import followup as fu
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from . import dialogs
from .date_input import DateInput
from .form_feedback import ErrorLine, ParseError, clear_inline, show_inline
from .visit_states import CONFIRMED_LABELS, IMAGING_LABELS, event_label, t

# Extra input of each finding: (field suffix, placeholder).
_FINDING_EXTRA = {
    "intrahepatic_recurrence": ("confirmed_by", ""),
    "extrahepatic_recurrence": ("site", "site, e.g. lung, bone, lymph nodes"),
    "local_regional_recurrence": ("site", "site, e.g. nasopharynx, neck nodes"),
    "death": ("cause", "cause of death, or 'unknown'"),
    "withdrawal": ("detail", "reason given (optional)"),
    "lost_to_follow_up": ("detail", "last attempts to reach (optional)"),
}
_WARN = "color: #a15c00;"
VISIT = form("visit")


def date_edit(name: str, value: dt.date) -> DateInput:
    edit = DateInput(name)
    edit.set_date(value)
    return edit


def edit_date(edit: DateInput) -> dt.date:
    """The date typed; a ValidationError naming the input when it is blank or not a date."""
    try:
        value = edit.date()
    except ParseError as exc:
        raise ValidationError(exc.field, str(exc)) from None
    if value is None:
        raise ValidationError(edit.objectName(), t("Enter the date."))
    return value


def with_error(widget: QWidget, name: str | None = None) -> QWidget:
    """``widget`` with its inline error line (``<name>_error``) under it."""
    box = QWidget()
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    if isinstance(widget, DateInput):  # a date keeps its width; other inputs fill the row
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
    else:
        column.addWidget(widget)
    column.addWidget(ErrorLine(name or widget.objectName(), wrap=True))
    return box


def _field_error(dialog: QDialog, exc: ValidationError) -> None:
    """A field's problem shows next to the field; only one without a field gets a box."""
    if not show_inline(dialog, exc.field, str(exc)):
        dialogs.show_error(dialog, str(exc))
        return
    width = dialog.width()
    dialog.adjustSize()  # room for the (wrapped) message, keeping the width
    dialog.resize(max(width, dialog.width()), dialog.height())


class FindingsEditor(QGroupBox):
    """One row per event kind: tick it, give its date and its detail."""

    def __init__(self, default_date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(t("Findings (each ticked row is recorded as a clinical event)"), parent)
        self.setObjectName("findings")
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        self.rows: dict[str, tuple[QCheckBox, DateInput, QWidget | None]] = {}
        for index, kind in enumerate(fu.EVENT_KINDS):
            row = 2 * index  # the row under it holds the row's inline error
            box = QCheckBox(event_label(kind))
            box.setObjectName(f"finding_{kind}")
            when = date_edit(f"{kind}_date", default_date)
            when.setEnabled(False)
            extra: QWidget | None = None
            suffix, hint = _FINDING_EXTRA.get(kind, ("", ""))
            if suffix == "confirmed_by":
                extra = QComboBox()
                for code in fu.CONFIRMED_BY:
                    extra.addItem(t("confirmed by {how}").format(how=t(CONFIRMED_LABELS[code])),
                                  code)  # fmt: skip
            elif suffix:
                extra = QLineEdit()
                extra.setPlaceholderText(t(hint))
                extra.setMaxLength(200)
            if extra is not None:
                extra.setObjectName(f"{kind}_{suffix}")
                extra.setEnabled(False)
                grid.addWidget(extra, row, 2)
            grid.addWidget(box, row, 0)
            grid.addWidget(when, row, 1)
            grid.addWidget(ErrorLine(kind, wrap=True), row + 1, 1, 1, 2)
            box.toggled.connect(lambda on, w=when, e=extra: self._enable(on, w, e))
            self.rows[kind] = (box, when, extra)

    @staticmethod
    def _enable(on: bool, when: DateInput, extra: QWidget | None) -> None:
        when.setEnabled(on)
        if extra is not None:
            extra.setEnabled(on)

    def set_default_date(self, value: dt.date) -> None:
        """Unticked rows follow the visit date, so a ticked finding starts from it."""
        for box, when, _ in self.rows.values():
            if not box.isChecked():
                when.set_date(value)

    def tick(self, kind: str, when: dt.date | None = None, confirmed_by: str = "") -> None:
        box, edit, extra = self.rows[kind]
        box.setChecked(True)
        if when is not None:
            edit.set_date(when)
        if confirmed_by and isinstance(extra, QComboBox):
            extra.setCurrentIndex(max(0, extra.findData(confirmed_by)))

    def findings(self) -> list[fu.Finding]:
        found = []
        for kind, (box, when, extra) in self.rows.items():
            if not box.isChecked():
                continue
            values: dict[str, str | None] = {}
            suffix = _FINDING_EXTRA.get(kind, ("", ""))[0]
            if isinstance(extra, QComboBox):
                values[suffix] = extra.currentData()
            elif isinstance(extra, QLineEdit):
                values[suffix] = extra.text()
            found.append(fu.Finding(kind, edit_date(when), **values))
        return found


def _buttons(dialog: QDialog, save_name: str, save_text: str) -> QDialogButtonBox:
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
                booked=visit.scheduled_date.strftime("%a %Y-%m-%d"),
            )
        )  # fmt: skip
        header.setObjectName("visit_header")
        header.setTextFormat(Qt.TextFormat.RichText)

        start = visit.actual_date or (today if today >= visit.window_start else
                                      visit.scheduled_date)  # fmt: skip
        self.actual_date = date_edit("actual_date", start)
        self.window_warning = QLabel()
        self.window_warning.setObjectName("window_warning")
        self.window_warning.setStyleSheet(_WARN)
        self.window_warning.setWordWrap(True)
        when_line = QHBoxLayout()
        when_line.addWidget(self.actual_date)
        when_line.addWidget(self.window_warning, 1)
        when_row = QVBoxLayout()  # the inline error spans the row, under date and warning
        when_row.setSpacing(1)
        when_row.addLayout(when_line)
        when_row.addWidget(ErrorLine("actual_date", wrap=True))

        self.assessments = QGroupBox(t("Assessments done"))
        self.assessments.setObjectName("assessments_done")
        grid = QGridLayout(self.assessments)
        self.assessment_boxes: dict[str, QCheckBox] = {}
        done = set(visit.assessments_done)
        for i, (code, label) in enumerate(fu.assessment_labels().items()):
            text = (
                t(label)
                if code in visit.assessments_planned
                else t("{label} (not scheduled)").format(label=t(label))
            )
            box = QCheckBox(text)
            box.setObjectName(f"assessment_{code}")
            box.setChecked(code in done)
            grid.addWidget(box, i // 2, i % 2)
            self.assessment_boxes[code] = box

        self.ecog = QComboBox()
        self.ecog.setObjectName("ecog")
        self.ecog.addItem(t("— not assessed"), None)
        ecog = VISIT["ecog"].hard
        assert ecog is not None
        for score in range(int(ecog.lo), int(ecog.hi) + 1):
            self.ecog.addItem(str(score), score)
        if visit.ecog is not None:
            self.ecog.setCurrentIndex(self.ecog.findData(visit.ecog))
        self.ebv = QLineEdit()
        self.ebv.setObjectName("ebv_dna_copies_ml")
        self.ebv.setPlaceholderText(t("0 if undetectable; empty if not done"))
        if visit.ebv_dna_copies_ml is not None:
            self.ebv.setText(f"{visit.ebv_dna_copies_ml:g}")
        self.imaging = QComboBox()
        self.imaging.setObjectName("liver_imaging_result")
        self.imaging.addItem(t("— not recorded"), None)
        for code, label in IMAGING_LABELS.items():
            self.imaging.addItem(t(label), code)
        if visit.liver_imaging_result:
            self.imaging.setCurrentIndex(self.imaging.findData(visit.liver_imaging_result))
        self.notes = QPlainTextEdit(visit.notes or "")
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(54)

        top = QFormLayout()
        top.addRow(t("Visit date"), when_row)
        form = QFormLayout()
        form.addRow(t("ECOG"), with_error(self.ecog))
        form.addRow(t("EBV DNA (copies/mL)"), with_error(self.ebv))
        form.addRow(t("Liver imaging"), with_error(self.imaging))
        form.addRow(t("Notes"), self.notes)

        self.findings = FindingsEditor(start)
        if correcting:
            self.findings.setTitle(t("New findings (events already recorded stay as they are)"))

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(top)
        layout.addWidget(self.assessments)
        layout.addLayout(form)
        layout.addWidget(self.findings)
        layout.addWidget(
            _buttons(self, "save_visit", t("Save correction") if correcting else t("Save visit"))
        )
        self.setMinimumWidth(640)
        # Entering a result means the assessment was done: tick it for the user.
        self.ecog.currentIndexChanged.connect(lambda: self._tick("ecog", self.ecog.currentData()))
        self.ebv.textEdited.connect(lambda text: self._tick("ebv_dna", text.strip() or None))
        self.imaging.currentIndexChanged.connect(
            lambda: self._tick(
                "liver_imaging", self.imaging.currentData() not in (None, "not_done") or None
            )
        )
        self.actual_date.changed.connect(self._date_changed)
        self.imaging.currentIndexChanged.connect(self._imaging_changed)
        self._date_changed()
        self.actual_date.setFocus()

    def _date_changed(self) -> None:
        when = self.actual_date.date_or_none()
        self.actual_date_error().show_message(self.actual_date.problem())
        v = self.visit
        if when is None:
            text = ""
        elif when > self.today:
            text = t("In the future: today is {today}.").format(today=self.today.isoformat())
        elif not v.window_start <= when <= v.window_end:
            text = t("Outside the window: will be recorded as a protocol deviation.")
        else:
            text = ""
        self.window_warning.setText(text)
        if when is not None:
            self.findings.set_default_date(when)

    def actual_date_error(self) -> ErrorLine:
        return self.findChild(ErrorLine, "actual_date_error")

    def _tick(self, code: str, value: object) -> None:
        box = self.assessment_boxes.get(code)
        if box is not None and value is not None:
            box.setChecked(True)

    def _imaging_changed(self) -> None:
        # Imaging showing intrahepatic recurrence is the finding: tick it for the user.
        if self.imaging.currentData() == "intrahepatic_recurrence":
            when = self.actual_date.date_or_none()
            self.findings.tick("intrahepatic_recurrence", when, "imaging")

    def record(self) -> fu.VisitRecord:
        text = self.ebv.text().strip().replace(",", "")
        try:
            ebv = float(text) if text else None
        except ValueError:
            raise ValidationError(
                "ebv_dna_copies_ml", t("EBV DNA must be a number of copies/mL.")
            ) from None
        return fu.VisitRecord(
            actual_date=edit_date(self.actual_date),
            assessments_done=[c for c, b in self.assessment_boxes.items() if b.isChecked()],
            ecog=self.ecog.currentData(),
            ebv_dna_copies_ml=ebv,
            liver_imaging_result=self.imaging.currentData(),
            notes=self.notes.toPlainText(),
            findings=self.findings.findings(),
        )

    def accept(self) -> None:
        v = self.visit
        clear_inline(self)
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
            _field_error(self, exc)
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
            _field_error(self, exc)
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
        self.scheduled_date = date_edit("scheduled_date", visit.scheduled_date)
        self.reason = QLineEdit()
        self.reason.setObjectName("deviation_reason")
        self.reason.setPlaceholderText(t("required outside the window"))
        self.warning = QLabel()
        self.warning.setObjectName("window_warning")
        self.warning.setStyleSheet(_WARN)
        self.warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(t("New date"), with_error(self.scheduled_date))
        form.addRow(t("Reason"), with_error(self.reason))
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(_buttons(self, "save_reschedule", t("Reschedule")))
        self.scheduled_date.changed.connect(self._changed)
        self._changed()
        self.setMinimumWidth(420)

    def _changed(self) -> None:
        self.findChild(ErrorLine, "scheduled_date_error").show_message(
            self.scheduled_date.problem()
        )
        when = self.scheduled_date.date_or_none()
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
            self.deviation = fu.reschedule_visit(
                self.db,
                self.actor,
                self.visit.id,
                edit_date(self.scheduled_date),
                self.reason.text(),
            )
        except ValidationError as exc:
            _field_error(self, exc)
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        super().accept()

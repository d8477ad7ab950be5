"""The operation wizard: date and team, resected segments, operative details, pathology,
discharge. Enter goes to the next page; each page is checked by the service's own
validation before moving on; Finish saves (an edit asks for a reason first).

What is typed is kept as a draft (services/drafts.py, kind "operation") while the wizard is
open, so a crash or an idle lock loses nothing; Finish deletes the draft.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
    QWizard,
)

from ..clinical import resection
from ..models.db import Database
from ..services import changes, drafts, surgery
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor, Permission
from ..services.surgery import APPROACHES, R_STATUSES, OperationInput
from . import dialogs
from .participant_label import label_pages, who_for
from .schedule_print import offer_schedule
from .segment_map import SegmentMap
from .surgery_forms import (
    ChoiceInput,
    DateInput,
    FormPage,
    NumberInput,
    ParseError,
    YesNoInput,
    page_of,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("OperationWizard", text)


APPROACH_LABELS = {"open": "Open", "laparoscopic": "Laparoscopic", "robotic": "Robotic"}
DRAFT_KIND = "operation"

NUMBER_FIELDS = (
    "duration_min",
    "blood_loss_ml",
    "transfusion_units",
    "pringle_count",
    "pringle_total_min",
    "lesions_resected",
    "largest_lesion_mm",
    "margin_mm",
)
YES_NO_FIELDS = ("pathology_confirms_npc", "periop_radiotherapy", "periop_chemotherapy")


def resection_text(segments: list[int], anatomical: bool) -> tuple[str, str]:
    """(name, major/minor line) shown live under the segment map."""
    if not segments:
        return _t("No segment selected yet."), ""
    res = resection(segments, anatomical=anatomical)
    size = _t("major resection") if res.major else _t("minor resection")
    count = _t("{n} segment(s)").format(n=res.segment_count)
    return res.name[:1].upper() + res.name[1:], f"{size} · {count}"


class OperationWizard(QWizard):
    """New operation for ``participant_id``, or an edit of ``operation_id``."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        operation_id: int | None = None,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.participant_id = participant_id
        self.operation_id = operation_id
        self.today = today or dt.date.today()
        self.setObjectName("operation_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(760, 620)

        record = surgery.surgical_record(db, actor, participant_id)
        self.study_id = record.study_id
        self.enrolment_date = record.enrolment_date
        self.original: OperationInput | None = None
        if operation_id is not None:
            self.original = surgery.get_operation(db, actor, operation_id).as_input()
        title = (
            _t("Edit operation — {study_id}")
            if operation_id is not None
            else _t("Record operation — {study_id}")
        )
        self.setWindowTitle(title.format(study_id=record.study_id))
        self.surgeons = surgery.surgeon_choices(db, actor)

        self._build_pages()
        label_pages(self, who_for(db, actor, participant_id))
        self.setButtonText(QWizard.WizardButton.FinishButton, _t("Save"))
        self.button(QWizard.WizardButton.FinishButton).setObjectName("save")
        self.button(QWizard.WizardButton.NextButton).setObjectName("next")
        self.button(QWizard.WizardButton.BackButton).setObjectName("back")
        self.button(QWizard.WizardButton.CancelButton).setObjectName("cancel")

        if self.original is not None:
            self.set_input(self.original)
        self._draft_key = (
            f"edit-{operation_id}" if operation_id is not None else str(participant_id)
        )
        self._drafting = actor.can(Permission.WRITE_SURGERY)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(1500)
        self._draft_timer.timeout.connect(self.save_draft)
        self._offer_draft()
        for page in self._pages:
            page.changed.connect(self._on_change)
        self.currentIdChanged.connect(lambda _id: self.save_draft())
        self._update_derived()

    # --- pages --------------------------------------------------------------------------

    def _build_pages(self) -> None:
        enrolled = self.enrolment_date.isoformat() if self.enrolment_date else "—"
        who = _t("Enrolled {date}").format(date=enrolled)

        p1 = FormPage(_t("Operation"), who)
        self.operation_date = p1.add_row(_t("Operation date *"), DateInput("operation_date"))
        self.surgeon_list = QListWidget()
        self.surgeon_list.setObjectName("surgeons")
        self.surgeon_list.setAccessibleName(_t("Surgeons"))
        for s in self.surgeons:
            role = _t("investigator") if s.role == "investigator" else _t("surgeon")
            item = QListWidgetItem(f"{s.display_name}  ({role})")
            item.setData(Qt.ItemDataRole.UserRole, s.user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.surgeon_list.addItem(item)
        rows = max(3, min(6, len(self.surgeons)))
        self.surgeon_list.setFixedHeight(rows * 24 + 6)
        self.surgeon_list.setMaximumWidth(420)
        if self.surgeons:
            self.surgeon_list.setCurrentRow(0)
        p1.add_row(_t("Surgeons * (Space ticks)"), self.surgeon_list)
        self.approach = p1.add_row(
            _t("Approach *"),
            ChoiceInput(
                "approach",
                [(a, _t(APPROACH_LABELS[a])) for a in APPROACHES],
                blank=_t("— choose"),
            ),
        )

        p2 = FormPage(
            _t("Resected segments"),
            _t(
                "Click the resected Couinaud segments, or press 1 to 8 (arrows move, Space "
                "toggles). Anterior view: the patient's right is on the left."
            ),
        )
        self.segment_map = SegmentMap()
        p2.add_block(self.segment_map, error=True, stretch=1)
        p2.require(self.segment_map, _t("Resected segments"))
        self.anatomical = QCheckBox(_t("Anatomical resection (along segment boundaries)"))
        self.anatomical.setObjectName("anatomical")
        self.anatomical.setChecked(True)
        p2.add_block(self.anatomical, error=True)
        self.resection_name = QLabel()
        self.resection_name.setObjectName("resection_name")
        self.resection_name.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.resection_name.setWordWrap(True)
        self.major_label = QLabel()
        self.major_label.setObjectName("major")
        p2.add_block(self.resection_name)
        p2.add_block(self.major_label)

        p3 = FormPage(_t("During the operation"), who)
        self.numbers: dict[str, NumberInput] = {}
        for name, label, unit, integer in (
            ("duration_min", _t("Duration (min)"), _t("minutes"), True),
            ("blood_loss_ml", _t("Blood loss (mL)"), _t("mL"), True),
            ("transfusion_units", _t("Transfusion (units)"), _t("units of red cells"), False),
            ("pringle_count", _t("Pringle manoeuvres (count)"), _t("count"), True),
            ("pringle_total_min", _t("Pringle total time (min)"), _t("minutes"), True),
        ):
            self.numbers[name] = p3.add_row(label, NumberInput(name, unit, integer=integer))

        p4 = FormPage(_t("Specimen and pathology"), who)
        for name, label, unit, integer in (
            ("lesions_resected", _t("Lesions resected"), _t("count"), True),
            ("largest_lesion_mm", _t("Largest lesion (mm)"), _t("mm"), False),
            ("margin_mm", _t("Resection margin (mm)"), _t("mm"), False),
        ):
            self.numbers[name] = p4.add_row(label, NumberInput(name, unit, integer=integer))
        self.r_status = p4.add_row(
            _t("R status"),
            ChoiceInput("r_status", [(r, r) for r in R_STATUSES], blank=_t("— not recorded")),
        )
        self.yes_no: dict[str, YesNoInput] = {}
        for name, label in (
            ("pathology_confirms_npc", _t("Pathology confirms NPC metastasis")),
            ("periop_radiotherapy", _t("Perioperative radiotherapy of the primary")),
            ("periop_chemotherapy", _t("Perioperative chemotherapy")),
        ):
            self.yes_no[name] = p4.add_row(label, YesNoInput(name))

        p5 = self._discharge_page = FormPage(_t("Discharge"), who)
        self.discharge_date = p5.add_row(_t("Discharge date"), DateInput("discharge_date"))
        self.length_of_stay = QLabel()
        self.length_of_stay.setObjectName("length_of_stay")
        p5.form.addRow(_t("Length of stay:"), self.length_of_stay)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaxLength(2000)
        p5.add_row(_t("Notes"), self.notes)
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
        for page in self._pages:
            self.addPage(page)
        self.anatomical.toggled.connect(lambda _on: self._update_derived())
        self.segment_map.segmentsChanged.connect(lambda _s: self._update_derived())
        self.setTabOrder(self.operation_date, self.surgeon_list)
        self.setTabOrder(self.surgeon_list, self.approach)

    # --- values -------------------------------------------------------------------------

    def collect(self) -> OperationInput:
        """What is typed, as the service's input; ParseError names an unreadable field."""
        data = OperationInput(
            operation_date=self.operation_date.date(),
            surgeon_ids=self._checked_surgeons(),
            approach=self.approach.value() or "",
            segments=self.segment_map.segments(),
            anatomical=self.anatomical.isChecked(),
            r_status=self.r_status.value(),
            discharge_date=self.discharge_date.date(),
            notes=self.notes.text().strip() or None,
        )
        for name, widget in self.numbers.items():
            setattr(data, name, widget.value())
        for name, widget in self.yes_no.items():
            setattr(data, name, widget.value())
        return data

    def set_input(self, data: OperationInput) -> None:
        self.operation_date.set_date(data.operation_date)
        self._check_surgeons(data.surgeon_ids)
        self.approach.set_value(data.approach or None)
        self.segment_map.setSegments(data.segments)
        self.anatomical.setChecked(bool(data.anatomical))
        for name, widget in self.numbers.items():
            widget.set_value(getattr(data, name))
        for name, widget in self.yes_no.items():
            widget.set_value(getattr(data, name))
        self.r_status.set_value(data.r_status)
        self.discharge_date.set_date(data.discharge_date)
        self.notes.setText(data.notes or "")

    def _checked_surgeons(self) -> list[int]:
        out = []
        for i in range(self.surgeon_list.count()):
            item = self.surgeon_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def _check_surgeons(self, ids: list[int]) -> None:
        for i in range(self.surgeon_list.count()):
            item = self.surgeon_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # --- live derived values ------------------------------------------------------------

    def _on_change(self) -> None:
        self._update_derived()
        if self._drafting:
            self._draft_timer.start()

    def _update_derived(self) -> None:
        name, size = resection_text(self.segment_map.segments(), self.anatomical.isChecked())
        self.resection_name.setText(name)
        self.major_label.setText(size)
        op_day, out_day = self.operation_date.date_or_none(), self.discharge_date.date_or_none()
        stay = surgery.length_of_stay(op_day, out_day)
        before = _t("The discharge date is before the operation date ({date}).")
        error = self._discharge_page.errors["discharge_date"]
        if stay is not None and stay < 0:  # said once, under the discharge date
            stay = None
            error.show_message(before.format(date=op_day.isoformat() if op_day else ""))
        elif error.text().startswith(before.split("{")[0]):
            error.show_message(None)
        self.length_of_stay.setText(_t("{n} days").format(n=stay) if stay is not None else "—")
        self.summary.setText(self._summary_html(name, size, stay))

    def _summary_html(self, name: str, size: str, stay: int | None) -> str:
        try:
            op_date = self.operation_date.date()
        except ParseError:
            op_date = None
        names = [
            self.surgeon_list.item(i).text().split("  (")[0]
            for i in range(self.surgeon_list.count())
            if self.surgeon_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        approach = self.approach.currentText() if self.approach.value() else "—"
        segs = ", ".join(str(s) for s in self.segment_map.segments()) or "—"
        rows = [
            (_t("Operation"), f"{op_date.isoformat() if op_date else '—'} · {approach}"),
            (_t("Surgeons"), ", ".join(names) or "—"),
            (_t("Segments"), f"{segs} — {name} {('(' + size + ')') if size else ''}"),
            (_t("Blood loss"), self._typed("blood_loss_ml", _t("{v} mL"))),
            (
                _t("Margin · R status"),
                f"{self._typed('margin_mm', _t('{v} mm'))} · {self.r_status.value() or '—'}",
            ),
            (_t("Length of stay"), _t("{n} days").format(n=stay) if stay is not None else "—"),
        ]
        body = "".join(
            f"<tr><td style='padding-right:12px;color:#555'>{k}</td><td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<b>{_t('Check before saving')}</b><table>{body}</table>"

    def _typed(self, name: str, template: str) -> str:
        text = self.numbers[name].text().strip()
        return template.format(v=text) if text else "—"

    # --- validation and saving ----------------------------------------------------------

    def _show_problem(self, field: str, message: str) -> bool:
        """Show the message under the field, on its page if that page is here or earlier;
        returns True when shown there."""
        target = page_of(self, field)
        if target is None:
            dialogs.show_error(self, message)
            return True
        while self.currentId() > target:
            self.back()
        if self.currentId() != target:
            return False
        page = self.page(target)
        page.show_error(field, message)  # type: ignore[attr-defined]
        widget = self.findChild(QWidget, field)
        if widget is not None:
            widget.setFocus()
        return True

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt override)
        current = self.currentId()
        page = self.currentPage()
        page.clear_errors()  # type: ignore[attr-defined]
        try:
            data = self.collect()
            surgery.validate_operation(data, enrolment_date=self.enrolment_date, today=self.today)
        except (ParseError, ValidationError) as exc:
            target = page_of(self, exc.field)
            if target is not None and target <= current:
                self._show_problem(exc.field, str(exc))
                return False
        return True

    def accept(self) -> None:
        try:
            data = self.collect()
        except ParseError as exc:
            self._show_problem(exc.field, str(exc))
            return
        try:
            with changes.collect() as found:
                op_id = self._save(data)
            if op_id is None:
                return
        except ValidationError as exc:
            self._show_problem(exc.field, str(exc))
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._discard_draft()
        self.saved.emit(op_id)
        super().accept()
        if "visits" in found.changes.parts:  # the schedule was planned or moved: print it?
            offer_schedule(self.parentWidget(), self.db, self.actor, self.study_id)

    def _save(self, data: OperationInput) -> int | None:
        """Record or correct; None when nothing is to be saved (closed or no reason)."""
        if self.operation_id is None:
            return surgery.record_operation(
                self.db, self.actor, self.participant_id, data, today=self.today
            )
        if data == self.original:
            self._discard_draft()
            super().accept()
            return None
        reason = dialogs.ask_reason(self, _t("the operation record"))
        if not reason:
            return None
        surgery.update_operation(
            self.db, self.actor, self.operation_id, data, reason, today=self.today
        )
        return self.operation_id

    def reject(self) -> None:
        self.save_draft()  # Cancel keeps what was typed; the next opening offers it back
        super().reject()

    # --- drafts -------------------------------------------------------------------------

    def draft_data(self) -> dict[str, Any]:
        return {
            "operation_date": self.operation_date.text(),
            "surgeon_ids": self._checked_surgeons(),
            "approach": self.approach.value(),
            "segments": self.segment_map.segments(),
            "anatomical": self.anatomical.isChecked(),
            "numbers": {k: w.text() for k, w in self.numbers.items()},
            "yes_no": {k: w.value() for k, w in self.yes_no.items()},
            "r_status": self.r_status.value(),
            "discharge_date": self.discharge_date.text(),
            "notes": self.notes.text(),
            "page": self.currentId(),
        }

    def restore_draft(self, data: dict[str, Any]) -> None:
        self.operation_date.set_date(data.get("operation_date") or "")
        self._check_surgeons(list(data.get("surgeon_ids") or []))
        self.approach.set_value(data.get("approach"))
        self.segment_map.setSegments(data.get("segments") or [])
        self.anatomical.setChecked(bool(data.get("anatomical", True)))
        for k, text in (data.get("numbers") or {}).items():
            if k in self.numbers:
                self.numbers[k].setText(text or "")
        for k, value in (data.get("yes_no") or {}).items():
            if k in self.yes_no:
                self.yes_no[k].set_value(value)
        self.r_status.set_value(data.get("r_status"))
        self.discharge_date.set_date(data.get("discharge_date") or "")
        self.notes.setText(data.get("notes") or "")

    def _is_blank(self) -> bool:
        return self.draft_data() | {"page": None} == self._blank_state

    def save_draft(self) -> None:
        self._draft_timer.stop()
        if not self._drafting or self._is_blank():
            return
        # A draft is a convenience: never block typing over it.
        with contextlib.suppress(ServiceError):
            drafts.save_draft(self.db, self.actor, DRAFT_KIND, self.draft_data(), self._draft_key)

    def _discard_draft(self) -> None:
        self._draft_timer.stop()
        if self._drafting:
            drafts.discard_draft(self.db, self.actor, DRAFT_KIND, self._draft_key)

    def _offer_draft(self) -> None:
        self._blank_state = self.draft_data() | {"page": None}
        if not self._drafting:
            return
        draft = drafts.load_draft(self.db, self.actor, DRAFT_KIND, self._draft_key)
        if draft is None:
            return
        stamp = draft.updated_utc
        if stamp.tzinfo is None:  # SQLite hands back naive UTC
            stamp = stamp.replace(tzinfo=dt.UTC)
        when = stamp.astimezone().strftime("%Y-%m-%d %H:%M")
        if dialogs.confirm(
            self,
            _t("An unsaved operation entry from {when} was kept. Restore it?").format(when=when),
            _t("Restore draft"),
        ):
            self.restore_draft(draft.data)
        else:
            drafts.discard_draft(self.db, self.actor, DRAFT_KIND, self._draft_key)

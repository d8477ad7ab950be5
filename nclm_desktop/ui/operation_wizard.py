"""The operation wizard: date and team, resected segments, operative details, pathology,
discharge. Its pages are the data dictionary's operation form (forms/crf/operation.py) laid
out by the form builder; the team list and the Couinaud segment map are widgets of its own.
Enter goes to the next page; each page is checked by the service's own validation before
moving on; Finish saves (an edit asks for a reason first).

What is typed is kept as a draft (services/drafts.py, kind "operation") while the wizard is
open, so a crash or an idle lock loses nothing; Finish deletes the draft.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem, QWidget, QWizard

from ..clinical import resection
from ..forms.crf.operation import FORM as OPERATION
from ..forms.crf.operation_team import FORM as TEAM
from ..models.db import Database
from ..services import changes, drafts, surgery
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor, Permission
from ..services.surgery_inputs import OperationInput, operation_values
from . import dialogs
from .checked_page import CheckedFormPage
from .form_builder import page_of
from .form_inputs import display_text, make_input
from .i18n import localized
from .participant_label import label_pages, who_for
from .schedule_print import offer_schedule
from .segment_map import SegmentMap
from .wizard_fit import fit_pages


def _t(text: str) -> str:
    return QCoreApplication.translate("OperationWizard", text)


DRAFT_KIND = "operation"
DURING = (
    "duration_min",
    "blood_loss_ml",
    "transfusion_units",
    "pringle_count",
    "pringle_total_min",
)
PATHOLOGY = (
    "lesions_resected",
    "largest_lesion_mm",
    "margin_mm",
    "r_status",
    "pathology_confirms_npc",
    "periop_radiotherapy",
    "periop_chemotherapy",
)


def resection_text(segments: list[int], anatomical: bool) -> tuple[str, str]:
    """(name, major/minor line) shown live under the segment map."""
    if not segments:
        return _t("No segment selected yet."), ""
    res = resection(segments, anatomical=anatomical)
    size = _t("major resection") if res.major else _t("minor resection")
    count = _t("{n} segment(s)").format(n=res.segment_count)
    name = localized(res.name[:1].upper() + res.name[1:], res.name_zh)
    return name, f"{size} · {count}"


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
        fit_pages(self)  # a long subtitle and a wide page shown whole
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
            page.view.changed.connect(self._on_change)
        self.currentIdChanged.connect(lambda _id: self.save_draft())
        self._update_derived()

    # --- pages --------------------------------------------------------------------------

    def _page(self, title: str, names: tuple[str, ...], subtitle: str) -> CheckedFormPage:
        return CheckedFormPage(title, OPERATION, names, today=self.today, subtitle=subtitle)

    def _build_pages(self) -> None:
        enrolled = self.enrolment_date.isoformat() if self.enrolment_date else "—"
        who = _t("Enrolled {date}").format(date=enrolled)

        p1 = self._page(_t("Operation"), ("operation_date",), who)
        self.surgeon_list = QListWidget()
        self.surgeon_list.setAccessibleName(_t("Surgeons (Space ticks)"))
        self.surgeon_list.setToolTip(_t("Space ticks the surgeon under the cursor."))
        for s in self.surgeons:
            role = _t("investigator") if s.role == "investigator" else _t("surgeon")
            item = QListWidgetItem(f"{s.display_name}  ({role})")
            item.setData(Qt.ItemDataRole.UserRole, s.user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.surgeon_list.addItem(item)
        rows = max(3, min(6, len(self.surgeons)))
        self.surgeon_list.setFixedHeight(rows * 24 + 6)
        self.surgeon_list.setMinimumWidth(320)
        if self.surgeons:
            self.surgeon_list.setCurrentRow(0)
        p1.view.add_row(
            TEAM["surgeons"],
            self.surgeon_list,
            get=lambda: self._checked_surgeons() or None,
            put=lambda ids: self._check_surgeons(list(ids or [])),
            signal=self.surgeon_list.itemChanged,
        )
        # After the team, as the wizard has always asked it.
        approach = make_input(OPERATION["approach"])
        self.approach = p1.view.add_row(
            OPERATION["approach"],
            approach.widget,
            get=approach.value,
            put=approach.set_value,
            signal=approach.widget.currentIndexChanged,  # type: ignore[attr-defined]
        )

        p2 = self._page(
            _t("Resected segments"),
            (),
            _t(
                "Click the resected Couinaud segments, or press 1 to 8 (arrows move, Space "
                "toggles). Anterior view: the patient's right is on the left."
            ),
        )
        self.segment_map = SegmentMap()
        self.segment_map.setMinimumSize(520, 300)
        p2.view.add_row(
            "segments",
            self.segment_map,
            get=lambda: self.segment_map.segments() or None,
            put=lambda segs: self.segment_map.setSegments(list(segs or [])),
            signal=self.segment_map.segmentsChanged,
        )
        self.anatomical = QCheckBox(_t("Along segment boundaries"))
        self.anatomical.setChecked(True)
        p2.view.add_row(
            "anatomical",
            self.anatomical,
            get=self.anatomical.isChecked,
            put=lambda on: self.anatomical.setChecked(on is not False),
            signal=self.anatomical.toggled,
        )
        self.resection_name = QLabel()
        self.resection_name.setObjectName("resection_name")
        self.resection_name.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.resection_name.setWordWrap(True)
        self.major_label = QLabel()
        self.major_label.setObjectName("major")
        p2.add_block(self.resection_name)
        p2.add_block(self.major_label)

        p3 = self._page(_t("During the operation"), DURING, who)
        p4 = self._page(_t("Specimen and pathology"), PATHOLOGY, who)
        p5 = self._discharge_page = self._page(_t("Discharge"), ("discharge_date", "notes"), who)
        self.length_of_stay = QLabel()
        self.length_of_stay.setObjectName("length_of_stay")
        p5.view.layout_.insertRow(1, _t("Length of stay:"), self.length_of_stay)
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
        self.operation_date = p1.view.widget("operation_date")
        self.setTabOrder(self.operation_date, self.surgeon_list)
        self.setTabOrder(self.surgeon_list, self.approach)

    # --- values -------------------------------------------------------------------------

    def values(self, *, raw: bool = False) -> dict[str, Any]:
        """Every page's values by field name; unless ``raw``, ValidationError names the
        first input that cannot be read."""
        out: dict[str, Any] = {}
        for page in self._pages:
            out.update(page.view.raw_values() if raw else page.view.values())
        return out

    def collect(self) -> OperationInput:
        """What is typed, as the service's input."""
        v = self.values()
        return OperationInput(
            surgeon_ids=list(v.pop("surgeons") or []),
            approach=v.pop("approach") or "",
            segments=list(v.pop("segments") or []),
            anatomical=bool(v.pop("anatomical")),
            **{name: v[name] for name in v if name in OPERATION},
        )

    def set_input(self, data: OperationInput) -> None:
        values = operation_values(data)
        for page in self._pages:
            page.view.set_values(values)

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
        v = self.values(raw=True)
        name, size = resection_text(v["segments"] or [], self.anatomical.isChecked())
        self.resection_name.setText(name)
        self.major_label.setText(size)
        op_day, out_day = v["operation_date"], v["discharge_date"]
        stay = surgery.length_of_stay(op_day, out_day)
        before = _t("The discharge date is before the operation date ({date}).")
        error = self._discharge_page.view.rows["discharge_date"].error
        if stay is not None and stay < 0:  # said once, under the discharge date
            stay = None
            error.show_message(before.format(date=op_day.isoformat() if op_day else ""))
        elif error.text().startswith(before.split("{")[0]):
            error.show_message(None)
        self.length_of_stay.setText(_t("{n} days").format(n=stay) if stay is not None else "—")
        self.summary.setText(self._summary_html(v, name, size, stay))

    def _summary_html(self, v: dict[str, Any], name: str, size: str, stay: int | None) -> str:
        names = [
            self.surgeon_list.item(i).text().split("  (")[0]
            for i in range(self.surgeon_list.count())
            if self.surgeon_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        approach = self.approach.currentText() if v["approach"] else "—"  # type: ignore[attr-defined]
        op_date = v["operation_date"]
        segs = display_text(OPERATION["segments"], v["segments"])
        margin = display_text(OPERATION["margin_mm"], v["margin_mm"])
        rows = [
            (_t("Operation"), f"{op_date.isoformat() if op_date else '—'} · {approach}"),
            (_t("Surgeons"), ", ".join(names) or "—"),
            (_t("Segments"), f"{segs} — {name} {('(' + size + ')') if size else ''}"),
            (_t("Blood loss"), display_text(OPERATION["blood_loss_ml"], v["blood_loss_ml"])),
            (_t("Margin · R status"), f"{margin} · {v['r_status'] or '—'}"),
            (_t("Length of stay"), _t("{n} days").format(n=stay) if stay is not None else "—"),
        ]
        body = "".join(
            f"<tr><td style='padding-right:12px;color:#555'>{k}</td><td>{v}</td></tr>"
            for k, v in rows
        )
        title = _t("Check before saving")  # outside the f-string, where lupdate finds it
        return f"<b>{title}</b><table>{body}</table>"

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
        self.page(target).view.show_error(field, message)  # type: ignore[attr-defined]
        return True

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt override)
        current = self.currentId()
        self.currentPage().view.clear_errors()  # type: ignore[attr-defined]
        try:
            data = self.collect()
            surgery.validate_operation(data, enrolment_date=self.enrolment_date, today=self.today)
        except ValidationError as exc:
            target = page_of(self, exc.field)
            if target is not None and target <= current:
                self._show_problem(exc.field, str(exc))
                return False
        return True

    def accept(self) -> None:
        try:
            data = self.collect()
        except ValidationError as exc:
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
        out: dict[str, Any] = {}
        for page in self._pages:
            out.update(page.view.to_json())
        return out | {"page": self.currentId()}

    def restore_draft(self, data: dict[str, Any]) -> None:
        for page in self._pages:
            page.view.from_json(data)

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

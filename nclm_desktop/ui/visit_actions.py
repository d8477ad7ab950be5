"""The row of visit actions shared by the calendar page and the participant's follow-up tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QPushButton, QWidget

from ..forms.errors import shown
from ..models.db import Database
from ..reports.ics import IcsExport, save_export
from ..services import followup as fu
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor, Permission
from . import dialogs
from .visit_dialog import RescheduleDialog, VisitDialog
from .visit_states import t


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally. Tests replace this to drive the dialog instead."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save an .ics file; tests replace this."""
    path, _ = QFileDialog.getSaveFileName(
        parent, t("Export calendar"), suggested, t("iCalendar files (*.ics)")
    )
    return path or None


def export_ics(
    parent: QWidget, db: Database, actor: Actor, suggested: str, build: Callable[[], IcsExport]
) -> str | None:
    """Build the calendar, ask where to put it, write it and audit the export."""
    path = ask_save_path(parent, suggested)
    if not path:
        return None
    if not path.lower().endswith(".ics"):
        path += ".ics"
    try:
        export = build()
        save_export(db, actor, export, Path(path))
    except (ServiceError, OSError) as exc:
        dialogs.show_error(parent, str(exc))
        return None
    return t("{n} visits exported to {path}.").format(n=export.events, path=path)


class VisitActionBar(QWidget):
    """Record / reschedule / mark missed / un-mark for the selected visit.

    ``changed`` carries a message for the status line after something was stored.
    """

    changed = Signal(str)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.visit: fu.VisitRow | None = None
        self.can_write = actor.can(Permission.WRITE_FOLLOWUP)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("record_visit", t("Record visit…"), self.record),
            ("reschedule_visit", t("Reschedule…"), self.reschedule),
            ("mark_missed", t("Mark missed"), self.mark_missed),
            ("unmark_missed", t("Un-mark missed…"), self.unmark_missed),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons[name] = button
        self.set_visit(None)

    def set_visit(self, visit: fu.VisitRow | None) -> None:
        self.visit = visit
        status = visit.status if visit else ""
        enabled = {
            "record_visit": status in ("planned", "missed", "done"),
            "reschedule_visit": status == "planned",
            "mark_missed": status == "planned" and visit.state in ("due", "overdue"),
            "unmark_missed": status == "missed",
        }
        for name, button in self.buttons.items():
            button.setEnabled(self.can_write and enabled[name])
        self.buttons["record_visit"].setText(
            t("Correct visit…") if status == "done" else t("Record visit…")
        )

    def record(self) -> None:
        if self.visit is None:
            return
        dialog = VisitDialog(self.db, self.actor, self.visit, self.today(), self.window())
        if run_dialog(dialog) and dialog.result_info is not None:
            info = dialog.result_info
            message = t("{study_id} {code} recorded.").format(
                study_id=self.visit.study_id, code=self.visit.code
            )
            if info.event_ids:
                message += " " + t("{n} event(s) recorded.").format(n=len(info.event_ids))
            extra = [
                shown(w) for w in info.warnings if not info.outside_window or "window" not in w
            ]
            self.changed.emit(" ".join([message, *extra]))

    def reschedule(self) -> None:
        if self.visit is None:
            return
        dialog = RescheduleDialog(self.db, self.actor, self.visit, self.window())
        if run_dialog(dialog):
            message = t("{study_id} {code} rescheduled.").format(
                study_id=self.visit.study_id, code=self.visit.code
            )
            if dialog.deviation:
                message += " " + t("Flagged as a protocol deviation.")
            self.changed.emit(message)

    def mark_missed(self) -> None:
        v = self.visit
        if v is None or not dialogs.confirm(
            self, t("Mark {study_id} {code} as missed?").format(study_id=v.study_id, code=v.code)
        ):
            return
        self._call(
            lambda: fu.mark_missed(self.db, self.actor, v.id, self.today()),
            t("{study_id} {code} marked missed.").format(study_id=v.study_id, code=v.code),
        )

    def unmark_missed(self) -> None:
        v = self.visit
        if v is None:
            return
        reason = dialogs.ask_reason(self, t("the missed status of {code}").format(code=v.code))
        if not reason:
            return
        self._call(
            lambda: fu.unmark_missed(self.db, self.actor, v.id, reason),
            t("{study_id} {code} is open again.").format(study_id=v.study_id, code=v.code),
        )

    def _call(self, fn: Callable[[], object], message: str) -> None:
        try:
            fn()
        except (ValidationError, ServiceError) as exc:
            dialogs.show_error(self, str(exc))
            return
        self.changed.emit(message)

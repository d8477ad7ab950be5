"""The participant's follow-up tab: endpoints, then visits and events in one timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..clinical import SurvivalTime
from ..forms.errors import shown
from ..models.db import Database
from ..reports.ics import participant_ics
from ..services import followup as fu
from ..services.errors import ServiceError
from ..services.permissions import Actor, Permission
from . import dialogs
from .change_notice import Changes, change_notice
from .table_models import Column, Index, configure_table
from .visit_actions import VisitActionBar, export_ics, run_dialog
from .visit_dialog import EventDialog
from .visit_states import StateTableModel, event_label, state_label, t


def _what(entry: fu.TimelineEntry) -> str:
    if entry.kind == "visit":
        return t("Visit {code}").format(code=entry.code)
    if entry.kind == "event":
        return event_label(entry.code)
    return t("Operation (anchor)") if entry.code == "operation date" else t("Index date (anchor)")


def timeline_columns() -> list[Column]:
    return [
        Column("date", t("Date")),
        Column("days", t("Day"), lambda d: f"{d:+d}" if d else "0"),
        Column("what", t("What")),
        Column("state", t("State"), lambda s: state_label(s) if s else ""),
        Column("detail", t("Details")),
    ]


def describe_survival(name: str, time: SurvivalTime | None, event_word: str) -> str:
    if time is None:
        return ""
    outcome = (
        t("{event} on {date}").format(event=event_word, date=time.end_date.isoformat())
        if time.event
        else t("censored on {date}").format(date=time.end_date.isoformat())
    )
    return t("{name}: {months:.1f} months ({days} days), {outcome}").format(
        name=name, months=time.months, days=time.days, outcome=outcome
    )


class TimelineModel(StateTableModel):
    """Events stand out in bold among the visits."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            if self.row_data(index.row())["kind"] == "event":
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class FollowupTab(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.participant_id, self.today = db, actor, participant_id, today
        self.entries: list[fu.TimelineEntry] = []
        self.study_id = ""

        self.summary = QLabel()
        self.summary.setObjectName("followup_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.model = TimelineModel(timeline_columns(), self)
        self.table = QTableView()
        self.table.setObjectName("timeline_table")
        self.table.setModel(self.model)
        configure_table(self.table, sort_column=None)  # chronological, not sortable
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((95, 60, 190, 90)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(self._sync)
        self.table.activated.connect(self._activated)

        self.actions = VisitActionBar(db, actor, today)
        self.actions.changed.connect(self._changed)
        self.event_button = QPushButton(t("Record event…"))
        self.event_button.setObjectName("record_event")
        self.event_button.setToolTip(
            t("An event learnt outside a visit: phone contact, death, withdrawal …")
        )
        self.event_button.setEnabled(actor.can(Permission.WRITE_FOLLOWUP))
        self.event_button.clicked.connect(self.record_event)
        self.export_button = QPushButton(t("Export schedule (.ics)…"))
        self.export_button.setObjectName("export_ics")
        self.export_button.setEnabled(actor.can(Permission.REPORTS))
        self.export_button.clicked.connect(self.export)
        self.message = QLabel()
        self.message.setObjectName("followup_message")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.actions)
        buttons.addWidget(self.event_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()
        change_notice().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        parts = ("visits", "events", "participant", "surgery", "signature")
        if changes.touches(self.participant_id, *parts):
            self.refresh()

    def refresh(self) -> None:
        today = self.today()
        try:
            tl = fu.timeline(self.db, self.actor, self.participant_id, today)
            ep = fu.participant_endpoints(self.db, self.actor, self.participant_id)
            self._visits = {v.id: v for v in fu.list_visits(
                self.db, self.actor, self.participant_id, today)}  # fmt: skip
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.study_id = tl.study_id
        self.entries = list(tl.entries)
        self.model.set_rows(
            [
                {
                    "date": e.date,
                    "days": e.days,
                    "what": _what(e),
                    "state": e.state,
                    "detail": shown(e.detail),  # marked parts: in the user's language
                    "visit_id": e.visit_id,
                    "kind": e.kind,
                }
                for e in self.entries
            ]
        )
        if tl.anchor is None:
            self.summary.setText(t("No follow-up yet: the schedule starts from the operation "
                                   "(hepatectomy) or the index date (systemic only)."))  # fmt: skip
        else:
            anchor = t("Operation date") if tl.cohort == "hepatectomy" else t("Index date")
            lines = [
                t("<b>{study_id}</b> · {anchor} {date} · status {status}").format(
                    study_id=tl.study_id, anchor=anchor, date=tl.anchor.isoformat(),
                    status=t(tl.status)),
                describe_survival(t("Overall survival"), ep.overall_survival, t("death")),
                describe_survival(t("Intrahepatic RFS"), ep.intrahepatic_rfs,
                                  t("event")),
            ]  # fmt: skip
            self.summary.setText("<br>".join(x for x in lines if x))
        self._sync()

    def current_visit(self) -> fu.VisitRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        visit_id = self.model.row_data(index.row())["visit_id"]
        return self._visits.get(visit_id) if visit_id else None

    def select_visit(self, code: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.kind == "visit" and entry.code == code:
                self.table.selectRow(row)
                return

    def _sync(self, *_: object) -> None:
        self.actions.set_visit(self.current_visit())

    def _activated(self, *_: object) -> None:
        self._sync()
        if self.actions.buttons["record_visit"].isEnabled():
            self.actions.record()

    def _changed(self, message: str) -> None:
        self.message.setText(message)
        self.refresh()

    def record_event(self) -> None:
        dialog = EventDialog(
            self.db, self.actor, self.participant_id, self.study_id, self.today(), self.window()
        )
        if run_dialog(dialog) and dialog.result_info is not None:
            n = len(dialog.result_info.event_ids)
            self._changed(t("{n} event(s) recorded.").format(n=n))

    def export(self) -> None:
        message = export_ics(
            self,
            self.db,
            self.actor,
            f"{self.study_id}-visits.ics",
            lambda: participant_ics(self.db, self.actor, self.study_id, self.today()),
        )
        if message:
            self.message.setText(message)

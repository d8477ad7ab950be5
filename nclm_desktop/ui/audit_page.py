"""Audit viewer: filter by participant, user and date range."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.audit_trail import AuditFilter, query_events, verify_chain
from ..services.permissions import Actor
from .audit_presentation import action_label, change_text, field_label, local_time, record_label
from .table_models import Column, Index, RecordTableModel, SearchFilterProxy, configure_table


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


def audit_columns() -> list[Column]:
    return [
        Column("id", "#"),
        Column("time", _t("Time (local)"), tip=_t("Local time, with its offset from UTC")),
        Column("username", _t("User")),
        Column("action", _t("Action")),
        Column("record", _t("Record")),
        Column("study_id", _t("Study ID")),
        Column("field", _t("Field")),
        Column("change", _t("Change"), tip=_t("Old value → new value")),
        Column("reason", _t("Reason")),
    ]


# The change takes what the other columns leave; the reason (last) stretches to the edge.
COLUMN_WIDTHS = {"id": 50, "time": 185, "username": 95, "action": 65, "record": 115,
                 "study_id": 90, "field": 120, "change": 250}  # fmt: skip


def shown_event(e: dict) -> dict:
    """A service row (table and column names, JSON text) as the viewer shows it."""
    return {
        "id": e["id"],
        "time": local_time(e["ts_utc"]),
        "username": e["username"],
        "action": action_label(e["action"]),
        "record": record_label(e["entity"], e["entity_id"]),
        "study_id": e["study_id"],
        "field": field_label(e["field"]),
        "change": change_text(e["action"], e["field"], e["old_value"], e["new_value"]),
        "reason": e["reason"],
    }


class AuditTableModel(RecordTableModel):
    """Long changes and reasons are cut in their cells: the tooltip shows all of them."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            text = super().data(index, Qt.ItemDataRole.DisplayRole)
            return text if len(text) > 40 else None
        return super().data(index, role)


class AuditPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = AuditTableModel(audit_columns(), self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.study_id = QLineEdit()
        self.study_id.setObjectName("study_id")
        self.study_id.setPlaceholderText("NCLM-H-001")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.use_dates = QCheckBox(self.tr("From"))
        self.use_dates.setObjectName("use_dates")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_from.setObjectName("date_from")
        self.date_to = QDateEdit(today)
        self.date_to.setObjectName("date_to")
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        apply = QPushButton(self.tr("Apply"))
        apply.setObjectName("apply_filter")
        apply.setDefault(True)
        apply.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("Verify chain"))
        verify.setObjectName("verify_chain")
        verify.clicked.connect(self.verify)
        self.status = QLabel()
        self.status.setObjectName("audit_status")

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Participant")))
        filters.addWidget(self.study_id)
        filters.addWidget(QLabel(self.tr("User")))
        filters.addWidget(self.username)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(apply)
        filters.addStretch(1)
        filters.addWidget(verify)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.proxy)
        configure_table(self.table, 0, Qt.SortOrder.DescendingOrder)
        for col, column in enumerate(self.model.columns):
            if column.key in COLUMN_WIDTHS:
                self.table.setColumnWidth(col, COLUMN_WIDTHS[column.key])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.refresh()

    def current_filter(self) -> AuditFilter:
        dates = self.use_dates.isChecked()
        return AuditFilter(
            study_id=self.study_id.text() or None,
            username=self.username.text() or None,
            date_from=self.date_from.date().toPython() if dates else None,
            date_to=self.date_to.date().toPython() if dates else None,
        )

    def refresh(self) -> None:
        rows = query_events(self.db, self.actor, self.current_filter())
        self.model.set_rows([shown_event(e) for e in rows])
        self.status.setText(
            self.tr("{n} events shown (newest first, at most 5,000).").format(n=len(rows))
        )

    def verify(self) -> None:
        report = verify_chain(self.db)
        if report.ok:
            self.status.setText(
                self.tr("Audit trail intact: {n} events verified.").format(n=report.events)
            )
        else:
            self.status.setText(
                self.tr("AUDIT TRAIL BROKEN at event {id}: {problem}").format(
                    id=report.first_bad_id, problem=report.problem
                )
            )

"""Audit viewer: filter by participant, user and date range."""

from __future__ import annotations

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
from .table_models import Column, RecordTableModel, SearchFilterProxy, configure_table


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


class AuditPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = RecordTableModel(
            [
                Column("id", "#"),
                Column("ts_utc", _t("Time (UTC)"), lambda v: (v or "")[:19]),
                Column("username", _t("User")),
                Column("action", _t("Action")),
                Column("entity", _t("Record")),
                Column("entity_id", _t("Id")),
                Column("study_id", _t("Study ID")),
                Column("field", _t("Field")),
                Column("old_value", _t("Old value")),
                Column("new_value", _t("New value")),
                Column("reason", _t("Reason")),
            ],
            self,
        )
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
        for col, width in enumerate((50, 140, 90, 70, 120, 50, 100, 110, 140, 200)):
            self.table.setColumnWidth(col, width)
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
        self.model.set_rows(rows)
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

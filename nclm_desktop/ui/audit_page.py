"""Audit viewer: filter by participant, user and date range."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..forms.errors import shown
from ..models.db import Database
from ..services.audit_trail import AuditFilter, query_events
from ..services.audit_verify import VerifyReport, verify_database
from ..services.permissions import Actor
from .audit_presentation import action_label, change_text, field_label, local_time, record_label
from .date_input import DateInput
from .table_models import Column, Index, RecordTableModel, SearchFilterProxy, configure_table
from .tasks import run_in_background


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
        today = dt.date.today()
        self.date_from = DateInput("date_from")
        self.date_from.set_date(today - dt.timedelta(days=30))
        self.date_to = DateInput("date_to")
        self.date_to.set_date(today)
        apply = QPushButton(self.tr("Apply"))
        apply.setObjectName("apply_filter")
        apply.setDefault(True)
        apply.clicked.connect(self.refresh)
        verify = self.verify_button = QPushButton(self.tr("Verify audit trail"))
        verify.setObjectName("verify_chain")
        verify.setToolTip(
            self.tr("The hash chain, its anchors, and every table compared with the trail")
        )
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
            date_from=self.date_from.date_or_none() if dates else None,
            date_to=self.date_to.date_or_none() if dates else None,
        )

    def refresh(self) -> None:
        rows = query_events(self.db, self.actor, self.current_filter())
        self.model.set_rows([shown_event(e) for e in rows])
        self.status.setText(
            self.tr("{n} events shown (newest first, at most 5,000).").format(n=len(rows))
        )

    def verify(self) -> None:
        """The same checks as `nclm-desktop audit verify`, off the UI thread (seconds on a
        large study); the page stays usable meanwhile."""
        target = (
            str(self.db.path)
            if self.db.path is not None
            else self.db.url.render_as_string(hide_password=False)
        )
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Verifying the audit trail…"))
        run_in_background(lambda: verify_database(target), self._verified, self._verify_failed)

    def _verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            self.status.setText(
                self.tr(
                    "Audit trail intact: {n} events; {a} anchor(s) matched; {t} audited tables "
                    "agree with the trail."
                ).format(n=report.events, a=report.anchors_checked, t=report.tables_checked)
            )
            return
        if report.chain_problem:
            problem = self.tr("broken at event {id}: {problem}").format(
                id=report.first_bad_id, problem=shown(report.chain_problem)
            )
        elif report.anchor_problems:
            problem = shown(report.anchor_problems[0])
        else:
            problem = self.tr("{n} difference(s) with the tables, first: {d}").format(
                n=report.difference_count, d=shown(report.differences[0].describe())
            )
        self.status.setText(self.tr("AUDIT TRAIL NOT INTACT: {p}").format(p=problem))

    def _verify_failed(self, exc: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.status.setText(self.tr("Could not verify: {e}").format(e=exc))

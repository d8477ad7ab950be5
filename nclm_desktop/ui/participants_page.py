"""Participants: the study's list with filter-as-you-type."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.participants import list_participants
from ..services.permissions import Actor, Permission
from .change_notice import Changes, change_notice
from .table_models import Column, RecordTableModel, SearchFilterProxy, configure_table


def _t(text: str) -> str:
    return QCoreApplication.translate("ParticipantsPage", text)


STATUS_LABELS = {
    "screening": "screening",
    "screen_failed": "screen failure",
    "enrolled": "enrolled",
    "withdrawn": "withdrawn",
    "completed": "completed",
    "deceased": "deceased",
}
COHORT_LABELS = {"hepatectomy": "hepatectomy", "systemic": "systemic only", "": ""}


def participant_columns() -> list[Column]:
    return [
        Column("study_id", _t("Study ID")),
        Column("name", _t("Name")),
        Column("hospital_record_number", _t("Record no.")),
        Column("cohort", _t("Cohort"), lambda v: _t(COHORT_LABELS.get(v or "", v or ""))),
        Column("status", _t("Status"), lambda v: _t(STATUS_LABELS.get(v, v))),
        Column("sex", _t("Sex")),
        Column("birth_date", _t("Born")),
        Column("enrolment_date", _t("Enrolled")),
        Column("index_date", _t("Index date")),
    ]


class ParticipantsPage(QWidget):
    participant_opened = Signal(int)
    new_screening_requested = Signal()

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = RecordTableModel(participant_columns(), self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("participant_filter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by study ID, name, record number, status … (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_search)
        self.filter_edit.textChanged.connect(self._update_count)
        self.new_button = QPushButton(self.tr("New screening…"))
        self.new_button.setObjectName("new_screening")
        self.new_button.setEnabled(actor.can(Permission.SCREEN_ENROL))
        self.new_button.clicked.connect(self.new_screening_requested)
        self.count_label = QLabel()
        self.count_label.setObjectName("participant_count")

        self.table = QTableView()
        self.table.setObjectName("participants_table")
        self.table.setModel(self.proxy)
        configure_table(self.table)
        for col, width in enumerate((110, 160, 110, 110, 110, 50, 95, 95)):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(self._open)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        # load=False: fill the list just after the page is first shown, so the window paints
        # at once; a page that is never shown never queries.
        self._load_on_show = not load
        if load:
            self.refresh()
        change_notice().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """A write changed what the list shows: reload now, or when next shown."""
        if changes.touches(None, "participant", "identity", "screening", "surgery", "visits"):
            if self.isVisible():
                self.refresh()
            else:
                self._load_on_show = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._load_on_show:
            self._load_on_show = False
            QTimer.singleShot(0, self, self.refresh)  # cancelled if the page is deleted

    def refresh(self) -> None:
        if not shiboken6.isValid(self.model):
            return
        self.model.set_rows(list_participants(self.db, self.actor))
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_data(self.proxy.mapToSource(index).row())
        self.participant_opened.emit(row.id)

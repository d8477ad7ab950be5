"""Participants: the study's list with filter-as-you-type."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
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
from ..services.participants import HIDDEN, list_participants
from ..services.permissions import Actor, Permission
from .change_notice import Changes, change_notice
from .pinyin_search import search_keys
from .table_models import Column, RecordTableModel, SearchFilterProxy, configure_table
from .tasks import run_in_background


def _t(text: str) -> str:
    return QCoreApplication.translate("ParticipantsPage", text)


STATUS_LABELS = {
    "screening": QT_TRANSLATE_NOOP("DataDictionary", "screening"),
    "screen_failed": QT_TRANSLATE_NOOP("DataDictionary", "screen failure"),
    "enrolled": QT_TRANSLATE_NOOP("DataDictionary", "enrolled"),
    "withdrawn": QT_TRANSLATE_NOOP("DataDictionary", "withdrawn"),
    "completed": QT_TRANSLATE_NOOP("DataDictionary", "completed"),
    "deceased": QT_TRANSLATE_NOOP("DataDictionary", "deceased"),
}
COHORT_LABELS = {
    "hepatectomy": QT_TRANSLATE_NOOP("DataDictionary", "hepatectomy"),
    "systemic": QT_TRANSLATE_NOOP("DataDictionary", "systemic only"),
    "": "",
}


SEX_LABELS = {
    "M": QT_TRANSLATE_NOOP("ParticipantsPage", "M"),
    "F": QT_TRANSLATE_NOOP("ParticipantsPage", "F"),
}


def _count(value: int) -> str:
    return str(value) if value else ""


def participant_columns() -> list[Column]:
    return [
        Column("study_id", _t("Study ID")),
        Column("name", _t("Name"), tip=_t("Chinese names are also found by pinyin or initials")),
        Column("hospital_record_number", _t("Record no.")),
        Column("cohort", _t("Cohort"), lambda v: _t(COHORT_LABELS.get(v or "", v or ""))),
        Column("status", _t("Status"), lambda v: _t(STATUS_LABELS.get(v, v))),
        Column("sex", _t("Sex"), lambda v: _t(SEX_LABELS.get(v, v or ""))),
        Column("born", _t("Born")),
        Column("enrolment_date", _t("Enrolled")),
        Column("index_date", _t("Index date")),
        Column("operation_date", _t("Operation")),
        Column("next_visit", _t("Next visit"), tip=_t("The earliest open visit (may be overdue)")),
        Column(
            "missing",
            _t("Missing"),
            _count,
            _t("Required screening, baseline and operation fields left empty"),
        ),
        Column(
            "open_queries",
            _t("Queries"),
            _count,
            _t("Data queries still open (the Queries page lists them)"),
        ),
        # Hidden: the default order, latest change first (services/participants.py).
        Column("last_event", _t("Last change")),
    ]


# Widths that fit every column at 1366 px; the last column stretches.
COLUMN_WIDTHS = (100, 120, 95, 100, 100, 40, 85, 85, 85, 85, 85, 60, 60)


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
            self.tr("Filter by study ID, name or pinyin, record number, status … (Ctrl+F)")
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
        # Latest change first: the participants being worked on, not old screen failures.
        keys = [c.key for c in self.model.columns]
        configure_table(self.table, keys.index("last_event"), Qt.SortOrder.DescendingOrder)
        self.table.setColumnHidden(keys.index("last_event"), True)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)
        self._pinyin_generation = 0
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
        if changes.touches(
            None, "participant", "identity", "screening", "surgery", "visits", "monitoring"
        ):
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
        rows = list_participants(self.db, self.actor)
        if not shiboken6.isValid(self.model):  # a closed window collected during the query
            return
        self.model.set_rows(rows)
        self._update_count()
        self._index_pinyin({r.name for r in rows if r.name and r.name != HIDDEN})

    def _index_pinyin(self, names: set[str]) -> None:
        """Pinyin search keys for the names, computed off the UI thread once per load; the
        filter finds Chinese names by pinyin as soon as they arrive."""
        self._pinyin_generation += 1
        generation = self._pinyin_generation
        if not names:
            return

        def arrived(keys: dict[str, str]) -> None:
            if shiboken6.isValid(self) and generation == self._pinyin_generation:
                self.model.add_search_text("name", keys)
                self._update_count()

        run_in_background(lambda: search_keys(names), arrived, lambda _exc: None, owner=self)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_data(self.proxy.mapToSource(index).row())
        self.participant_opened.emit(row.id)

"""Status: REDCap's record status dashboard. Participants (in the list's order) × the
casebook's forms and follow-up visits, each cell coloured and lettered by its state; a click
or Enter opens the participant at the tab that holds the form (docs/ARCHITECTURE.md §3)."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.errors import ServiceError
from ..services.monitoring.status import STATES
from ..services.permissions import Actor
from .change_notice import Changes, change_notice
from .status_model import (
    STATE_COLOURS,
    STATE_LETTERS,
    STATE_MEANINGS,
    STATE_NAMES,
    StatusModel,
    _t,
)

# The parts of a record the grid shows (services/changes.py).
SHOWN_PARTS = (
    "participant",
    "identity",
    "screening",
    "baseline",
    "surgery",
    "visits",
    "events",
    "signature",
    "monitoring",
)
FORM_WIDTH, VISIT_WIDTH = 62, 40
FILTER_DELAY_MS = 200  # typing a study ID reloads once the typing pauses
# A double-click is a click and an activation: one window, not two.
REPEAT_S = 1.0


class CellDelegate(QStyledItemDelegate):
    """Paints the state's colour and letter even on the selected cell, which gets a dark
    frame instead of the selection colour (the colour must stay readable). Reads the state
    straight from the model: one look-up per cell, not one per role."""

    def __init__(self, model: StatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.colours = {s: (QColor(bg), QColor(fg)) for s, (bg, fg) in STATE_COLOURS.items()}
        self.letters = {s: _t(letter) for s, letter in STATE_LETTERS.items()}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = self.model.state_at(index.row(), index.column())
        if state is None:
            return
        rect = option.rect
        painter.save()
        painter.fillRect(rect, self.colours[state][0])
        painter.setPen(self.colours[state][1])
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.letters[state])
        if option.state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus):
            painter.setPen(QPen(Qt.GlobalColor.black, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()


class StatusDashboardPage(QWidget):
    participant_opened = Signal(int)
    participant_tab_opened = Signal(int, str)  # participant id, the tab holding the form

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.model = StatusModel(db, actor, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("participant_filter")  # Ctrl+F finds it
        self.filter_edit.setPlaceholderText(self.tr("Filter by study ID …"))
        self.filter_edit.setClearButtonEnabled(True)
        self.state_box = QComboBox()
        self.state_box.setObjectName("status_state_filter")
        for text, code in (
            (self.tr("All participants"), None),
            (self.tr("With open queries"), "query"),
            (self.tr("With incomplete forms"), "incomplete"),
            (self.tr("With verified forms"), "verified"),
            (self.tr("Locked (signed)"), "locked"),
            (self.tr("Not locked"), "unlocked"),
        ):
            self.state_box.addItem(text, code)
        self.count_label = QLabel()
        self.count_label.setObjectName("status_count")
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.state_box.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setObjectName("status_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.model, self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The study IDs are the vertical header: they stay in place while the grid scrolls
        # sideways (a frozen first column).
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(24)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setObjectName("status_study_ids")
        rows.sectionClicked.connect(self._open_participant)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        # Narrow columns, each as wide as its (short, translated) header needs.
        metrics = header.fontMetrics()
        for col, column in enumerate(self.model.columns):
            text = self.model.headerData(col, Qt.Orientation.Horizontal)
            least = VISIT_WIDTH if column.visit else FORM_WIDTH
            self.table.setColumnWidth(col, max(least, metrics.horizontalAdvance(text) + 14))
        self.table.clicked.connect(self._open_cell)
        self.table.activated.connect(self._open_cell)  # Enter on the current cell

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.state_box)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._legend())
        layout.addWidget(self.table, 1)

        self._last_open: tuple[int, str, float] = (0, "", 0.0)
        self._load_on_show = not load
        if load:
            self.refresh()
        change_notice().changed.connect(self._on_changes)

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for state in STATES:
            bg, fg = STATE_COLOURS[state]
            swatch = QLabel(_t(STATE_LETTERS[state]))
            swatch.setObjectName(f"legend_{state}")
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setFixedSize(22, 20)
            swatch.setStyleSheet(
                f"background: {bg}; color: {fg}; border: 1px solid #999; font-weight: 600;"
            )
            name = QLabel(_t(STATE_NAMES[state]))
            for label in (swatch, name):
                label.setToolTip(_t(STATE_MEANINGS[state]))
            row.addWidget(swatch)
            row.addWidget(name)
            row.addSpacing(10)
        row.addStretch(1)
        return row

    # -- loading ---------------------------------------------------------------------------
    @Slot()
    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self._load()

    @Slot()
    def refresh(self) -> None:
        """The order again, keeping the scroll position; rows come as they are shown."""
        if not shiboken6.isValid(self.model):
            return
        scroll = self.table.verticalScrollBar().value()
        current = self.table.currentIndex()
        if self._load():
            self.table.verticalScrollBar().setValue(scroll)
            if current.isValid() and current.row() < self.model.rowCount():
                # The keyboard stays where it was (a model reset forgets it).
                self.table.setCurrentIndex(self.model.index(current.row(), current.column()))

    def _load(self) -> bool:
        try:
            self.model.set_filter(self.filter_edit.text(), self.state_box.currentData())
        except ServiceError as exc:  # one line where the count goes, never a traceback
            self.count_label.setText(str(exc))
            return False
        self._update_count()
        return True

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} participants").format(n=f"{self.model.rowCount():,}"))

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(None, *SHOWN_PARTS):
            if self.isVisible():
                self.refresh()
            else:
                self._load_on_show = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._load_on_show:
            self._load_on_show = False
            QTimer.singleShot(0, self, self.refresh)

    # -- opening ---------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _open_cell(self, index: QModelIndex) -> None:
        row = self.model.row(index.row()) if index.isValid() else None
        if row is None:
            return
        tab = self.model.columns[index.column()].tab
        pid, last_tab, when = self._last_open
        now = time.monotonic()
        if (pid, last_tab) == (row.participant_id, tab) and now - when < REPEAT_S:
            return
        self._last_open = (row.participant_id, tab, now)
        self.participant_tab_opened.emit(row.participant_id, tab)

    @Slot(int)
    def _open_participant(self, section: int) -> None:
        row = self.model.row(section)
        if row is not None:
            self.participant_opened.emit(row.participant_id)

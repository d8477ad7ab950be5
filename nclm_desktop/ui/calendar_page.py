"""Follow-up calendar: a month grid of visits by state, the day's visits, and worklists."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..reports.ics import worklist_ics
from ..services import followup as fu
from ..services.errors import ServiceError
from ..services.permissions import Actor, Permission
from . import dialogs
from .change_notice import Changes, change_notice
from .i18n import weekday_date
from .table_models import Column, SearchFilterProxy, configure_table, set_column_widths
from .visit_actions import VisitActionBar, export_ics
from .visit_states import (
    CALENDAR_STATES,
    STATE_COLOURS,
    StateTableModel,
    chip_style,
    state_label,
    t,
)

# Day numbers of the neighbouring months: greyed, yet still 4.5:1 on their background.
OTHER_MONTH_BACKGROUND = "#f3f3f3"
OTHER_MONTH_DAY_TEXT = "#636363"


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class VisitCalendar(QCalendarWidget):
    """A month grid that paints, per day, one coloured chip per visit state with its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_grid")
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.counts: dict[dt.date, Counter[str]] = {}
        self.today = dt.date.today()
        # Row 0 of the internal view holds the day names: keep it one line high, give the
        # weeks the room (by default all seven rows stretch alike).
        self.view = self.findChild(QTableView, "qt_calendar_calendarview")
        if self.view is not None:
            rows = self.view.verticalHeader()
            rows.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
            rows.resizeSection(0, self.fontMetrics().height() + 10)

    def set_counts(self, counts: dict[dt.date, Counter[str]], today: dt.date) -> None:
        self.counts = counts
        self.today = today
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = date.toPython()
        in_month = date.month() == self.monthShown()
        selected = date == self.selectedDate()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            background = QColor("#d6e6fa")
        elif not in_month:
            background = QColor(OTHER_MONTH_BACKGROUND)
        elif day.weekday() >= 5:
            background = QColor("#fbf8f2")
        else:
            background = QColor("white")
        painter.fillRect(rect, background)
        if day == self.today:
            painter.setPen(QPen(QColor("#1f5fbf"), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

        font = QFont(painter.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        painter.setPen(QColor("#222") if in_month else QColor(OTHER_MONTH_DAY_TEXT))
        painter.drawText(
            rect.adjusted(5, 3, -4, -2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            str(date.day()),
        )

        counts = self.counts.get(day)
        if counts:
            small = QFont(painter.font())
            small.setBold(True)
            small.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            painter.setFont(small)
            line = painter.fontMetrics().height()
            chip_h = line + 2
            x, y = rect.left() + 4, rect.top() + line + 6
            metrics = painter.fontMetrics()
            for state in CALENDAR_STATES:
                n = counts.get(state, 0)
                if not n:
                    continue
                # Say what the colour means when the cell is wide enough, else the count only.
                text = f"{n} {state_label(state)}"
                if metrics.horizontalAdvance(text) + 10 > rect.width() - 8:
                    text = str(n)
                chip_w = max(chip_h + 4, metrics.horizontalAdvance(text) + 10)
                if x + chip_w > rect.right() - 2:
                    x, y = rect.left() + 4, y + chip_h + 3
                if y + chip_h > rect.bottom():
                    break
                style = chip_style(state, in_month)
                painter.setPen(QPen(style.border, 1) if style.border else Qt.PenStyle.NoPen)
                painter.setBrush(style.fill)
                chip = QRect(x, y, chip_w, chip_h)
                painter.drawRoundedRect(chip, 4, 4)
                painter.setPen(style.text)
                painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
                x += chip_w + 3
        painter.restore()


def visit_columns() -> list[Column]:
    return [
        Column("study_id", t("Study ID")),
        Column("name", t("Name")),
        Column("phone", t("Phone")),
        Column("code", t("Visit")),
        Column("state", t("State"), state_label),
        Column("scheduled_date", t("Booked")),
        Column("window_start", t("Window from")),
        Column("window_end", t("Window to")),
        Column("days_overdue", t("Days overdue"), lambda v: str(v) if v else ""),
    ]


def day_columns() -> list[Column]:
    return [
        Column("study_id", t("Study ID")),
        Column("name", t("Name")),
        Column("code", t("Visit")),
        Column("state", t("State"), state_label),
        Column("scheduled_date", t("Booked")),
        Column("actual_date", t("Done on")),
    ]


class VisitTable(QWidget):
    """A sortable, filterable table of VisitRows; ``current()`` is the selected visit."""

    def __init__(
        self,
        name: str,
        columns: list[Column],
        sort_key: str,
        order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = StateTableModel(columns, self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{name}_filter")
        self.filter.setPlaceholderText(t("Filter by study ID, name, phone, visit …"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_search)
        self.view = QTableView()
        self.view.setObjectName(f"{name}_table")
        self.view.setModel(self.proxy)
        keys = [c.key for c in columns]
        configure_table(self.view, keys.index(sort_key), order)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {"study_id": 92, "name": 90, "phone": 115, "code": 44, "state": 88}
        set_column_widths(self.view, [widths.get(col.key, 84) for col in columns])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[fu.VisitRow]) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        if keep is not None:
            self.select(keep.id)

    def current(self) -> fu.VisitRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.row_data(self.proxy.mapToSource(index).row())

    def select(self, visit_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_data(row).id == visit_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.view.setCurrentIndex(index)
                    self.view.selectRow(index.row())
                    return True
        return False


class CalendarPage(QWidget):
    """Month grid, the chosen day's visits, and the coordinator's worklists."""

    WORKLIST_TITLES = {
        "this_week": QT_TRANSLATE_NOOP("Followup", "This week"),
        "next_4_weeks": QT_TRANSLATE_NOOP("Followup", "Next 4 weeks"),
        "overdue": QT_TRANSLATE_NOOP("Followup", "Overdue"),
    }

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today

        self.calendar = VisitCalendar()
        self.calendar.setMinimumSize(560, 420)
        self.calendar.currentPageChanged.connect(lambda y, m: self._load_month(y, m))
        self.calendar.selectionChanged.connect(self._show_day)
        self.today_button = QPushButton(t("Today"))
        self.today_button.setObjectName("go_today")
        self.today_button.clicked.connect(self.go_today)
        self.day_title = QLabel()
        self.day_title.setObjectName("day_title")
        font = self.day_title.font()
        font.setBold(True)
        self.day_title.setFont(font)
        self.day_table = VisitTable("day", day_columns(), "study_id")
        # The day list is narrow: the name column takes what is left, nothing scrolls sideways.
        day_header = self.day_table.view.horizontalHeader()
        day_header.setStretchLastSection(False)
        day_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if not actor.can(Permission.VIEW_IDENTITY):
            self.day_table.view.setColumnHidden(1, True)

        day_panel = QWidget()
        day_layout = QVBoxLayout(day_panel)
        day_layout.setContentsMargins(6, 0, 0, 0)
        day_layout.addWidget(self.day_title)
        day_layout.addWidget(self.day_table, 1)
        month_tab = QWidget()
        month_layout = QVBoxLayout(month_tab)
        top = QHBoxLayout()
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self._legend())
        month_layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.calendar)
        split.addWidget(day_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([620, 500])
        month_layout.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("calendar_tabs")
        self.tabs.addTab(month_tab, t("Month"))
        self.worklists: dict[str, VisitTable] = {}
        for key in fu.WORKLISTS:
            sort_by = "window_end" if key == "overdue" else "scheduled_date"
            table = VisitTable(key, visit_columns(), sort_by)
            if not actor.can(Permission.VIEW_IDENTITY):
                table.view.setColumnHidden(1, True)
                table.view.setColumnHidden(2, True)
            self.worklists[key] = table
            self.tabs.addTab(table, t(self.WORKLIST_TITLES[key]))
        self.tabs.currentChanged.connect(self._sync_actions)

        self.actions = VisitActionBar(db, actor, today)
        self.actions.changed.connect(self._changed)
        self.export_button = QPushButton(t("Export .ics…"))
        self.export_button.setObjectName("export_ics")
        self.export_button.setToolTip(
            t("The visits of the shown month or worklist as an iCalendar file (study ID and "
              "visit code only).")
        )  # fmt: skip
        self.export_button.setEnabled(actor.can(Permission.REPORTS))
        self.export_button.clicked.connect(self.export)
        self.message = QLabel()
        self.message.setObjectName("calendar_message")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.actions)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        for table in (self.day_table, *self.worklists.values()):
            table.view.selectionModel().currentChanged.connect(self._sync_actions)
            table.view.selectionModel().selectionChanged.connect(self._sync_actions)
            table.view.activated.connect(self._activated)
        self.go_today()
        self._stale = False
        self._day = self.today()
        change_notice().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """Visits, events or names changed anywhere: refresh now, or when next shown."""
        if changes.touches(None, "visits", "events", "participant", "identity"):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    # --- building blocks -----------------------------------------------------------------

    def _legend(self) -> QWidget:
        box = QWidget()
        box.setObjectName("legend")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for state in CALENDAR_STATES:
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {STATE_COLOURS[state].name()}; border-radius: 3px;")
            row.addWidget(swatch)
            row.addWidget(QLabel(state_label(state)))
            row.addSpacing(8)
        return box

    # --- data --------------------------------------------------------------------------------

    def go_today(self) -> None:
        today = self.today()
        self.calendar.setSelectedDate(_qdate(today))
        self.calendar.setCurrentPage(today.year, today.month)
        self.refresh()

    def refresh(self) -> None:
        """Reload everything shown (after a change, or when the page is shown again)."""
        self._load_month(self.calendar.yearShown(), self.calendar.monthShown())
        today = self.today()
        try:
            for key, table in self.worklists.items():
                rows = fu.worklist(self.db, self.actor, key, today)
                table.set_rows(rows)
                index = list(self.worklists).index(key) + 1
                self.tabs.setTabText(
                    index, t("{title} ({n})").format(title=t(self.WORKLIST_TITLES[key]),
                                                     n=len(rows))
                )  # fmt: skip
                start, end = fu.worklist_range(key, today)
                if start is not None and end is not None:
                    self.tabs.setTabToolTip(
                        index, t("Open visits booked from {start} to {end}").format(
                            start=weekday_date(start), end=weekday_date(end))
                    )  # fmt: skip
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
        self._sync_actions()

    def _load_month(self, year: int, month: int) -> None:
        # The grid paints counts only: the visits themselves are read for the chosen day.
        try:
            counts = fu.month_counts(self.db, self.actor, year, month, self.today())
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            counts = {}
        self.calendar.set_counts(counts, self.today())
        self._show_day()

    def _show_day(self) -> None:
        day = self.calendar.selectedDate().toPython()
        rows: list[fu.VisitRow] = []
        if self.calendar.counts.get(day):
            try:
                rows = fu.visits_between(self.db, self.actor, day, day, self.today())
            except ServiceError as exc:
                dialogs.show_error(self, str(exc))
        self.day_title.setText(
            t("{date}: {n} visit(s)").format(date=weekday_date(day), n=len(rows))
        )
        self.day_table.set_rows(rows)
        self._sync_actions()

    def select_day(self, day: dt.date) -> None:
        self.calendar.setSelectedDate(_qdate(day))

    # --- actions ------------------------------------------------------------------------------

    def current_table(self) -> VisitTable:
        index = self.tabs.currentIndex()
        return self.day_table if index == 0 else list(self.worklists.values())[index - 1]

    def _sync_actions(self, *_: object) -> None:
        self.actions.set_visit(self.current_table().current())
        self.export_button.setEnabled(
            self.actor.can(Permission.REPORTS) and self.tabs.currentIndex() != 3
        )

    def _activated(self, _index: QModelIndex) -> None:
        self._sync_actions()
        if self.actions.buttons["record_visit"].isEnabled():
            self.actions.record()

    def _changed(self, message: str) -> None:
        self.message.setText(message)
        self.refresh()

    def export_range(self) -> tuple[dt.date, dt.date]:
        """The shown month on the Month tab; the worklist's range on the weekly tabs."""
        index = self.tabs.currentIndex()
        if index == 0:
            first = dt.date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
            last = QDate(first.year, first.month, 1).addMonths(1).addDays(-1).toPython()
            return first, last
        start, end = fu.worklist_range(list(self.worklists)[index - 1], self.today())
        assert start is not None and end is not None
        return start, end

    def export(self) -> None:
        start, end = self.export_range()
        message = export_ics(
            self,
            self.db,
            self.actor,
            f"nclm-visits-{start.isoformat()}-to-{end.isoformat()}.ics",
            lambda: worklist_ics(self.db, self.actor, start, end, self.today()),
        )
        if message:
            self.message.setText(message)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Changed by a write while hidden (see _on_changes), or a new day began.
        if self._stale or self._day != self.today():
            self._stale = False
            self._day = self.today()
            self.refresh()

"""Qt table models as their own classes, testable without a window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


def _default_format(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("table", "yes" if value else "no")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sort_key(value: Any) -> tuple:
    """Numbers and dates sort by value, text case-insensitively, empty cells first."""
    if value is None:
        return (0, 0, "")
    if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time())
        if isinstance(value, dt.datetime):
            return (1, value.timestamp() if value.tzinfo else value.toordinal(), "")
        return (1, value, "")
    return (2, 0, str(value).casefold())


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    fmt: Callable[[Any], str] = _default_format


def _get(row: Any, key: str) -> Any:
    return row[key] if isinstance(row, dict) else getattr(row, key)


class RecordTableModel(QAbstractTableModel):
    """Rows (dataclasses or dicts) shown through a list of columns.

    Display strings and a lower-case search text per row are computed once when rows are
    set, so painting, sorting and filter-as-you-type stay instant with 10,000 rows.
    """

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._display: list[list[str]] = []
        self._haystack: list[str] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._display = [[c.fmt(_get(r, c.key)) for c in self.columns] for r in self._rows]
        self._haystack = ["\x1f".join(d).casefold() for d in self._display]
        self.endResetModel()

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystack[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.row()][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return _sort_key(_get(self._rows[index.row()], self.columns[index.column()].key))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None


class SearchFilterProxy(QSortFilterProxyModel):
    """Case-insensitive substring filter over all columns, using the precomputed text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return self._needle in model.haystack(source_row)  # type: ignore[attr-defined]

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(Qt.ItemDataRole.UserRole) < right.data(Qt.ItemDataRole.UserRole)


def configure_table(
    view: Any, sort_column: int | None = 0, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
) -> None:
    """The look every list shares: whole-row selection, one line per row, sortable."""
    from PySide6.QtWidgets import QAbstractItemView

    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    if sort_column is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(sort_column, order)

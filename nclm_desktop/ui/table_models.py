"""Qt table models as their own classes, testable without a window."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_USER = Qt.ItemDataRole.UserRole
# What QAbstractTableModel.flags gives every valid cell.
_TABLE_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


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
    tip: str = ""  # the header's tooltip: what the column means


def _getter(rows: Sequence[Any], key: str) -> Callable[[Any], Any]:
    if rows and isinstance(rows[0], dict):
        return operator.itemgetter(key)
    return operator.attrgetter(key)


def _get(row: Any, key: str) -> Any:
    return row[key] if isinstance(row, dict) else getattr(row, key)


class RecordTableModel(QAbstractTableModel):
    """Rows (dataclasses or dicts) shown through a list of columns.

    Display strings and a lower-case search text per row are computed once when rows are
    set, so painting, sorting and filter-as-you-type stay instant with 10,000 rows.
    """

    # The search texts grew (add_search_text) without the rows changing.
    search_text_changed = Signal()

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._display: list[list[str]] = []
        self._haystack: list[str] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        getters = [_getter(self._rows, c.key) for c in self.columns]
        formats = [c.fmt for c in self.columns]
        pairs = list(zip(getters, formats, strict=True))
        self._display = [[fmt(get(r)) for get, fmt in pairs] for r in self._rows]
        self._haystack = ["\x1f".join(d).casefold() for d in self._display]
        self.endResetModel()

    def add_search_text(self, key: str, extra: Mapping[Any, str]) -> None:
        """Let rows also be found by other words for the value of field ``key`` (a name's
        pinyin): ``extra`` maps a value to those words; rows and display stay as they are."""
        if not self._rows:
            return
        get = _getter(self._rows, key)
        self._haystack = [
            f"{hay}\x1f{more.casefold()}" if (more := extra.get(get(row))) else hay
            for hay, row in zip(self._haystack, self._rows, strict=True)
        ]
        self.search_text_changed.emit()

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystack[row]

    def haystacks(self) -> list[str]:
        """Every row's search text, by source row (read-only)."""
        return self._haystack

    def display_text(self, row: int, column: int) -> str:
        return self._display[row][column]

    def sort_key(self, row: int, column: int) -> tuple:
        return _sort_key(_get(self._rows[row], self.columns[column].key))

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
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].tip:
                return self.columns[section].tip
        return None


class SearchFilterProxy(QAbstractProxyModel):
    """Filter-as-you-type and sorting over a RecordTableModel, computed in plain Python.

    A QSortFilterProxyModel calls back into Python once per source row on every keystroke;
    here the filter is one list comprehension over the precomputed search texts and the
    view only asks for the rows it paints, so 10,000 rows stay instant.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []  # all source rows, sorted
        self._rows: list[int] = []  # the shown subset, in display order
        self._position: dict[int, int] = {}

    def setSourceModel(self, model: RecordTableModel) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._source_reset)
            old.search_text_changed.disconnect(self._refilter)
        super().setSourceModel(model)
        self._source = model  # read on every painted cell: no call back into Qt for it
        self._plain_source = (
            type(model).data is RecordTableModel.data
            and type(model).flags is RecordTableModel.flags
        )
        model.modelReset.connect(self._source_reset)
        model.search_text_changed.connect(self._refilter)
        self._source_reset()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks every visible cell for a dozen roles: answer from the source's
        # precomputed texts without building a source index per call.
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._value(self._rows[index.row()], index.column(), role)

    def _value(self, row: int, column: int, role: int) -> Any:
        model = self._source
        if role == _DISPLAY:
            return model.display_text(row, column)
        if self._plain_source and role != _USER:
            return None  # a plain RecordTableModel shows text only
        return model.data(model.index(row, column), role)

    def multiData(self, index: Index, roleDataSpan: Any) -> None:  # noqa: N802, N803 - Qt
        """Every role a painted cell needs, in one call: the item delegate asks for seven
        roles at once, which the default implementation turns into seven calls of data()."""
        if not index.isValid() or index.row() >= len(self._rows):
            for item in roleDataSpan:
                item.clearData()
            return
        row, column = self._rows[index.row()], index.column()
        for item in roleDataSpan:
            role = item.role()
            if role == _DISPLAY:  # the common case first, without a further call
                item.setData(self._source.display_text(row, column))
            elif self._plain_source and role != _USER:
                item.clearData()
            else:
                value = self._value(row, column, role)
                item.setData(value) if value is not None else item.clearData()

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked once per painted cell; the base class would map to a source index for it.
        if not index.isValid() or index.row() >= len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._plain_source:
            return _TABLE_FLAGS
        source = self._source
        return source.flags(source.index(self._rows[index.row()], index.column()))

    def _refilter(self) -> None:
        """The search texts grew: rows hidden so far may match now."""
        if self._needle:
            self.beginResetModel()
            self._apply_filter()
            self.endResetModel()

    def _source_reset(self) -> None:
        self.beginResetModel()
        self._order = self._sorted_rows()
        self._apply_filter()
        self.endResetModel()

    def _sorted_rows(self) -> list[int]:
        model = self.sourceModel()
        rows = list(range(model.rowCount()))
        if self._sort_column is not None and rows:
            column = self._sort_column
            rows.sort(
                key=lambda r: model.sort_key(r, column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        return rows

    def _apply_filter(self, within: list[int] | None = None) -> None:
        """Rows whose search text holds the needle, from ``within`` (a shown subset, in
        display order) or from all rows."""
        if self._needle:
            hay, needle = self._source.haystacks(), self._needle
            self._rows = [
                r for r in (self._order if within is None else within) if needle in hay[r]
            ]
        else:
            self._rows = list(self._order)
        self._position = {}

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        # Typing on narrows what is shown: a text holding the new needle holds the old one.
        within = self._rows if self._needle and self._needle in needle else None
        self.beginResetModel()
        self._needle = needle
        self._apply_filter(within)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_rows()
        self._apply_filter()
        self.layoutChanged.emit()

    # --- QAbstractProxyModel ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)) or column < 0:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return QObject.parent(self)
        return QModelIndex()

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return self.sourceModel().index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        if not self._position:
            self._position = {r: i for i, r in enumerate(self._rows)}
        row = self._position.get(source_index.row())
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.sourceModel().headerData(section, orientation, role)


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


def set_column_widths(view: Any, widths: Sequence[int]) -> None:
    """Each column at its width, widened where its title needs more (a longer language must
    not elide a header; the sort arrow's room counts on the sorted column only)."""
    from PySide6.QtWidgets import QStyle

    header = view.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for col, width in enumerate(widths):
        size = header.sectionSizeFromContents(col)
        title = size.width()
        if header.isSortIndicatorShown() and col != header.sortIndicatorSection():
            title -= size.height() + margin
        view.setColumnWidth(col, max(width, title))

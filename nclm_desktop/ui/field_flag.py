"""A field's caption that can carry a flag: a small coloured flag drawn just right of the
label, between it and the input, with a tooltip saying why (a field's open or answered data
queries, docs/ARCHITECTURE.md §3). The caption stays the QFormLayout's label (buddy, text,
required star) whatever the flag.

``FlaggedFields`` is what every widget of captioned fields (the form builder's FormView, the
read-only FieldGrid) offers per field: context-menu actions and the flag; a table's rows
carry the same flag as an icon (``FlaggedTableModel``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPixmap, QPolygonF
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from .table_models import RecordTableModel

# The flag's colour by what it says: a question waits for the site, or for the monitor.
FLAG_COLOURS = {"open": "#d9480f", "answered": "#1c6fc4"}
_WIDTH = 14  # px kept right of the text for the flag


def paint_flag(painter: QPainter, state: str, left: float, top: float, line: float) -> None:
    """The flag of ``state`` in a box ``_WIDTH`` wide and ``line`` high at (left, top)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(FLAG_COLOURS[state])
    painter.setPen(colour)
    painter.drawLine(QPointF(left + 2, top), QPointF(left + 2, top + line - 2))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(left + 3, top),
                QPointF(left + _WIDTH - 1, top + line * 0.25),
                QPointF(left + 3, top + line * 0.5),
            ]
        )
    )


def flag_icon(state: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_flag(painter, state, (size - _WIDTH) / 2, 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class FlagCaption(QLabel):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.flag: str | None = None

    def set_flag(self, state: str | None, tip: str = "") -> None:
        """Show the flag of ``state`` ("open", "answered") or none, with ``tip``."""
        self.flag = state if state in FLAG_COLOURS else None
        self.setContentsMargins(0, 0, _WIDTH + 4 if self.flag else 0, 0)
        self.setToolTip(tip if self.flag else "")
        self.setAccessibleDescription(tip if self.flag else "")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self.flag:
            return
        painter = QPainter(self)
        line = self.fontMetrics().height()
        top = max(0, (self.height() - line) // 2) + 1
        paint_flag(painter, self.flag, self.width() - _WIDTH, top, line)


class _CaptionedRow(Protocol):
    caption: FlagCaption


class FlaggedFields:
    """Mixed into a QWidget whose ``rows`` map field names to rows with a ``caption``:
    per-field context-menu actions (e.g. data queries: ui/field_queries.py) and flags."""

    rows: Mapping[str, Any]
    _field_actions: list[tuple[str, Callable[[str], None]]]

    def menu_widgets(self, name: str) -> list[QWidget]:
        """The widgets of field ``name`` whose context menu holds the field's actions."""
        return [self.rows[name].caption]

    def add_field_action(self, text: str, run: Callable[[str], None]) -> None:
        """An entry of each field's context menu (right-click on its caption); ``run``
        gets the field's name."""
        self._field_actions.append((text, run))
        for name in self.rows:
            for widget in self.menu_widgets(name):
                if widget.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
                    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                    widget.customContextMenuRequested.connect(
                        lambda pos, n=name, w=widget: self._show_field_menu(n, w, pos)
                    )

    def field_menu(self, name: str) -> QMenu:
        menu = QMenu(self)  # type: ignore[call-overload]
        menu.setObjectName(f"{name}_menu")
        for text, run in self._field_actions:
            menu.addAction(text, lambda n=name, r=run: r(n))
        return menu

    def _show_field_menu(self, name: str, widget: QWidget, pos: QPoint) -> None:
        menu = self.field_menu(name)
        menu.exec(widget.mapToGlobal(pos))
        menu.deleteLater()

    def set_flag(self, name: str, state: str | None, tip: str = "") -> None:
        """Flag a field ("open", "answered") with a tooltip, or clear it (None)."""
        if name in self.rows:
            self.rows[name].caption.set_flag(state, tip)

    def flag(self, name: str) -> str | None:
        return self.rows[name].caption.flag


Index = QModelIndex | QPersistentModelIndex


class FlaggedTableModel(RecordTableModel):
    """Rows keyed by their "id" whose first cell carries a flag icon and its tooltip."""

    def __init__(self, columns: Any, parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.marks: dict[str, tuple[str, str]] = {}  # str(row id) -> (state, tip)

    def set_flags(self, marks: Mapping[str, tuple[str, str]]) -> None:
        self.marks = dict(marks)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def row_flag(self, row: int) -> str | None:
        found = self.marks.get(str(self.row_data(row)["id"]))
        return found[0] if found else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shown = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole)
        if index.isValid() and index.column() == 0 and role in shown:
            found = self.marks.get(str(self.row_data(index.row())["id"]))
            if found is not None:
                state, tip = found
                return flag_icon(state) if role == Qt.ItemDataRole.DecorationRole else tip
        return super().data(index, role)

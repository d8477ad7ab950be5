"""Which texts of a shown window a person cannot read whole: a window larger than the
screen, a label, button, group title, tab, header section, list item, placeholder or combo
text given less width (or a wrapped label less height) than it needs.

What a widget needs is what Qt itself computes for it (``sizeHint()`` / ``minimumSizeHint()``,
``tabSizeHint()``, ``sectionSizeFromContents()``): the text's advance in the widget's own font
plus the style's margins, so a check agrees with what is painted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenuBar,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

# The screen of a 1366x768 laptop less a 40-pixel taskbar.
AVAILABLE = QSize(1366, 728)

ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly

# Texts cut short on purpose, by objectName, each with where the whole text still is.
ALLOWED: dict[str, str] = {
    # ui/elided_label.py: a long database path is elided in the middle in the status bar
    # rather than widening the main window past the screen; the tooltip holds all of it.
    "status_database": "elided path, whole in its tooltip",
}


@dataclass(frozen=True)
class Clip:
    window: str
    widget: str
    text: str
    needed: int
    given: int
    what: str = "width"

    def __str__(self) -> str:
        return (
            f"[{self.window}] {self.widget}: {self.text!r} needs {self.what} {self.needed}, "
            f"given {self.given}"
        )


def _own_name(widget: QWidget) -> str:
    name = widget.objectName()
    return "" if name.startswith("qt_") else name  # Qt's own parts: their owner names them


def _name(widget: QWidget) -> str:
    name = _own_name(widget)
    parent = widget.parentWidget()
    while not name and parent is not None:  # the nearest named ancestor places it
        name = _own_name(parent) and f"{_own_name(parent)}/…"
        parent = parent.parentWidget()
    return f"{name or '?'} ({type(widget).__name__})"


def _shown(widget: QWidget) -> bool:
    """Visible with some room (a collapsed splitter pane is out of sight, not clipped)."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label(label: QLabel) -> Iterator[tuple[str, int, int, str]]:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height():
            yield text, need, label.height(), "height"
        # One unbreakable run (a long word, a path) can still be wider than the label.
        if label.minimumSizeHint().width() > label.width():
            yield text, label.minimumSizeHint().width(), label.width(), "width"
    elif label.sizeHint().width() > label.width():
        yield text, label.sizeHint().width(), label.width(), "width"


def _button(button: QAbstractButton) -> Iterator[tuple[str, int, int, str]]:
    if isinstance(button, QToolButton) and button.toolButtonStyle() == ICON_ONLY:
        return  # its text is not painted (a tooltip says it)
    if button.text().strip() and button.sizeHint().width() > button.width():
        yield button.text(), button.sizeHint().width(), button.width(), "width"


def _group(box: QGroupBox) -> Iterator[tuple[str, int, int, str]]:
    if box.title().strip() and box.minimumSizeHint().width() > box.width():
        yield box.title(), box.minimumSizeHint().width(), box.width(), "width"


def _tabs(bar: QTabBar) -> Iterator[tuple[str, int, int, str]]:
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        rect, need = bar.tabRect(i), bar.tabSizeHint(i).width()
        if rect.width() < need:  # elided
            yield bar.tabText(i), need, rect.width(), "width"
        elif rect.right() > bar.width() or rect.left() < 0:  # behind the scroll arrows
            yield bar.tabText(i), rect.right() + 1, bar.width(), "tab bar width"


def header_needs(header: QHeaderView, section: int) -> int:
    """The width ``section``'s title needs: Qt's own measure, which also keeps room for the
    sort arrow; that room counts only on the section the arrow is shown on."""
    size = header.sectionSizeFromContents(section)
    if header.isSortIndicatorShown() and section != header.sortIndicatorSection():
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return size.width() - size.height() - margin
    return size.width()


def _header(header: QHeaderView) -> Iterator[tuple[str, int, int, str]]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return
    for i in range(header.count()):
        if header.isSectionHidden(i):
            continue
        need, given = header_needs(header, i), header.sectionSize(i)
        if given < need:
            text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
            yield text, need, given, f"section width ({header.sectionResizeMode(i).name})"


def _rows(view: QTableView) -> Iterator[tuple[str, int, int, str]]:
    """Rows lower than their cells' text (a wrapped criterion cut to one line and elided);
    a long value on one line is data, left to the user to widen."""
    model = view.model()
    if model is None:
        return
    first = max(view.rowAt(0), 0)
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    for row in range(first, last + 1):  # the rows in sight: a large list stays quick
        if view.isRowHidden(row):
            continue
        need, given = view.sizeHintForRow(row), view.rowHeight(row)
        if need > given:
            cells = (str(model.index(row, c).data() or "") for c in range(model.columnCount()))
            yield max(cells, key=len), need, given, "row height"


def _list(view: QListView) -> Iterator[tuple[str, int, int, str]]:
    """Interface lists (the navigation): each item's text within the viewport."""
    model = view.model()
    if model is None or view.isWrapping():
        return
    room = view.viewport().width()
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        index = model.index(row, 0)
        need = view.sizeHintForIndex(index).width()
        if need > room:
            yield str(model.data(index) or ""), need, room, "width"


def _placeholder(edit: QLineEdit) -> Iterator[tuple[str, int, int, str]]:
    text = edit.placeholderText()
    if edit.text() or not text.strip():
        return
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room_width = room.width() - margins.left() - margins.right() - 2 * 2  # QLineEdit's own
    need = edit.fontMetrics().horizontalAdvance(text)
    if need > room_width:
        yield text, need, room_width, "placeholder width"


def _combo(combo: QComboBox) -> Iterator[tuple[str, int, int, str]]:
    """Each choice, once chosen, shows whole in the field (the popup is at least as wide)."""
    if combo.isEditable() or combo.count() == 0:
        return
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = combo.fontMetrics()
    for i in range(combo.count()):
        text = combo.itemText(i)
        icon = combo.iconSize().width() + 4 if not combo.itemIcon(i).isNull() else 0
        need = metrics.horizontalAdvance(text) + icon
        if text.strip() and need > field.width():
            yield text, need, field.width(), "width (a choice)"


def _menubar(bar: QMenuBar) -> Iterator[tuple[str, int, int, str]]:
    if bar.sizeHint().width() > bar.width():
        texts = " ".join(a.text() for a in bar.actions())
        yield texts, bar.sizeHint().width(), bar.width(), "width"


def _toolbar(bar: QToolBar) -> Iterator[tuple[str, int, int, str]]:
    """Actions pushed into the overflow menu are out of sight."""
    extension = bar.findChild(QAbstractButton, "qt_toolbar_ext_button")
    if extension is not None and extension.isVisible():
        hidden = [a.text() for a in bar.actions() if not bar.widgetForAction(a).isVisible()]
        yield ", ".join(hidden), bar.sizeHint().width(), bar.width(), "width"


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _cut_by_container(widget: QWidget) -> Iterator[tuple[str, int, int, str]]:
    """A text widget laid out wider than the container that shows it (a layout that asked
    for less than its rows need): its right or bottom part is never painted. Inside a scroll
    area the user scrolls to it."""
    texts = {QLabel: "text", QAbstractButton: "text", QGroupBox: "title"}
    kind = next((k for k in texts if isinstance(widget, k)), None)
    if kind is None or _in_scroll_area(widget):
        return
    text = getattr(widget, texts[kind])()
    seen = widget.visibleRegion().boundingRect()
    if text.strip() and seen.width() < widget.width():
        yield text, widget.width(), seen.width(), "width (cut by its container)"
    elif text.strip() and seen.height() < widget.height():
        yield text, widget.height(), seen.height(), "height (cut by its container)"


CHECKS = (
    (QLabel, _label),
    (QAbstractButton, _button),
    (QGroupBox, _group),
    (QTabBar, _tabs),
    (QHeaderView, _header),
    (QListView, _list),
    (QTableView, _rows),
    (QLineEdit, _placeholder),
    (QComboBox, _combo),
    (QMenuBar, _menubar),
    (QToolBar, _toolbar),
    (QWidget, _cut_by_container),
)


def clipped(window: QWidget, where: str) -> list[Clip]:
    """Every clipped text of the shown top-level ``window``, named ``where`` in the messages."""
    for _ in range(3):  # a text just set (rows arrived) is laid out before it is measured
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    found = []
    hint = window.minimumSizeHint()
    if hint.width() > AVAILABLE.width() or hint.height() > AVAILABLE.height():
        found.append(
            Clip(where, _name(window), window.windowTitle(), hint.width(), AVAILABLE.width(),
                 f"minimum size {hint.width()}x{hint.height()} > screen {AVAILABLE.width()}x"
                 f"{AVAILABLE.height()}; width")
        )  # fmt: skip
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.objectName() in ALLOWED:
            continue
        for kind, check in CHECKS:
            if isinstance(widget, kind):
                for text, need, given, what in check(widget):
                    found.append(Clip(where, _name(widget), text, need, given, what))
    return found

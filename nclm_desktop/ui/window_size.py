"""Open a window at the size its content needs, within the screen it opens on.

Scroll areas and tables report a small fixed size hint whatever they hold, so a window
built from them would open at a guess. Here, for one measurement, each is held at the
size of its whole content; the window then gets the size its layout asks for, capped to
most of the screen's free area (it scrolls inside beyond that).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QTableView, QWidget

# Room left around a window opened on a small screen (taskbar, other windows' edges).
SCREEN_SHARE = 0.92


def _depth(widget: QWidget) -> int:
    n = 0
    while (widget := widget.parentWidget()) is not None:
        n += 1
    return n


def _invalidate(window: QWidget) -> None:
    # Layouts and their items cache size hints; both must forget them.
    for w in (window, *window.findChildren(QWidget)):
        w.updateGeometry()
        if w.layout() is not None:
            w.layout().invalidate()


def _whole(area: QAbstractScrollArea) -> QSize:
    """What ``area`` would need to show everything it holds without scrolling."""
    frame = 2 * area.frameWidth()
    if isinstance(area, QScrollArea) and area.widget() is not None:
        inner = area.widget().sizeHint().expandedTo(area.widget().minimumSizeHint())
        return inner + QSize(frame, frame)
    if isinstance(area, QTableView):
        if area.wordWrap():
            area.resizeRowsToContents()  # wrapped cells: rows as tall as their text
        rows, cols = area.verticalHeader(), area.horizontalHeader()
        width = cols.length() + (rows.width() if rows.isVisible() else 0)
        height = rows.length() + (cols.height() if cols.isVisible() else 0)
        return QSize(width + frame, height + frame)
    return area.sizeHint()


def content_size(window: QWidget) -> QSize:
    """The size hint of ``window`` if every scroll area and table showed all it holds."""
    areas = sorted(window.findChildren(QAbstractScrollArea), key=_depth, reverse=True)
    before = [a.minimumSize() for a in areas]
    try:
        # Innermost first: a scroll area's content hint includes the tables inside it.
        for _, level in itertools.groupby(areas, key=_depth):
            _invalidate(window)
            for area in level:
                area.setMinimumSize(_whole(area).expandedTo(area.minimumSize()))
        _invalidate(window)
        return window.sizeHint()
    finally:
        # Later content changes must not make the window grow by itself.
        for area, size in zip(areas, before, strict=True):
            area.setMinimumSize(size)
        _invalidate(window)


def fit_to_content(window: QWidget, available: QRect | None = None) -> QSize:
    """Resize ``window`` to its content, within ``available`` (default: its screen's)."""
    if available is None:
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)
    wanted = content_size(window)
    cap = QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))
    size = wanted.boundedTo(cap).expandedTo(window.minimumSizeHint()).boundedTo(available.size())
    window.resize(size)
    return size

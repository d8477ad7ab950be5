"""A clickable Couinaud segment map: a drawn liver whose segments 1-8 toggle.

Schematic anterior view, the patient's right on the viewer's left (as in the textbook
drawing): right posterior 7 over 6, right anterior 8 over 5, segment 4 between Cantlie's
line and the umbilical fissure, 2 over 3 in the left lateral section, and the caudate (1)
drawn dashed over the hilum because it lies behind. Mouse: click a segment. Keyboard: 1-8
toggle that segment, arrow keys move between segments, Space toggles the focused one;
Enter is left to the dialog (Next / Save).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# Design coordinates (y grows downwards); the drawing is scaled to fit the widget.
DESIGN_W, DESIGN_H = 300.0, 190.0
SEGMENTS = (1, 2, 3, 4, 5, 6, 7, 8)

SEGMENT_NAMES = {
    1: "caudate lobe",
    2: "left lateral superior",
    3: "left lateral inferior",
    4: "left medial",
    5: "right anterior inferior",
    6: "right posterior inferior",
    7: "right posterior superior",
    8: "right anterior superior",
}

_FILL = QColor("#f3e7d6")
_FILL_HOVER = QColor("#ead3b6")
_SELECTED = QColor("#a8362c")
_SELECTED_HOVER = QColor("#8f2b22")
_OUTLINE = QColor("#5b4530")
_LINE = QColor("#8a735c")


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)  # width in screen pixels whatever the drawing's scale
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _liver_outline() -> QPainterPath:
    path = QPainterPath(QPointF(8, 92))
    path.cubicTo(QPointF(4, 40), QPointF(40, 12), QPointF(110, 10))  # right dome
    path.cubicTo(QPointF(170, 8), QPointF(230, 14), QPointF(296, 44))  # over to the left tip
    path.cubicTo(QPointF(292, 56), QPointF(262, 76), QPointF(222, 100))  # left lobe edge
    path.cubicTo(QPointF(205, 110), QPointF(200, 128), QPointF(186, 134))  # umbilical notch
    path.cubicTo(QPointF(170, 140), QPointF(160, 150), QPointF(144, 160))  # gallbladder bed
    path.cubicTo(QPointF(110, 182), QPointF(60, 188), QPointF(32, 160))  # right inferior edge
    path.cubicTo(QPointF(16, 142), QPointF(10, 120), QPointF(8, 92))
    path.closeSubpath()
    return path


def _x_at(top: float, bottom: float, y: float) -> float:
    """x of a near-vertical dividing plane (top x at y=0, bottom x at y=DESIGN_H) at y."""
    return top + (bottom - top) * y / DESIGN_H


_RHV = (100.0, 58.0)  # right hepatic vein: right posterior | right anterior section
_MHV = (164.0, 146.0)  # Cantlie's line (middle hepatic vein): right | left liver
_UF = (206.0, 192.0)  # umbilical fissure: segment 4 | left lateral section
_PORTAL_Y = 96.0  # portal plane: superior (7, 8) | inferior (6, 5)
_LHV_FROM_Y = 78.0  # left hepatic vein, from the fissure to the left tip: 2 above, 3 below
_LHV_TO = (310.0, 46.0)


def _segment_regions() -> dict[int, QPainterPath]:
    top, bottom = -20.0, DESIGN_H + 20
    r = lambda y: _x_at(*_RHV, y)  # noqa: E731
    m = lambda y: _x_at(*_MHV, y)  # noqa: E731
    u = lambda y: _x_at(*_UF, y)  # noqa: E731
    p = _PORTAL_Y
    lhv_from = QPointF(u(_LHV_FROM_Y), _LHV_FROM_Y)
    polygons = {
        7: [(-20, top), (r(top), top), (r(p), p), (-20, p)],
        6: [(-20, p), (r(p), p), (r(bottom), bottom), (-20, bottom)],
        8: [(r(top), top), (m(top), top), (m(p), p), (r(p), p)],
        5: [(r(p), p), (m(p), p), (m(bottom), bottom), (r(bottom), bottom)],
        4: [(m(top), top), (u(top), top), (u(bottom), bottom), (m(bottom), bottom)],
        2: [(u(top), top), (320, top), _LHV_TO, (lhv_from.x(), lhv_from.y())],
        3: [(lhv_from.x(), lhv_from.y()), _LHV_TO, (320, bottom), (u(bottom), bottom)],
    }
    outline = _liver_outline()
    caudate = QPainterPath()
    caudate.addEllipse(QPointF(166, 70), 22, 13)
    regions = {}
    for seg, pts in polygons.items():
        poly = QPainterPath()
        poly.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        poly.closeSubpath()
        regions[seg] = outline.intersected(poly).simplified()
    regions[1] = caudate
    return regions


# Where each number is written (design coordinates).
_LABELS = {
    1: (166, 70),
    2: (240, 48),
    3: (232, 86),
    4: (184, 112),
    5: (118, 138),
    6: (46, 136),
    7: (50, 54),
    8: (134, 46),
}


class SegmentMap(QWidget):
    """Couinaud segments 1-8 as toggle regions; emits ``segmentsChanged(list[int])``."""

    segmentsChanged = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segments")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 200)
        self.setAccessibleName(self.tr("Couinaud segment map"))
        self._outline = _liver_outline()
        self._regions = _segment_regions()
        self._selected: set[int] = set()
        self._focus = 5
        self._hover: int | None = None
        self._read_only = False
        self._update_description()

    # --- state ---------------------------------------------------------------------------

    def segments(self) -> list[int]:
        return sorted(self._selected)

    def setSegments(self, segments: Iterable[int]) -> None:  # noqa: N802 (Qt naming)
        new = {int(s) for s in segments if int(s) in SEGMENTS}
        if new != self._selected:
            self._selected = new
            self._changed()

    def toggle(self, segment: int) -> None:
        if self._read_only or segment not in SEGMENTS:
            return
        self._selected ^= {segment}
        self._focus = segment
        self._changed()

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.update()

    def isReadOnly(self) -> bool:  # noqa: N802
        return self._read_only

    def focused_segment(self) -> int:
        return self._focus

    def _changed(self) -> None:
        self._update_description()
        self.update()
        self.segmentsChanged.emit(self.segments())

    def _update_description(self) -> None:
        chosen = ", ".join(str(s) for s in self.segments()) or self.tr("none")
        state = self.tr("selected") if self._focus in self._selected else self.tr("not selected")
        self.setAccessibleDescription(
            self.tr(
                "Selected segments: {chosen}. Focus on segment {seg} ({state}). Keys 1 to 8 "
                "toggle a segment; arrow keys move; Space toggles."
            ).format(chosen=chosen, seg=self._focus, state=state)
        )

    # --- geometry -------------------------------------------------------------------------

    def _transform(self) -> QTransform:
        margin = 6.0
        scale = min((self.width() - 2 * margin) / DESIGN_W, (self.height() - 2 * margin) / DESIGN_H)
        dx = (self.width() - DESIGN_W * scale) / 2
        dy = (self.height() - DESIGN_H * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def segment_at(self, pos: QPoint | QPointF) -> int | None:
        inverted, ok = self._transform().inverted()
        if not ok:
            return None
        p = inverted.map(QPointF(pos))
        # The caudate is drawn on top, so it wins where it overlaps.
        for seg in (1, 2, 3, 4, 5, 6, 7, 8):
            if self._regions[seg].contains(p):
                return seg
        return None

    def segment_center(self, segment: int) -> QPoint:
        """Where a segment's number is drawn, in widget coordinates (a safe place to click)."""
        return self._transform().map(QPointF(*_LABELS[segment])).toPoint()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 270)

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self._transform())
        enabled = self.isEnabled()
        thin = _pen(_LINE, 1.2)
        for seg in (2, 3, 4, 5, 6, 7, 8, 1):
            selected = seg in self._selected
            hover = seg == self._hover and not self._read_only
            if selected:
                colour = _SELECTED_HOVER if hover else _SELECTED
            else:
                colour = _FILL_HOVER if hover else _FILL
            if not enabled:
                colour = QColor(colour).lighter(115)
            painter.setBrush(QBrush(colour))
            pen = QPen(thin)
            if seg == 1:
                pen = _pen(_OUTLINE, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(self._regions[seg])
            if selected:  # hatching keeps the selection visible without colour
                painter.setBrush(QBrush(QColor(255, 255, 255, 60), Qt.BrushStyle.BDiagPattern))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.save()
                painter.resetTransform()
                painter.drawPath(self._transform().map(self._regions[seg]))
                painter.restore()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(_OUTLINE, 2.4))
        painter.drawPath(self._outline)

        if self.hasFocus():
            painter.setPen(_pen(self.palette().highlight().color(), 3.0, Qt.PenStyle.DashLine))
            painter.drawPath(self._regions[self._focus])

        # Numbers in screen coordinates so the font stays crisp at any size.
        painter.resetTransform()
        font = QFont(self.font())
        scale = self._transform().m11()
        font.setPointSizeF(max(9.0, min(16.0, 8.0 * scale)))
        font.setBold(True)
        painter.setFont(font)
        for seg, (x, y) in _LABELS.items():
            centre = self._transform().map(QPointF(x, y))
            box = QRectF(centre.x() - 20, centre.y() - 12, 40, 24)
            painter.setPen(QColor("white") if seg in self._selected else QColor("#3b2c1e"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(seg))
        painter.end()

    # --- input ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            seg = self.segment_at(event.position())
            if seg is not None:
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.toggle(seg)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        seg = self.segment_at(event.position())
        if seg != self._hover:
            self._hover = seg
            over = seg is not None and not self._read_only
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
            )
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            seg = self.segment_at(event.pos())
            if seg is None:
                QToolTip.hideText()
            else:
                state = self.tr("resected") if seg in self._selected else self.tr("not resected")
                QToolTip.showText(
                    event.globalPos(),
                    self.tr("Segment {n} ({name}): {state}").format(
                        n=seg, name=self.tr(SEGMENT_NAMES[seg]), state=state
                    ),
                    self,
                )
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self._selected and self._focus not in self._selected:
            self._focus = min(self._selected)
        self._update_description()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    _ARROWS = {
        Qt.Key.Key_Left: (-1.0, 0.0),
        Qt.Key.Key_Right: (1.0, 0.0),
        Qt.Key.Key_Up: (0.0, -1.0),
        Qt.Key.Key_Down: (0.0, 1.0),
    }

    def _neighbour(self, direction: tuple[float, float]) -> int:
        """The nearest segment whose label lies in the arrow's direction (within ~60°)."""
        cx, cy = _LABELS[self._focus]
        best, best_dist = self._focus, math.inf
        for seg, (x, y) in _LABELS.items():
            if seg == self._focus:
                continue
            dx, dy = x - cx, y - cy
            along = dx * direction[0] + dy * direction[1]
            across = abs(dx * direction[1] - dy * direction[0])
            if along <= 0 or across > 1.8 * along:
                continue
            dist = along + 2 * across  # prefer straight ahead over diagonal
            if dist < best_dist:
                best, best_dist = seg, dist
        return best

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_8:
            self.toggle(key - Qt.Key.Key_0)
            self._focus = key - Qt.Key.Key_0
            self._update_description()
            self.update()
            return
        if key in self._ARROWS:
            self._focus = self._neighbour(self._ARROWS[Qt.Key(key)])
            self._update_description()
            self.update()
            return
        if key == Qt.Key.Key_Space:
            self.toggle(self._focus)
            return
        super().keyPressEvent(event)  # Enter, Tab, Escape go on to the dialog

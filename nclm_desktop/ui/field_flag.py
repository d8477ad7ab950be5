"""A field's caption that can carry a flag: a small coloured flag drawn just right of the
label, between it and the input, with a tooltip saying why (a field's open or answered data
queries, docs/ARCHITECTURE.md §3). The caption stays the QFormLayout's label (buddy, text,
required star) whatever the flag."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QLabel

# The flag's colour by what it says: a question waits for the site, or for the monitor.
FLAG_COLOURS = {"open": "#d9480f", "answered": "#1c6fc4"}
_WIDTH = 14  # px kept right of the text for the flag


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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FLAG_COLOURS[self.flag])
        line = self.fontMetrics().height()
        top = max(0, (self.height() - line) // 2) + 1
        left = self.width() - _WIDTH
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

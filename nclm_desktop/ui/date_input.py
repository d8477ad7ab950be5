"""The one date input of the application: a line edit read by ``date_text.parse_date``.

Type ``2026-03-05``, ``05.03.2026``, ``2026/03/05`` or ``20260305`` (or pick from the
calendar: the icon, or Alt+Down); blank means "not entered". Tab always leaves it, like any
line edit. When the field is left with text that is not a date, the input gets a red frame
and ``problem()`` says why; the form shows that message under it (``form_feedback.ErrorLine``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QMenu,
    QWidget,
    QWidgetAction,
)

from .date_text import DateTextError, parse_date
from .form_feedback import ERROR_RED, ParseError


def t(text: str) -> str:
    return QCoreApplication.translate("DateInput", text)


def date_error_message(err: DateTextError) -> str:
    d = err.details
    if err.code == "year":
        return t("The year must be between {lo} and {hi}.").format(lo=d["lo"], hi=d["hi"])
    if err.code == "month":
        return t("There is no month {month}.").format(month=d["month"])
    if err.code == "day":
        return t("{year}-{month:02d} has no day {day}.").format(
            year=d["year"], month=d["month"], day=d["day"]
        )
    return t("Not a date: type YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or YYYYMMDD.")


def _calendar_icon() -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QColor("#555"))
    p.setBrush(QColor("white"))
    p.drawRect(QRect(1, 2, 13, 12))
    p.fillRect(QRect(2, 3, 12, 3), QColor("#a8362c"))
    for row in range(2):
        for col in range(3):
            p.fillRect(QRect(4 + col * 3, 8 + row * 3, 2, 2), QColor("#555"))
    p.end()
    return QIcon(pix)


class DateInput(QLineEdit):
    """A typed date with a calendar to pick from; objectName = the field name.

    ``changed`` fires on every edit and when the input is left (a problem shows only once
    the user has finished typing, not on every half-typed digit)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(t("YYYY-MM-DD"))
        self.setMaxLength(12)
        self.setMinimumWidth(130)
        self.setMaximumWidth(150)
        self.setToolTip(t("YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or YYYYMMDD; Alt+Down: calendar"))
        action = QAction(_calendar_icon(), t("Pick from a calendar"), self)
        action.setObjectName(f"{name}_calendar")
        action.triggered.connect(self.pick)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.label = name
        self._finished = True  # False while the user is typing
        self.textEdited.connect(self._typing)
        self.textChanged.connect(lambda _text: self.changed.emit())
        self.editingFinished.connect(self._finish)

    # --- values ---------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The date typed; None when blank; ParseError (naming the field) when not a date."""
        try:
            return parse_date(self.text())
        except DateTextError as err:
            raise ParseError(self.objectName(), date_error_message(err)) from None

    def date_or_none(self) -> dt.date | None:
        """The date, or None when blank or not (yet) a date."""
        try:
            return parse_date(self.text())
        except DateTextError:
            return None

    def is_blank(self) -> bool:
        return not self.text().strip()

    def problem(self) -> str | None:
        """Why the finished text is not a date; None while typing or when it is one."""
        if not self._finished:
            return None
        try:
            parse_date(self.text())
        except DateTextError as err:
            return date_error_message(err)
        return None

    def set_date(self, value: dt.date | str | None) -> None:
        if isinstance(value, dt.date):
            value = value.isoformat()
        self._finished = True
        self.setText(value or "")
        self._mark()

    # --- typing ---------------------------------------------------------------------------
    def _typing(self, _text: str) -> None:
        self._finished = False
        self._mark()

    def _finish(self) -> None:
        self._finished = True
        parsed = self.date_or_none()
        if parsed is not None and self.text() != parsed.isoformat():
            self.setText(parsed.isoformat())  # show how it was read
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        bad = self.problem() is not None
        self.setStyleSheet(f"QLineEdit {{ border: 1px solid {ERROR_RED}; }}" if bad else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.pick()
            return
        super().keyPressEvent(event)

    def pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setObjectName(f"{self.objectName()}_calendar_popup")
        calendar.setGridVisible(True)
        current = self.date_or_none()
        if current:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(d: QDate) -> None:
            self.set_date(dt.date(d.year(), d.month(), d.day()))
            self.changed.emit()
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.mapToGlobal(QPoint(0, self.height())))

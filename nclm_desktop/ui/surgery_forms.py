"""Small input widgets and a form page for the surgery wizards.

Inputs only parse what was typed (a date, a number); limits and messages come from the
service's validation (services/surgery.py), so there is one source of truth. Each input's
objectName is its field name and each has an error line ``<name>_error`` under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
    QWizard,
    QWizardPage,
)


def t(text: str) -> str:
    return QCoreApplication.translate("SurgeryForms", text)


class ParseError(ValueError):
    """What was typed cannot be read as a value; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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
    """A date typed as YYYY-MM-DD (or YYYYMMDD), with a calendar to pick from; blank = none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(t("YYYY-MM-DD"))
        self.setMaxLength(10)
        self.setMaximumWidth(150)
        action = QAction(_calendar_icon(), t("Pick from a calendar"), self)
        action.setObjectName(f"{name}_calendar")
        action.triggered.connect(self._pick)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.label = name

    def _pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        try:
            current = self.date()
        except ValueError:
            current = None
        if current:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(d: QDate) -> None:
            self.set_date(dt.date(d.year(), d.month(), d.day()))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.mapToGlobal(QPoint(0, self.height())))

    def date(self) -> dt.date | None:
        text = self.text().strip().replace("/", "-").replace(".", "-")
        if not text:
            return None
        if len(text) == 8 and text.isdigit():
            text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        try:
            parts = [int(x) for x in text.split("-")]
            return dt.date(*parts)
        except (TypeError, ValueError):
            raise ParseError(
                self.objectName(), t("Please type the date as YYYY-MM-DD (e.g. 2024-03-12).")
            ) from None

    def set_date(self, value: dt.date | str | None) -> None:
        if isinstance(value, str):
            self.setText(value)
        else:
            self.setText(value.isoformat() if value else "")


class NumberInput(QLineEdit):
    """A number typed in a line edit; blank = not recorded."""

    def __init__(self, name: str, unit: str = "", *, integer: bool = True) -> None:
        super().__init__()
        self.setObjectName(name)
        self.integer = integer
        self.setMaximumWidth(150)
        if unit:
            self.setPlaceholderText(unit)

    def value(self) -> int | float | None:
        text = self.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is None or (self.integer and number != int(number)):
            kind = t("a whole number") if self.integer else t("a number")
            raise ParseError(self.objectName(), t("Please type {kind}.").format(kind=kind))
        return int(number) if self.integer else number

    def set_value(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")


class YesNoInput(QComboBox):
    """— / Yes / No → None / True / False."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.addItem(t("— not recorded"), None)
        self.addItem(t("Yes"), True)
        self.addItem(t("No"), False)
        self.setMinimumWidth(150)

    def value(self) -> bool | None:
        return self.currentData()

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class ChoiceInput(QComboBox):
    def __init__(self, name: str, choices: list[tuple[Any, str]], blank: str | None = None):
        super().__init__()
        self.setObjectName(name)
        if blank is not None:
            self.addItem(blank, None)
        for value, text in choices:
            self.addItem(text, value)
        self.setMinimumWidth(180)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class FormPage(QWizardPage):
    """A wizard page with a form; each row has an error line that the wizard fills."""

    changed = Signal()

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.outer.addLayout(self.form)
        self.below = QVBoxLayout()
        self.outer.addLayout(self.below)
        self.outer.addStretch(1)
        self.errors: dict[str, QLabel] = {}

    def _with_error(self, widget: QWidget, name: str | None) -> QWidget:
        name = name or widget.objectName()
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget, 1)
        column.addWidget(error)
        self.errors[name] = error
        _connect_changed(widget, self.changed.emit)
        return box

    def add_row(self, label: str, widget: QWidget, name: str | None = None) -> QWidget:
        """Add ``widget`` with an error line; ``name`` defaults to its objectName."""
        self.form.addRow(label, self._with_error(widget, name))
        return widget

    def add_block(self, widget: QWidget, *, error: bool = False, stretch: int = 0) -> QWidget:
        """Add a full-width ``widget`` below the form, with an error line if it is an input."""
        if error:
            self.below.addWidget(self._with_error(widget, None), stretch)
        else:
            self.below.addWidget(widget, stretch)
        if stretch:  # the block, not the trailing spacer, takes the free height
            self.outer.setStretch(1, 1)
            self.outer.setStretch(2, 0)
        return widget

    def show_error(self, name: str, message: str | None) -> None:
        for key, label in self.errors.items():
            label.setVisible(key == name and bool(message))
            if key == name:
                label.setText(message or "")

    def clear_errors(self) -> None:
        self.show_error("", None)


def _connect_changed(widget: QWidget, slot: Callable[[], None]) -> None:
    for signal in (
        "textChanged",
        "currentIndexChanged",
        "toggled",
        "segmentsChanged",
        "itemChanged",
    ):
        if hasattr(widget, signal):
            getattr(widget, signal).connect(lambda *_: slot())
            return


def page_of(wizard: QWizard, field_name: str) -> int | None:
    """The id of the wizard page holding the error line of ``field_name``."""
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        if isinstance(page, FormPage) and field_name in page.errors:
            return page_id
    return None

"""Small input widgets and a form page for the complication wizard (the other surgery
forms are on the form builder, ui/form_builder.py).

Inputs only parse what was typed (a date, a number); limits and messages come from the
service's validation (services/surgery.py), so there is one source of truth. Each input's
objectName is its field name and each has an error line ``<name>_error`` under it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .date_input import DateInput
from .form_feedback import ErrorLine, MissingFields, ParseError, focus_field, watch_enabled

__all__ = ["DateInput", "ParseError"]  # re-exported: the wizards import them from here


def t(text: str) -> str:
    return QCoreApplication.translate("SurgeryForms", text)


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
    """A wizard page with a form; each row has an error line that the wizard fills.

    A label ending in " *" marks a required row: the star shows only while the input is
    enabled, and the page lists the required inputs still blank (``missing_fields``)."""

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
        self.missing = MissingFields(self.focus_field)
        self.outer.addWidget(self.missing)
        self.errors: dict[str, ErrorLine] = {}
        self.required: dict[str, tuple[QWidget, str]] = {}
        self.changed.connect(self.update_missing)

    def _with_error(self, widget: QWidget, name: str | None) -> QWidget:
        name = name or widget.objectName()
        error = ErrorLine(name, wrap=True)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget, 1)
        column.addWidget(error)
        self.errors[name] = error
        # An edit makes the field's old message stale: hide it (a date shows its own problem).
        if isinstance(widget, DateInput):
            widget.changed.connect(lambda: error.show_message(widget.problem()))
        else:
            _connect_changed(widget, lambda: error.show_message(None))
        _connect_changed(widget, self.changed.emit)
        return box

    def add_row(self, label: str, widget: QWidget, name: str | None = None) -> QWidget:
        """Add ``widget`` with an error line; ``name`` defaults to its objectName."""
        if " *" not in label:
            self.form.addRow(label, self._with_error(widget, name))
            return widget
        plain = label.replace(" *", "")
        caption = QLabel(label)
        self.form.addRow(caption, self._with_error(widget, name))

        def mark() -> None:
            caption.setText(label if widget.isEnabled() else plain)
            self.update_missing()

        watch_enabled(widget, mark)
        self.require(widget, plain.split(" (")[0], name)
        return widget

    def require(self, widget: QWidget, text: str, name: str | None = None) -> None:
        """List ``widget`` under "Still needed" while it is enabled and blank."""
        self.required[name or widget.objectName()] = (widget, text)
        self.update_missing()

    def update_missing(self) -> None:
        self.missing.set_entries(
            [
                (name, text)
                for name, (widget, text) in self.required.items()
                if widget.isEnabled() and _is_blank(widget)
            ]
        )

    def focus_field(self, name: str) -> None:
        widget = self.required.get(name, (self.findChild(QWidget, name), ""))[0]
        if widget is not None:
            focus_field(widget)

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
            if key == name:
                label.show_message(message)
            else:
                label.hide()

    def clear_errors(self) -> None:
        self.show_error("", None)


def _is_blank(widget: QWidget) -> bool:
    if isinstance(widget, DateInput):
        return widget.is_blank()
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QComboBox):
        return widget.currentData() is None
    if isinstance(widget, QListWidget):
        return not any(
            widget.item(i).checkState() == Qt.CheckState.Checked for i in range(widget.count())
        )
    segments = getattr(widget, "segments", None)
    return callable(segments) and not segments()


def _connect_changed(widget: QWidget, slot: Callable[[], None]) -> None:
    for signal in (
        "changed",  # DateInput: also when the input is left
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

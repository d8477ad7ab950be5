"""One input widget per kind of data-dictionary field (docs/ARCHITECTURE.md §11).

An input only reads what was typed (a date, a number, a choice); limits and messages come
from the field's own ``clean``, so the screen and the services say the same thing. The
widget's objectName is the field name; a unit chooser's is the field's ``unit_field``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..forms import Field, Kind
from ..forms.field import NOT_RECORDED, YES_NO, format_number, with_unit
from .date_input import DateInput
from .i18n import current_language


def dictionary_text(text: str) -> str:
    """A data-dictionary string (label, help, choice) in the user's language; a choice that
    carries its own Chinese label (from the protocol file) uses it."""
    if not text:
        return text
    out = QCoreApplication.translate("DataDictionary", text)
    if out == text and current_language() == "zh_CN":
        return _own_chinese().get(text, text)
    return out


@cache
def _own_chinese() -> dict[str, str]:
    from ..forms.catalogue import all_forms

    return {
        c.label: c.label_zh
        for f in all_forms().values()
        for field in f.fields
        for c in field.choices
        if c.label_zh
    }


def t(text: str) -> str:
    return QCoreApplication.translate("FormInputs", text)


def display_text(
    field: Field, value: Any, *, unit: str | None = None, empty: str = NOT_RECORDED
) -> str:
    """A recorded value as every screen shows it: the dictionary's text (precision, unit,
    choice labels) with its words in the user's language. ``unit``: the one it was typed in."""
    if value is None or value == [] or value == ():
        return empty
    if field.kind in (Kind.INTEGER, Kind.DECIMAL):
        return with_unit(field.format(value, unit=False), dictionary_text(unit or field.unit))
    if field.kind in (Kind.CHOICE, Kind.YESNO):
        return dictionary_text(field.format(value))
    if field.kind is Kind.MULTI:
        order = {c: i for i, c in enumerate(field.codes())}
        return ", ".join(
            dictionary_text(field.choice_label(v)) for v in sorted(value, key=order.__getitem__)
        )
    return field.format(value)


class FieldInput:
    """The widget of one field: ``widget`` is what the form lays out, ``focus`` the part
    that takes the cursor. ``problem()`` says why the text cannot be read (or None)."""

    def __init__(self, field: Field, focus: QWidget, widget: QWidget | None = None) -> None:
        self.field = field
        self.focus = focus
        self.widget = widget or focus
        focus.setObjectName(field.name)
        if field.help:
            focus.setToolTip(dictionary_text(field.help))
            focus.setAccessibleDescription(dictionary_text(field.help))

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        return None

    def is_blank(self) -> bool:
        return self.value() is None and self.problem() is None

    def connect(self, slot: Callable[[], None]) -> None:
        raise NotImplementedError

    def extra_values(self) -> dict[str, Any]:
        """Other columns this input fills (a number's unit)."""
        return {}

    def set_extra(self, values: dict[str, Any]) -> None:
        return None

    def to_json(self) -> Any:
        value = self.value()
        return value.isoformat() if isinstance(value, dt.date) else value

    def from_json(self, data: Any) -> None:
        self.set_value(data)


class DateFieldInput(FieldInput):
    def __init__(self, field: Field) -> None:
        self.edit = DateInput(field.name)
        super().__init__(field, self.edit)

    def value(self) -> dt.date | None:
        return self.edit.date_or_none()

    def problem(self) -> str | None:
        return self.edit.problem()

    def is_blank(self) -> bool:
        return self.edit.is_blank()

    def set_value(self, value: Any) -> None:
        self.edit.set_date(value)

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.changed.connect(slot)

    def to_json(self) -> str | None:
        value = self.value()
        return value.isoformat() if value else (self.edit.text().strip() or None)


class NumberFieldInput(FieldInput):
    """A number in a line edit, its unit after it (a chooser when others are accepted)."""

    def __init__(self, field: Field) -> None:
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(140)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        self.unit: QComboBox | None = None
        if field.alt_units:
            self.unit = QComboBox()
            self.unit.setObjectName(field.unit_field or f"{field.name}_unit")
            for label in (field.unit, *(a.label for a in field.alt_units)):
                self.unit.addItem(dictionary_text(label), label)
            self.unit.currentIndexChanged.connect(lambda *_: self._show_limits())
            row.addWidget(self.unit)
        elif field.unit:
            row.addWidget(QLabel(dictionary_text(field.unit)))
        row.addStretch(1)
        super().__init__(field, self.edit, box)
        self._show_limits()

    def _show_limits(self) -> None:
        """The accepted range as the placeholder, in the unit chosen beside the input."""
        unit = self.unit.currentData() if self.unit is not None else None
        hard = (self.field.in_unit(unit) if unit else self.field).hard
        text = f"{hard.lo:g} – {hard.hi:g}" if hard is not None and hard.hi < 1e6 else ""
        self.edit.setPlaceholderText(text)

    def _parse(self) -> float | None:
        text = self.edit.text().strip().replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def value(self) -> float | int | None:
        number = self._parse()
        if number is None or self.problem():
            return None
        return int(number) if self.field.kind is Kind.INTEGER else number

    def problem(self) -> str | None:
        if not self.edit.text().strip():
            return None
        number = self._parse()
        if number is None or (self.field.kind is Kind.INTEGER and number != int(number)):
            kind = t("a whole number") if self.field.kind is Kind.INTEGER else t("a number")
            return t("{label} must be {kind}.").format(
                label=dictionary_text(self.field.label), kind=kind
            )
        return None

    def is_blank(self) -> bool:
        return not self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        else:
            decimals = 0 if self.field.kind is Kind.INTEGER else max(self.field.decimals, 3)
            self.edit.setText(format_number(value, decimals))

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.textChanged.connect(slot)
        if self.unit is not None:
            self.unit.currentIndexChanged.connect(slot)

    def extra_values(self) -> dict[str, Any]:
        if self.unit is None:
            return {}
        return {self.unit.objectName(): self.unit.currentData()}

    def set_extra(self, values: dict[str, Any]) -> None:
        if self.unit is not None and values.get(self.unit.objectName()):
            self.unit.setCurrentIndex(max(0, self.unit.findData(values[self.unit.objectName()])))

    def to_json(self) -> str:
        return self.edit.text()  # as typed, even if not a number yet

    def from_json(self, data: Any) -> None:
        self.edit.setText("" if data is None else str(data))


class ChoiceFieldInput(FieldInput):
    """A combo box whose first entry "—" means not entered (yes/no fields too)."""

    def __init__(self, field: Field) -> None:
        self.combo = QComboBox()
        self.combo.addItem("—", None)
        for choice in YES_NO if field.kind is Kind.YESNO else field.choices:
            self.combo.addItem(dictionary_text(choice.label), choice.code)
        self.combo.setMinimumWidth(160)
        super().__init__(field, self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(1, self.combo.count()):
            data = self.combo.itemData(i)
            if data == value and type(data) is type(value):
                self.combo.setCurrentIndex(i)
                return
        self.combo.setCurrentIndex(0)

    def connect(self, slot: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(slot)


class MultiFieldInput(FieldInput):
    """Check boxes (objectName ``<name>_<code>``), three to a row; None when none ticked."""

    def __init__(self, field: Field) -> None:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Any, QCheckBox] = {}
        for i, choice in enumerate(field.choices):
            check = QCheckBox(dictionary_text(choice.label))
            check.setObjectName(f"{field.name}_{choice.code}")
            grid.addWidget(check, i // 3, i % 3)
            self.boxes[choice.code] = check
        grid.setColumnStretch(3, 1)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        super().__init__(field, box)

    def value(self) -> list[Any] | None:
        return [code for code, check in self.boxes.items() if check.isChecked()] or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for code, check in self.boxes.items():
            check.setChecked(code in chosen)

    def connect(self, slot: Callable[[], None]) -> None:
        for check in self.boxes.values():
            check.toggled.connect(lambda *_: slot())


class TextFieldInput(FieldInput):
    def __init__(self, field: Field) -> None:
        if field.multiline:
            self.edit: QLineEdit | QPlainTextEdit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
            self.edit.setFixedHeight(64)
            self.edit.setMinimumWidth(480)
        else:
            self.edit = QLineEdit()
            if field.max_len:
                self.edit.setMaxLength(field.max_len)
        if not field.multiline:
            self.edit.setMinimumWidth(280)
        super().__init__(field, self.edit)

    def _text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def value(self) -> str | None:
        return self._text().strip() or None

    def set_value(self, value: Any) -> None:
        edit = self.edit
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(value or "")
        else:
            edit.setText(value or "")

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.textChanged.connect(lambda *_: slot())


_INPUTS: dict[Kind, type[FieldInput]] = {
    Kind.DATE: DateFieldInput,
    Kind.INTEGER: NumberFieldInput,
    Kind.DECIMAL: NumberFieldInput,
    Kind.CHOICE: ChoiceFieldInput,
    Kind.YESNO: ChoiceFieldInput,
    Kind.MULTI: MultiFieldInput,
    Kind.TEXT: TextFieldInput,
}


def make_input(field: Field) -> FieldInput:
    return _INPUTS[field.kind](field)


class CustomInput(FieldInput):
    """A widget of the form's own (the Couinaud segment map ...) with getter and setter."""

    def __init__(
        self,
        field: Field,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        signal: Any,
    ) -> None:
        super().__init__(field, widget)
        self._get, self._put, self._signal = get, put, signal

    def value(self) -> Any:
        return self._get()

    def set_value(self, value: Any) -> None:
        self._put(value)

    def is_blank(self) -> bool:
        value = self.value()
        return value is None or value == [] or value == ()

    def connect(self, slot: Callable[[], None]) -> None:
        if self._signal is not None:
            self._signal.connect(lambda *_: slot())

"""Form fields for wizards: one input widget (objectName = field name) plus an error line.

A field knows its value (None = not entered), whether the typed input is acceptable (with a
message naming the limit, shown under the widget) and how to go to and from a JSON draft.
``FormPage`` gates Next on its required fields being filled and every field valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...forms import Field as Definition
from ...forms import Kind
from ..date_input import DateInput
from ..form_feedback import ErrorLine, MissingFields, focus_field, required_label, watch_enabled
from ..form_inputs import dictionary_text

Check = Callable[[Any], str | None]


def t(text: str) -> str:
    return QCoreApplication.translate("ScreeningWizard", text)


class Field:
    def __init__(
        self, name: str, label: str, widget: QWidget, required: bool, suffix: str = ""
    ) -> None:
        self.name = name
        self.label = label
        self.widget = widget
        self.required = required
        widget.setObjectName(name)
        self.error_label = ErrorLine(name)
        self.caption = QLabel(required_label(label, required))
        self.container = QWidget()
        box = QVBoxLayout(self.container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if suffix:
            row = QHBoxLayout()
            row.addWidget(widget)
            self.suffix_label = QLabel(suffix)
            row.addWidget(self.suffix_label)
            row.addStretch(1)
            box.addLayout(row)
        else:
            box.addWidget(widget)
        box.addWidget(self.error_label)
        self.checks: list[Check] = []

    # -- to override ---------------------------------------------------------------------
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def input_error(self) -> str | None:
        """A message when what was typed cannot be a value (unparsable, out of range)."""
        return None

    def connect(self, slot: Callable[[], None]) -> None:
        raise NotImplementedError

    def to_json(self) -> Any:
        return self.value()

    def from_json(self, data: Any) -> None:
        self.set_value(data)

    # -- shared --------------------------------------------------------------------------
    def add_check(self, check: Check) -> None:
        self.checks.append(check)

    def problem(self) -> str | None:
        if not self.widget.isEnabled():
            return None
        message = self.input_error()
        if message is None:
            value = self.value()
            if value is not None:
                message = next((m for m in (c(value) for c in self.checks) if m), None)
        return message

    def show_error(self, message: str | None) -> None:
        self.error_label.show_message(message)

    def is_missing(self) -> bool:
        """Required, can be filled now, and not filled."""
        return self.required and self.widget.isEnabled() and self.value() is None

    def mark_required(self) -> None:
        """The " *" only while the field can be filled: a disabled field is not required."""
        self.caption.setText(required_label(self.label, self.required and self.widget.isEnabled()))

    def refresh(self) -> bool:
        """Show or hide the error; True when the field lets the page go on."""
        message = self.problem()
        self.show_error(message)
        if message:
            return False
        return not self.is_missing()


class TextField(Field):
    def __init__(self, name: str, label: str, *, required: bool = False, max_len: int = 200):
        self.edit = QLineEdit()
        self.edit.setMaxLength(max_len)
        self.edit.setMinimumWidth(280)
        super().__init__(name, label, self.edit, required)

    def value(self) -> str | None:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.textChanged.connect(slot)


class NumberField(Field):
    """A number typed into a line edit; out-of-range input is refused naming the limit."""

    def __init__(
        self,
        name: str,
        label: str,
        lo: float,
        hi: float,
        *,
        required: bool = False,
        integer: bool = False,
        unit: str = "",
        show_unit: bool = True,
    ) -> None:
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(140)
        self.lo, self.hi, self.integer, self.unit = lo, hi, integer, unit
        super().__init__(name, label, self.edit, required, unit if show_unit else "")
        self.set_limits(lo, hi, unit)

    def set_limits(self, lo: float, hi: float, unit: str) -> None:
        self.lo, self.hi, self.unit = lo, hi, unit
        self.edit.setPlaceholderText(f"{lo:g} – {hi:g}" if hi < 1e6 else "")

    def _parse(self) -> float | None:
        text = self.edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
        return number

    def value(self) -> float | int | None:
        number = self._parse()
        if number is None or self.input_error():
            return None
        return int(number) if self.integer else number

    def input_error(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        number = self._parse()
        if number is None or (self.integer and number != int(number)):
            kind = t("a whole number") if self.integer else t("a number")
            return t("{label} must be {kind}.").format(label=self.label, kind=kind)
        if not self.lo <= number <= self.hi:
            return (
                t("{label} must be between {lo} and {hi} {unit}.")
                .format(label=self.label, lo=f"{self.lo:g}", hi=f"{self.hi:g}", unit=self.unit)
                .replace(" .", ".")
            )
        return None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else f"{value:g}")

    def to_json(self) -> str:
        return self.edit.text()  # as typed, even if not valid yet

    def from_json(self, data: Any) -> None:
        self.edit.setText("" if data is None else str(data))

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.textChanged.connect(slot)


class DateField(Field):
    """A typed date (``DateInput``); blank = not entered; never in the future."""

    def __init__(
        self,
        name: str,
        label: str,
        today: dt.date,
        *,
        required: bool = False,
        default: dt.date | None = None,
    ) -> None:
        self.edit = DateInput(name)
        self.today = today
        super().__init__(name, label, self.edit, required)
        self.set_value(default)
        self.add_check(self._not_future)

    def _not_future(self, value: dt.date) -> str | None:
        if value > self.today:
            return t("{label} cannot be in the future (today is {today}).").format(
                label=self.label, today=self.today.isoformat()
            )
        return None

    def not_before(self, other_label: str, other: Callable[[], dt.date | None]) -> None:
        def check(value: dt.date) -> str | None:
            limit = other()
            if limit is not None and value < limit:
                return t("{label} cannot be before the {other} ({limit}).").format(
                    label=self.label, other=other_label, limit=limit.isoformat()
                )
            return None

        self.add_check(check)

    def value(self) -> dt.date | None:
        return self.edit.date_or_none()

    def input_error(self) -> str | None:
        return self.edit.problem()

    def set_value(self, value: Any) -> None:
        self.edit.set_date(value)

    def to_json(self) -> str | None:
        v = self.value()
        return v.isoformat() if v else (self.edit.text().strip() or None)  # as typed

    def connect(self, slot: Callable[[], None]) -> None:
        self.edit.changed.connect(slot)


class ChoiceField(Field):
    """A combo box; the first entry "—" means not entered."""

    def __init__(
        self,
        name: str,
        label: str,
        choices: Sequence[tuple[Any, str]],
        *,
        required: bool = False,
        blank: str = "—",
    ) -> None:
        self.combo = QComboBox()
        self.combo.addItem(blank, None)
        for value, text in choices:
            self.combo.addItem(text, value)
        self.combo.setMinimumWidth(160)
        super().__init__(name, label, self.combo, required)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(self.combo.count()):
            if self.combo.itemData(i) == value and (value is not None or i == 0):
                self.combo.setCurrentIndex(i)
                return
        self.combo.setCurrentIndex(0)

    def connect(self, slot: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(slot)


class YesNoField(ChoiceField):
    def __init__(self, name: str, label: str, *, required: bool = True) -> None:
        super().__init__(name, label, [(True, t("Yes")), (False, t("No"))], required=required)


class SetField(Field):
    """Check boxes (objectName ``<name>_<value>``); value = frozenset, None if none ticked."""

    def __init__(
        self, name: str, label: str, choices: Sequence[tuple[Any, str]], *, required: bool = False
    ) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Any, QCheckBox] = {}
        for value, text in choices:
            check = QCheckBox(text)
            check.setObjectName(f"{name}_{value}")
            row.addWidget(check)
            self.boxes[value] = check
        row.addStretch(1)
        super().__init__(name, label, box, required)

    def value(self) -> frozenset | None:
        ticked = frozenset(v for v, b in self.boxes.items() if b.isChecked())
        return ticked or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for v, b in self.boxes.items():
            b.setChecked(v in chosen)

    def to_json(self) -> list | None:
        v = self.value()
        return None if v is None else [x for x in self.boxes if x in v]

    def connect(self, slot: Callable[[], None]) -> None:
        for b in self.boxes.values():
            b.toggled.connect(slot)


def from_definition(
    f: Definition,
    today: dt.date | None = None,
    *,
    required: bool | None = None,
    name: str | None = None,
    label: str | None = None,
) -> Field:
    """The wizard field of a data-dictionary field: its label, limits, unit and choices
    come from the definition (never typed again here). ``required`` defaults to the
    definition's (a condition over other fields is the page's to apply)."""
    name = name or f.name
    label = label or dictionary_text(f.label)
    req = f.required is True if required is None else required
    if f.kind is Kind.DATE:
        assert today is not None
        return DateField(name, label, today, required=req)
    if f.kind in (Kind.INTEGER, Kind.DECIMAL):
        assert f.hard is not None
        return NumberField(
            name,
            label,
            f.hard.lo,
            f.hard.hi,
            required=req,
            integer=f.kind is Kind.INTEGER,
            unit=dictionary_text(f.unit),
        )
    options = [(c.code, dictionary_text(c.label)) for c in f.choices]
    if f.kind is Kind.YESNO:
        return YesNoField(name, label, required=req)
    if f.kind is Kind.CHOICE:
        return ChoiceField(name, label, options, required=req)
    if f.kind is Kind.MULTI:
        return SetField(name, label, options, required=req)
    return TextField(name, label, required=req, max_len=f.max_len or 200)


class FormPage(QWizardPage):
    """A wizard page of fields in a form; Next is enabled when ``isComplete``. Under the form,
    ``missing_fields`` lists what still stops Next; a click on an entry goes to that field."""

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.fields: dict[str, Field] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setVerticalSpacing(6)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.missing = MissingFields(self.go_to, self)
        self.layout_.addWidget(self.missing)
        self.on_change: list[Callable[[], None]] = []

    def add(self, field: Field) -> Field:
        self.form.addRow(field.caption, field.container)
        self.register(field)
        return field

    def register(self, field: Field) -> None:
        """Track a field placed by the page itself (not through ``add``)."""
        self.fields[field.name] = field
        field.connect(self._changed)
        watch_enabled(field.widget, self._enabled_changed)

    def _enabled_changed(self) -> None:
        for f in self.fields.values():
            f.mark_required()
        self.completeChanged.emit()

    def _changed(self) -> None:
        for callback in self.on_change:
            callback()
        self.completeChanged.emit()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        # Last in the page, after whatever a subclass added under the form.
        if self.layout_.indexOf(self.missing) != self.layout_.count() - 1:
            self.layout_.removeWidget(self.missing)
            self.layout_.addWidget(self.missing)
        super().showEvent(event)

    def blocking(self) -> list[tuple[str, str]]:
        """(field, text) of each field that stops Next: required and blank, or invalid."""
        out = []
        for f in self.fields.values():
            if not f.widget.isEnabled():
                continue
            if f.problem():
                out.append((f.name, t("{label} (see the message)").format(label=f.label)))
            elif f.is_missing():
                out.append((f.name, f.label))
        return out

    def isComplete(self) -> bool:
        ok = True
        for f in self.fields.values():
            ok = f.refresh() and ok  # refresh every field so each shows its message
        self.missing.set_entries(self.blocking())
        return ok and self.extra_complete()

    def extra_complete(self) -> bool:
        return True

    def go_to(self, name: str) -> None:
        field = self.fields.get(name)
        if field is not None:
            focus_field(field.widget)

    def explain(self) -> None:
        """Why Next is off: each blank required field says so under itself; the cursor goes
        to the first field that stops Next."""
        for f in self.fields.values():
            if f.is_missing() and not f.problem():
                f.show_error(t("{label} is required.").format(label=f.label))
        entries = self.blocking()
        if entries:
            self.go_to(entries[0][0])

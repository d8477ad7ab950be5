"""One variable of the data dictionary: what it is, how it is checked, how it is shown.

A ``Field`` is plain data plus two pure functions, ``clean`` (typed input → stored value, or
a ValidationError naming the field) and ``format`` (stored value → the text every screen,
report and export shows). See docs/ARCHITECTURE.md §11.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from .errors import Term, ValidationError
from .text import text_problem

EARLIEST_DATE = dt.date(1900, 1, 1)
NOT_RECORDED = "—"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate finds)
    """Marks a dictionary string for Qt's extraction tool; translated where it is shown."""
    return text


class Kind(StrEnum):
    DATE = "date"
    INTEGER = "integer"
    DECIMAL = "decimal"
    CHOICE = "choice"
    MULTI = "multi-choice"
    YESNO = "yes/no"
    TEXT = "text"


class Identifier(StrEnum):
    NONE = ""
    DIRECT = "direct"  # names the person: name, record number, phone, address
    QUASI = "quasi"  # identifies in combination: birth date, dates of care


@dataclass(frozen=True)
class Choice:
    code: Any
    label: str
    # The Chinese label when the choice comes with its own (the protocol file's assessments);
    # other labels are translated through the translation files (README "Languages").
    label_zh: str = ""


@dataclass(frozen=True)
class AltUnit:
    """Another unit a value may be typed in; ``factor`` converts it to the field's unit."""

    label: str
    factor: float


@dataclass(frozen=True)
class Range:
    lo: float
    hi: float

    def __contains__(self, value: float) -> bool:
        return self.lo <= value <= self.hi


@dataclass(frozen=True)
class When:
    """A condition over the other values of the same form, with the words that explain it
    (e.g. required "when the operation was converted")."""

    text: str
    test: Callable[[Mapping[str, Any]], bool]

    def __call__(self, values: Mapping[str, Any]) -> bool:
        return bool(self.test(values))


YES_NO = (
    Choice(True, QT_TRANSLATE_NOOP("DataDictionary", "Yes")),
    Choice(False, QT_TRANSLATE_NOOP("DataDictionary", "No")),
)


@dataclass(frozen=True)
class Field:
    name: str  # = model column = widget objectName
    label: str  # English source, marked with QT_TRANSLATE_NOOP("DataDictionary", ...)
    kind: Kind
    help: str = ""
    unit: str = ""
    alt_units: tuple[AltUnit, ...] = ()
    unit_field: str | None = None  # column keeping the unit the value was typed in
    decimals: int = 1  # DECIMAL: at most this many decimals are shown
    hard: Range | None = None  # outside: refused
    soft: Range | None = None  # outside: the user is asked to confirm
    choices: tuple[Choice, ...] = ()
    required: bool | When = False
    identifier: Identifier = Identifier.NONE
    max_len: int | None = None  # TEXT
    multiline: bool = False  # TEXT
    not_future: bool = True  # DATE
    derived: str = ""  # computed by the application from other fields: how (not typed)
    column: str | None = None  # when the model column is named otherwise

    @property
    def variable(self) -> str:
        return self.column or self.name

    @property
    def is_input(self) -> bool:
        return not self.derived

    def is_required(self, values: Mapping[str, Any]) -> bool:
        return self.required(values) if isinstance(self.required, When) else self.required

    def codes(self) -> tuple[Any, ...]:
        return tuple(c.code for c in (YES_NO if self.kind is Kind.YESNO else self.choices))

    def choice_label(self, code: Any) -> str:
        for choice in YES_NO if self.kind is Kind.YESNO else self.choices:
            if choice.code == code and type(choice.code) is type(code):
                return choice.label
        return str(code)

    # -- checking -----------------------------------------------------------------------
    def fail(self, message: str, *, soft: bool = False) -> ValidationError:
        return ValidationError(self.name, message, soft=soft)

    def fail_as(self, template: str, *, soft: bool = False, **params: str) -> ValidationError:
        """A refusal from a marked template: English here, translatable where shown."""
        return ValidationError(
            self.name, template, soft=soft, params={"label": Term(self.label), **params}
        )

    def clean(
        self,
        value: Any,
        *,
        today: dt.date | None = None,
        confirmed: bool = False,
        unit: str | None = None,
    ) -> Any:
        """The value to store, or a ValidationError naming this field. None stays None
        (required-ness is the form's concern: it may depend on other fields). A number typed
        in an alternative ``unit`` is checked against the limits in that unit and returned
        as typed (``to_unit`` converts it)."""
        if value is None or (isinstance(value, str) and self.kind is not Kind.TEXT and not value):
            return None
        if unit and unit != self.unit and self.kind in (Kind.INTEGER, Kind.DECIMAL):
            return _number(self.in_unit(unit), value, today, confirmed)
        return _CLEANERS[self.kind](self, value, today, confirmed)

    def in_unit(self, unit: str) -> Field:
        """This field as typed in ``unit``: limits converted (3 significant digits, so
        1–1000 µmol/L reads 0.0585–58.5 mg/dL) and the unit named."""
        factor = self.to_unit(1.0, unit)

        def scaled(r: Range | None) -> Range | None:
            return (
                None
                if r is None
                else Range(_three_digits(r.lo / factor), _three_digits(r.hi / factor))
            )

        return replace(
            self, unit=unit, hard=scaled(self.hard), soft=scaled(self.soft), alt_units=()
        )

    def to_unit(self, value: float, unit: str | None) -> float:
        """``value`` typed in ``unit`` (one of the alternatives) in the field's own unit."""
        if not unit or unit == self.unit:
            return value
        for alt in self.alt_units:
            if alt.label == unit:
                return value * alt.factor
        allowed = ", ".join([self.unit, *(a.label for a in self.alt_units)])
        raise ValidationError(
            self.unit_field or self.name,
            f"The unit of {self.label.lower()} must be one of {allowed} (got {unit!r}).",
        )

    # -- showing ------------------------------------------------------------------------
    def format(self, value: Any, *, unit: bool = True, empty: str = NOT_RECORDED) -> str:
        """The text every screen and report shows for ``value``: the field's precision,
        its unit, its choice labels (English; the UI translates labels where it shows)."""
        if value is None or value == [] or value == ():
            return empty
        if self.kind is Kind.DATE:
            return value.isoformat()
        if self.kind in (Kind.INTEGER, Kind.DECIMAL):
            text = format_number(value, 0 if self.kind is Kind.INTEGER else self.decimals)
            return with_unit(text, self.unit) if unit else text
        if self.kind in (Kind.CHOICE, Kind.YESNO):
            return self.choice_label(value)
        if self.kind is Kind.MULTI:
            order = {c.code: i for i, c in enumerate(self.choices)}
            return ", ".join(
                self.choice_label(v) for v in sorted(value, key=lambda v: order.get(v, 99))
            )
        return str(value)


def format_number(value: float, decimals: int) -> str:
    """At most ``decimals`` decimals, trailing zeros dropped: 31.5 → "31.5", 30.0 → "30"."""
    text = f"{round(float(value), decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _three_digits(x: float) -> float:
    return float(f"{x:.3g}")


def with_unit(text: str, unit: str) -> str:
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


NUMBER = QT_TRANSLATE_NOOP("DataDictionary", "{label} must be a number.")
WHOLE = QT_TRANSLATE_NOOP("DataDictionary", "{label} must be a whole number.")


# -- cleaners by kind (value is not None) ------------------------------------------------
def _date(f: Field, value: Any, today: dt.date | None, confirmed: bool) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise f.fail(f"{f.label} must be a date (YYYY-MM-DD).") from None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise f.fail(f"{f.label} must be a calendar date.")
    if value < EARLIEST_DATE:
        raise f.fail(f"{f.label} must be after {EARLIEST_DATE.isoformat()}.")
    if f.not_future and today is not None and value > today:
        raise f.fail_as(
            QT_TRANSLATE_NOOP(
                "DataDictionary", "{label} ({value}) cannot be in the future (today is {today})."
            ),
            value=value.isoformat(),
            today=today.isoformat(),
        )
    return value


def _number(f: Field, value: Any, today: dt.date | None, confirmed: bool) -> float | int:
    whole = f.kind is Kind.INTEGER
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise f.fail_as(WHOLE if whole else NUMBER) from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise f.fail_as(NUMBER)
    if whole and value != int(value):
        raise f.fail_as(WHOLE)
    value = int(value) if whole else float(value)
    unit = f" {f.unit}" if f.unit and f.unit != "%" else f.unit
    if f.hard is not None and value not in f.hard:
        raise f.fail_as(
            QT_TRANSLATE_NOOP(
                "DataDictionary", "{label} must be between {lo} and {hi}{unit} (got {value})."
            ),
            lo=f"{f.hard.lo:g}",
            hi=f"{f.hard.hi:g}",
            unit=unit,
            value=f"{value:g}",
        )
    if f.soft is not None and value not in f.soft and not confirmed:
        raise f.fail_as(
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "{label} of {value}{unit} is outside the usual {lo}–{hi}{unit}; "
                "please check it and confirm.",
            ),
            soft=True,
            lo=f"{f.soft.lo:g}",
            hi=f"{f.soft.hi:g}",
            unit=unit,
            value=f"{value:g}",
        )
    return value


def _choice(f: Field, value: Any, today: dt.date | None, confirmed: bool) -> Any:
    if f.kind is Kind.YESNO:
        if not isinstance(value, bool):
            raise f.fail(f"{f.label} must be yes or no.")
        return value
    for code in f.codes():
        if code == value and type(code) is type(value):
            return value
    allowed = ", ".join(str(c) for c in f.codes())
    raise f.fail(f"{f.label} must be one of {allowed} (got {value!r}).")


def _multi(f: Field, value: Any, today: dt.date | None, confirmed: bool) -> list[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise f.fail(f"{f.label} must be a list of choices.")
    chosen = [_choice(f, v, today, confirmed) for v in value]
    order = {c: i for i, c in enumerate(f.codes())}
    return sorted(set(chosen), key=order.__getitem__)


def _text(f: Field, value: Any, today: dt.date | None, confirmed: bool) -> str | None:
    if not isinstance(value, str):
        raise f.fail(f"{f.label} must be text.")
    text = value.strip()
    problem = text_problem(text, f.max_len, multiline=f.multiline)
    if problem:
        raise f.fail_as(QT_TRANSLATE_NOOP("Refusals", "{label} {problem}."), problem=problem)
    return text or None


_CLEANERS: dict[Kind, Callable[[Field, Any, dt.date | None, bool], Any]] = {
    Kind.DATE: _date,
    Kind.INTEGER: _number,
    Kind.DECIMAL: _number,
    Kind.CHOICE: _choice,
    Kind.YESNO: _choice,
    Kind.MULTI: _multi,
    Kind.TEXT: _text,
}


def choices(*pairs: tuple[Any, str]) -> tuple[Choice, ...]:
    return tuple(Choice(code, label) for code, label in pairs)


__all__ = [
    "EARLIEST_DATE",
    "NOT_RECORDED",
    "QT_TRANSLATE_NOOP",
    "YES_NO",
    "AltUnit",
    "Choice",
    "Field",
    "Identifier",
    "Kind",
    "Range",
    "When",
    "choices",
    "format_number",
    "with_unit",
]

"""The columns of an exported table and the one conversion of a stored value to an exported
cell (docs/ARCHITECTURE.md §12). Every writer (CSV, xlsx, Stata, SPSS) reads these plain
values: a date, an int, a float, a str or None."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...forms import QT_TRANSLATE_NOOP, Field, Identifier, Kind
from ...forms.field import YES_NO

# Suffix of the 0/1 column of one choice of a multi-choice field (REDCap's checkbox export).
CHECKBOX_SEP = "___"


@dataclass(frozen=True)
class Column:
    name: str  # the exported variable name
    field: Field  # its definition (the choice's field for a checkbox column)
    form: str  # the form (or derived table) it belongs to
    choice: Any = None  # a checkbox column: the choice it ticks
    checkbox: bool = False

    @property
    def kind(self) -> Kind:
        return Kind.YESNO if self.checkbox else self.field.kind

    @property
    def label(self) -> str:
        if self.checkbox:
            return f"{self.field.label}: {self.field.choice_label(self.choice)}"
        return self.field.label

    def value_labels(self) -> dict[Any, str]:
        """Code → label of a coded column (yes/no as 1/0), empty for the others."""
        if self.kind is Kind.YESNO:
            return {int(c.code): c.label for c in YES_NO}
        if self.kind is Kind.CHOICE:  # a choice coded True/False is exported as 1/0
            return {_bool_as_int(c.code): c.label for c in self.field.choices}
        return {}


def _bool_as_int(code: Any) -> Any:
    return int(code) if isinstance(code, bool) else code


def key_field(name: str, label: str, how: str) -> Field:
    """A record key (study ID, screening ID, a record's number): computed, never typed."""
    return Field(name, label, Kind.TEXT if name == "study_id" else Kind.INTEGER, derived=how)


STUDY_ID = key_field(
    "study_id",
    QT_TRANSLATE_NOOP("DataDictionary", "Study ID"),
    "assigned at enrolment; empty for a participant who was not enrolled",
)
SCREENING_ID = key_field(
    "screening_id",
    QT_TRANSLATE_NOOP("DataDictionary", "Screening number"),
    "the number of the participant's latest screening record (the key of screen failures)",
)


def field_columns(form_name: str, f: Field) -> list[Column]:
    """A multi-choice field with listed choices becomes one 0/1 column per choice."""
    if f.kind is Kind.MULTI and f.choices:
        return [
            Column(f"{f.name}{CHECKBOX_SEP}{slug(c.code)}", f, form_name, c.code, True)
            for c in f.choices
        ]
    return [Column(f.name, f, form_name)]


def slug(code: Any) -> str:
    return re.sub(r"[^0-9A-Za-z_]+", "_", str(code)).strip("_").lower() or "x"


def is_identifying(f: Field) -> bool:
    return f.identifier is Identifier.DIRECT


def converter(column: Column) -> Callable[[Any], Any]:
    """The function turning a stored value (not None) of ``column`` into its exported cell,
    chosen once per column. Yes/no as 1/0, dates as dates, lists
    and mappings as JSON text."""
    if column.checkbox:
        choice = column.choice
        return lambda raw: int(choice in (raw if isinstance(raw, list | tuple) else [raw]))
    kind = column.kind
    if kind is Kind.DATE:
        return _date
    if kind is Kind.YESNO:
        return _yes_no
    if kind is Kind.INTEGER:
        return _integer
    return _plain


def cell(column: Column, raw: Any) -> Any:
    if raw is None:
        return None
    return converter(column)(raw)


def _date(raw: Any) -> dt.date:
    if type(raw) is dt.date:
        return raw
    if isinstance(raw, dt.datetime):
        return raw.date()
    return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))


def _yes_no(raw: Any) -> int:
    return int(bool(raw))


def _integer(raw: Any) -> Any:
    return int(raw) if isinstance(raw, int | float) else _plain(raw)


def _plain(raw: Any) -> Any:
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, dict | list | tuple):
        return json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    return raw


def shift(value: Any, days: int) -> Any:
    if days and isinstance(value, dt.date):
        return value + dt.timedelta(days=days)
    return value

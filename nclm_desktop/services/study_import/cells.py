"""One raw cell (text from a CSV, a typed value from an xlsx sheet) read as the value its
field of the data dictionary expects, before ``Field.clean`` checks limits and choices the
same way as typed entry (README, Import: the rules for cells).

Nothing is guessed: a number whose separators can be read two ways, a date written day-first
or month-first, a unit that is not the field's: each is refused with a message saying what
to write instead.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from ...forms import QT_TRANSLATE_NOOP, Field, Kind
from ...forms.errors import UserError
from ...forms.field import YES_NO
from ...forms.translations import dictionary_labels
from ..study_export.columns import Column
from .source import CellError

# Excel's 1900 date system: serial 1 is 1900-01-01; 73415 is 2100-12-31. A whole number in
# this range in a date column is a date Excel saved without its format.
SERIAL_RANGE = (1, 73415)

_TRUE = {"1", "yes", "y", "true", "t", "是", "有"}
_FALSE = {"0", "no", "n", "false", "f", "否", "无"}

# A number, optionally followed by a unit: "35", "-1.5", "1,234.5", "35 g/L", "30%".
_NUMBER_UNIT = re.compile(r"^\s*([-+]?[0-9][0-9.,]*)\s*(.*?)\s*$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:X[0-9]{3})+$")  # X: the thousands separator
# Year first, so never ambiguous: 2023-01-15, 2023/1/15, 2023.1.15, 2023年1月15日.
_YMD = re.compile(
    r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
    r"(?:[ T]00:00(?::00(?:\.0+)?)?)?$"
)
_DAY_OR_MONTH_FIRST = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")


NOT_A_NUMBER = QT_TRANSLATE_NOOP("Refusals", "{value} is not a number")
NOT_A_LIST = QT_TRANSLATE_NOOP("Refusals", "{value} is not a list")


class CellRefusal(CellError, UserError):
    """A CellError whose message is a marked template (forms/errors.py): the import's report
    shows it in the user's language, in English on the command line."""


def refuse(template: str, **params: str) -> CellRefusal:
    return CellRefusal(template, params=params)


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_cell(field: Field, raw: Any) -> Any:
    """The value of ``raw`` for ``field`` (None when blank), in the field's own unit; raises
    CellError saying what is wrong. A CellError the reader put in the cell (a formula, an
    unreadable value) is raised as it is."""
    if isinstance(raw, CellError):
        raise raw
    if is_blank(raw):
        return None
    if isinstance(raw, str):
        raw = raw.strip()
    kind = field.kind
    if kind is Kind.DATE:
        return parse_date(raw)
    if kind in (Kind.INTEGER, Kind.DECIMAL):
        value, unit = number_and_unit(field, raw)
        return field.to_unit(value, unit) if unit else value
    if kind is Kind.YESNO:
        return parse_yes_no(field, raw)
    if kind is Kind.CHOICE:
        return parse_choice(field, raw)
    if kind is Kind.MULTI:
        return parse_multi(field, raw)
    return _text(raw)


# -- numbers ------------------------------------------------------------------------------
def parse_number(text: str, whole_number: bool = False) -> float:
    """A number written with a decimal point or a decimal comma, with or without thousands
    separators. Decided once and for all (README, Import):

    - one separator kind: a dot is a decimal point ("1.234" = 1.234); a comma is a decimal
      comma ("35,5" = 35.5) unless it is followed by exactly three digits ("1,234" could be
      1234 or 1.234: refused; not in a whole-number column, where it is 1234; "0,125"
      cannot group thousands); the same separator more than once groups thousands
      ("1,234,567" or "1.234.567");
    - both kinds: the last one is the decimal separator and the other groups thousands in
      threes ("1,234.5" and "1.234,5" are both 1234.5); anything else is refused.
    """
    t = text.strip()
    sign = ""
    if t[:1] in "+-":
        sign, t = t[0], t[1:]
    if not t or not re.fullmatch(r"[0-9.,]+", t) or not t[0].isdigit() or not t[-1].isdigit():
        raise refuse(NOT_A_NUMBER, value=repr(text))
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        decimal = "." if t.rfind(".") > t.rfind(",") else ","
        group = "," if decimal == "." else "."
        whole, _, frac = t.rpartition(decimal)
        if decimal in whole or not _GROUPED.match(whole.replace(group, "X")):
            raise refuse(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "{value} mixes separators in a way that is not a number with thousands "
                    "separators; write it without them (e.g. 1234.5)",
                ),
                value=repr(text),
            )
        return float(f"{sign}{whole.replace(group, '')}.{frac}")
    sep = "." if dots else "," if commas else ""
    count = dots or commas
    if count > 1:
        if not _GROUPED.match(t.replace(sep, "X")):
            raise refuse(NOT_A_NUMBER, value=repr(text))
        return float(sign + t.replace(sep, ""))
    if sep == ",":
        whole, frac = t.split(",")
        if len(frac) == 3 and whole_number and whole != "0" and frac != "000":
            return float(sign + whole + frac)  # 1.200 is no whole number: 1,200 is 1200
        if len(frac) == 3 and whole != "0":  # "0,125" cannot group thousands
            raise refuse(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "{value} is ambiguous: a thousands separator or a decimal comma? "
                    "Write {grouped} or {decimal}",
                ),
                value=repr(text),
                grouped=whole + frac,
                decimal=f"{whole}.{frac}",
            )
        return float(f"{sign}{whole}.{frac}")
    return float(sign + t)


def number_and_unit(field: Field, raw: Any) -> tuple[float | int, str | None]:
    """The number of a cell and the unit written after it (None: no unit written). The
    unit must be the field's own or one of its alternatives ("3.5 g/dL" for albumin)."""
    if isinstance(raw, bool):
        raise refuse(NOT_A_NUMBER, value=repr(raw))
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise refuse(NOT_A_NUMBER, value=repr(raw))
        return raw, None
    if not isinstance(raw, str):
        raise refuse(NOT_A_NUMBER, value=repr(raw))
    m = _NUMBER_UNIT.match(raw)
    if not m:
        raise refuse(NOT_A_NUMBER, value=repr(raw))
    value = parse_number(m.group(1), field.kind is Kind.INTEGER)
    unit = m.group(2) or None
    if unit is not None:
        allowed = [u for u in (field.unit, *(a.label for a in field.alt_units)) if u]
        match = next((u for u in allowed if u.casefold() == unit.casefold()), None)
        if match is None:
            if not allowed:
                raise refuse(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{value}: this column takes a number without a unit"
                    ),
                    value=repr(raw),
                )
            raise refuse(
                QT_TRANSLATE_NOOP(
                    "Refusals", "{value}: the unit must be one of {units} (got {unit})"
                ),
                value=repr(raw),
                units=", ".join(allowed),
                unit=repr(unit),
            )
        unit = None if match == field.unit else match
    if field.kind is Kind.INTEGER and value == int(value):
        return int(value), unit
    return value, unit


# -- dates --------------------------------------------------------------------------------
def parse_date(raw: Any) -> dt.date:
    """ISO and other year-first dates, an xlsx date cell, or an Excel serial number."""
    if isinstance(raw, dt.datetime):
        if raw.time() != dt.time(0):
            raise refuse(
                QT_TRANSLATE_NOOP("Refusals", "{value} has a time of day; give the date only"),
                value=raw.isoformat(sep=" "),
            )
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        raise refuse(QT_TRANSLATE_NOOP("Refusals", "{value} is not a date"), value=repr(raw))
    if isinstance(raw, int | float):
        return excel_serial(raw)
    text = str(raw)
    if text.isdigit() and len(text) <= 5:
        return excel_serial(int(text))
    m = _YMD.match(text)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if re.fullmatch(r"\d{8}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        raise refuse(
            QT_TRANSLATE_NOOP("Refusals", "{value} is not a calendar date"), value=repr(text)
        ) from None
    if _DAY_OR_MONTH_FIRST.match(text):
        raise refuse(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{value} could be day-first or month-first; write the date as YYYY-MM-DD",
            ),
            value=repr(text),
        )
    raise refuse(
        QT_TRANSLATE_NOOP("Refusals", "{value} is not a date (write YYYY-MM-DD)"),
        value=repr(text),
    )


def excel_serial(value: float) -> dt.date:
    """An Excel serial date (1900 system, as Excel counts it), by openpyxl's conversion."""
    from openpyxl.utils.datetime import from_excel

    lo, hi = SERIAL_RANGE
    if value != int(value) or not lo <= value <= hi:
        raise refuse(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{value} is not a date (an Excel serial date is a whole number from {lo} to "
                "{hi}); write YYYY-MM-DD",
            ),
            value=repr(value),
            lo=str(lo),
            hi=str(hi),
        )
    return from_excel(int(value)).date()


# -- choices ------------------------------------------------------------------------------
def _written(code: Any) -> str:
    return str(int(code)) if isinstance(code, bool) else str(code)


@cache
def _index(field: Field) -> dict[str, Any]:
    """Every accepted spelling of every choice (casefolded) → its code: the code as the
    export writes it, the English label and the Chinese one. Built once per field."""
    zh = dictionary_labels()
    pairs = YES_NO if field.kind is Kind.YESNO else field.choices
    out: dict[str, Any] = {}
    for c in pairs:  # labels first: a code wins over another choice's label
        for spelling in (c.label, zh(c.label)):
            if spelling:
                out[spelling.casefold()] = c.code
    out.update({_written(c.code).casefold(): c.code for c in pairs})
    if field.kind is Kind.YESNO:
        out.update(dict.fromkeys(_TRUE, True) | dict.fromkeys(_FALSE, False))
    return out


_YES_NO_FIELD = Field("yes_no", "Yes or no", Kind.YESNO)


def parse_yes_no(field: Field, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    # A checkbox column of a multi-choice field is yes/no too, whatever its field's kind.
    value = _index(_YES_NO_FIELD).get(str(raw).strip().casefold())
    if value is None:
        raise refuse(
            QT_TRANSLATE_NOOP("Refusals", "{value} is not yes or no (write 1 or 0)"),
            value=repr(raw),
        )
    return value


def parse_choice(field: Field, raw: Any) -> Any:
    """A choice by its code (as the export writes it: 1/0 for a yes/no choice) or by its
    label, in English or Chinese."""
    if isinstance(raw, float) and raw == int(raw):
        raw = int(raw)
    text = str(raw).strip()
    index = _index(field)
    folded = text.casefold()
    if folded in index:
        return index[folded]
    allowed = ", ".join(_written(c.code) for c in field.choices)
    raise refuse(
        QT_TRANSLATE_NOOP(
            "Refusals", "{value} is not a choice of this column (allowed codes: {codes})"
        ),
        value=repr(text),
        codes=allowed,
    )


def parse_multi(field: Field, raw: Any) -> list[Any]:
    """A JSON list (the export's form for a multi-choice without listed choices), or
    choices separated by commas, semicolons or bars."""
    if isinstance(raw, str) and raw.startswith("["):
        try:
            items = json.loads(raw)
        except ValueError:
            raise refuse(NOT_A_LIST, value=repr(raw)) from None
        if not isinstance(items, list):
            raise refuse(NOT_A_LIST, value=repr(raw))
    elif isinstance(raw, str):
        items = [p.strip() for p in re.split(r"[,;|，；]", raw) if p.strip()]
    else:
        items = [raw]
    if not field.choices:
        return items
    return [parse_choice(field, i) for i in items]


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw == int(raw):
        return str(int(raw))  # a record number typed into Excel becomes a number
    if isinstance(raw, dt.datetime | dt.date):
        return raw.isoformat()
    return str(raw)


# -- a row of the export's layout ---------------------------------------------------------
def parse_row(
    columns: Iterable[Column], cells: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The values of one row by field name, and the refused cells (column → message).

    The export's layout is undone: a multi-choice field's 0/1 columns (``field___code``)
    become one list; a number written with an alternative unit ("3.5 g/dL") is converted to
    the field's unit, and the field's unit column, when it has one, then names that unit
    (a unit column naming another unit is refused)."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    ticked: dict[str, list[Any]] = {}
    by_field: dict[str, Column] = {}
    for col in columns:
        if col.name not in cells:
            continue
        raw = cells[col.name]
        try:
            if col.checkbox:
                box = ticked.setdefault(col.field.name, [])
                if not is_blank(raw) and parse_yes_no(col.field, raw):
                    box.append(col.choice)
                continue
            values[col.field.name] = parse_cell(col.field, raw)
            by_field[col.field.name] = col
        except CellError as exc:
            errors[col.name] = str(exc)
    values.update(ticked)
    for name, col in by_field.items():
        f = col.field
        written = cells.get(col.name)
        if f.unit_field not in by_field or values.get(name) is None or not isinstance(written, str):
            continue
        m = _NUMBER_UNIT.match(written)
        if not m or not m.group(2):
            continue  # no unit in the cell: the unit column says which (Field.clean checks)
        in_cell = number_and_unit(f, written.strip())[1] or f.unit
        stated = values.get(f.unit_field)
        if stated is not None and stated != in_cell:
            errors[by_field[f.unit_field].name] = str(
                refuse(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{unit} contradicts the unit written in {column} ({value})"
                    ),
                    unit=repr(stated),
                    column=col.name,
                    value=repr(written.strip()),
                )
            )
        values[f.unit_field] = f.unit  # the value was converted to the field's unit
    return values, errors

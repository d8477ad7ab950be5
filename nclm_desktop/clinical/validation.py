"""Input checks shared by the clinical rules.

Every check raises ValueError whose message names the field and says what is allowed, so the
UI can show it as is: "bilirubin_umol_l must be >= 0 (got -1)".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from .text_marks import QT_TRANSLATE_NOOP, Term, said

# The dates the endpoint rules compare, by the names their messages use (translated where
# a refusal is shown or printed).
DATE_NAMES = {
    "index_date": QT_TRANSLATE_NOOP("DataDictionary", "index date"),
    "death_date": QT_TRANSLATE_NOOP("DataDictionary", "date of death"),
    "last_alive_date": QT_TRANSLATE_NOOP("DataDictionary", "last date known alive"),
    "last_liver_imaging_date": QT_TRANSLATE_NOOP("DataDictionary", "last liver imaging"),
    "resection_date": QT_TRANSLATE_NOOP("DataDictionary", "resection date"),
    "operation_date": QT_TRANSLATE_NOOP("DataDictionary", "operation date"),
    "discharge_date": QT_TRANSLATE_NOOP("DataDictionary", "discharge date"),
    "reoperation_date": QT_TRANSLATE_NOOP("DataDictionary", "reoperation date"),
}
# The dates of a list, named by their place in it ("complications[0] onset date").
LISTED_DATE_NAMES = {
    ("complications", " onset date"): QT_TRANSLATE_NOOP(
        "DataDictionary", "onset date of complication {number}"
    ),
    ("reoperations", " date"): QT_TRANSLATE_NOOP("DataDictionary", "date of reoperation {number}"),
    ("intrahepatic_recurrence_dates", ""): QT_TRANSLATE_NOOP(
        "DataDictionary", "date of intrahepatic recurrence {number}"
    ),
}
_LISTED = re.compile(r"(\w+)\[(\d+)\](.*)")


def date_name(name: str) -> str:
    """A date the endpoint rules name, as a marked word (``Term``) or, for a date of a list,
    a marked sentence numbered from 1 ("onset date of complication 1"); else as it is."""
    if name in DATE_NAMES:
        return Term(DATE_NAMES[name])
    found = _LISTED.fullmatch(name)
    if found and (found[1], found[3]) in LISTED_DATE_NAMES:
        return said(LISTED_DATE_NAMES[found[1], found[3]], number=int(found[2]) + 1)
    return name


NOT_BEFORE = QT_TRANSLATE_NOOP(
    "DataDictionary", "{name} ({value}) must be on or after {other} ({at})"
)
NOT_AFTER = QT_TRANSLATE_NOOP(
    "DataDictionary", "{name} ({value}) must be on or before {other} ({at})"
)


class DateOrderError(ValueError):
    """Two dates of one person's records in the wrong order. The message is English; its
    ``template`` and ``params`` (date names as in DATE_NAMES, ISO dates) let a report or a
    screen say it in another language."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


def _fmt(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def require_number(
    name: str,
    value: Any,
    *,
    ge: float | None = None,
    gt: float | None = None,
    le: float | None = None,
) -> float:
    """Return value as a float, or raise if it is not a finite number within the bounds."""
    # bool is an int subclass; True as a lab value is always a bug upstream.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number (got {_fmt(value)})")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number (got {value})")
    if ge is not None and value < ge:
        raise ValueError(f"{name} must be >= {ge:g} (got {value:g})")
    if gt is not None and value <= gt:
        raise ValueError(f"{name} must be > {gt:g} (got {value:g})")
    if le is not None and value > le:
        raise ValueError(f"{name} must be <= {le:g} (got {value:g})")
    return float(value)


def require_int(name: str, value: Any, *, ge: int | None = None, le: int | None = None) -> int:
    """Return value if it is an int within the bounds (bools are refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number (got {_fmt(value)})")
    if ge is not None and le is not None and not ge <= value <= le:
        raise ValueError(f"{name} must be between {ge} and {le} (got {value})")
    if ge is not None and value < ge:
        raise ValueError(f"{name} must be >= {ge} (got {value})")
    if le is not None and value > le:
        raise ValueError(f"{name} must be <= {le} (got {value})")
    return value


def require_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false (got {_fmt(value)})")
    return value


def require_choice(name: str, value: Any, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {choices} (got {_fmt(value)})")
    return value


def require_date(name: str, value: Any) -> date:
    # A datetime would silently carry a time of day into date arithmetic.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{name} must be a calendar date (got {_fmt(value)})")
    return value


def require_not_before(name: str, value: date, other_name: str, other: date) -> None:
    if value < other:
        raise DateOrderError(
            NOT_BEFORE, name=name, value=value.isoformat(), other=other_name, at=other.isoformat()
        )


def require_not_after(name: str, value: date, other_name: str, other: date) -> None:
    if value > other:
        raise DateOrderError(
            NOT_AFTER, name=name, value=value.isoformat(), other=other_name, at=other.isoformat()
        )

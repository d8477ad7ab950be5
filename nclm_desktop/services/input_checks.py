"""Input checks shared by the services: each names the field and the limit it broke."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from ..forms.text import text_problem
from .errors import ValidationError

EARLIEST_DATE = dt.date(1900, 1, 1)


def check_date(
    field_name: str,
    label: str,
    value: dt.date | None,
    *,
    today: dt.date,
    not_before: tuple[str, dt.date | None] | None = None,
    required: bool = True,
) -> None:
    """Refuse a missing date, a date in the future or before another date, naming both."""
    if value is None:
        if required:
            raise ValidationError(field_name, f"The {label} is required.")
        return
    if value > today:
        raise ValidationError(
            field_name,
            f"The {label} ({value.isoformat()}) is in the future; today is {today.isoformat()}.",
        )
    if value < EARLIEST_DATE:
        raise ValidationError(field_name, f"The {label} must be after {EARLIEST_DATE}.")
    if not_before and not_before[1] is not None and value < not_before[1]:
        raise ValidationError(
            field_name,
            f"The {label} ({value.isoformat()}) is before the {not_before[0]} "
            f"({not_before[1].isoformat()}).",
        )


def check_range(field_name: str, label: str, value: float | None, lo: float, hi: float) -> None:
    if value is not None and not lo <= value <= hi:
        raise ValidationError(
            field_name, f"The {label} must be between {lo:g} and {hi:g} (got {value:g})."
        )


def check_choice(field_name: str, label: str, value: str | None, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise ValidationError(
            field_name, f"The {label} must be one of {', '.join(allowed)} (got {value!r})."
        )


def check_text(
    field_name: str,
    label: str,
    value: str | None,
    max_len: int,
    required: bool,
    *,
    multiline: bool = False,
) -> str | None:
    """The stripped text, or None when empty; refuses what ``text_problem`` finds."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(field_name, f"The {label} is required.")
    problem = text_problem(text, max_len, multiline=multiline)
    if problem:
        raise ValidationError(field_name, f"The {label} {problem}.")
    return text or None


def normalise_username(value: str) -> str:
    """NFKC, stripped; refuses whitespace inside, control or format characters, > 64."""
    problem = text_problem(value or "")
    if problem:
        raise ValidationError("username", f"The user name {problem}.")
    name = unicodedata.normalize("NFKC", value or "").strip()
    if not name or len(name) > 64:
        raise ValidationError("username", "The user name must be 1 to 64 characters.")
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs") for ch in name):
        raise ValidationError("username", "The user name must not contain spaces.")
    return name


def username_key(name: str) -> str:
    """What makes two user names the same: case-insensitive after NFKC."""
    return unicodedata.normalize("NFKC", name).casefold()

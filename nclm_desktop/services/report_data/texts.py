"""The data dictionary's words and values in a report's language: labels and choice labels
from the Chinese translation source (``study_export.labels_zh``), dates the report's way
(``forms.dates``), stored UTC moments on this computer's clock. For every mapper that prints
dictionary values in Chinese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ...forms.dates import date_text
from ...forms.field import Field, Kind
from ..study_export.labels_zh import chinese_labels


def labeller(lang: str) -> Callable[[str], str]:
    """The dictionary's words in ``lang`` (English where none is translated yet)."""
    if lang != "zh_CN":
        return lambda text: text
    zh = chinese_labels()
    return lambda text: zh(text) or text


def value_text(f: Field, value: Any, lang: str, tr: Callable[[str], str]) -> str:
    """``Field.format`` in the report's language: choice labels translated, dates written
    the report's way."""
    if value is None or value == [] or value == ():
        return f.format(None)
    if f.kind is Kind.DATE:
        return date_text(value, lang)
    if f.kind in (Kind.CHOICE, Kind.YESNO):
        return tr(f.format(value))
    if f.kind is Kind.MULTI:
        if not isinstance(value, list | tuple | set | frozenset):
            value = [value]  # one row per choice (the operation's team)
        chosen = set(value)
        parts = [tr(f.format([c])) for c in f.codes() if c in chosen]
        parts += [str(v) for v in value if v not in f.codes()]
        return ("、" if lang == "zh_CN" else ", ").join(parts)
    if isinstance(value, list):  # a derived list of records (screening criteria)
        return "\n".join(_item(v) for v in value)
    if isinstance(value, dict):  # several answers in one column (a complication's treatment)
        return answers_text(value) or f.format(None)
    return f.format(value)


def answers_text(value: dict) -> str:
    """The items answered yes by their code, the others with their value; no and empty
    left out."""
    parts = [
        str(k) if v is True else f"{k}: {v}"
        for k, v in value.items()
        if v not in (None, False, "", [])
    ]
    return ", ".join(parts)


def _item(v: Any) -> str:
    if isinstance(v, dict):
        return ": ".join(str(v[k]) for k in ("id", "status") if k in v) or str(v)
    return str(v)


def local(when: dt.datetime | None) -> dt.datetime | None:
    """A stored UTC moment (naive in SQLite) on this computer's clock."""
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone()

"""Texts the application itself writes into a record's free-text fields: the death event a
grade V complication records carries a detail and, unless the surgeon gave one, the
complication's category as its cause; a visit done outside its window gets a deviation
reason unless one was given; the automatic data checks raise queries with their own words
(services/monitoring/auto_queries.py).

They are stored in English, as every record is (the export, the audit trail and old
databases keep one language), and shown in the reader's language: each is a marked
sentence, recognised by its shape where it is shown (``recorded``) and translated there
(``shown_text`` on screen, the report's catalogue on paper), so rows written before this
module existed are shown translated too. The values read back are put in as ``Term``s (a
field's label, a form's title: translated when they are marked words, else as they are) or,
when the application wrote them too, as sentences. What a person typed is shown as typed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..clinical import COMPLICATION_CATEGORIES
from ..forms import QT_TRANSLATE_NOOP
from ..forms.errors import Said, Term, shown

GRADE_V_DETAIL = QT_TRANSLATE_NOOP(
    "DataDictionary", "Recorded as a Clavien-Dindo grade V complication."
)
DONE_OUTSIDE_WINDOW = QT_TRANSLATE_NOOP("DataDictionary", "Done on {date}, outside the window.")
# The automatic data checks' queries.
OUTSIDE_SOFT_RANGE = QT_TRANSLATE_NOOP(
    "DataDictionary",
    "Automatic check: {label} of {value} is outside the usual {low}–{high} {unit}; it was "
    "confirmed at entry: please check it against the source.",
)
OUTSIDE_SOFT_PERCENT = QT_TRANSLATE_NOOP(
    "DataDictionary",
    "Automatic check: {label} of {value} is outside the usual {low}–{high}%; it was "
    "confirmed at entry: please check it against the source.",
)
WINDOW_ENDED = QT_TRANSLATE_NOOP(
    "DataDictionary",
    "Automatic check: the window of this visit ended on {date} and the visit is not "
    "recorded: please record it or mark it missed.",
)
DEVIATION_CONFIRMED = QT_TRANSLATE_NOOP(
    "DataDictionary",
    "Automatic check: the visit is outside its window ({start} – {end}), confirmed as a "
    "protocol deviation ({reason}): please check it against the source.",
)
NO_REASON_GIVEN = QT_TRANSLATE_NOOP("DataDictionary", "no reason given")
REQUIRED_EMPTY = QT_TRANSLATE_NOOP(
    "DataDictionary", "Automatic check: {label} is required and still empty ({form} of {date})."
)
_SENTENCES = (
    GRADE_V_DETAIL,
    DONE_OUTSIDE_WINDOW,
    OUTSIDE_SOFT_RANGE,
    OUTSIDE_SOFT_PERCENT,
    WINDOW_ENDED,
    DEVIATION_CONFIRMED,
    REQUIRED_EMPTY,
)


@cache
def _shapes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each sentence with a pattern that reads its values back ("{date}" → a group)."""
    shapes = []
    for template in (*_SENTENCES, *COMPLICATION_CATEGORIES.values()):
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        shapes.append((template, re.compile(pattern)))
    return tuple(shapes)


def recorded(value: Any) -> Said | None:
    """The marked sentence the application wrote ``value`` from, with its values; None for
    anything else (typed by a person)."""
    if not isinstance(value, str):
        return None
    for template, pattern in _shapes():
        found = pattern.fullmatch(value)
        if found:
            text = Said(value)  # as stored, word for word
            text.template = template
            text.params = {k: _value(v) for k, v in found.groupdict().items()}
            return text
    return None


def _value(text: str) -> Said | Term:
    """A value read back from a sentence: a sentence the application wrote (kept in
    parentheses without its full stop), else a word."""
    return recorded(text) or recorded(text + ".") or Term(text)


def is_recorded_text(value: Any) -> bool:
    return recorded(value) is not None


def as_term(value: str) -> str:
    """``value`` to put into a marked sentence: translated with it when the application
    wrote it, else as it is."""
    return recorded(value) or value


def shown_text(value: Any) -> Any:
    """A stored free text as the interface shows it: in the user's language when the
    application wrote it."""
    found = recorded(value)
    return shown(found) if found is not None else value


def report_text(value: str, translate: Any) -> str:
    """A stored free text (or a marked sentence a service made) as a report prints it,
    ``translate`` being the report language's lookup of an English source
    (reports/language.py)."""
    found = value if isinstance(value, Said) else recorded(value)
    return value if found is None else _printed(found, translate)


def _printed(text: Said, translate: Any) -> str:
    words = {
        k: _printed(v, translate) if isinstance(v, Said) else translate(v) if isinstance(v, Term)
        else v
        for k, v in text.params.items()
    }  # fmt: skip
    return translate(text.template).format(**words)

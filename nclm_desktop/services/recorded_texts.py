"""Texts the application itself writes into a record's free-text fields: the death event a
grade V complication records carries a detail and, unless the surgeon gave one, the
complication's category as its cause.

They are stored in English, as every record is (the export, the audit trail and old
databases keep one language), and shown in the reader's language: each is a marked string,
translated by its English text where it is shown (``shown_text`` on screen, the report's
catalogue on paper), so rows written before this module existed are shown translated too.
What a person typed is shown as typed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..clinical import COMPLICATION_CATEGORIES
from ..forms import QT_TRANSLATE_NOOP, Term
from ..forms.errors import said, shown

GRADE_V_DETAIL = QT_TRANSLATE_NOOP(
    "DataDictionary", "Recorded as a Clavien-Dindo grade V complication."
)


@cache
def recorded_texts() -> frozenset[str]:
    """Every text the application writes into a free-text field (their English sources)."""
    return frozenset({GRADE_V_DETAIL, *COMPLICATION_CATEGORIES.values()})


def is_recorded_text(value: Any) -> bool:
    return isinstance(value, str) and value in recorded_texts()


def as_term(value: str) -> str:
    """``value`` to put into a marked sentence: a ``Term`` (translated with the sentence)
    when the application wrote it, else as it is."""
    return Term(value) if is_recorded_text(value) else value


def shown_text(value: Any) -> Any:
    """A stored free text as the interface shows it: in the user's language when the
    application wrote it."""
    return shown(said(value)) if is_recorded_text(value) else value

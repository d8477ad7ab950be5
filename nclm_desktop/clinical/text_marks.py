"""Marks clinical texts for Qt's extraction tool while clinical/ stays free of Qt.

The interface translates them where it shows them (context "DataDictionary", README
"Languages"); the English text is the source and what the database and reports keep.

A rule that answers with a sentence made of values (an eligibility criterion's reason)
returns a ``Said``: the English text, which remembers its marked template and values so
that the interface can show it in the user's language (``forms.errors.shown``). Words put
into it are ``Term``s, translated with it. Both live here, at the bottom of the layers, so
that the clinical rules, the data dictionary and the services share one mechanism
(``forms/errors.py`` re-exports them; docs/ARCHITECTURE.md §3 "Refusals").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate finds)
    return text


class Term(str):
    """A word put into a message (a field's label, "birth date") that is itself a marked
    string of ``context``: translated with the message."""

    context: str

    def __new__(cls, text: str, context: str = "DataDictionary") -> Term:
        term = super().__new__(cls, text)
        term.context = context
        return term


class Said(str):
    """A sentence made from a marked template (``said(template, **params)``): the English
    text, which remembers its template so that it can be shown translated (a rule that
    returns a problem as text, e.g. the password policy, returns one of these)."""

    template: str
    params: dict[str, Any]


def said(template: str, **params: Any) -> Said:
    text = Said(template.format(**params))
    text.template, text.params = template, params
    return text


def capitalised(text: Said) -> Said:
    """``text`` beginning with a capital: the same marked sentence, translated alike."""
    capital = Said(text[:1].upper() + text[1:])
    capital.template, capital.params = text.template, text.params
    return capital


# How a sentence joins its parts ("ECOG performance status, bilirubin"): marked, because the
# languages join differently (Chinese lists with "、").
COMMA = QT_TRANSLATE_NOOP("DataDictionary", "{first}, {rest}")
AND = QT_TRANSLATE_NOOP("DataDictionary", "{first} and {rest}")
SEMICOLON = QT_TRANSLATE_NOOP("DataDictionary", "{first}; {rest}")


def joined(parts: Sequence[str], how: str = COMMA) -> Said:
    """``parts`` (sentences or ``Term``s) as one marked sentence, joined ``how``."""
    if not parts:
        return said("")
    if len(parts) == 1:
        only = parts[0]
        return only if isinstance(only, Said) else said("{word}", word=only)
    return said(how, first=parts[0], rest=joined(parts[1:], how))

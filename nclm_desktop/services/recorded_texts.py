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
from ..clinical.eligibility_sentences import REASON_TEMPLATES, REASON_TERMS
from ..clinical.text_marks import AND, COMMA, SEMICOLON
from ..forms import QT_TRANSLATE_NOOP
from ..forms.errors import Said, Term, said, shown

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


# --- the eligibility rule's stored reasons -----------------------------------------------
# A screening keeps each criterion's reason in English, as the rule wrote it. Its sentences
# nest (a list of reasons joined by "; ", each with its own words), so a stored reason is
# read back by trying each sentence of the rule at every place its fixed words occur and
# keeping the reading that explains most of the text by marked words. Few distinct reasons
# exist, so each is read once (cached) and a log of 10,000 screenings stays instant.


JOINS = (SEMICOLON, COMMA, AND)


@cache
def _reason_shapes() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each sentence as (template, its fixed words, its placeholders' names); sentences
    without fixed words ("{word}") would read anything, so they are left out."""
    shapes = []
    for template in REASON_TEMPLATES:
        parts = re.split(r"\{(\w+)\}", template)
        literals, names = tuple(parts[0::2]), tuple(parts[1::2])
        if any(literals):
            shapes.append((template, literals, names))
    return tuple(dict.fromkeys(shapes))


@cache
def _reason(text: str) -> tuple[int, Said | str]:
    """The best reading of ``text``: (characters explained by marked words, the reading).
    A separator explains nothing by itself ("hello, world" is no reason); a sentence may
    begin with a capital where the rule put it first ("History of …")."""
    best: tuple[int, Said | str] = (0, text)
    for candidate in dict.fromkeys((text, text[:1].lower() + text[1:])):
        if candidate in REASON_TERMS:
            return len(text), Term(candidate)
        for template, literals, names in _reason_shapes():
            for score, params in _readings(candidate, template, literals, names):
                if score > best[0]:
                    reading = Said(text)
                    reading.template, reading.params = template, params
                    best = (score, reading)
    return best


def _readings(text: str, template: str, literals: tuple[str, ...], names: tuple[str, ...]) -> Any:
    """Every way ``text`` fits a sentence's fixed words, with each placeholder's reading."""
    first, last = literals[0], literals[-1]
    if not names:
        if text == first:
            yield len(text), {}
        return
    if not (text.startswith(first) and text.endswith(last)) or len(text) < len(first + last):
        return
    end = len(text) - len(last)

    def fill(start: int, i: int, score: int, params: dict) -> Any:
        if i == len(names) - 1:
            spans = [(start, end)]
        else:
            literal, spans, at = literals[i + 1], [], text.find(literals[i + 1], start + 1)
            while 0 <= at < end:
                spans.append((start, at))
                at = text.find(literal, at + 1)
        for a, b in spans:
            value = text[a:b]
            name = names[i]
            if not value or (name in params and str(params[name]) != value):
                continue
            got, reading = _reason(value)
            nxt = {**params, name: reading}
            if i == len(names) - 1:
                if template not in JOINS or _kind(nxt["first"]) & _kind(nxt["rest"]):
                    yield score + got, nxt
            else:
                yield from fill(b + len(literals[i + 1]), i + 1, score + got, nxt)

    fixed = 0 if template in JOINS else sum(map(len, literals))
    yield from fill(len(first), 0, fixed, {})


def _kind(reading: Said | str) -> frozenset[str]:
    """A list joins like things, sentences or words ("Age 75 … is above 70; ECOG 3 …" is two
    reasons, not an age limit of "70; ECOG 3 …"); a few words are sentences of the rule too
    ("severe mental illness")."""
    if isinstance(reading, Said) and reading.template in JOINS:
        return _kind(reading.params["first"]) & _kind(reading.params["rest"])
    if isinstance(reading, Said) or reading in _sentences():
        return frozenset({"sentence", "word"} if reading in REASON_TERMS else {"sentence"})
    return frozenset({"word"})


@cache
def _sentences() -> frozenset[str]:
    return frozenset(REASON_TEMPLATES)


@cache
def eligibility_reason(text: str) -> Said | None:
    """A stored eligibility reason as the marked sentence the rule wrote it from; None when
    it is not one of the rule's sentences."""
    score, reading = _reason(text)
    if not isinstance(reading, Said):
        if score == 0 or reading not in _sentences():
            return None
        reading = said(str(reading))
    found = Said(text)  # as stored, word for word
    found.template, found.params = reading.template, reading.params
    return found


def shown_reason(text: str) -> str:
    """A stored eligibility reason (or several, "; "-joined) in the user's language."""
    found = eligibility_reason(text)
    return shown(found) if found is not None else text

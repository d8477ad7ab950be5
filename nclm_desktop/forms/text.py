"""The one check of every text the application stores (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import unicodedata

from ..clinical.text_marks import QT_TRANSLATE_NOOP, Said, said

# Embeddings, overrides and isolates reorder what is displayed ("Trojan Source" names).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = frozenset("\n\r\t")


def text_problem(value: str, max_len: int | None = None, *, multiline: bool = False) -> Said | None:
    """What makes ``value`` unfit to store (a marked phrase, put into a refusal), or None:
    lone surrogates (SQLite cannot encode them), control characters (NUL ...; line breaks
    and tabs only in multi-line text), bidi controls, over-long values."""
    for ch in value:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return said(
                QT_TRANSLATE_NOOP("Refusals", "contains an invalid character (a lone surrogate)")
            )
        if ch in BIDI_CONTROLS:
            return said(
                QT_TRANSLATE_NOOP(
                    "Refusals", "contains a text-direction control character (U+{code})"
                ),
                code=f"{code:04X}",
            )
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in LINE_BREAKS):
            return said(
                QT_TRANSLATE_NOOP("Refusals", "contains a control character (U+{code})"),
                code=f"{code:04X}",
            )
    if max_len is not None and len(value) > max_len:
        return said(
            QT_TRANSLATE_NOOP("Refusals", "must be at most {limit} characters (got {length})"),
            limit=max_len,
            length=len(value),
        )
    return None

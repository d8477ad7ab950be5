"""The one check of every text the application stores (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import unicodedata

# Embeddings, overrides and isolates reorder what is displayed ("Trojan Source" names).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = frozenset("\n\r\t")


def text_problem(value: str, max_len: int | None = None, *, multiline: bool = False) -> str | None:
    """What makes ``value`` unfit to store (a phrase), or None: lone surrogates (SQLite cannot
    encode them), control characters (NUL ...; line breaks and tabs only in multi-line
    text), bidi controls, over-long values."""
    for ch in value:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return "contains an invalid character (a lone surrogate)"
        if ch in BIDI_CONTROLS:
            return f"contains a text-direction control character (U+{code:04X})"
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in LINE_BREAKS):
            return f"contains a control character (U+{code:04X})"
    if max_len is not None and len(value) > max_len:
        return f"must be at most {max_len} characters (got {len(value)})"
    return None

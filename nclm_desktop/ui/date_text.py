"""Reading a typed date: pure Python, no Qt, so it can be tested on its own.

Accepted (after trimming spaces): ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``DD.MM.YYYY`` and
``YYYYMMDD``; month and day may have one digit in the separated forms. A blank text is
"not entered" (None). Day-month order with slashes (``03/04/2026``) is refused: it reads
differently in different countries.
"""

from __future__ import annotations

import datetime as dt
import re

MIN_YEAR, MAX_YEAR = 1900, 2100  # anything outside is a typing slip in this study

_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)


class DateTextError(ValueError):
    """Why a text is not a date. ``code`` is one of "format", "month", "day", "year"; the
    widget turns it into a translated message."""

    def __init__(self, code: str, text: str, **details: int) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text
        self.details = details


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` stands for, None when blank; DateTextError when it is not one."""
    text = text.strip()
    if not text:
        return None
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(match[k]) for k in ("y", "m", "d"))
            break
    else:
        raise DateTextError("format", text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError("year", text, year=year, lo=MIN_YEAR, hi=MAX_YEAR)
    if not 1 <= month <= 12:
        raise DateTextError("month", text, month=month)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateTextError("day", text, year=year, month=month, day=day) from None

"""Dates and moments as the printed reports write them, per report language: ISO dates in
English, 2026年11月29日 in Chinese; a moment always carries its UTC offset (a signature's
time must say which clock it was read on, 21 CFR 11.50). Shared by every report mapper and
builder that prints in Chinese."""

from __future__ import annotations

import datetime as dt


def date_text(d: dt.date | None, lang: str = "en", empty: str = "—") -> str:
    if d is None:
        return empty
    if lang == "zh_CN":
        return f"{d.year}年{d.month}月{d.day}日"
    return d.isoformat()


def utc_offset(when: dt.datetime) -> str:
    """'+08:00' (a naive moment is taken as UTC)."""
    text = when.strftime("%z") or "+0000"
    return f"{text[:3]}:{text[3:]}"


def moment_text(when: dt.datetime | None, lang: str = "en", empty: str = "—") -> str:
    """'2026-11-29 14:05 UTC+08:00' or '2026年11月29日 14:05 UTC+08:00'."""
    if when is None:
        return empty
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{date_text(when.date(), lang)} {when:%H:%M} UTC{utc_offset(when)}"

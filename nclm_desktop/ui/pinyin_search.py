"""Pinyin search keys for Chinese names: "zhangsan", "zhang san" and "zs" all find 张三.

Readings come from pypinyin, one character at a time with every reading of a polyphonic
character (曾 is "zeng" as a surname, "ceng" otherwise), cached per character, so keys for
10,000 names cost a dictionary look-up per character. No Qt here: the participant list
computes the keys off the UI thread (importing pypinyin alone takes about half a second).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Polyphonic characters multiply the spellings: a name of three such characters would give
# dozens. Past this many, later characters keep their most common reading only.
MAX_SPELLINGS = 16


@cache
def readings(char: str) -> tuple[str, ...]:
    """Toneless readings of one character, most common first; the character itself if it
    has none (Latin letters, digits, punctuation)."""
    if not _HAN.match(char):
        return (char.casefold(),)
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")[0]
    return tuple(dict.fromkeys(r.casefold() for r in found if r)) or (char,)


def _spellings(name: str) -> list[tuple[str, ...]]:
    per_char = [readings(c) for c in name if not c.isspace()]
    combos = 1
    choices = []
    for options in per_char:
        if combos * len(options) > MAX_SPELLINGS:
            options = options[:1]
        combos *= len(options)
        choices.append(options)
    return list(itertools.product(*choices))


def search_key(name: str) -> str:
    """Pinyin spellings of a name, joined, spaced and as initials; "" without Han characters."""
    if not _HAN.search(name):
        return ""
    keys: dict[str, None] = {}
    for spelling in _spellings(name):
        keys["".join(spelling)] = None
        keys[" ".join(spelling)] = None
        keys["".join(s[:1] for s in spelling)] = None
    return "\x1f".join(keys)


def search_keys(names: Iterable[str]) -> dict[str, str]:
    """Name -> its pinyin search key, for every distinct name that has Han characters."""
    out = {}
    for name in set(names):
        key = search_key(name)
        if key:
            out[name] = key
    return out

"""The application's translations read from its Qt Linguist source (``resources/i18n``)
with the standard library, for the Qt-free layers: the printed reports and the study
export look texts up by their English source without a translator (README "Languages").
Unfinished and obsolete translations are left out, so the English source shows instead."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .. import paths

DICTIONARY = "DataDictionary"  # the context of the data dictionary's labels


def ts_file(lang: str) -> Path:
    return paths.resource("i18n", f"nclm_{lang}.ts")


@cache
def _read(path: Path) -> tuple[tuple[str, dict[str, str]], ...]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return ()
    contexts = []
    for context in root.iter("context"):
        found: dict[str, str] = {}
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete"):
                continue
            source, text = message.findtext("source"), node.text
            if source and text:
                found.setdefault(source, text)
        contexts.append((context.findtext("name") or "", found))
    return tuple(contexts)


def translations(lang: str, prefer: tuple[str, ...] = ()) -> dict[str, str]:
    """{English source: translation} of ``lang`` over every context; where one English
    text has several translations, the first context of ``prefer`` that has it wins."""
    contexts = _read(ts_file(lang))

    def rank(item: tuple[str, dict[str, str]]) -> int:
        return prefer.index(item[0]) if item[0] in prefer else len(prefer)

    out: dict[str, str] = {}
    for _name, found in sorted(contexts, key=rank):
        for source, text in found.items():
            out.setdefault(source, text)
    return out


def dictionary_labels(lang: str = "zh_CN") -> Callable[[str], str]:
    """The data dictionary's label of an English text in ``lang`` ("" where there is none):
    the export's label column and the import's accepted spellings."""
    table = {}
    for name, found in _read(ts_file(lang)):
        if name == DICTIONARY:
            table.update(found)
    return lambda text: table.get(text, "")

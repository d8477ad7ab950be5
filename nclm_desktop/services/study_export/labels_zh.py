"""The Chinese label of each dictionary entry, read from the application's translation
source (``resources/i18n/nclm_zh_CN.ts``, context ``DataDictionary``) with the standard
library, so the Qt-free export needs no translator. Empty where nothing is translated yet."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ... import paths

CONTEXT = "DataDictionary"


def ts_file() -> Path:
    return paths.resource("i18n", "nclm_zh_CN.ts")


@cache
def _translations(path: Path) -> dict[str, str]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    out = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            source, text = message.findtext("source"), translation.text
            if source and text:
                out[source] = text
    return out


def chinese_labels(path: Path | None = None) -> Callable[[str], str]:
    table = _translations(path or ts_file())
    return lambda text: table.get(text, "")

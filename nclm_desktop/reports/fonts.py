"""The shipped TrueType font that covers Chinese, registered once with reportlab.

reportlab embeds TrueType (glyf) fonts only, not OTF/CFF ones such as Noto CJK, so the app
ships WenQuanYi Micro Hei (Apache-2.0). It has no bold face: the reports mark headings by
size and colour instead. Every string in every report uses this font, so each PDF embeds
exactly one font subset and never falls back to the non-embedded base-14 Helvetica.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths

FONT = "NCLMSans"
FONT_FILE = "wqy-microhei.ttc"


def font_path() -> Path:
    return paths.resource("fonts", FONT_FILE)


@cache
def register_fonts() -> str:
    """Register the font (first call parses the 5 MB collection, ~0.2 s); returns its name."""
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    # <b>/<i> in paragraphs map to the same face rather than to an unembedded base font.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return FONT

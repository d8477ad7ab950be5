"""Line breaks for text that mixes Chinese and Latin words.

Chinese may break between any two characters, a Latin word (or a number with its unit)
never inside. reportlab cannot do both: its default wrapping breaks only at spaces (and
then chops an over-long run such as "除术，Comprehensive" anywhere), its ``wordWrap='CJK'``
breaks inside Latin words too. So the report breaks such text itself, greedily, and hands
reportlab one line at a time. Punctuation that may not start a line (，。、）…) stays with
the character before it, and an opening bracket with the one after it.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
HAS_CJK = re.compile(f"[{_CJK}]")
_NO_START = "，。、；：？！）》」』】〕…·%）,.;:!?)]}%"
_NO_END = "（《「『【〔(["
# A token: spaces; a run of non-CJK, non-space characters (a Latin word, a number, "IIIa");
# or one CJK character (or one of the words below). Closing punctuation joins the token before it, opening the one after.
# A date ("2026年11月29日"), a time zone ("协调世界时+00:00"), a weekday ("周五") or a
# number with a Chinese unit ("12天") is one word too.
_WORD = r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|协调世界时[+-]\d\d:\d\d|周[一二三四五六日]|\d+(?:\.\d+)?(?:个月|天|岁|分钟|分|例)"
_TOKEN = re.compile(
    rf"\s+|[{re.escape(_NO_END)}]*(?:{_WORD}|[^\s{_CJK}]+|[{_CJK}])[{re.escape(_NO_START)}]*"
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (a single word wider than that
    is cut by characters: it could not fit anyway). Newlines are kept. Widths add up glyph
    by glyph (reportlab does not kern), so each token is measured once."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for tok in tokens(paragraph):
            w = stringWidth(tok, font, size)
            if tok.isspace():
                if line:
                    line, used = line + tok, used + w
                continue
            if line and used + w > width:
                out.append(line.rstrip())
                line, used = "", 0.0
            line, used = line + tok, used + w
            while len(line) > 1 and used > width:
                cut = _longest_fit(line, font, size, width)
                out.append(line[:cut])
                line = line[cut:]
                used = stringWidth(line, font, size)
        out.append(line.rstrip())
    return out


def _longest_fit(text: str, font: str, size: float, width: float) -> int:
    cut = 1
    while cut < len(text) and stringWidth(text[: cut + 1], font, size) <= width:
        cut += 1
    return cut


class MixedParagraph(Paragraph):
    """A plain-text Paragraph broken by ``break_lines`` at whatever width it is given."""

    def __init__(self, text: str | None, style, *args, **kwargs) -> None:  # noqa: ANN001
        # reportlab's split() makes the parts with text=None and their frags: already broken.
        self._plain = text
        self._broken_for: float | None = None
        shown = None if text is None else escape(text).replace("\n", "<br/>")
        super().__init__(shown, style, *args, **kwargs)

    def wrap(self, availWidth: float, availHeight: float):  # noqa: N803, ANN201 (reportlab)
        width = availWidth - self.style.leftIndent - self.style.rightIndent
        if self._plain is not None and self._broken_for != width:
            lines = break_lines(self._plain, self.style.fontName, self.style.fontSize, width)
            self._setup(
                "<br/>".join(escape(line) for line in lines),
                self.style,
                None,
                None,
                lambda text: text,
            )
            self._broken_for = width
        return super().wrap(availWidth, availHeight)

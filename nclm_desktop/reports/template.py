"""The page every report shares: A4, margins, header and footer, styles and table helpers.

Header: study title and registration, the report's title, the participant's study ID where
the report is about one participant. Footer: generation time and user, "page N of M" (a
two-pass canvas: the total is known only when the document is finished), when names
are printed, a confidentiality note, and the audit trail's head (event count and hash) so
that a paper copy anchors the trail (see the README).
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..services.report_data import ReportMeta
from .fonts import register_fonts
from .language import ReportLanguage, report_language
from .line_breaks import HAS_CJK, MixedParagraph

MARGIN_X = 16 * mm
MARGIN_TOP = 27 * mm  # room for the header
MARGIN_BOTTOM = 17 * mm  # room for the footer
INK = colors.HexColor("#1f2a36")
MUTED = colors.HexColor("#5b6670")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#9aa5b1")
HEAD_BG = colors.HexColor("#dfe7f1")
ZEBRA = colors.HexColor("#f5f7fa")
DASH = "—"


def page_texts(lang: ReportLanguage) -> dict[str, str]:
    """The header's and footer's words (marked for lupdate as ``t("...")``)."""
    t = lang.t
    return {
        "page": t("Page {n} of {m}"),
        "generated": t("Generated {when} by {who}"),
        "confidential": t("Confidential: contains patient-identifiable data"),
        "study_id": t("Study ID"),
        "audit_head": t("Audit trail head (events · hash): {head}"),
    }


@dataclass(frozen=True)
class PageInfo:
    report_title: str
    meta: ReportMeta
    study_id: str | None = None
    lang: str = "en"
    landscape: bool = False

    @property
    def language(self) -> ReportLanguage:
        return report_language(self.lang)


# --- formatting ---------------------------------------------------------------------------


def fmt_date(d: dt.date | None) -> str:
    return d.isoformat() if d else DASH


def fmt_num(value: float | None, unit: str = "", decimals: int = 0) -> str:
    if value is None:
        return DASH
    text = f"{value:.{decimals}f}"
    return f"{text} {unit}".strip()


def yes_no(value: bool | None) -> str:
    return DASH if value is None else ("yes" if value else "no")


def pct(p: float) -> str:
    return f"{100 * p:.1f} %"


# --- styles -------------------------------------------------------------------------------


class Styles:
    """Paragraph styles of the shared font; size and colour mark the hierarchy."""

    def __init__(self) -> None:
        font = register_fonts()

        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            kw.setdefault("leading", size * 1.3)
            kw.setdefault("textColor", INK)
            return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

        self.font = font
        self.body = style("body", 9.5, spaceAfter=3)
        self.small = style("small", 8, textColor=MUTED)
        self.h1 = style("h1", 13, textColor=ACCENT, spaceBefore=2, spaceAfter=4)
        self.h2 = style("h2", 11, textColor=ACCENT, spaceBefore=6, spaceAfter=2)
        self.cell = style("cell", 8.5, leading=10.5)
        self.cell_small = style("cell_small", 7.5, leading=9)
        self.cell_large = style("cell_large", 10, leading=12.5)
        self.cell_head = style("cell_head", 8, leading=10, textColor=ACCENT)
        self.cell_right = style("cell_right", 8.5, leading=10.5, alignment=TA_RIGHT)
        self.cell_head_right = style(
            "cell_head_right", 8, leading=10, textColor=ACCENT, alignment=TA_RIGHT
        )
        self.label = style("label", 8, leading=10.5, textColor=MUTED)
        self.value = style("value", 9.5, leading=11.5)
        self.big = style("big", 12, leading=15)
        self.empty = style(
            "empty", 11, textColor=MUTED, alignment=TA_CENTER, spaceBefore=30, spaceAfter=30
        )


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


def p(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped: names may contain '&' or '<'); text with Chinese
    in it breaks between characters but never inside a Latin word (line_breaks.py)."""
    if HAS_CJK.search(text):
        return MixedParagraph(text, style or styles().body)
    return Paragraph(escape(text).replace("\n", "<br/>"), style or styles().body)


def markup(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph whose text is already reportlab markup."""
    return Paragraph(text, style or styles().body)


def section(title: str) -> Paragraph:
    return p(title, styles().h2)


def empty_note(text: str) -> Paragraph:
    return p(text, styles().empty)


# --- tables -------------------------------------------------------------------------------


def grid(
    data: list[list[Any]], widths: Sequence[float], cmds: Sequence[tuple] = (), **kw: Any
) -> Table:
    """A reportlab Table in the shared font: Table's own default (used even around
    Paragraph cells) is the unembedded Helvetica."""
    # LongTable skips re-measuring the whole rest of the table at every page break.
    kind = LongTable if len(data) > 60 else Table
    table = kind(data, colWidths=list(widths), hAlign=kw.pop("hAlign", "LEFT"), **kw)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *cmds]))
    return table


CELL_PADDING_X = 3 + 3 + 1  # left + right padding of data_table, and a point to spare


def _cell(value: Any, style: ParagraphStyle, width: float | None = None) -> Flowable | str:
    """A table cell. Text that fits on one line of ``width`` stays a plain string, which the
    table draws directly: wrapping a Paragraph per cell made 10,000-row reports take
    minutes. Anything longer wraps as a Paragraph."""
    if isinstance(value, Flowable):
        return value
    text = DASH if value is None or value == "" else str(value)
    if (
        width is not None
        and "\n" not in text
        and (stringWidth(text, style.fontName, style.fontSize) <= width - CELL_PADDING_X)
    ):
        return text
    return p(text, style)


def _column_style(col: int, style: ParagraphStyle) -> list[tuple]:
    """Table commands giving a column's plain-string cells the look of ``style``."""
    cells = (col, 1), (col, -1)
    align = {0: "LEFT", 1: "CENTER", 2: "RIGHT"}.get(style.alignment, "LEFT")
    return [
        ("FONTNAME", *cells, style.fontName),
        ("FONTSIZE", *cells, style.fontSize),
        ("LEADING", *cells, style.leading),
        ("TEXTCOLOR", *cells, style.textColor),
        ("ALIGN", *cells, align),
    ]


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    small: bool = False,
    large: bool = False,
    right: Sequence[int] = (),
    highlight: Sequence[int] = (),
    width: float | None = None,
    write_space: float = 0,
) -> Table:
    """A table that breaks across pages and repeats its header row on each page.

    ``widths`` are fractions of the frame width; ``right`` lists right-aligned columns;
    ``highlight`` lists row numbers (0-based, in ``rows``) to tint; ``width`` defaults to
    the portrait frame; ``write_space`` adds room under each row for handwritten notes.
    """
    st = styles()
    body = st.cell_small if small else st.cell_large if large else st.cell
    col_widths = [w * (width or frame_width()) for w in widths]
    data = [
        [p(h, st.cell_head_right if i in right else st.cell_head) for i, h in enumerate(header)]
    ]
    col_styles = [st.cell_right if i in right else body for i in range(len(header))]
    for row in rows:
        data.append([_cell(v, col_styles[i], col_widths[i]) for i, v in enumerate(row)])
    cmds: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i, style in enumerate(col_styles):
        cmds += _column_style(i, style)
    if write_space:
        cmds.append(("BOTTOMPADDING", (0, 1), (-1, -1), 2.5 + write_space))
    # One command for the stripes: per-row commands are copied at every page split.
    cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    cmds += [("BACKGROUND", (0, r + 1), (-1, r + 1), colors.HexColor("#fbe9e7")) for r in highlight]
    # splitInRow: a cell with a very long text (notes, treatment) may run over a page.
    return grid(data, col_widths, cmds, repeatRows=1, splitInRow=1)


def kv_table(
    pairs: Sequence[tuple[str, Any]], columns: int = 2, width: float | None = None
) -> Table:
    """Label/value pairs laid out in ``columns`` pairs per row (patient header, figures)."""
    st = styles()
    cells: list[Flowable] = []
    for label, value in pairs:
        cells.append(p(label, st.label))
        cells.append(_cell(value, st.value))
    per_row = columns * 2
    while len(cells) % per_row:
        cells.append(p("", st.value))
    data = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    total = width or frame_width()
    label_w = {1: 0.3, 2: 0.2}.get(columns, 0.14)
    value_w = 1 / columns - label_w
    return grid(
        data,
        [total * (label_w if i % 2 == 0 else value_w) for i in range(per_row)],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#e3e8ee")),
        ],
        splitInRow=1,
    )


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def frame_width(landscape_page: bool = False) -> float:
    size = landscape(A4) if landscape_page else A4
    return size[0] - 2 * MARGIN_X


def frame_height(landscape_page: bool = False) -> float:
    size = landscape(A4) if landscape_page else A4
    return size[1] - MARGIN_TOP - MARGIN_BOTTOM


# --- header and footer --------------------------------------------------------------------


def _footer_text(
    texts: dict, meta: ReportMeta, font: str, room: float, lang: ReportLanguage
) -> str:
    """'Generated … by …' and the confidentiality note on one line that never runs into the
    page number: a long user name is shortened with an ellipsis."""
    note = f"   ·   {texts['confidential']}" if meta.identified else ""
    full = meta.generated_by
    text = ""
    for cut in range(len(full), 7, -1):
        who = full if cut == len(full) else full[:cut].rstrip() + "…"
        text = texts["generated"].format(when=lang.when(meta.generated_at), who=who) + note
        if stringWidth(text, font, 7.5) <= room:
            break
    return text


def _decorate(c: Canvas, info: PageInfo, page: int, total: int) -> None:
    texts = page_texts(info.language)
    font = register_fonts()
    width, height = c._pagesize
    left, right = MARGIN_X, width - MARGIN_X
    meta = info.meta
    title = meta.study_title_zh if info.lang == "zh_CN" else meta.study_title
    c.saveState()
    c.setFillColor(MUTED)
    c.setFont(font, 7.5)
    c.drawString(left, height - 11 * mm, f"{meta.registration} · {title}")
    c.setFillColor(ACCENT)
    c.setFont(font, 14)
    c.drawString(left, height - 18.5 * mm, info.report_title)
    if info.study_id:
        c.setFont(font, 7.5)
        c.setFillColor(MUTED)
        c.drawRightString(right, height - 13.5 * mm, texts["study_id"])
        c.setFont(font, 14)
        c.setFillColor(INK)
        c.drawRightString(right, height - 18.5 * mm, info.study_id)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(0.9)
    c.line(left, height - 21 * mm, right, height - 21 * mm)

    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.line(left, 12 * mm, right, 12 * mm)
    c.setFont(font, 7.5)
    c.setFillColor(MUTED)
    page_text = texts["page"].format(n=page, m=total)
    room = right - left - stringWidth(page_text, font, 7.5) - 6 * mm
    c.drawString(left, 8 * mm, _footer_text(texts, meta, font, room, info.language))
    if meta.audit_head:  # events and head hash: a paper copy anchors the audit trail
        c.setFont(font, 6.5)
        c.drawString(left, 4.5 * mm, texts["audit_head"].format(head=meta.audit_head))
    c.setFont(font, 7.5)
    c.setFillColor(INK)
    c.drawRightString(right, 8 * mm, texts["page"].format(n=page, m=total))
    c.restoreState()


def _canvas_maker(info: PageInfo) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps each page until the end so the footer can say "page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, info, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


# reportlab's TrueType font reads its glyphs through one shared file cursor when a PDF is
# saved: two PDFs saved at once on two worker threads read each other's glyphs (KeyError on a
# garbage code). One PDF is laid out at a time.
_LAYOUT = threading.Lock()


def build_pdf(story: list[Flowable], info: PageInfo, out: str | Path | None = None) -> bytes:
    """Lay out ``story`` on the shared page; returns the PDF and writes it to ``out`` if given."""
    with _LAYOUT:
        data = _laid_out(story, info)
    if out is not None:
        Path(out).write_bytes(data)
    return data


def _laid_out(story: list[Flowable], info: PageInfo) -> bytes:
    font = register_fonts()
    size = landscape(A4) if info.landscape else A4
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{info.report_title} {info.study_id or ''}".strip(),
        author=info.meta.generated_by,
        subject=info.meta.study_title,
        creator="NCLM Desktop",
        initialFontName=font,  # never the unembedded Helvetica, not even as a default
        invariant=1,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        size[0] - 2 * MARGIN_X,
        size[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_maker(info))
    return buffer.getvalue()

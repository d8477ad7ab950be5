"""A schematic anterior view of the liver in Couinaud segments, resected segments shaded.

The patient's right is on the viewer's left, as in the textbook drawing: segments 7/6
(right posterior) and 8/5 (right anterior) on the left, 4 in the middle, 2/3 (left
lateral) to the right, and the caudate (1) drawn dashed behind the hilum. Shading is dark
enough to stay distinct on a black-and-white ward printer.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.graphics.shapes import Drawing, Group, Polygon, String
from reportlab.lib import colors

from .fonts import register_fonts

VIEW_W, VIEW_H = 242.0, 142.0
BOTTOM = 14.0  # empty band under the lowest point of the outline
RESECTED = colors.HexColor("#a33a3a")
REMAINING = colors.HexColor("#f4eee6")
OUTLINE = colors.HexColor("#5a4632")


def _on(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    """The point of segment a-b at height y (so neighbouring polygons share exact vertices)."""
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


# Outline, clockwise from the leftmost point (viewer's left = patient's right lobe).
A, B, C, D, E = (8, 72), (22, 110), (58, 128), (106, 136), (146, 131)
F, G, H, I_ = (190, 118), (234, 98), (200, 80), (162, 66)
J, K, L, M = (132, 54), (106, 38), (58, 18), (22, 36)
R1, R2 = (58, 72), (106, 72)  # portal plane on the right and anterior sector lines
Q = _on(J, I_, 58)[0], 58.0  # the umbilical fissure meets the lower edge here
S1 = _on(E, Q, 94)  # the left hepatic vein line starts on the fissure

SEGMENTS: dict[int, tuple[tuple[float, float], ...]] = {
    # Extra points on the outer edges round the outline off; inner edges stay shared.
    7: (A, (11, 93), B, (37, 122), C, R1),
    6: (A, R1, L, (36, 23), M, (11, 53)),
    8: (C, (82, 134), D, R2, R1),
    5: (R1, R2, K, (82, 25), L),
    4: (D, (126, 135), E, S1, Q, J, (118, 44), K, R2),
    2: (E, (168, 127), F, (214, 110), G, S1),
    3: (S1, G, (219, 87), H, (182, 71), I_, Q),
    1: ((94, 116), (117, 121), (129, 106), (112, 95), (95, 101)),
}
LABEL_AT = {
    7: (33, 96),
    6: (36, 48),
    8: (82, 102),
    5: (82, 52),
    4: (124, 76),
    2: (182, 106),
    3: (180, 84),
    1: (112, 105),
}


def couinaud_drawing(
    resected: Iterable[int], width: float = 170.0, caption: str | None = None
) -> Drawing:
    """The map scaled to ``width`` points; ``caption`` (if given) is printed underneath."""
    font = register_fonts()
    cut = {int(s) for s in resected}
    scale = width / VIEW_W
    caption_h = 14.0 if caption else 0.0
    drawing = Drawing(width, (VIEW_H - BOTTOM) * scale + caption_h, initialFontName=font)
    liver = Group()
    for number in (7, 6, 8, 5, 4, 2, 3, 1):
        shaded = number in cut
        points = [c for xy in SEGMENTS[number] for c in xy]
        liver.add(
            Polygon(
                points,
                fillColor=RESECTED if shaded else REMAINING,
                strokeColor=OUTLINE,
                strokeWidth=0.9 if number != 1 else 0.7,
                strokeDashArray=[2, 1.5] if number == 1 else None,
            )
        )
        x, y = LABEL_AT[number]
        liver.add(
            String(
                x,
                y - 4,
                str(number),
                fontName=font,
                fontSize=11 if number != 1 else 9,
                fillColor=colors.white if shaded else OUTLINE,
                textAnchor="middle",
            )
        )
    liver.transform = (scale, 0, 0, scale, 0, caption_h - BOTTOM * scale)
    drawing.add(liver)
    if caption:
        drawing.add(String(width / 2, 3, caption, fontName=font, fontSize=7.5, textAnchor="middle"))
    return drawing

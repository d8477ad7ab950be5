"""Publication-style figures (matplotlib, Agg backend: no GUI toolkit), as PNG and SVG.

Kaplan-Meier: step curves with 95 % bands, censor ticks, months 0-60 by 12 and the numbers
at risk under the axis at the same ticks. Groups differ by line style as well as shade, so
the figures read in black and white. Love plot: |SMD| before (open) and after (filled)
matching with the 0.1 line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from math import isfinite

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ..clinical.text_marks import QT_TRANSLATE_NOOP  # noqa: E402
from .figure import Figure  # noqa: E402
from .propensity import BALANCED_SMD, MatchResult  # noqa: E402
from .survival import Curve  # noqa: E402

# (line colour, line style, band shade) per group: distinguishable without colour.
STYLES = (("#000000", "-", "#9a9a9a"), ("#555555", "--", "#d0d0d0"), ("#333333", ":", "#bbbbbb"))
PNG_DPI = 200  # sharp in the PDF at full column width; the screen scales it down
plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",  # text stays text in the SVG (editable by journals)
        "svg.hashsalt": "nclm",  # identical SVG for identical data
    }
)


Texts = dict[str, str]  # {English: translation}: a report language's catalogue, or empty
NUMBER_AT_RISK = QT_TRANSLATE_NOOP("Reports", "Number at risk")
MONTHS_FROM_INDEX = QT_TRANSLATE_NOOP("Reports", "Months from index date")
SURVIVAL_PROBABILITY = QT_TRANSLATE_NOOP("Reports", "Survival probability")
LEGEND = QT_TRANSLATE_NOOP("Reports", "{label} (n = {n}, events = {events})")
LOVE_TITLE = QT_TRANSLATE_NOOP("Reports", "Covariate balance (Love plot)")
_LOVE_WORDS = (
    QT_TRANSLATE_NOOP("Reports", "Before"),
    QT_TRANSLATE_NOOP("Reports", "After matching"),
    QT_TRANSLATE_NOOP("Reports", "|Standardised mean difference|"),
)


def use_texts(texts: Texts | None) -> Texts:
    """The figures' words in the language of ``texts``; with Chinese words the shipped font
    stands in for the glyphs DejaVu Sans lacks (registered only then: it costs time)."""
    if texts:
        from matplotlib import font_manager

        from ..paths import resource

        path = str(resource("fonts", "wqy-microhei.ttc"))
        font_manager.fontManager.addfont(path)
        name = font_manager.FontProperties(fname=path).get_name()
        plt.rcParams["font.family"] = ["DejaVu Sans", name]
    return texts or {}


def _save(fig, name: str, title: str, svg: bool) -> Figure:
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=PNG_DPI)
    vector = b""
    if svg:  # only for files (analyze --out): drawing it again costs time on large studies
        out = io.BytesIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
        vector = out.getvalue()
    plt.close(fig)
    return Figure(name, title, png.getvalue(), vector)


def _changes(curve: Curve) -> tuple[list[float], list[float], list[float], list[float]]:
    """The step points where the estimate or its band changes (event times), plus the last
    time: censored times repeat the previous values, so the drawing is identical with far
    fewer points on large studies."""
    keep = [
        i
        for i in range(len(curve.months))
        if i == 0
        or i == len(curve.months) - 1
        or curve.survival[i] != curve.survival[i - 1]
        or curve.lower[i] != curve.lower[i - 1]
        or curve.upper[i] != curve.upper[i - 1]
    ]
    return (
        [curve.months[i] for i in keep],
        [curve.survival[i] for i in keep],
        [curve.lower[i] for i in keep],
        [curve.upper[i] for i in keep],
    )


CENSOR_RESOLUTION_MONTHS = 0.05  # finer than a pixel of the 0-60 month axis


def km_figure(
    name: str,
    curves: Sequence[Curve],
    title: str,
    ylabel: str = SURVIVAL_PROBABILITY,
    horizon_months: int = 60,
    svg: bool = True,
    texts: Texts | None = None,
) -> Figure:
    w = (texts or {}).get
    title, ylabel = w(title, title), w(ylabel, ylabel)
    rows = max(len(curves), 1)
    fig, (ax, table) = plt.subplots(
        2,
        1,
        figsize=(6.4, 4.4 + 0.4 * rows),
        gridspec_kw={"height_ratios": [4.2, 0.35 + 0.25 * rows], "hspace": 0.45},
        sharex=True,
    )
    for curve, (colour, style, shade) in zip(curves, STYLES, strict=False):
        months, survival, lower, upper = _changes(curve)
        ax.fill_between(months, lower, upper, step="post", color=shade, alpha=0.45, lw=0)
        ax.step(
            months,
            survival,
            where="post",
            color=colour,
            linestyle=style,
            linewidth=1.4,
            label=w(LEGEND, LEGEND).format(
                label=w(curve.label, curve.label), n=curve.n, events=curve.events
            ),
        )
        # One tick per pixel column at most: thousands of coincident ticks look the same.
        ticks = sorted(
            {
                round(t / CENSOR_RESOLUTION_MONTHS) * CENSOR_RESOLUTION_MONTHS
                for t in curve.censor_months
                if t <= horizon_months
            }
        )
        if ticks:
            ax.plot(ticks, _survival_at(curve, ticks), "|", color=colour, ms=6, mew=1.0)
    ax.set_xlim(0, horizon_months)
    ax.set_ylim(0, 1.02)
    ax.set_xticks(range(0, horizon_months + 1, 12))
    ax.tick_params(labelbottom=True)
    ax.set_xlabel(w(MONTHS_FROM_INDEX, MONTHS_FROM_INDEX))
    ax.set_ylabel(ylabel)
    fig.suptitle(title, x=0.2, ha="left", fontsize=10)
    if curves:  # above the plot: never over a curve
        # One group per line: labels with large n and event counts never run off the edge.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=1, fontsize=8, frameon=False)
    _at_risk_table(table, curves, horizon_months, texts or {})
    fig.subplots_adjust(left=0.2, right=0.97, top=0.93 - 0.045 * rows, bottom=0.06)
    return _save(fig, name, title, svg)


def _survival_at(curve: Curve, times: Sequence[float]) -> list[float]:
    """The step function's value at each time (for placing censor ticks on the curve)."""
    import bisect

    return [curve.survival[max(bisect.bisect_right(curve.months, t) - 1, 0)] for t in times]


def _at_risk_table(ax, curves: Sequence[Curve], horizon_months: int, texts: Texts) -> None:
    """Numbers at risk under the x ticks, one row per group (lifelines' counts)."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(left=False, bottom=False, labelbottom=False)
    ax.set_yticks([])
    ax.set_ylim(-0.5, len(curves) - 0.5)
    ax.set_title(texts.get(NUMBER_AT_RISK, NUMBER_AT_RISK), loc="left", fontsize=8, pad=2)
    for row, curve in enumerate(curves):
        y = len(curves) - 1 - row
        ax.text(
            -0.045,
            y,
            texts.get(curve.label, curve.label),
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="center",
            fontsize=8,
        )
        for month, n in curve.at_risk:
            if month <= horizon_months:
                ax.text(month, y, str(n), ha="center", va="center", fontsize=8)


def love_plot(
    matching: MatchResult, labels: dict[str, str], svg: bool = True, texts: Texts | None = None
) -> Figure:
    w = (texts or {}).get
    # An SMD is NaN or infinite when a covariate does not vary in a small cohort: not drawn.
    rows = [b for b in matching.balance if b.smd_before is not None and isfinite(b.smd_before)]
    fig, ax = plt.subplots(figsize=(6.4, 0.45 * max(len(rows), 2) + 1.2))
    ys = list(range(len(rows)))[::-1]
    before = [abs(b.smd_before) for b in rows]
    after = [
        abs(b.smd_after) if b.smd_after is not None and isfinite(b.smd_after) else None
        for b in rows
    ]
    ax.scatter(
        before, ys, marker="o", facecolors="white", edgecolors="black", label=w("Before", "Before")
    )
    pts = [(a, y) for a, y in zip(after, ys, strict=True) if a is not None]
    if pts:
        ax.scatter(
            *zip(*pts, strict=True),
            marker="o",
            color="black",
            label=w("After matching", "After matching"),
        )
    ax.axvline(BALANCED_SMD, color="black", linestyle="--", linewidth=0.9)
    ax.set_yticks(ys)
    names = [labels.get(b.covariate, b.covariate) for b in rows]
    ax.set_yticklabels([w(n, n) for n in names], fontsize=8)
    ax.set_xlabel(w("|Standardised mean difference|", "|Standardised mean difference|"))
    ax.set_xlim(0, max([*before, *(a for a, _ in pts), 0.25]) * 1.1)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_title(w(LOVE_TITLE, LOVE_TITLE), loc="left", fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    return _save(fig, "love-plot", w(LOVE_TITLE, LOVE_TITLE), svg)

"""Kaplan-Meier figures as PNG bytes (matplotlib, Agg backend: no GUI toolkit)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .survival import Curve  # noqa: E402

COLOURS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad")


def km_png(
    curves: Sequence[Curve],
    title: str,
    ylabel: str = "Survival probability",
    dpi: int = 110,
    horizon_months: float = 60,
) -> bytes:
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=dpi)
    for curve, colour in zip(curves, COLOURS, strict=False):
        # Start at time 0 with survival 1 so every step is drawn.
        ax.step(
            curve.months,
            curve.survival,
            where="post",
            color=colour,
            label=f"{curve.label} (n={curve.n}, events={curve.events})",
        )
        ax.fill_between(
            curve.months,
            curve.lower,
            curve.upper,
            step="post",
            color=colour,
            alpha=0.15,
            linewidth=0,
        )
    ax.set_xlim(0, horizon_months)
    ax.set_ylim(0, 1.02)
    ax.set_xticks(range(0, int(horizon_months) + 1, 12))
    ax.set_xlabel("Months from index date")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    if curves:
        ax.legend(loc="lower left", fontsize=8, frameon=False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()

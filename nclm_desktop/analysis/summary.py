"""The analysis as plain text (command line) and simple HTML (the Outcomes screen)."""

from __future__ import annotations

import html

from .study import AnalysisResult
from .survival import Comparison, Curve


def _num(v: float | None, digits: int = 1) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def _p(v: float | None) -> str:
    if v is None:
        return "–"
    return "< 0.001" if v < 0.001 else f"{v:.3f}"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f} %"


def curve_lines(c: Curve) -> list[str]:
    median = "not reached" if c.median is None else f"{c.median:.1f} months"
    lines = [
        f"{c.label}: n={c.n}, events={c.events}, median {median} "
        f"(95 % CI {_num(c.median_ci[0])} to {_num(c.median_ci[1])})"
    ]
    for m, s, lo, hi in c.landmarks:
        lines.append(f"    at {m} months: {_pct(s)} (95 % CI {_pct(lo)} to {_pct(hi)})")
    return lines


def comparison_line(c: Comparison | None) -> str:
    if c is None:
        return "Comparison: not available"
    if c.hazard_ratio is None and c.logrank_p is None:
        return f"Comparison: not available ({c.note})"
    return (
        f"Log-rank p = {_p(c.logrank_p)}; Cox HR (hepatectomy vs systemic only) "
        f"{_num(c.hazard_ratio, 2)} (95 % CI {_num(c.hr_ci[0], 2)} to "
        f"{_num(c.hr_ci[1], 2)}), p = {_p(c.hr_p)}" + (f" [{c.note}]" if c.note else "")
    )


def as_text(r: AnalysisResult) -> str:
    out = [
        "NCLM study — outcome analysis",
        r.index_statement,
        f"Participants analysed: hepatectomy {r.n_hepatectomy}, systemic only {r.n_systemic}",
        "",
        "Overall survival (censored at 60 months)",
    ]
    for c in r.os_curves:
        out += ["  " + line for line in curve_lines(c)]
    out += [
        "  " + comparison_line(r.os_comparison),
        "",
        "Intrahepatic recurrence-free survival (hepatectomy group)",
    ]
    out += ["  " + line for line in curve_lines(r.rfs_curve)] if r.rfs_curve else ["  no data"]
    m = r.matching
    out += [
        "",
        "Propensity score matching (1:1 nearest neighbour on the logit, caliper "
        f"0.2 SD = {_num(m.caliper, 3)})",
        f"  complete cases {m.n_used} (missing covariates: {m.n_excluded_missing}); "
        f"matched pairs {len(m.pairs)}" + (f"; {m.note}" if m.note else ""),
    ]
    for b in m.balance:
        flag = (
            ""
            if b.balanced_after is None
            else ("  balanced" if b.balanced_after else "  NOT balanced")
        )
        out.append(
            f"  SMD {b.covariate:<22} before {_num(b.smd_before, 3):>7}  after "
            f"{_num(b.smd_after, 3):>7}{flag}"
        )
    if r.matched_os_curves:
        out.append("  Overall survival in the matched cohort")
        for c in r.matched_os_curves:
            out += ["    " + line for line in curve_lines(c)]
        out.append("    " + comparison_line(r.matched_os_comparison))
    out += ["", f"Perioperative outcomes (hepatectomy, n={r.n_operated} operated)"]
    for rate in r.perioperative:
        s = rate.summary
        if s is None:
            out.append(f"  {rate.label}: no operations recorded")
        else:
            out.append(
                f"  {rate.label}: {s.k}/{s.n} = {_pct(s.proportion)} (Wilson "
                f"{_pct(s.wilson[0])} to {_pct(s.wilson[1])}; Clopper-Pearson "
                f"{_pct(s.clopper_pearson[0])} to {_pct(s.clopper_pearson[1])})"
            )
    out.append(f"  CCI per patient: mean {_num(r.cci_mean)}, median {_num(r.cci_median)}")
    return "\n".join(out)


def as_html(r: AnalysisResult) -> str:
    """The same content, grouped under headings, for a QTextBrowser."""
    blocks = as_text(r).split("\n\n")
    parts = []
    for block in blocks:
        lines = block.split("\n")
        parts.append(f"<h3>{html.escape(lines[0])}</h3>")
        if len(lines) > 1:
            parts.append("<pre>" + html.escape("\n".join(lines[1:])) + "</pre>")
    return "\n".join(parts)

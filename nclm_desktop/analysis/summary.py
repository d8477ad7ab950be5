"""The analysis as plain text (command line) and simple HTML (the Outcomes screen)."""

from __future__ import annotations

import html
import math

from .baseline_table import LABELS
from .study import AnalysisResult
from .survival import Comparison, Curve


def _num(v: float | None, digits: int = 1) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def _finite(v: float | None) -> float | None:
    return None if v is None or not math.isfinite(v) else v


def bound(v: float | None, digits: int = 1) -> str:
    """A median or its confidence limit: an open (not reached) one prints 'NR'."""
    return "NR" if v is None else f"{v:.{digits}f}"


def median_text(c: Curve) -> str:
    """'24.3 (18.1–NR)' in months; 'NR (30.2–NR)' when the median is not reached."""
    return f"{bound(c.median)} ({bound(c.median_ci[0])}–{bound(c.median_ci[1])})"


def _p(v: float | None) -> str:
    """'p = 0.023' or 'p < 0.001'."""
    if v is None:
        return "p = –"
    return "p < 0.001" if v < 0.001 else f"p = {v:.3f}"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f} %"


def _ci(lo: float | None, hi: float | None) -> str:
    """A percentage interval written once: '31.5–93.1 %'."""
    if lo is None or hi is None:
        return "–"
    return f"{100 * lo:.1f}–{100 * hi:.1f} %"


def curve_lines(c: Curve) -> list[str]:
    median = "NR (not reached)" if c.median is None else f"{c.median:.1f} months"
    lines = [
        f"{c.label}: n={c.n}, events={c.events}, median {median} "
        f"(95 % CI {bound(c.median_ci[0])} to {bound(c.median_ci[1])})"
    ]
    for m, s, lo, hi in c.landmarks:
        lines.append(f"    at {m} months: {_pct(s)} (95 % CI {_pct(lo)} to {_pct(hi)})")
    return lines


def comparison_line(c: Comparison | None) -> str:
    if c is None:
        return "Comparison: not available"
    events = ", ".join(f"{g} {e}/{n}" for g, n, e in c.groups)
    if c.hazard_ratio is None and c.logrank_p is None:
        return f"Comparison: not available ({c.note})" + (f"; events {events}" if events else "")
    return (
        f"Log-rank χ² = {_num(c.logrank_chi2, 2)}, df = {c.logrank_df}, {_p(c.logrank_p)}"
        f" (events/n: {events}); Cox HR (hepatectomy vs systemic only) "
        f"{_num(c.hazard_ratio, 2)} (95 % CI {bound(_finite(c.hr_ci[0]), 2)} to "
        f"{bound(_finite(c.hr_ci[1]), 2)}), {_p(c.hr_p)}" + (f" [{c.note}]" if c.note else "")
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
                + (f"; unknown for {rate.missing}" if rate.missing else "")
            )
    out.append(
        f"  CCI per patient: mean {_num(r.cci_mean)}, median {_num(r.cci_median)} "
        f"(IQR {_num(r.cci_iqr[0])}–{_num(r.cci_iqr[1])})"
    )
    if r.data_quality:
        out += ["", "Data-quality notes"] + [f"  {note}" for note in r.data_quality]
    return "\n".join(out)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
    body = "".join(
        # The first column (group, covariate) never breaks inside a word.
        "<tr>"
        + "".join(
            f"<td{' nowrap' if i == 0 else ''}>{html.escape(c)}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f"<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:"
        f"collapse; border-color:#ccc'><tr style='background:#eef2f6'>{head}</tr>"
        f"{body}</table>"
    )


def _curve_rows(curves: tuple[Curve, ...] | list[Curve]) -> list[list[str]]:
    rows = []
    for c in curves:
        median = median_text(c)
        marks = [
            f"{100 * s:.1f} ({100 * lo:.1f}–{100 * hi:.1f})" if s is not None else "–"
            for _, s, lo, hi in c.landmarks
        ]
        rows.append([c.label, str(c.n), str(c.events), median, *marks])
    return rows


CURVE_HEADER = [
    "Group",
    "n",
    "Events",
    "Median, months (95 % CI)",
    "12 months, % (95 % CI)",
    "36 months, % (95 % CI)",
    "60 months, % (95 % CI)",
]


def as_html(r: AnalysisResult) -> str:
    """The analysis as headed tables for the Outcomes screen (a QTextBrowser)."""
    e = html.escape
    parts = [
        f"<p><i>{e(r.index_statement)}</i><br>Participants analysed: hepatectomy "
        f"{r.n_hepatectomy}, systemic only {r.n_systemic}.</p>",
        "<h3>Overall survival (censored at 60 months)</h3>",
        _table(CURVE_HEADER, _curve_rows(r.os_curves)),
        f"<p>{e(comparison_line(r.os_comparison))}</p>",
        "<h3>Intrahepatic recurrence-free survival (hepatectomy)</h3>",
        _table(CURVE_HEADER, _curve_rows([r.rfs_curve])) if r.rfs_curve else "<p>No data.</p>",
    ]
    m = r.matching
    parts.append("<h3>Propensity score matching</h3>")
    parts.append(
        f"<p>1:1 nearest neighbour on the logit without replacement, caliper 0.2 SD "
        f"({_num(m.caliper, 3)}). Complete cases {m.n_used}, missing covariates "
        f"{m.n_excluded_missing}, matched pairs {len(m.pairs)}."
        + (f" {e(m.note)}." if m.note else "")
        + "</p>"
    )
    if m.balance:
        parts.append(
            _table(
                ["Covariate", "SMD before", "SMD after", "Balanced (|SMD| < 0.1)"],
                [
                    [
                        LABELS.get(b.covariate, b.covariate),
                        _num(b.smd_before, 3),
                        _num(b.smd_after, 3),
                        "–" if b.balanced_after is None else ("yes" if b.balanced_after else "NO"),
                    ]
                    for b in m.balance
                ],
            )
        )
    if r.matched_os_curves:
        parts += [
            "<p><b>Overall survival, matched cohort</b></p>",
            _table(CURVE_HEADER, _curve_rows(r.matched_os_curves)),
            f"<p>{e(comparison_line(r.matched_os_comparison))}</p>",
        ]
    parts.append(f"<h3>Perioperative outcomes (hepatectomy, {r.n_operated} operated)</h3>")
    rows = []
    for rate in r.perioperative:
        s = rate.summary
        rows.append(
            [
                rate.label + (f" (unknown for {rate.missing})" if rate.missing else ""),
                "–" if s is None else f"{s.k}/{s.n}",
                "–" if s is None else _pct(s.proportion),
                "–" if s is None else _ci(*s.wilson),
                "–" if s is None else _ci(*s.clopper_pearson),
            ]
        )
    parts.append(_table(["Outcome", "n/N", "Rate", "95 % CI (Wilson)", "Clopper-Pearson"], rows))
    parts.append(
        f"<p>Comprehensive Complication Index per patient: mean {_num(r.cci_mean)}, "
        f"median {_num(r.cci_median)} (IQR {_num(r.cci_iqr[0])}–{_num(r.cci_iqr[1])}).</p>"
    )
    if r.data_quality:
        parts.append("<h3>Data-quality notes</h3><ul>")
        parts += [f"<li>{e(note)}</li>" for note in r.data_quality]
        parts.append("</ul>")
    return "\n".join(parts)

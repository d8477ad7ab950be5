"""The whole study analysis as one job, optionally in a separate process.

lifelines, pandas, statsmodels and matplotlib add about 250 MB to a process. The app runs
the job in a short-lived child process, so the window's memory stays small and that memory
is returned to the system as soon as the figures are drawn.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..models.db import open_database
from ..services.outcomes import study_data
from ..services.permissions import Actor
from .figure import Figure

OVERALL_SURVIVAL = QT_TRANSLATE_NOOP("Reports", "Overall survival")


@dataclass(frozen=True)
class AnalysisOutput:
    """Plain values only: unpickling it in the app must not import the analysis libraries."""

    n_hepatectomy: int
    n_systemic: int
    text: str
    html: str
    results: dict  # results.json: analysis.results_json.results_dict
    figures: tuple[Figure, ...]  # plain bytes and strings (analysis.plots.Figure)
    peak_memory_mb: float | None = None  # of the process that computed it (Linux)


def peak_memory_mb() -> float | None:
    """Peak resident memory of this process (VmHWM, Linux); None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def run_study_analysis(
    db_target: str, actor: Actor, svg: bool = False, texts: dict[str, str] | None = None
) -> AnalysisOutput:
    """Query, analyse and draw; opens its own database connection (any process). ``svg``:
    also draw each figure as SVG (for files; the screen and the PDF use the PNG); ``texts``:
    the figures' words in another language ({English: translation}, a report language's
    catalogue)."""
    from .baseline_table import LABELS
    from .plots import km_figure, love_plot, use_texts
    from .results_json import results_dict
    from .study import run_analysis
    from .summary import as_html, as_text

    db = open_database(db_target, migrate=False)
    try:
        data = study_data(db, actor)
        result = run_analysis(data.rows, data.exclusions, data.flow)
    finally:
        db.dispose()
    texts = use_texts(texts)
    figures = [
        km_figure("km-overall-survival", result.os_curves, OVERALL_SURVIVAL, svg=svg, texts=texts)
    ]
    if result.rfs_curve:
        figures.append(
            km_figure(
                "km-intrahepatic-rfs",
                [result.rfs_curve],
                QT_TRANSLATE_NOOP("Reports", "Intrahepatic recurrence-free survival"),
                QT_TRANSLATE_NOOP("Reports", "Recurrence-free probability"),
                svg=svg,
                texts=texts,
            )
        )
    if result.matched_os_curves:
        figures.append(
            km_figure(
                "km-overall-survival-matched",
                result.matched_os_curves,
                QT_TRANSLATE_NOOP("Reports", "Overall survival, propensity-matched cohort"),
                svg=svg,
                texts=texts,
            )
        )
    if result.matching.balance:
        figures.append(love_plot(result.matching, LABELS, svg=svg, texts=texts))
    return AnalysisOutput(
        n_hepatectomy=result.n_hepatectomy,
        n_systemic=result.n_systemic,
        text=as_text(result),
        html=as_html(result),
        results=results_dict(result, tuple(f.name for f in figures)),
        figures=tuple(figures),
        peak_memory_mb=peak_memory_mb(),
    )


def run_study_analysis_in_child(
    db_target: str, actor: Actor, texts: dict[str, str] | None = None
) -> AnalysisOutput:
    """The same job in a fresh ("spawn") process; blocks the calling (worker) thread."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_study_analysis, db_target, actor, False, texts).result()

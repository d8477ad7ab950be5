"""Issue 17: survival edge cases, log-rank statistics, NR, exclusions, results.json and the
outcomes report (PDF text read back and compared with results.json)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import matplotlib
import pytest
from sqlalchemy import select

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from lifelines import KaplanMeierFitter  # noqa: E402
from lifelines.plotting import add_at_risk_counts  # noqa: E402
from lifelines.statistics import logrank_test  # noqa: E402

from nclm_desktop.analysis.study import run_analysis  # noqa: E402
from nclm_desktop.analysis.summary import as_html  # noqa: E402
from nclm_desktop.analysis.survival import (  # noqa: E402
    DAYS_PER_MONTH,
    compare_groups,
    kaplan_meier,
)
from nclm_desktop.models import ClinicalEvent, Operation, Participant  # noqa: E402
from nclm_desktop.services.outcomes import study_data  # noqa: E402
from nclm_desktop.services.uow import writing  # noqa: E402
from tests.analysis.test_study_dataset import _study  # noqa: E402
from tests.conftest import PASSWORD  # noqa: E402


def months(*m: float) -> list[int]:
    return [round(x * DAYS_PER_MONTH) for x in m]


# --- Kaplan-Meier landmarks ---------------------------------------------------------------


def test_landmarks_after_the_curve_fell_to_zero_with_a_death_are_zero():
    # Last observation a death at 20 months: S = 0 from then on, so 36 and 60 months are 0.
    c = kaplan_meier("A", months(2, 5, 8, 20), [True, False, True, True])
    marks = {m: (s, lo, hi) for m, s, lo, hi in c.landmarks}
    assert marks[12][0] == pytest.approx(3 / 4 * 1 / 2)
    assert marks[36] == (0.0, 0.0, 0.0)
    assert marks[60] == (0.0, 0.0, 0.0)


def test_landmarks_after_a_censored_end_are_unknown():
    # Same times, last observation censored: beyond 20 months nothing is known.
    c = kaplan_meier("A", months(2, 5, 8, 20), [True, False, True, False])
    marks = {m: s for m, s, _lo, _hi in c.landmarks}
    assert marks[12] == pytest.approx(3 / 4 * 1 / 2)
    assert marks[36] is None and marks[60] is None
    assert "at 36 months: – " in "\n".join(as_text_lines(c))


def as_text_lines(curve):
    from nclm_desktop.analysis.summary import curve_lines

    return curve_lines(curve)


# --- log-rank statistics and numbers at risk ------------------------------------------------


def test_logrank_chi2_df_p_and_events_per_group_match_lifelines():
    days = months(1, 3, 4, 9, 12, 15, 2, 2.5, 6, 7, 30, 40)
    events = [True, True, False, True, True, False, True, True, True, False, True, False]
    treated = [False] * 6 + [True] * 6
    c = compare_groups(days, events, treated)
    t = [d / DAYS_PER_MONTH for d in days]
    ref = logrank_test(t[6:], t[:6], events[6:], events[:6])
    assert c.logrank_chi2 == pytest.approx(ref.test_statistic)
    assert c.logrank_df == 1
    assert c.logrank_p == pytest.approx(ref.p_value)
    assert c.groups == (("Hepatectomy", 6, 4), ("Systemic only", 6, 4))


def test_at_risk_counts_are_lifelines_own():
    durations = [0, 1, 2, 12, 12, 13, 30, 61, 25, 24]
    observed = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0]
    c = kaplan_meier("A", [round(d * DAYS_PER_MONTH) for d in durations], observed)
    kmf = KaplanMeierFitter(label="A").fit(durations, observed)
    fig, ax = plt.subplots()
    kmf.plot_survival_function(ax=ax)
    ax.set_xticks([0, 12, 24, 36, 48, 60])
    ax.set_xlim(0, 60)
    add_at_risk_counts(kmf, ax=ax, rows_to_show=["At risk"])
    fig.canvas.draw()
    table = fig.axes[-1]  # the axis lifelines adds for the table
    theirs = [int(t.get_text().split()[-1]) for t in table.get_xticklabels()]
    plt.close(fig)
    assert [n for _m, n in c.at_risk] == theirs


# --- NR for open limits ----------------------------------------------------------------------


def test_open_confidence_limits_print_nr():
    # Few events: the median is reached but its upper limit is not.
    c = kaplan_meier(
        "A", months(1, 2, 3, 10, 11, 12, 20), [True, True, True, True, False, False, False]
    )
    assert c.median is not None and c.median_ci[1] is None
    from nclm_desktop.analysis.summary import median_text

    assert median_text(c).endswith("–NR)")
    line = as_text_lines(c)[0]
    assert "to NR" in line and "to -" not in line and "–-" not in line


# --- one participant's contradictory records never stop the analysis -------------------------


def _operation_after_death(db, actor) -> str:
    """Move a hepatectomy participant's operation (and index date) after their death, as an
    edit made before the services checked dependent dates (issue 12) could leave it."""
    with writing(db, actor, reason="test: contradictory records") as s:
        death = s.execute(
            select(ClinicalEvent.participant_id, ClinicalEvent.event_date)
            .join(Participant, Participant.id == ClinicalEvent.participant_id)
            .where(ClinicalEvent.kind == "death", Participant.cohort == "hepatectomy")
            .order_by(ClinicalEvent.participant_id)
        ).first()
        p = s.get(Participant, death[0])
        later = death[1] + dt.timedelta(days=10)
        p.index_date = later
        for op in s.scalars(select(Operation).where(Operation.participant_id == p.id)):
            op.operation_date = later
            op.discharge_date = later + dt.timedelta(days=5)
        return p.study_id


def test_a_participant_with_an_operation_after_death_is_excluded_with_a_reason(db, investigator):
    _study(db, investigator)
    bad = _operation_after_death(db, investigator)
    data = study_data(db, investigator)
    assert [e.study_id for e in data.exclusions] == [bad]
    assert "before" in data.exclusions[0].reason or "after" in data.exclusions[0].reason
    assert bad not in {r.study_id for r in data.rows}
    result = run_analysis(data.rows, data.exclusions, data.flow)
    assert result.n_hepatectomy == 11
    assert result.flow.excluded_bad_data == 1
    assert any(note.startswith(f"{bad}: left out") for note in result.data_quality)
    assert bad in as_html(result)


# --- results.json and the outcomes report -----------------------------------------------------


def _cli(db_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "nclm_desktop", "--db", str(db_path), "--user", "lwang", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NCLM_PASSWORD": PASSWORD},
        timeout=300,
    )


@pytest.fixture
def analysed(db, db_path, investigator, tmp_path):
    _study(db, investigator)
    _operation_after_death(db, investigator)
    out = _cli(db_path, "analyze", "--out", str(tmp_path / "res"))
    assert out.returncode == 0, out.stderr
    results = json.loads((tmp_path / "res" / "results.json").read_text(encoding="utf-8"))
    return results, tmp_path / "res"


def test_results_json_has_the_documented_keys(analysed):
    r, folder = analysed
    assert r["schema"] == "nclm-results/1"
    assert set(r) >= {
        "n",
        "flow",
        "baseline",
        "overall_survival",
        "intrahepatic_rfs",
        "propensity",
        "matched_overall_survival",
        "perioperative",
        "exclusions",
        "data_quality",
        "settings",
        "figures",
    }
    cmp = r["overall_survival"]["comparison"]
    assert cmp["logrank_df"] == 1 and cmp["logrank_chi2"] > 0
    assert [g["group"] for g in cmp["groups"]] == ["Hepatectomy", "Systemic only"]
    assert len(r["exclusions"]) == 1
    curve = r["overall_survival"]["curves"][0]
    assert [a["month"] for a in curve["at_risk"]] == [0, 12, 24, 36, 48, 60]
    assert curve["at_risk"][0]["n"] == curve["n"]
    c_stat = r["propensity"]["c_statistic"]  # None only when the model could not be fitted
    assert (c_stat is None and r["propensity"]["note"]) or 0.5 <= c_stat <= 1
    assert r["settings"]["software"]["lifelines"]
    # The figure's numbers-at-risk row carries the same counts (SVG text stays text).
    svg = (folder / "km-overall-survival.svg").read_text(encoding="utf-8")
    assert "Number at risk" in svg
    for c in r["overall_survival"]["curves"]:
        for a in c["at_risk"]:
            assert f">{a['n']}<" in svg


def _pdf_text(path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def test_outcomes_report_pdf_matches_results_json(analysed, db_path, tmp_path):
    from nclm_desktop.reports.outcomes_text import (
        comparison_lines,
        landmark_text,
        median_text,
        rate_rows,
    )

    out = _cli(db_path, "report", "outcomes", "--out", str(tmp_path / "o.pdf"))
    assert out.returncode == 0, out.stderr
    text = _pdf_text(tmp_path / "o.pdf")
    r, _folder = analysed
    for block in ("overall_survival", "intrahepatic_rfs", "matched_overall_survival"):
        for c in r[block]["curves"]:
            assert median_text(c) in text
            for mark in c["landmarks"]:
                assert landmark_text(mark) in text
        for line in comparison_lines(r[block].get("comparison")):
            assert " ".join(line.split()) in text
    cmp = r["overall_survival"]["comparison"]
    assert f"χ² = {cmp['logrank_chi2']:.2f}, df = 1" in text
    for row in rate_rows(r["perioperative"]["rates"]):
        assert f"{row[1]} {row[2]} {row[3]} {row[4]}" in text
    c_stat = r["propensity"]["c_statistic"]
    assert f"c-statistic {'–' if c_stat is None else f'{c_stat:.3f}'}" in text
    assert r["exclusions"][0]["study_id"] in text
    assert f"lifelines {r['settings']['software']['lifelines']}" in text
    for step in ("Screened", "Enrolled", "Propensity-matched pairs"):
        assert step in text


def test_outcomes_report_in_chinese_has_chinese_headings(analysed, db_path, tmp_path):
    out = _cli(db_path, "report", "outcomes", "--lang", "zh_CN", "--out", str(tmp_path / "z.pdf"))
    assert out.returncode == 0, out.stderr
    text = _pdf_text(tmp_path / "z.pdf")
    assert "总生存" in text and "数据质量说明" in text


def test_analyze_out_to_a_file_is_one_clear_line(db, db_path, investigator, tmp_path):
    _study(db, investigator)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = _cli(db_path, "analyze", "--out", str(blocker))
    assert out.returncode == 2
    assert out.stderr.strip().startswith("error: Cannot write to") and "Traceback" not in out.stderr

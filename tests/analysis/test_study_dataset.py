"""The study data set from stored records, the whole analysis, and the Outcomes screen."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from nclm_desktop.analysis.study import run_analysis
from nclm_desktop.analysis.summary import as_text
from nclm_desktop.models import (
    BaselineDisease,
    ClinicalEvent,
    Complication,
    Operation,
    Participant,
    Visit,
)
from nclm_desktop.services.errors import PermissionDenied
from nclm_desktop.services.outcomes import study_dataset
from nclm_desktop.services.uow import writing
from tests.conftest import PASSWORD

D = dt.date


def _study(db, actor, n_each=12):
    """Hepatectomy patients live longer than systemic-only ones, with some complications."""
    with writing(db, actor) as s:
        for i in range(2 * n_each):
            hep = i % 2 == 0
            index = D(2022, 1, 1) + dt.timedelta(days=11 * i)
            p = Participant(
                study_id=f"NCLM-{'H' if hep else 'S'}-{i:03d}",
                cohort="hepatectomy" if hep else "systemic",
                status="enrolled",
                sex="MF"[i % 2 if i % 3 else 0],
                birth_date=D(1955 + i % 15, 3, 1),
                enrolment_date=index,
                consent_date=index,
                index_date=index,
            )
            s.add(p)
            s.flush()
            s.add(
                BaselineDisease(
                    participant_id=p.id,
                    liver_met_count=1 + i % 3,
                    liver_met_largest_mm=20.0 + 3 * (i % 7),
                    liver_met_timing="synchronous" if i % 4 else "metachronous",
                    bone_metastases=i % 5 == 0,
                    primary_recurrence=i % 6 == 0,
                    ebv_dna_copies_ml=float(10 ** (i % 5)),
                )
            )
            survival_days = (900 + 37 * i) if hep else (250 + 23 * i)
            if i % 3:
                s.add(
                    ClinicalEvent(
                        participant_id=p.id,
                        kind="death",
                        event_date=index + dt.timedelta(days=survival_days),
                    )
                )
            s.add(
                Visit(
                    participant_id=p.id,
                    code="M3",
                    month=3,
                    target_date=index + dt.timedelta(days=91),
                    window_start=index + dt.timedelta(days=77),
                    window_end=index + dt.timedelta(days=105),
                    scheduled_date=index + dt.timedelta(days=91),
                    status="done",
                    actual_date=index + dt.timedelta(days=92),
                    liver_imaging_result="no_recurrence",
                )
            )
            if hep:
                op = Operation(
                    participant_id=p.id,
                    operation_date=index,
                    approach="open",
                    segments=[5, 6, 7, 8],
                    anatomical=True,
                    resection_name="right hemihepatectomy",
                    major=True,
                    discharge_date=index + dt.timedelta(days=9),
                )
                s.add(op)
                s.flush()
                if i % 4 == 0:
                    s.add(
                        Complication(
                            operation_id=op.id,
                            category="bile_leakage",
                            onset_date=index + dt.timedelta(days=4),
                            clavien_dindo="IIIa",
                        )
                    )
                s.add(
                    ClinicalEvent(
                        participant_id=p.id,
                        kind="intrahepatic_recurrence",
                        event_date=index + dt.timedelta(days=400 + 5 * i),
                    )
                )


def test_dataset_and_analysis_from_stored_records(db, investigator, monitor):
    _study(db, investigator)
    rows = study_dataset(db, monitor)  # monitors may run the analysis; no identity in it
    assert len(rows) == 24
    assert not any(hasattr(r, "name") for r in rows)
    hep = [r for r in rows if r.cohort == "hepatectomy"]
    assert all(r.perioperative is not None and r.rfs is not None for r in hep)
    assert sum(r.perioperative.major_morbidity_90d for r in hep) == 6  # i = 0, 4, ... 20
    result = run_analysis(rows)
    assert (result.n_hepatectomy, result.n_systemic) == (12, 12)
    assert [c.label for c in result.os_curves] == ["Hepatectomy", "Systemic only"]
    assert result.os_comparison.hazard_ratio < 1
    morbidity = result.perioperative[0].summary
    assert (morbidity.k, morbidity.n) == (6, 12)
    assert morbidity.wilson[0] < 0.5 < morbidity.wilson[1]
    text = as_text(result)
    assert "Index date: the liver resection" in text
    assert "6/12 = 50.0 %" in text


def test_admin_cannot_run_the_analysis(db, admin):
    with pytest.raises(PermissionDenied):
        study_dataset(db, admin)


def test_analyze_command_writes_results_and_figures(db, db_path, investigator, tmp_path):
    _study(db, investigator)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "nclm_desktop",
            "--db",
            str(db_path),
            "--user",
            "lwang",
            "analyze",
            "--out",
            str(tmp_path / "res"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NCLM_PASSWORD": PASSWORD},
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "Overall survival" in out.stdout and "Log-rank χ² = " in out.stdout
    data = json.loads((tmp_path / "res" / "results.json").read_text())
    assert data["n"]["hepatectomy"] == 12
    for name in data["figures"]:
        png = (tmp_path / "res" / f"{name}.png").read_bytes()
        assert png[:4] == b"\x89PNG"
        assert b"<svg" in (tmp_path / "res" / f"{name}.svg").read_bytes()[:500]
    assert {"km-overall-survival", "km-intrahepatic-rfs"} <= set(data["figures"])


def test_outcomes_page_computes_off_the_ui_thread(qtbot, db, investigator):
    from nclm_desktop.ui.outcomes_page import OutcomesPage

    _study(db, investigator)
    page = OutcomesPage(db, investigator)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()  # starts the analysis on a worker thread
    assert not page.run_button.isEnabled()
    qtbot.waitUntil(lambda: page.output is not None, timeout=60000)
    assert "Hepatectomy" in page.summary.toPlainText()
    assert page.figures.count() >= 2
    if os.environ.get("NCLM_SHOTS"):  # to look at; tests write nowhere else by default
        page.grab().save(str(qtbot_shot_dir() / "outcomes.png"))


def qtbot_shot_dir():
    from pathlib import Path

    path = Path(os.environ["NCLM_SHOTS"])
    path.mkdir(parents=True, exist_ok=True)
    return path

"""Adding a variable is one definition line, one model column and one migration: the field
then appears in the screening wizard, the participant's Baseline tab, the service's
validation, the read-back and the export with its dictionary row (ARCHITECTURE §11).

The change is made in a fresh interpreter (tests/forms/added_field_study.py), because a
model column cannot be taken back out of the running test session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_a_new_baseline_field_flows_through_every_layer(tmp_path: Path) -> None:
    script = Path(__file__).with_name("added_field_study.py")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NCLM_ANCHOR_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    saw = json.loads(done.stdout.strip().splitlines()[-1])
    assert saw["refused"][0] == "nasopharynx_dose_gy"
    assert "between 0 and 90 Gy (got 95)" in saw["refused"][1]
    assert saw["stored"] == 70.0
    assert saw["wizard"] is True
    assert saw["tab"] == "70"
    assert "nasopharynx_dose_gy" in saw["export_header"].split(",")
    assert (
        len(saw["dictionary"]) == 1
        and "Radiotherapy dose to the nasopharynx" in saw["dictionary"][0]
    )

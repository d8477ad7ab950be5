"""Run by test_add_a_field.py in a fresh interpreter: one definition line, one model column
and one migration step add a baseline variable, then the wizard, the detail tab, the
service's validation and the export all have it. Prints one JSON line of what it saw."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# 1. The definition line (in a real change: one line in forms/crf/baseline.py).
from nclm_desktop.forms import Field, Kind, Range  # noqa: E402
from nclm_desktop.forms.crf import baseline as baseline_form  # noqa: E402

NEW = Field(
    "nasopharynx_dose_gy",
    "Radiotherapy dose to the nasopharynx",
    Kind.DECIMAL,
    unit="Gy",
    decimals=1,
    hard=Range(0, 90),
)
baseline_form.FORM = dataclasses.replace(
    baseline_form.FORM, fields=(*baseline_form.FORM.fields, NEW)
)

# 2. The model column (in a real change: one line in models/screening.py).
from sqlalchemy import Float, text  # noqa: E402
from sqlalchemy.orm import mapped_column  # noqa: E402

from nclm_desktop.models import BaselineDisease  # noqa: E402

BaselineDisease.nasopharynx_dose_gy = mapped_column(Float, nullable=True)

from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from nclm_desktop.forms import ValidationError  # noqa: E402
from nclm_desktop.models.db import open_database  # noqa: E402
from nclm_desktop.services import accounts, baseline, enrolment  # noqa: E402
from nclm_desktop.services.study_export import ExportOptions, export_study  # noqa: E402
from nclm_desktop.ui.participant_edit_tabs import BaselineTab  # noqa: E402
from nclm_desktop.ui.screening_pages.outcome_pages import BaselinePage  # noqa: E402

TODAY = dt.date(2026, 11, 29)
work = Path(sys.argv[1])
db = open_database(work / "study.db")
# 3. The migration (in a real change: an Alembic revision with this one operation).
with db.engine.begin() as conn:
    conn.execute(text("ALTER TABLE baseline_disease ADD COLUMN nasopharynx_dose_gy FLOAT"))

admin = accounts.create_first_admin(db, "admin", "Site Administrator", "correct horse 42 battery")
pi = accounts.add_user(db, admin, "lwang", "Lu Wang", "investigator", "correct horse 42 battery")
identity = enrolment.IdentityInput(
    name="Wei Zhang",
    hospital_record_number="H1",
    phone="13800000000",
    sex="M",
    birth_date=dt.date(1970, 5, 4),
)
screening = enrolment.eligible_screening(TODAY - dt.timedelta(days=3))
saw: dict[str, object] = {}
try:
    enrolment.screen_and_enrol(
        db,
        pi,
        identity,
        screening,
        cohort="hepatectomy",
        consent_date=TODAY,
        baseline=baseline.BaselineInput(
            liver_met_count=1,
            liver_met_largest_mm=20,
            liver_met_timing="synchronous",
            nasopharynx_dose_gy=95.0,
        ),
        today=TODAY,
    )
except ValidationError as exc:
    saw["refused"] = [exc.field, str(exc)]
pid = enrolment.screen_and_enrol(
    db,
    pi,
    identity,
    screening,
    cohort="hepatectomy",
    consent_date=TODAY,
    baseline=baseline.BaselineInput(
        liver_met_count=1,
        liver_met_largest_mm=20,
        liver_met_timing="synchronous",
        nasopharynx_dose_gy=70.0,
    ),
    today=TODAY,
).participant_id
saw["stored"] = baseline.get_baseline(db, pi, pid).nasopharynx_dose_gy

app = QApplication([])
page = BaselinePage(TODAY, lambda name: None)
saw["wizard"] = page.findChild(QLineEdit, "nasopharynx_dose_gy") is not None
tab = BaselineTab(db, pi, pid, TODAY)
saw["tab"] = tab.findChild(QLineEdit, "nasopharynx_dose_gy").text()

out = work / "export"
export_study(db, pi, ExportOptions(out, forms=("baseline_disease",)))
saw["export_header"] = (out / "baseline_disease.csv").read_text("utf-8-sig").splitlines()[0]
saw["dictionary"] = [
    line
    for line in (out / "data_dictionary.csv").read_text("utf-8-sig").splitlines()
    if line.startswith("nasopharynx_dose_gy,")
]
print(json.dumps(saw))

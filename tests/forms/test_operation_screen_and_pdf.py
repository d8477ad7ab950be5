"""Every field of the operation form shows the same text on the surgical record tab and in
the printed operative report: both format it with the data dictionary (Field.format).

On the old code the report printed "Largest lesion 32 mm" where the tab said 31.5 mm.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from nclm_desktop.forms.crf.operation import FORM as OPERATION
from nclm_desktop.forms.crf.operation_team import FORM as TEAM
from nclm_desktop.reports.operative import build_operative_report
from nclm_desktop.services import enrolment, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.report_data import operative_report_data
from nclm_desktop.services.surgery import OperationInput
from nclm_desktop.ui.surgical_record import SurgicalRecordTab
from tests.reports.pdfcheck import flat_text

ENROLLED = dt.date(2024, 3, 1)
TODAY = dt.date(2024, 6, 30)


def _operation(surgeon_id: int, **changes) -> OperationInput:
    data = OperationInput(
        operation_date=dt.date(2024, 3, 12),
        surgeon_ids=[surgeon_id],
        approach="laparoscopic",
        segments=[2, 3],
        anatomical=False,
        duration_min=205,
        blood_loss_ml=380,
        transfusion_units=1.5,
        pringle_count=2,
        pringle_total_min=25,
        lesions_resected=3,
        largest_lesion_mm=31.5,
        margin_mm=0.8,
        r_status="R1",
        pathology_confirms_npc=True,
        periop_radiotherapy=False,
        periop_chemotherapy=None,
        discharge_date=dt.date(2024, 3, 19),
        notes="Adhesions from an earlier cholecystectomy.",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def recorded(db, investigator, surgeon):
    result = enrolment.screen_and_enrol(
        db,
        investigator,
        IdentityInput("Patient 1", "HRN00001", "F", dt.date(1968, 2, 9)),
        enrolment.eligible_screening(ENROLLED - dt.timedelta(days=3)),
        cohort="hepatectomy",
        consent_date=ENROLLED,
        index_date=None,
        systemic_lines=(),
        today=ENROLLED,
    )
    pid = result.participant_id
    surgery.record_operation(db, surgeon, pid, _operation(surgeon.user_id), today=TODAY)
    return pid, result.study_id


def _pdf_rows(db, actor, study_id: str, tmp_path) -> str:
    out = tmp_path / "op.pdf"
    build_operative_report(operative_report_data(db, actor, study_id), out)
    return flat_text(out)  # reading order, wrapped cells joined


def test_every_operation_field_reads_the_same_on_screen_and_on_paper(
    qtbot, db, surgeon, recorded, tmp_path
):
    pid, study_id = recorded
    tab = SurgicalRecordTab(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(tab)
    op = surgery.surgical_record(db, surgeon, pid).index_operation.operation
    paper = _pdf_rows(db, surgeon, study_id, tmp_path)
    shown = {}
    for f in OPERATION.fields:
        expected = f.format(getattr(op, f.name))
        screen = tab.findChild(QLabel, f"summary_{f.name}")
        assert screen is not None, f.name
        shown[f.name] = screen.text()
        assert screen.text() == expected, f.name
        # The label, then its value (the report's label/value tables).
        line = f"{f.label} {expected}"
        assert line in paper, (f.name, line)
    assert shown["largest_lesion_mm"] == "31.5 mm" and "Largest lesion 32 mm" not in paper
    assert shown["margin_mm"] == "0.8 mm" and shown["transfusion_units"] == "1.5 units"
    assert shown["periop_chemotherapy"] == "—"
    surgeons = tab.findChild(QLabel, "summary_surgeons").text()
    assert surgeons == op.surgeon_names and f"{TEAM['surgeons'].label} {surgeons}" in paper


def test_a_field_left_empty_reads_the_same_dash_on_both(qtbot, db, surgeon, recorded, tmp_path):
    pid, study_id = recorded
    (record,) = surgery.surgical_record(db, surgeon, pid).operations
    data = record.operation.as_input()
    data.largest_lesion_mm = None
    data.r_status = None
    surgery.update_operation(db, surgeon, record.operation.id, data, "not measured", today=TODAY)
    tab = SurgicalRecordTab(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(tab)
    paper = _pdf_rows(db, surgeon, study_id, tmp_path)
    for name in ("largest_lesion_mm", "r_status"):
        assert tab.findChild(QLabel, f"summary_{name}").text() == "—"
        assert f"{OPERATION[name].label} —" in paper

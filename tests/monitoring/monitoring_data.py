"""The monitoring tests' shared inputs (imported by conftest and the tests)."""

from __future__ import annotations

import datetime as dt

from nclm_desktop.services.surgery import OperationInput

PASSWORD = "correct-horse-42"
ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)
TODAY = dt.date(2024, 6, 30)


def operation_input(surgeon_id: int, **changes: object) -> OperationInput:
    data = OperationInput(
        operation_date=OPERATED,
        surgeon_ids=[surgeon_id],
        approach="open",
        segments=[5, 6, 7, 8],
        anatomical=True,
        duration_min=240,
        blood_loss_ml=450,
        transfusion_units=0,
        pringle_count=3,
        pringle_total_min=45,
        lesions_resected=2,
        largest_lesion_mm=38,
        margin_mm=6,
        r_status="R0",
        pathology_confirms_npc=True,
        periop_radiotherapy=False,
        periop_chemotherapy=True,
        discharge_date=dt.date(2024, 3, 22),
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data

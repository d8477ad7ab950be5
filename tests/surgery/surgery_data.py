"""Inputs and queries shared by the surgery tests (fixed dates, no wall clock)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from nclm_desktop.models import AuditEvent
from nclm_desktop.models.db import Database
from nclm_desktop.services.surgery import ComplicationInput, OperationInput, Treatment

# Fixed dates: nothing here depends on the wall clock.
ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)
DISCHARGED = dt.date(2024, 3, 22)
TODAY = dt.date(2024, 6, 30)


def right_hemihepatectomy(surgeon_ids: list[int], /, **changes) -> OperationInput:
    data = OperationInput(
        operation_date=OPERATED,
        surgeon_ids=surgeon_ids,
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
        discharge_date=DISCHARGED,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def complication(grade_treatment: str, onset: dt.date = dt.date(2024, 3, 15), **changes):
    """A complication whose treatment implies the named grade ("II" or "IIIa")."""
    treatments = {
        "I": Treatment(),
        "II": Treatment(other_drugs=True),
        "IIIa": Treatment(intervention="without_ga"),
        "IIIb": Treatment(intervention="under_ga"),
        "V": Treatment(died=True),
    }
    data = ComplicationInput(
        category="pneumonia" if grade_treatment == "II" else "intra_abdominal_collection",
        onset_date=onset,
        treatment=treatments[grade_treatment],
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def audit_rows(db: Database, entity: str) -> list[AuditEvent]:
    with db.session() as s:
        rows = list(
            s.scalars(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id))
        )
        s.expunge_all()
        return rows

"""Missing-data counts per participant, computed for the whole study in a few queries.

"Missing" means a required field of the screening, baseline or operation record left empty:
- screening (the latest one): what the eligibility verdict rests on;
- baseline disease, once the participant is enrolled in a cohort (no baseline record at all
  counts every field);
- each recorded operation: what the operative report and the outcomes need.
A hepatectomy participant not yet operated on has nothing missing for the operation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import ColumnElement, case, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..models import BaselineDisease, Operation, Participant, Screening

REQUIRED_SCREENING = (
    Screening.ecog,
    Screening.nclm_confirmed,
    Screening.r0_resectable,
    Screening.bilirubin_umol_l,
    Screening.albumin_g_l,
    Screening.inr,
    Screening.ascites,
    Screening.encephalopathy,
    Screening.consent_signed,
)
REQUIRED_BASELINE = (
    BaselineDisease.npc_diagnosis_date,
    BaselineDisease.who_histology,
    BaselineDisease.t_stage,
    BaselineDisease.n_stage,
    BaselineDisease.ebv_dna_copies_ml,
    BaselineDisease.liver_met_count,
    BaselineDisease.liver_met_largest_mm,
    BaselineDisease.liver_met_timing,
)
REQUIRED_OPERATION = (
    Operation.duration_min,
    Operation.blood_loss_ml,
    Operation.lesions_resected,
    Operation.largest_lesion_mm,
    Operation.margin_mm,
    Operation.r_status,
    Operation.pathology_confirms_npc,
    Operation.discharge_date,
)


def required_field_names() -> dict[str, tuple[str, ...]]:
    """Record kind -> the field names counted, for help texts and tests."""
    return {
        "screening": tuple(c.key for c in REQUIRED_SCREENING),
        "baseline": tuple(c.key for c in REQUIRED_BASELINE),
        "operation": tuple(c.key for c in REQUIRED_OPERATION),
    }


def _empty_count(columns: Iterable[InstrumentedAttribute]) -> ColumnElement[int]:
    terms = [case((c.is_(None), 1), else_=0) for c in columns]
    total: ColumnElement[int] = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def missing_counts(session: Session) -> Counter[int]:
    """Participant id -> number of required fields left empty (absent ids: none)."""
    counts: Counter[int] = Counter()
    latest = select(func.max(Screening.id)).group_by(Screening.participant_id)
    screening = select(Screening.participant_id, _empty_count(REQUIRED_SCREENING)).where(
        Screening.id.in_(latest)
    )
    baseline = (
        select(
            Participant.id,
            case(
                (BaselineDisease.participant_id.is_(None), literal(len(REQUIRED_BASELINE))),
                else_=_empty_count(REQUIRED_BASELINE),
            ),
        )
        .outerjoin(BaselineDisease, BaselineDisease.participant_id == Participant.id)
        .where(Participant.cohort.is_not(None))
    )
    operation = select(Operation.participant_id, func.sum(_empty_count(REQUIRED_OPERATION)))
    operation = operation.group_by(Operation.participant_id)
    for stmt in (screening, baseline, operation):
        for pid, n in session.execute(stmt):
            if n:
                counts[pid] += int(n)
    return counts

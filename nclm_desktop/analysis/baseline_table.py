"""Baseline characteristics by cohort ("Table 1"): n (%) for yes/no variables, median (IQR)
for measurements, missing counts, and the standardised mean difference before and after
matching (the same SMD as the propensity balance check)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from .propensity import MatchResult

# (field of services.outcomes.ParticipantOutcome, label, binary?)
BASELINE_VARIABLES = (
    ("age", QT_TRANSLATE_NOOP("Reports", "Age, years"), False),
    ("male", QT_TRANSLATE_NOOP("Reports", "Male sex"), True),
    ("ecog", QT_TRANSLATE_NOOP("Reports", "ECOG performance status"), False),
    ("liver_met_count", QT_TRANSLATE_NOOP("Reports", "Number of liver metastases"), False),
    ("liver_met_largest_mm", QT_TRANSLATE_NOOP("Reports", "Largest liver metastasis, mm"), False),
    ("synchronous", QT_TRANSLATE_NOOP("Reports", "Synchronous liver metastases"), True),
    ("bone_metastases", QT_TRANSLATE_NOOP("Reports", "Bone metastases"), True),
    ("primary_recurrence", QT_TRANSLATE_NOOP("Reports", "Recurrence of the primary tumour"), True),
    ("ebv_log10", QT_TRANSLATE_NOOP("Reports", "Plasma EBV DNA, log10(copies/mL + 1)"), False),
)
LABELS = {name: label for name, label, _ in BASELINE_VARIABLES}


@dataclass(frozen=True)
class GroupSummary:
    n: int  # with a value
    missing: int
    count: int | None = None  # binary: number with the characteristic
    percent: float | None = None  # binary: of those with a value
    median: float | None = None
    q1: float | None = None
    q3: float | None = None


@dataclass(frozen=True)
class BaselineRow:
    variable: str
    label: str
    binary: bool
    hepatectomy: GroupSummary
    systemic: GroupSummary
    smd_before: float | None
    smd_after: float | None


def _summary(values: list[float | None], binary: bool) -> GroupSummary:
    known = np.array([v for v in values if v is not None], dtype=float)
    missing = len(values) - len(known)
    if len(known) == 0:
        return GroupSummary(0, missing)
    if binary:
        count = int(known.sum())
        return GroupSummary(len(known), missing, count, 100.0 * count / len(known))
    q1, median, q3 = (float(x) for x in np.percentile(known, [25, 50, 75]))
    return GroupSummary(len(known), missing, median=median, q1=q1, q3=q3)


def baseline_table(rows: Sequence, matching: MatchResult) -> tuple[BaselineRow, ...]:
    balance = {b.covariate: b for b in matching.balance}
    hep_rows = [r for r in rows if r.cohort == "hepatectomy"]
    sys_rows = [r for r in rows if r.cohort != "hepatectomy"]
    out = []
    for name, label, binary in BASELINE_VARIABLES:
        hep = [getattr(r, name) for r in hep_rows]
        sys_ = [getattr(r, name) for r in sys_rows]
        b = balance.get(name)
        out.append(
            BaselineRow(
                variable=name,
                label=label,
                binary=binary,
                hepatectomy=_summary(hep, binary),
                systemic=_summary(sys_, binary),
                smd_before=None if b is None or not np.isfinite(b.smd_before) else b.smd_before,
                smd_after=None
                if b is None or b.smd_after is None or not np.isfinite(b.smd_after)
                else b.smd_after,
            )
        )
    return tuple(out)

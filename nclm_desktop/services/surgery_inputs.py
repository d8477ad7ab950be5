"""What the surgery wizards collect, and the checks every surgery record shares.

Each value is checked by its definition in the data dictionary (forms/crf/operation.py,
complication.py, reoperation.py); the cross-field and date-order rules stay in the service
that owns the record and raise the same ValidationError (docs/ARCHITECTURE.md §11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from ..forms import Form
from ..forms.crf.complication import FORM as COMPLICATION_FORM
from ..forms.crf.operation import FORM as OPERATION_FORM
from ..forms.crf.reoperation import FORM as REOPERATION_FORM

APPROACHES: tuple[str, ...] = OPERATION_FORM["approach"].codes()
R_STATUSES: tuple[str, ...] = OPERATION_FORM["r_status"].codes()
INTERVENTIONS: tuple[str, ...] = COMPLICATION_FORM["intervention"].codes()
ORGAN_DYSFUNCTIONS: tuple[str, ...] = COMPLICATION_FORM["organ_dysfunction"].codes()

__all__ = [
    "APPROACHES",
    "COMPLICATION_FORM",
    "INTERVENTIONS",
    "OPERATION_FORM",
    "ORGAN_DYSFUNCTIONS",
    "REOPERATION_FORM",
    "R_STATUSES",
    "ComplicationInput",
    "OperationInput",
    "ReoperationInput",
    "Treatment",
    "clean_in_order",
    "operation_values",
]


# What the operation wizard collects, by the operation form's field names (None = not
# recorded yet); the team is chosen from the user list (docs/ARCHITECTURE.md §11).
OperationInput = OPERATION_FORM.record_class(
    "OperationInput",
    extra=[("surgeon_ids", list[int], field(default_factory=list))],
    defaults={"approach": "", "segments": [], "anatomical": True},
    frozen=False,
)


def operation_values(data: Any) -> dict[str, Any]:
    """An OperationInput by field name of the dictionary (the team is ``surgeons``)."""
    out = {f.name: getattr(data, f.name) for f in fields(data)}
    out["surgeons"] = out.pop("surgeon_ids") or None
    out["segments"] = out["segments"] or None  # none chosen = not answered
    return out


@dataclass
class Treatment:
    """The most intensive treatment a complication needed (drives the Clavien-Dindo proposal)."""

    other_drugs: bool = False
    transfusion: bool = False
    tpn: bool = False
    intervention: str = "none"  # none, without_ga, under_ga
    icu: bool = False
    organ_dysfunction: str | None = None  # single, multiple (with icu)
    died: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Treatment:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})


@dataclass
class ComplicationInput:
    category: str = ""
    onset_date: dt.date | None = None
    other_text: str | None = None
    treatment: Treatment = field(default_factory=Treatment)
    treatment_text: str | None = None
    # None accepts the grade proposed from the treatment.
    clavien_dindo: str | None = None
    grade_override_reason: str | None = None
    isgls_grade: str | None = None
    suffix_d: bool = False
    resolved_date: dt.date | None = None
    # Grade V only: the date of death (required, never assumed) and its cause.
    death_date: dt.date | None = None
    death_cause: str | None = None

    def values(self) -> dict[str, Any]:
        """By field name of the dictionary (the treatment ticks are fields of their own)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "treatment"}
        return {**out, **self.treatment.as_dict()}


@dataclass
class ReoperationInput:
    reoperation_date: dt.date | None = None
    planned: bool | None = None
    reason: str = ""

    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


Check = Callable[[dict[str, Any]], None]


def clean_in_order(
    form: Form,
    values: Mapping[str, Any],
    *,
    today: dt.date,
    after: Mapping[str, Check] | None = None,
    skip: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The form's input fields one by one in form (= wizard page) order, each followed by
    the cross-field rule that needs it (``after[name]``, given the values cleaned so far).
    The first problem is raised, so a wizard can tell whether it lies on the current page
    or a later one."""
    cleaned: dict[str, Any] = {}
    for f in form.inputs:
        if f.name not in skip:
            cleaned.update(form.clean({**values, **cleaned}, today=today, only=[f.name]))
        if after and f.name in after:
            after[f.name](cleaned)
    return cleaned

"""Operations, complications and reoperations of hepatectomy participants (issue 5).

One import for the callers of the surgery use cases, which live in services/operations.py,
complications.py, reoperations.py and surgical_record.py (inputs: surgery_inputs.py).
Surgeons and investigators write; coordinators and monitors read. Names, major/minor,
Clavien-Dindo proposals, the CCI and the perioperative outcome flags all come from
``clinical/``; nothing here re-derives a clinical rule.
"""

from __future__ import annotations

from .complications import (
    add_complication,
    delete_complication,
    propose_grade,
    update_complication,
    validate_complication,
)
from .operations import (
    INDEX_DATE_REASON,
    SURGEON_ROLES,
    get_operation,
    record_operation,
    surgeon_choices,
    update_operation,
    validate_operation,
)
from .reoperations import add_reoperation, update_reoperation, validate_reoperation
from .surgery_inputs import (
    APPROACHES,
    INTERVENTIONS,
    ORGAN_DYSFUNCTIONS,
    R_STATUSES,
    ComplicationInput,
    OperationInput,
    ReoperationInput,
    Treatment,
)
from .surgical_record import (
    ComplicationRow,
    OperationRecord,
    OperationSummary,
    ReoperationRow,
    SurgeonChoice,
    SurgicalRecord,
    during_index_stay,
    length_of_stay,
    surgical_record,
)

__all__ = [
    "APPROACHES",
    "INDEX_DATE_REASON",
    "INTERVENTIONS",
    "ORGAN_DYSFUNCTIONS",
    "R_STATUSES",
    "SURGEON_ROLES",
    "ComplicationInput",
    "ComplicationRow",
    "OperationInput",
    "OperationRecord",
    "OperationSummary",
    "ReoperationInput",
    "ReoperationRow",
    "SurgeonChoice",
    "SurgicalRecord",
    "Treatment",
    "add_complication",
    "add_reoperation",
    "delete_complication",
    "during_index_stay",
    "get_operation",
    "length_of_stay",
    "propose_grade",
    "record_operation",
    "surgeon_choices",
    "surgical_record",
    "update_complication",
    "update_operation",
    "update_reoperation",
    "validate_complication",
    "validate_operation",
    "validate_reoperation",
]

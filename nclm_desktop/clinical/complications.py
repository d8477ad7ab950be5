"""Complications: Clavien-Dindo grades, the Comprehensive Complication Index, categories."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .text_marks import QT_TRANSLATE_NOOP
from .validation import require_bool, require_choice

CLAVIEN_DINDO_GRADES: tuple[str, ...] = ("I", "II", "IIIa", "IIIb", "IVa", "IVb", "V")
MAJOR_COMPLICATION_MIN_GRADE = "IIIa"

# Dindo D, Demartines N, Clavien PA. Ann Surg 2004;240:205-13, table 1, in plain English.
_DEFINITIONS: Mapping[str, str] = MappingProxyType(
    {
        "I": (
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Any deviation from the normal postoperative course without the need for drug "
                "treatment or surgical, endoscopic or radiological intervention. Allowed: "
                "antiemetics, antipyretics, analgesics, diuretics, electrolytes and "
                "physiotherapy; also wound infections opened at the bedside.",
            )
        ),
        "II": (
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Needs drug treatment beyond what grade I allows. Blood transfusions and total "
                "parenteral nutrition are also grade II.",
            )
        ),
        "IIIa": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Needs surgical, endoscopic or radiological intervention not under general anaesthesia.",
        ),
        "IIIb": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Needs surgical, endoscopic or radiological intervention under general anaesthesia.",
        ),
        "IVa": (
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Life-threatening complication (including brain haemorrhage, ischaemic stroke or "
                "subarachnoid bleeding, but not transient ischaemic attack) needing intermediate "
                "or intensive care: single organ dysfunction (including dialysis).",
            )
        ),
        "IVb": (
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Life-threatening complication needing intermediate or intensive care: "
                "multiple organ dysfunction.",
            )
        ),
        "V": QT_TRANSLATE_NOOP("DataDictionary", "Death of the patient."),
    }
)

# Slankamenac K et al. Ann Surg 2013;258:1-7: weights of each grade for the CCI.
CCI_WEIGHTS: Mapping[str, int] = MappingProxyType(
    {"I": 300, "II": 1750, "IIIa": 2750, "IIIb": 4550, "IVa": 7200, "IVb": 8550}
)

COMPLICATION_CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "liver_failure": QT_TRANSLATE_NOOP("DataDictionary", "Post-hepatectomy liver failure"),
        "bile_leakage": QT_TRANSLATE_NOOP("DataDictionary", "Bile leakage"),
        "haemorrhage": QT_TRANSLATE_NOOP("DataDictionary", "Post-hepatectomy haemorrhage"),
        "ascites": QT_TRANSLATE_NOOP("DataDictionary", "Ascites"),
        "pleural_effusion": QT_TRANSLATE_NOOP("DataDictionary", "Pleural effusion"),
        "ssi": QT_TRANSLATE_NOOP("DataDictionary", "Surgical-site infection"),
        "intra_abdominal_collection": QT_TRANSLATE_NOOP(
            "DataDictionary", "Intra-abdominal collection or abscess"
        ),
        "pneumonia": QT_TRANSLATE_NOOP("DataDictionary", "Pneumonia"),
        "cardiac": QT_TRANSLATE_NOOP("DataDictionary", "Cardiac complication"),
        "thromboembolic": QT_TRANSLATE_NOOP("DataDictionary", "Thromboembolic event"),
        "other": QT_TRANSLATE_NOOP("DataDictionary", "Other"),
    }
)

_BY_LOWER = {g.lower(): g for g in CLAVIEN_DINDO_GRADES}


def normalize_clavien_dindo_grade(grade: str, field: str = "grade") -> str:
    """Return the canonical spelling of a Clavien-Dindo grade (Dindo 2004).

    Case and surrounding spaces are forgiven ("iiia" -> "IIIa"); anything else is refused.
    The suffix "d" (disability at discharge) is recorded separately, not in the grade.
    """
    canonical = _BY_LOWER.get(grade.strip().lower()) if isinstance(grade, str) else None
    if canonical is None:
        allowed = ", ".join(CLAVIEN_DINDO_GRADES)
        shown = repr(grade) if isinstance(grade, str) else str(grade)
        raise ValueError(f"{field} must be one of {allowed} (got {shown})")
    return canonical


def grade_rank(grade: str) -> int:
    """Position of a grade in the Dindo 2004 order: I → 0 ... V → 6. Use as a sort key."""
    return CLAVIEN_DINDO_GRADES.index(normalize_clavien_dindo_grade(grade))


def is_major_complication(grade: str) -> bool:
    """Major = Clavien-Dindo IIIa or worse (Dindo 2004; the usual cut-off for 'major')."""
    return grade_rank(grade) >= grade_rank(MAJOR_COMPLICATION_MIN_GRADE)


def clavien_dindo_definition(grade: str) -> str:
    """The Dindo 2004 definition of ``grade`` in plain English."""
    return _DEFINITIONS[normalize_clavien_dindo_grade(grade)]


def cci(grades: Iterable[str]) -> float:
    """Comprehensive Complication Index (Slankamenac 2013) of one patient.

    CCI = sqrt(sum of the grade weights) / 2, over all of the patient's complications;
    0 without complications; any grade V gives 100; never above 100; one decimal.
    Example: one II and one IIIa → sqrt(1750 + 2750) / 2 = 33.5.
    """
    # A bare string would be read letter by letter ("II" as two grade I).
    if isinstance(grades, str):
        raise ValueError(f"grades must be a list of grades, not a single text (got {grades!r})")
    total = 0
    for i, g in enumerate(grades):
        grade = normalize_clavien_dindo_grade(g, f"grades[{i}]")
        if grade == "V":
            return 100.0
        total += CCI_WEIGHTS[grade]
    return round(min(math.sqrt(total) / 2, 100.0), 1)


@dataclass(frozen=True)
class ClavienDindoProposal:
    grade: str
    reason: str


INTERVENTION_CHOICES = ("none", "without_ga", "under_ga")
ORGAN_DYSFUNCTION_CHOICES = ("single", "multiple")


def clavien_dindo_from_treatment(
    *,
    died: bool = False,
    icu: bool = False,
    organ_dysfunction: str | None = None,
    intervention: str = "none",
    other_drugs: bool = False,
    transfusion: bool = False,
    tpn: bool = False,
) -> ClavienDindoProposal:
    """Propose a Clavien-Dindo grade from the treatment a complication needed (Dindo 2004).

    The most intensive treatment decides: death → V; intermediate/intensive care with
    single / multiple organ dysfunction → IVa / IVb; intervention under / without general
    anaesthesia → IIIb / IIIa; drugs beyond the grade I list, transfusion or TPN → II;
    otherwise I. The surgeon confirms or overrides the proposal.
    """
    require_bool("died", died)
    require_bool("icu", icu)
    require_choice("intervention", intervention, INTERVENTION_CHOICES)
    for name, value in (("other_drugs", other_drugs), ("transfusion", transfusion), ("tpn", tpn)):
        require_bool(name, value)
    if organ_dysfunction is not None:
        require_choice("organ_dysfunction", organ_dysfunction, ORGAN_DYSFUNCTION_CHOICES)
    if icu and organ_dysfunction is None:
        raise ValueError(
            "organ_dysfunction must be 'single' or 'multiple' when icu is true (got None)"
        )

    if died:
        return ClavienDindoProposal("V", "The patient died of the complication.")
    if icu and organ_dysfunction == "multiple":
        return ClavienDindoProposal("IVb", "Needed intensive care for multiple organ dysfunction.")
    if icu:
        return ClavienDindoProposal("IVa", "Needed intensive care for single organ dysfunction.")
    if intervention == "under_ga":
        return ClavienDindoProposal("IIIb", "Needed an intervention under general anaesthesia.")
    if intervention == "without_ga":
        return ClavienDindoProposal("IIIa", "Needed an intervention without general anaesthesia.")
    given = [
        label
        for label, flag in (
            ("drugs beyond the grade I list", other_drugs),
            ("blood transfusion", transfusion),
            ("total parenteral nutrition", tpn),
        )
        if flag
    ]
    if given:
        return ClavienDindoProposal("II", f"Needed {' and '.join(given)}.")
    return ClavienDindoProposal(
        "I", "No treatment beyond the drugs and bedside measures allowed in grade I."
    )

"""Random draws of liver resections and their complications for the demo study.

Every Brisbane-2000 resection type and non-anatomical wedges; approach, duration, blood
loss and stay from plausible distributions (larger and longer for major resections);
about 30 % morbidity, about 10 % Clavien-Dindo IIIa or worse, grade V rare; ISGLS grades
consistent with the Clavien-Dindo grade; a relaparotomy (IIIb) is also a reoperation.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from ..clinical import COMPLICATION_CATEGORIES
from ..services.surgery import (
    ComplicationInput,
    OperationInput,
    ReoperationInput,
    Treatment,
    propose_grade,
)
from .draws import days, weighted

# key -> (weight, segment choices, anatomical)
RESECTIONS: dict[str, tuple[int, tuple[tuple[int, ...], ...], bool]] = {
    "right_hemihepatectomy": (6, ((5, 6, 7, 8),), True),
    "left_hemihepatectomy": (6, ((2, 3, 4),), True),
    "right_anterior_sectionectomy": (5, ((5, 8),), True),
    "right_posterior_sectionectomy": (7, ((6, 7),), True),
    "left_lateral_sectionectomy": (9, ((2, 3),), True),
    "left_medial_sectionectomy": (3, ((4,),), True),
    "right_trisectionectomy": (2, ((4, 5, 6, 7, 8),), True),
    "left_trisectionectomy": (1, ((2, 3, 4, 5, 8),), True),
    "segmentectomy": (17, ((2,), (3,), (5,), (6,), (7,), (8,), (1,)), True),
    "bisegmentectomy": (6, ((5, 6), (7, 8), (4, 5), (3, 4), (4, 8)), True),
    "wedge": (30, ((2,), (3,), (4,), (5,), (6,), (7,), (8,), (5, 6), (6, 7), (7, 8)), False),
}
RESECTION_TYPES = tuple(RESECTIONS)

# Worst Clavien-Dindo grade of a patient with complications (Dindo 2004), weights.
WORST_GRADE = (("I", 25), ("II", 40), ("IIIa", 17), ("IIIb", 8), ("IVa", 5), ("IVb", 3), ("V", 2))
GRADE_ORDER = ("I", "II", "IIIa", "IIIb", "IVa", "IVb", "V")
# Categories that need a given grade's treatment, with relative weights.
CATEGORIES_BY_GRADE: dict[str, tuple[tuple[str, int], ...]] = {
    "I": (
        ("pleural_effusion", 30),
        ("ascites", 20),
        ("ssi", 15),
        ("liver_failure", 10),
        ("bile_leakage", 15),
        ("other", 10),
    ),
    "II": (
        ("pneumonia", 20),
        ("ssi", 15),
        ("liver_failure", 15),
        ("haemorrhage", 10),
        ("ascites", 12),
        ("thromboembolic", 8),
        ("cardiac", 8),
        ("other", 12),
    ),
    "IIIa": (
        ("pleural_effusion", 35),
        ("intra_abdominal_collection", 35),
        ("bile_leakage", 20),
        ("ascites", 10),
    ),
    "IIIb": (("haemorrhage", 45), ("bile_leakage", 30), ("other", 25)),
    "IVa": (("liver_failure", 40), ("pneumonia", 35), ("cardiac", 25)),
    "IVb": (("liver_failure", 60), ("intra_abdominal_collection", 40)),
    "V": (("liver_failure", 70), ("haemorrhage", 30)),
}
OTHER_TEXT = {
    "I": ("Postoperative ileus", "Urinary retention"),
    "II": ("Urinary tract infection", "Delirium", "Clostridioides difficile colitis"),
    "IIIb": ("Wound dehiscence", "Incisional hernia with obstruction"),
}
TREATMENT_TEXT = {
    ("pleural_effusion", "I"): "Observed; resolved without drainage.",
    ("pleural_effusion", "IIIa"): "Ultrasound-guided thoracentesis.",
    ("ascites", "I"): "Salt restriction.",
    ("ascites", "II"): "Diuretics and albumin.",
    ("ascites", "IIIa"): "Ultrasound-guided paracentesis.",
    ("ssi", "I"): "Wound opened at the bedside.",
    ("ssi", "II"): "Antibiotics.",
    ("liver_failure", "I"): "Monitored; laboratory values normalised.",
    ("liver_failure", "II"): "Fresh frozen plasma, albumin and diuretics.",
    ("liver_failure", "IVa"): "ICU: vasopressors for circulatory failure.",
    ("liver_failure", "IVb"): "ICU: vasopressors, haemodialysis and ventilation.",
    ("liver_failure", "V"): "ICU; multi-organ failure despite full support.",
    ("bile_leakage", "I"): "Abdominal drain left in place longer.",
    ("bile_leakage", "IIIa"): "Percutaneous drainage and ERCP with a biliary stent.",
    ("bile_leakage", "IIIb"): "Relaparotomy: suture of the leaking duct and lavage.",
    ("haemorrhage", "II"): "Red-cell transfusion.",
    ("haemorrhage", "IIIb"): "Relaparotomy and haemostasis.",
    ("haemorrhage", "V"): "Relaparotomy, massive transfusion; died.",
    ("pneumonia", "II"): "Antibiotics and physiotherapy.",
    ("pneumonia", "IVa"): "ICU: non-invasive ventilation for respiratory failure.",
    ("intra_abdominal_collection", "IIIa"): "CT-guided percutaneous drainage and antibiotics.",
    ("intra_abdominal_collection", "IVb"): "ICU: septic shock with renal failure; drainage.",
    ("cardiac", "II"): "Amiodarone for atrial fibrillation.",
    ("cardiac", "IVa"): "ICU: heart failure, inotropes.",
    ("thromboembolic", "II"): "Low-molecular-weight heparin for deep vein thrombosis.",
}


@dataclass
class SurgeryPlan:
    """An operation and what followed it, as service inputs (dates already set)."""

    operation: OperationInput
    complications: list[ComplicationInput] = field(default_factory=list)
    reoperations: list[ReoperationInput] = field(default_factory=list)
    death: dt.date | None = None  # grade V: died in hospital on this day


def draw_resection(rng: random.Random, forced: str | None = None) -> tuple[str, tuple[int, ...]]:
    key = forced or rng.choices(RESECTION_TYPES, weights=[v[0] for v in RESECTIONS.values()])[0]
    return key, rng.choice(RESECTIONS[key][1])


def _clip(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def draw_operation(
    rng: random.Random,
    key: str,
    segments: tuple[int, ...],
    operation_date: dt.date,
    surgeon_ids: list[int],
    lesions: int,
    largest_mm: float,
) -> tuple[OperationInput, int]:
    """The operation and its uncomplicated length of stay (days)."""
    major = len(segments) >= 3
    approach = weighted(
        rng,
        (("open", 75), ("laparoscopic", 20), ("robotic", 5))
        if major
        else (("open", 40), ("laparoscopic", 50), ("robotic", 10)),
    )
    minimally_invasive = approach != "open"
    duration = rng.lognormvariate(math.log(245 if major else 150), 0.25)
    duration += 20 if minimally_invasive else 0
    blood = rng.lognormvariate(math.log(420 if major else 160), 0.6)
    blood *= 0.7 if minimally_invasive else 1.0
    blood_ml = int(_clip(round(blood, -1), 10, 20_000))
    if blood_ml > 1000:
        units = float(round(blood_ml / 400))
    elif blood_ml > 500 and rng.random() < 0.3:
        units = 2.0
    else:
        units = 0.0 if rng.random() > 0.03 else 1.0
    duration_min = int(_clip(duration, 45, 24 * 60))
    if rng.random() < 0.75:
        count = rng.randint(2, 5) if major else rng.randint(1, 3)
        pringle_min = min(duration_min // 2, count * rng.randint(10, 18))
    else:
        count, pringle_min = 0, 0
    roll = rng.random()
    r_status = "R0" if roll < 0.92 else ("R1" if roll < 0.99 else "R2")
    margin = round(_clip(rng.lognormvariate(math.log(6), 0.7), 1, 40), 1)
    stay = rng.randint(8, 12) if major else rng.randint(5, 8) - (1 if minimally_invasive else 0)
    op = OperationInput(
        operation_date=operation_date,
        surgeon_ids=surgeon_ids,
        approach=approach,
        segments=list(segments),
        anatomical=RESECTIONS[key][2],
        duration_min=duration_min,
        blood_loss_ml=blood_ml,
        transfusion_units=units,
        pringle_count=count,
        pringle_total_min=pringle_min,
        lesions_resected=lesions + (1 if rng.random() < 0.05 else 0),
        largest_lesion_mm=round(_clip(largest_mm * rng.uniform(0.85, 1.1), 3, 300), 1),
        margin_mm=margin if r_status == "R0" else 0.0,
        r_status=r_status,
        pathology_confirms_npc=rng.random() < 0.97,
        periop_radiotherapy=rng.random() < 0.12,
        periop_chemotherapy=rng.random() < 0.65,
        discharge_date=None,
        notes=None,
    )
    return op, stay


def _isgls(category: str, grade: str, rng: random.Random) -> str | None:
    rank = GRADE_ORDER.index(grade)
    if category == "liver_failure":
        return "A" if rank == 0 else ("B" if rank <= 2 else "C")
    if category == "bile_leakage":
        return "A" if rank <= 1 else ("B" if rank == 2 else "C")
    if category == "haemorrhage":
        return rng.choice("AB") if rank <= 1 else "C"
    return None


def _treatment(grade: str, category: str) -> Treatment:
    if grade == "I":
        return Treatment()
    if grade == "II":
        return (
            Treatment(transfusion=True)
            if category == "haemorrhage"
            else Treatment(other_drugs=True)
        )
    if grade == "IIIa":
        return Treatment(other_drugs=True, intervention="without_ga")
    if grade == "IIIb":
        return Treatment(other_drugs=True, intervention="under_ga")
    if grade == "IVa":
        return Treatment(other_drugs=True, icu=True, organ_dysfunction="single")
    return Treatment(
        other_drugs=True,
        transfusion=category == "haemorrhage",
        icu=True,
        organ_dysfunction="multiple",
        died=grade == "V",
    )


def _complication(
    rng: random.Random, grade: str, op_date: dt.date, category: str | None = None
) -> ComplicationInput:
    category = category or weighted(rng, CATEGORIES_BY_GRADE[grade])
    early = category in ("haemorrhage", "cardiac", "liver_failure")
    onset = op_date + days(rng.randint(1, 4) if early else rng.randint(2, 12))
    if category == "intra_abdominal_collection" and rng.random() < 0.4:
        onset = op_date + days(rng.randint(12, 30))  # after discharge: readmitted
    rank = GRADE_ORDER.index(grade)
    other = (
        rng.choice(OTHER_TEXT.get(grade, ("Other complication",))) if category == "other" else None
    )
    text = TREATMENT_TEXT.get((category, grade)) or (
        f"{other}: managed as grade {grade}." if other else None
    )
    return ComplicationInput(
        category=category,
        onset_date=onset,
        other_text=other,
        treatment=_treatment(grade, category),
        treatment_text=text,
        clavien_dindo=None,  # accept the grade the treatment implies
        isgls_grade=_isgls(category, grade, rng),
        suffix_d=rank in (3, 4, 5) and rng.random() < 0.12,
        resolved_date=None
        if grade == "V"
        else onset + days(rng.randint(2, 10) + 4 * max(0, rank - 1)),
    )


def draw_complications(
    rng: random.Random, major: bool, op_date: dt.date, showcase: list[str] | None = None
) -> list[ComplicationInput]:
    """None for about 70 %; else the worst one and sometimes one or two lesser ones.

    ``showcase``: "grade:category" kinds still to show (the demo's first complicated
    operations get them instead of a random worst grade, so the rate stays the same).
    """
    if rng.random() >= (0.38 if major else 0.25):
        return []
    if showcase:
        grade, category = showcase.pop(0).split(":")
        return [_complication(rng, grade, op_date, category)]
    worst = weighted(rng, WORST_GRADE)
    found = [_complication(rng, worst, op_date)]
    for chance in (0.25, 0.08):
        if rng.random() < chance:
            lesser = GRADE_ORDER[rng.randint(0, min(1, GRADE_ORDER.index(worst)))]
            found.append(_complication(rng, lesser, op_date))
    return found


def plan_surgery(
    rng: random.Random,
    op: OperationInput,
    stay: int,
    complications: list[ComplicationInput],
) -> SurgeryPlan:
    """Fits the discharge date, deaths and reoperations to the complications."""
    assert op.operation_date is not None
    discharge = op.operation_date + days(stay)
    plan = SurgeryPlan(op, complications)
    for c in complications:
        assert c.onset_date is not None
        if c.onset_date <= discharge:  # in hospital: the stay lasts until it settles
            extra = {"I": 1, "II": 3, "IIIa": 5, "IIIb": 7, "IVa": 10, "IVb": 14}.get(
                propose_grade(c.treatment), 0
            )
            discharge = max(discharge, c.onset_date + days(extra + rng.randint(0, 3)))
    dying = [c for c in complications if c.treatment.died]
    if dying:
        assert dying[0].onset_date is not None
        plan.death = dying[0].onset_date + days(rng.randint(2, 18))
        # Nothing begins after the death; nothing resolves after it either.
        complications[:] = [c for c in complications if c.onset_date < plan.death]
        for c in complications:
            if c.resolved_date is not None and c.resolved_date > plan.death:
                c.resolved_date = None
    for c in complications:
        if c.treatment.died:
            c.death_date = plan.death
            c.death_cause = None  # the service uses the category
            discharge = plan.death  # died in hospital
        elif c.treatment.intervention == "under_ga":
            assert c.onset_date is not None
            what = c.other_text or COMPLICATION_CATEGORIES[c.category]
            plan.reoperations.append(
                ReoperationInput(c.onset_date, False, f"Relaparotomy for {what.lower()}.")
            )
            if c.category == "haemorrhage" and rng.random() < 0.3:
                plan.reoperations.append(
                    ReoperationInput(
                        c.onset_date + days(2), True, "Planned re-look laparotomy, packs removed."
                    )
                )
    op.discharge_date = discharge
    return plan

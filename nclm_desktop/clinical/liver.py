"""Liver function scores: Child-Pugh, ALBI and the 50-50 criteria.

Inputs are in canonical units (bilirubin µmol/L, albumin g/L; convert with ``units``),
except that Child-Pugh scores bilirubin in the unit the laboratory reported: Pugh's cut-offs
are in mg/dL and the µmol/L ones are rounded conversions, so converting first would move a
value across a boundary (3.0 mg/dL = 51.3 µmol/L is 2 points, not 3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .protocol import Protocol, load_protocol
from .validation import require_choice, require_int, require_number

ASCITES_CHOICES = ("none", "mild", "moderate")  # "moderate" = moderate to severe (tense)
ENCEPHALOPATHY_CHOICES = ("none", "grade1-2", "grade3-4")


@dataclass(frozen=True)
class ChildPugh:
    points: int  # 5..15
    grade: str  # "A", "B" or "C"


@dataclass(frozen=True)
class Albi:
    score: float  # unrounded; round only for display
    grade: int  # 1, 2 or 3


_BILIRUBIN_UNIT_SPELLINGS = {"umol/l": "µmol/L", "mg/dl": "mg/dL"}
_BILIRUBIN_ARG = {"µmol/L": "bilirubin_umol_l", "mg/dL": "bilirubin_mg_dl"}


def normalise_bilirubin_unit(unit: str) -> str:
    """'umol/l', 'μmol/L', 'MG/DL' ... -> 'µmol/L' or 'mg/dL'."""
    key = (
        unit.replace("µ", "u").replace("μ", "u").replace(" ", "").lower()
        if isinstance(unit, str)
        else None
    )
    if key not in _BILIRUBIN_UNIT_SPELLINGS:
        raise ValueError(f"bilirubin unit must be µmol/L or mg/dL (got {unit!r})")
    return _BILIRUBIN_UNIT_SPELLINGS[key]


def bilirubin_points(
    bilirubin: float, unit: str = "µmol/L", protocol: Protocol | None = None
) -> int:
    """Child-Pugh points for total bilirubin (Pugh 1973), scored in the reported unit:
    mg/dL < 2 → 1, 2-3 → 2, > 3 → 3; µmol/L < 34 → 1, 34-51 → 2, > 51 → 3.

    Both cut-off sets come from the protocol file; the boundary values (2 and 3 mg/dL,
    34 and 51 µmol/L) score 2.
    """
    unit = normalise_bilirubin_unit(unit)
    value = require_number(_BILIRUBIN_ARG[unit], bilirubin, ge=0)
    low, high = (protocol or load_protocol()).child_pugh.bilirubin(unit)
    if value < low:
        return 1
    return 2 if value <= high else 3


def albumin_points(albumin_g_l: float) -> int:
    """Child-Pugh points for albumin (Pugh 1973): >35 → 1, 28-35 → 2, <28 → 3 g/L."""
    value = require_number("albumin_g_l", albumin_g_l, gt=0)
    if value > 35:
        return 1
    return 2 if value >= 28 else 3


def inr_points(inr: float) -> int:
    """Child-Pugh points for INR (Pugh 1973, INR form): <1.7 → 1, 1.7-2.3 → 2, >2.3 → 3."""
    value = require_number("inr", inr, gt=0)
    if value < 1.7:
        return 1
    return 2 if value <= 2.3 else 3


def ascites_points(ascites: str) -> int:
    """Child-Pugh points for ascites (Pugh 1973): none 1, mild 2, moderate to severe 3."""
    return ASCITES_CHOICES.index(require_choice("ascites", ascites, ASCITES_CHOICES)) + 1


def encephalopathy_points(encephalopathy: str) -> int:
    """Child-Pugh points for hepatic encephalopathy (Pugh 1973): none 1, grade 1-2 → 2,
    grade 3-4 → 3."""
    choice = require_choice("encephalopathy", encephalopathy, ENCEPHALOPATHY_CHOICES)
    return ENCEPHALOPATHY_CHOICES.index(choice) + 1


def child_pugh_grade(points: int) -> str:
    """Child-Pugh class from the total (Pugh 1973): A 5-6, B 7-9, C 10-15."""
    require_int("points", points, ge=5, le=15)
    if points <= 6:
        return "A"
    return "B" if points <= 9 else "C"


def child_pugh(
    bilirubin: float,
    albumin_g_l: float,
    inr: float,
    ascites: str,
    encephalopathy: str,
    bilirubin_unit: str = "µmol/L",
) -> ChildPugh:
    """Child-Pugh score and class (Pugh RN et al., Br J Surg 1973;60:646-9), INR variant.
    ``bilirubin`` is in ``bilirubin_unit``, the unit the laboratory reported.

    >>> child_pugh(20, 40, 1.1, "none", "none")
    ChildPugh(points=5, grade='A')
    >>> child_pugh(3.0, 40, 1.1, "none", "none", bilirubin_unit="mg/dL").points
    6
    """
    points = (
        bilirubin_points(bilirubin, bilirubin_unit)
        + albumin_points(albumin_g_l)
        + inr_points(inr)
        + ascites_points(ascites)
        + encephalopathy_points(encephalopathy)
    )
    return ChildPugh(points, child_pugh_grade(points))


def albi(bilirubin_umol_l: float, albumin_g_l: float) -> Albi:
    """ALBI score and grade (Johnson PJ et al., J Clin Oncol 2015;33:550-8).

    score = 0.66 × log10(bilirubin µmol/L) − 0.085 × albumin g/L;
    grade 1 if score <= −2.60, grade 2 if −2.60 < score <= −1.39, grade 3 above −1.39.
    """
    bili = require_number("bilirubin_umol_l", bilirubin_umol_l, gt=0)  # log10 needs > 0
    alb = require_number("albumin_g_l", albumin_g_l, gt=0)
    score = 0.66 * math.log10(bili) - 0.085 * alb
    if score <= -2.60:
        grade = 1
    elif score <= -1.39:
        grade = 2
    else:
        grade = 3
    return Albi(score, grade)


FIFTY_FIFTY_DAY = 5


def fifty_fifty(pt_percent: float, bilirubin_umol_l: float, postoperative_day: int) -> bool:
    """The 50-50 criteria (Balzan S et al., Ann Surg 2005;242:824-8): prothrombin time
    < 50 % and serum bilirubin > 50 µmol/L on postoperative day 5 predict liver failure and
    death after hepatectomy.

    Both cut-offs are strict: PT exactly 50 % or bilirubin exactly 50 µmol/L is not met.
    The criteria are defined on day 5 only, so another day is refused rather than guessed.
    """
    pt = require_number("pt_percent", pt_percent, ge=0)
    bili = require_number("bilirubin_umol_l", bilirubin_umol_l, ge=0)
    day = require_int("postoperative_day", postoperative_day, ge=0)
    if day != FIFTY_FIFTY_DAY:
        raise ValueError(
            f"postoperative_day must be {FIFTY_FIFTY_DAY} for the 50-50 criteria (got {day})"
        )
    return pt < 50 and bili > 50


def fifty_fifty_criteria_text() -> str:
    """Plain-English statement of the 50-50 criteria (Balzan 2005) for the wizard."""
    return (
        "50-50 criteria (Balzan 2005): on postoperative day 5, prothrombin time below 50 % "
        "and serum bilirubin above 50 µmol/L (2.9 mg/dL). Meeting both predicts liver "
        "failure and a high risk of death after hepatectomy."
    )

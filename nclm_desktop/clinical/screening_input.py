"""What a screening records for the eligibility rules (``ScreeningInput``), what they answer
(``Criterion``, ``EligibilityResult``) and the labels of the recorded items; the criteria
themselves are in ``eligibility.py``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .liver import (
    ASCITES_CHOICES,
    ENCEPHALOPATHY_CHOICES,
    normalise_bilirubin_unit,
)
from .text_marks import QT_TRANSLATE_NOOP
from .units import BILIRUBIN_UMOL_L_PER_MG_DL
from .validation import (
    require_bool,
    require_choice,
    require_date,
    require_int,
    require_number,
)

METASTATIC_SITES = ("liver", "bone", "lung", "distant_lymph_node", "other")
RESPONSES = ("CR", "PR", "SD", "PD", "not_applicable")
CHILD_PUGH_CLASSES = ("A", "B", "C")
_CLASS_MAX_POINTS = {"A": 6, "B": 9, "C": 15}  # Pugh 1973: A 5-6, B 7-9, C 10-15
_SITE_LABELS = {
    "liver": QT_TRANSLATE_NOOP("DataDictionary", "liver"),
    "bone": QT_TRANSLATE_NOOP("DataDictionary", "bone"),
    "lung": QT_TRANSLATE_NOOP("DataDictionary", "lung"),
    "distant_lymph_node": QT_TRANSLATE_NOOP("DataDictionary", "distant lymph nodes"),
    "other": QT_TRANSLATE_NOOP("DataDictionary", "other site"),
}
_RESPONSE_OK = ("CR", "PR", "SD")

# Plain words for "Not recorded: ..." reasons (marked: the reasons are shown translated).
FIELD_LABELS = {
    "screening_date": QT_TRANSLATE_NOOP("DataDictionary", "screening date"),
    "birth_date": QT_TRANSLATE_NOOP("DataDictionary", "birth date"),
    "ecog": QT_TRANSLATE_NOOP("DataDictionary", "ECOG performance status"),
    "nclm_confirmed": QT_TRANSLATE_NOOP("DataDictionary", "whether NCLM is confirmed"),
    "metastatic_sites": QT_TRANSLATE_NOOP("DataDictionary", "metastatic sites"),
    "primary_recurrence": QT_TRANSLATE_NOOP(
        "DataDictionary", "whether the primary tumour has recurred"
    ),
    "liver_oligometastasis": QT_TRANSLATE_NOOP(
        "DataDictionary", "whether the liver disease is oligometastatic"
    ),
    "response_outside_liver": QT_TRANSLATE_NOOP("DataDictionary", "response outside the liver"),
    "progression_after_systemic": QT_TRANSLATE_NOOP(
        "DataDictionary", "progression after systemic treatment"
    ),
    "r0_resectable": QT_TRANSLATE_NOOP(
        "DataDictionary", "whether the liver lesions are R0-resectable"
    ),
    "bilirubin_umol_l": QT_TRANSLATE_NOOP("DataDictionary", "bilirubin"),
    "bilirubin_value": QT_TRANSLATE_NOOP("DataDictionary", "bilirubin"),
    "bilirubin_unit": QT_TRANSLATE_NOOP("DataDictionary", "bilirubin unit"),
    "albumin_g_l": QT_TRANSLATE_NOOP("DataDictionary", "albumin"),
    "inr": QT_TRANSLATE_NOOP("DataDictionary", "INR"),
    "ascites": QT_TRANSLATE_NOOP("DataDictionary", "ascites"),
    "encephalopathy": QT_TRANSLATE_NOOP("DataDictionary", "encephalopathy"),
    "child_pugh_grade": QT_TRANSLATE_NOOP("DataDictionary", "Child-Pugh class"),
    "future_liver_remnant_pct": QT_TRANSLATE_NOOP("DataDictionary", "future liver remnant"),
    "prior_local_liver_therapy": QT_TRANSLATE_NOOP("DataDictionary", "prior local liver therapy"),
    "surgical_contraindication": QT_TRANSLATE_NOOP("DataDictionary", "contraindication to surgery"),
    "expected_survival_ge_6_months": QT_TRANSLATE_NOOP("DataDictionary", "expected survival"),
    "pregnant_or_lactating": QT_TRANSLATE_NOOP("DataDictionary", "pregnancy or breastfeeding"),
    "other_malignancy": QT_TRANSLATE_NOOP("DataDictionary", "other malignancy"),
    "severe_mental_illness": QT_TRANSLATE_NOOP("DataDictionary", "severe mental illness"),
    "understands_study": QT_TRANSLATE_NOOP(
        "DataDictionary", "whether the patient or family understands the study"
    ),
    "consent_signed": QT_TRANSLATE_NOOP("DataDictionary", "informed consent"),
}

_BOOL_FIELDS = (
    "nclm_confirmed",
    "primary_recurrence",
    "liver_oligometastasis",
    "progression_after_systemic",
    "r0_resectable",
    "prior_local_liver_therapy",
    "surgical_contraindication",
    "expected_survival_ge_6_months",
    "pregnant_or_lactating",
    "other_malignancy",
    "severe_mental_illness",
    "understands_study",
    "consent_signed",
)


@dataclass(frozen=True)
class ScreeningInput:
    """What the screener recorded; None means not recorded yet."""

    screening_date: date | None = None
    birth_date: date | None = None
    ecog: int | None = None
    nclm_confirmed: bool | None = None  # by pathology, or imaging with the clinical history
    metastatic_sites: frozenset[str] | None = None  # among METASTATIC_SITES
    primary_recurrence: bool | None = None
    liver_oligometastasis: bool | None = None
    response_outside_liver: str | None = None  # among RESPONSES
    progression_after_systemic: bool | None = None  # PD after treatment of primary and bone
    r0_resectable: bool | None = None
    bilirubin_umol_l: float | None = None
    albumin_g_l: float | None = None
    inr: float | None = None
    ascites: str | None = None
    encephalopathy: str | None = None
    child_pugh_grade: str | None = None  # when the class is recorded instead of the values
    future_liver_remnant_pct: float | None = None
    prior_local_liver_therapy: bool | None = None
    surgical_contraindication: bool | None = None
    expected_survival_ge_6_months: bool | None = None
    pregnant_or_lactating: bool | None = None
    other_malignancy: bool | None = None
    severe_mental_illness: bool | None = None
    understands_study: bool | None = None
    consent_signed: bool | None = None
    # Bilirubin as the laboratory reported it; Child-Pugh scores it in this unit (see liver).
    bilirubin_value: float | None = None
    bilirubin_unit: str | None = None

    def __post_init__(self) -> None:
        for name in ("screening_date", "birth_date"):
            if getattr(self, name) is not None:
                require_date(name, getattr(self, name))
        if (
            self.birth_date is not None
            and self.screening_date is not None
            and self.birth_date > self.screening_date
        ):
            raise ValueError(
                f"birth_date ({self.birth_date}) must be on or before "
                f"screening_date ({self.screening_date})"
            )
        if self.ecog is not None:
            require_int("ecog", self.ecog, ge=0, le=5)
        for name in _BOOL_FIELDS:
            if getattr(self, name) is not None:
                require_bool(name, getattr(self, name))
        if self.metastatic_sites is not None:
            sites = self.metastatic_sites
            if isinstance(sites, str) or not isinstance(sites, Iterable):
                raise ValueError(
                    f"metastatic_sites must be a set of sites (got {sites!r}); "
                    f"allowed: {', '.join(METASTATIC_SITES)}"
                )
            sites = frozenset(sites)
            for site in sorted(sites, key=str):
                require_choice("metastatic_sites", site, METASTATIC_SITES)
            object.__setattr__(self, "metastatic_sites", sites)  # normalise list/set input
        if self.response_outside_liver is not None:
            require_choice("response_outside_liver", self.response_outside_liver, RESPONSES)
        if self.bilirubin_value is not None:
            unit = normalise_bilirubin_unit(self.bilirubin_unit)
            object.__setattr__(self, "bilirubin_unit", unit)
            value = require_number("bilirubin_value", self.bilirubin_value, ge=0)
            canonical = value * BILIRUBIN_UMOL_L_PER_MG_DL if unit == "mg/dL" else value
            if self.bilirubin_umol_l is None:
                object.__setattr__(self, "bilirubin_umol_l", canonical)
            elif abs(self.bilirubin_umol_l - canonical) > 1e-6 * max(1.0, canonical):
                raise ValueError(
                    f"bilirubin_umol_l ({self.bilirubin_umol_l:g}) disagrees with "
                    f"bilirubin_value ({value:g} {unit})"
                )
        if self.bilirubin_umol_l is not None:
            require_number("bilirubin_umol_l", self.bilirubin_umol_l, ge=0)
        if self.albumin_g_l is not None:
            require_number("albumin_g_l", self.albumin_g_l, gt=0)
        if self.inr is not None:
            require_number("inr", self.inr, gt=0)
        if self.ascites is not None:
            require_choice("ascites", self.ascites, ASCITES_CHOICES)
        if self.encephalopathy is not None:
            require_choice("encephalopathy", self.encephalopathy, ENCEPHALOPATHY_CHOICES)
        if self.child_pugh_grade is not None:
            require_choice("child_pugh_grade", self.child_pugh_grade, CHILD_PUGH_CLASSES)
        if self.future_liver_remnant_pct is not None:
            require_number("future_liver_remnant_pct", self.future_liver_remnant_pct, ge=0, le=100)


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: str  # "inclusion" or "exclusion"
    text_en: str
    text_zh: str
    status: str  # "met", "failed" or "missing"
    reason: str


@dataclass(frozen=True)
class EligibilityResult:
    verdict: str  # "eligible", "not_eligible" or "incomplete"
    criteria: tuple[Criterion, ...]
    disease_pattern: int | None  # 1, 2 or 3 when inclusion 3 is met
    age_years: int | None
    child_pugh_points: int | None  # None when not computable (class recorded directly)
    child_pugh_grade: str | None
    protocol_version: str

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)


def age_in_years(birth: date, on: date) -> int:
    """Age in completed years on a date. Someone born on 29 February has their birthday
    on 1 March in non-leap years (the day before, they are still a year younger)."""
    require_date("birth", birth)
    require_date("on", on)
    if on < birth:
        raise ValueError(f"on ({on}) must be on or after birth ({birth})")
    # Comparing (month, day) pairs gives 1 March for 29 February in common years.
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))

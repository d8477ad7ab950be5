"""Screening: the study's inclusion and exclusion criteria (NCT05771025).

Each criterion comes out "met", "failed" or "missing" with a plain-English reason. For an
exclusion criterion "met" means the patient passes it (the exclusion does not apply) and
"failed" means it excludes the patient, so the verdict rule is the same for both kinds:
any failed → "not_eligible"; else any missing → "incomplete"; else "eligible".
A criterion is only "failed" when the recorded values already decide it, even if other
inputs are missing (e.g. Child-Pugh points that cannot be class A whatever the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date

from .liver import (
    ASCITES_CHOICES,
    ENCEPHALOPATHY_CHOICES,
    albumin_points,
    ascites_points,
    bilirubin_points,
    child_pugh,
    encephalopathy_points,
    inr_points,
    normalise_bilirubin_unit,
)
from .protocol import Protocol, load_protocol
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
    "liver": "liver",
    "bone": "bone",
    "lung": "lung",
    "distant_lymph_node": "distant lymph nodes",
    "other": "other site",
}
_RESPONSE_OK = ("CR", "PR", "SD")

# Plain words for "Not recorded: ..." reasons.
FIELD_LABELS = {
    "screening_date": "screening date",
    "birth_date": "birth date",
    "ecog": "ECOG performance status",
    "nclm_confirmed": "whether NCLM is confirmed",
    "metastatic_sites": "metastatic sites",
    "primary_recurrence": "whether the primary tumour has recurred",
    "liver_oligometastasis": "whether the liver disease is oligometastatic",
    "response_outside_liver": "response outside the liver",
    "progression_after_systemic": "progression after systemic treatment",
    "r0_resectable": "whether the liver lesions are R0-resectable",
    "bilirubin_umol_l": "bilirubin",
    "bilirubin_value": "bilirubin",
    "bilirubin_unit": "bilirubin unit",
    "albumin_g_l": "albumin",
    "inr": "INR",
    "ascites": "ascites",
    "encephalopathy": "encephalopathy",
    "child_pugh_grade": "Child-Pugh class",
    "future_liver_remnant_pct": "future liver remnant",
    "prior_local_liver_therapy": "prior local liver therapy",
    "surgical_contraindication": "contraindication to surgery",
    "expected_survival_ge_6_months": "expected survival",
    "pregnant_or_lactating": "pregnancy or breastfeeding",
    "other_malignancy": "other malignancy",
    "severe_mental_illness": "severe mental illness",
    "understands_study": "whether the patient or family understands the study",
    "consent_signed": "informed consent",
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


# --- tri-state helpers ----------------------------------------------------------------------

Status = tuple[str, str]  # (status, reason)


def _missing(*names: str) -> Status:
    unique = dict.fromkeys(names)  # keeps order, drops repeats
    return "missing", "Not recorded: " + ", ".join(FIELD_LABELS[n] for n in unique)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _flag(value: bool | None, name: str, met_if: bool, met: str, failed: str) -> Status:
    if value is None:
        return _missing(name)
    return ("met", met) if value == met_if else ("failed", failed)


def _and(conditions: Iterable[bool | None]) -> bool | None:
    values = list(conditions)
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


# --- criteria -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    s: ScreeningInput
    p: Protocol
    age: int | None
    cp_points: int | None
    cp_grade: str | None
    pattern: int | None


def _age(ctx: _Context) -> Status:
    s, e = ctx.s, ctx.p.eligibility
    if ctx.age is None:
        return _missing(*(n for n in ("birth_date", "screening_date") if getattr(s, n) is None))
    on = f"Age {ctx.age} on {s.screening_date.isoformat()}"
    if ctx.age < e.age_min_years:
        return "failed", f"{on} is below {e.age_min_years}"
    if ctx.age > e.age_max_years:
        return "failed", f"{on} is above {e.age_max_years}"
    return "met", f"{on} is within {e.age_min_years} to {e.age_max_years}"


def _ecog(ctx: _Context) -> Status:
    limit = ctx.p.eligibility.ecog_max
    if ctx.s.ecog is None:
        return _missing("ecog")
    if ctx.s.ecog > limit:
        return "failed", f"ECOG {ctx.s.ecog} is above {limit}"
    return "met", f"ECOG {ctx.s.ecog}; {limit} or less required"


def _nclm(ctx: _Context) -> Status:
    return _flag(
        ctx.s.nclm_confirmed,
        "nclm_confirmed",
        True,
        "NCLM confirmed by pathology, or by imaging with the clinical history",
        "NCLM not confirmed by pathology, or by imaging with the clinical history",
    )


def _sites_text(sites: Iterable[str]) -> str:
    return ", ".join(_SITE_LABELS[x] for x in METASTATIC_SITES if x in set(sites))


def _pattern_conditions(s: ScreeningInput) -> dict[int, list[tuple[bool | None, str, str]]]:
    """Each pattern's conditions as (value, field that decides it, reason if False)."""
    sites = s.metastatic_sites
    has = (lambda site: None) if sites is None else (lambda site: site in sites)
    no_recurrence = None if s.primary_recurrence is None else not s.primary_recurrence
    response = s.response_outside_liver
    response_ok = None if response is None else response in _RESPONSE_OK
    shown = "not assessable" if response == "not_applicable" else response
    response_why = f"the response outside the liver is {shown} (SD, PR or CR needed)"
    liver = (has("liver"), "metastatic_sites", "no liver metastasis is recorded")
    return {
        1: [
            (no_recurrence, "primary_recurrence", "the primary tumour has recurred"),
            liver,
            (
                None if sites is None else sites <= {"liver"},
                "metastatic_sites",
                "there are metastases outside the liver",
            ),
            (
                s.liver_oligometastasis,
                "liver_oligometastasis",
                "the liver disease is not oligometastatic",
            ),
        ],
        2: [
            (no_recurrence, "primary_recurrence", "the primary tumour has recurred"),
            liver,
            (has("bone"), "metastatic_sites", "there are no bone metastases"),
            (response_ok, "response_outside_liver", response_why),
        ],
        3: [
            (s.primary_recurrence, "primary_recurrence", "the primary tumour has not recurred"),
            liver,
            (response_ok, "response_outside_liver", response_why),
        ],
    }


def _matching_pattern(s: ScreeningInput) -> int | None:
    for number, conditions in _pattern_conditions(s).items():
        if _and(c[0] for c in conditions):
            return number
    return None


def _disease_pattern(ctx: _Context) -> Status:
    s = ctx.s
    if ctx.pattern is not None:
        response = s.response_outside_liver
        bone = " and bone" if s.metastatic_sites and "bone" in s.metastatic_sites else ""
        met = {
            1: "Pattern 1: no primary tumour recurrence, liver-only oligometastasis",
            2: (
                "Pattern 2: bone and liver metastases without primary tumour recurrence, "
                f"{response} outside the liver"
            ),
            3: (
                f"Pattern 3: primary tumour recurrence with liver{bone} metastases, "
                f"{response} outside the liver"
            ),
        }
        return "met", met[ctx.pattern]
    conditions = _pattern_conditions(s)
    undecided: list[str] = []
    why_not: list[str] = []
    for number, conds in conditions.items():
        first_false = next((c for c in conds if c[0] is False), None)
        if first_false is not None:
            why_not.append(f"pattern {number}: {first_false[2]}")
        else:
            undecided += [c[1] for c in conds if c[0] is None]
    if undecided:
        return _missing(*undecided)
    return "failed", "No disease pattern fits: " + "; ".join(why_not)


def _distant(ctx: _Context) -> Status:
    sites = ctx.s.metastatic_sites
    if sites is None:
        return _missing("metastatic_sites")
    outside = sites - {"liver", "bone"}
    if outside:
        return "failed", f"Metastasis outside liver and bone: {_sites_text(outside)}"
    if not sites:
        return "met", "No metastatic site recorded outside liver and bone"
    return "met", f"Metastases only in {_sites_text(sites).replace(', ', ' and ')}"


def _progression(ctx: _Context) -> Status:
    s = ctx.s
    if s.progression_after_systemic:
        return "failed", (
            "Disease progressed (PD) after systemic treatment of the primary tumour and bone "
            "metastases"
        )
    if s.response_outside_liver == "PD":
        return "failed", "Response outside the liver is progressive disease (PD)"
    if s.progression_after_systemic is None:
        return _missing("progression_after_systemic")
    return "met", "No progression after systemic treatment"


def _liver_function(ctx: _Context) -> Status:
    s, e = ctx.s, ctx.p.eligibility
    required = e.child_pugh_class
    failed: list[str] = []
    met: list[str] = []
    missing: list[str] = []

    if ctx.cp_grade is not None:
        points = f" ({ctx.cp_points} points)" if ctx.cp_points is not None else " (as recorded)"
        if CHILD_PUGH_CLASSES.index(ctx.cp_grade) > CHILD_PUGH_CLASSES.index(required):
            failed.append(f"Child-Pugh {ctx.cp_grade}{points}; class {required} required")
        else:
            met.append(f"Child-Pugh {ctx.cp_grade}{points}")
    else:
        lowest = _lowest_possible_points(s)
        if lowest > _CLASS_MAX_POINTS[required]:
            failed.append(
                f"Child-Pugh at least {lowest} points from the recorded values, worse than "
                f"class {required}; class {required} required"
            )
        else:
            missing += [
                n
                for n in ("bilirubin_umol_l", "albumin_g_l", "inr", "ascites", "encephalopathy")
                if getattr(s, n) is None
            ]

    flr, flr_min = s.future_liver_remnant_pct, e.future_liver_remnant_min_pct
    if flr is None:
        missing.append("future_liver_remnant_pct")
    elif flr < flr_min:
        failed.append(f"future liver remnant {flr:g} % is below {flr_min:g} %")
    else:
        met.append(f"future liver remnant {flr:g} % ({flr_min:g} % or more required)")

    if failed:
        return "failed", _sentence("; ".join(failed))
    if missing:
        return _missing(*missing)
    return "met", _sentence(" and ".join(met))


def _lowest_possible_points(s: ScreeningInput) -> int:
    """Child-Pugh total if every missing item scored its minimum of 1 point."""
    bili, unit = _reported_bilirubin(s)
    scorers: tuple[tuple[object, Callable[[object], int]], ...] = (
        (bili, lambda value: bilirubin_points(value, unit)),
        (s.albumin_g_l, albumin_points),
        (s.inr, inr_points),
        (s.ascites, ascites_points),
        (s.encephalopathy, encephalopathy_points),
    )
    return sum(1 if value is None else score(value) for value, score in scorers)


def _r0(ctx: _Context) -> Status:
    return _flag(
        ctx.s.r0_resectable,
        "r0_resectable",
        True,
        "Liver lesions judged R0-resectable",
        "Liver lesions cannot be removed by R0 resection",
    )


def _contraindication(ctx: _Context) -> Status:
    return _flag(
        ctx.s.surgical_contraindication,
        "surgical_contraindication",
        False,
        "No contraindication to surgery found",
        "Contraindication to surgery found",
    )


def _survival(ctx: _Context) -> Status:
    return _flag(
        ctx.s.expected_survival_ge_6_months,
        "expected_survival_ge_6_months",
        True,
        "Expected survival 6 months or more",
        "Expected survival under 6 months",
    )


def _consent(ctx: _Context) -> Status:
    return _flag(
        ctx.s.consent_signed,
        "consent_signed",
        True,
        "Informed consent signed",
        "Informed consent not signed",
    )


def _local_therapy(ctx: _Context) -> Status:
    return _flag(
        ctx.s.prior_local_liver_therapy,
        "prior_local_liver_therapy",
        False,
        "No prior local treatment of the liver metastases",
        "Liver metastases already treated locally (for example TACE or ablation)",
    )


def _pregnancy(ctx: _Context) -> Status:
    return _flag(
        ctx.s.pregnant_or_lactating,
        "pregnant_or_lactating",
        False,
        "Not pregnant or breastfeeding",
        "Pregnant or breastfeeding",
    )


def _malignancy_mental(ctx: _Context) -> Status:
    s = ctx.s
    present = [
        text
        for value, text in (
            (s.other_malignancy, "history of another malignant tumour"),
            (s.severe_mental_illness, "severe mental illness"),
        )
        if value
    ]
    if present:
        return "failed", _sentence(" and ".join(present))
    unknown = [n for n in ("other_malignancy", "severe_mental_illness") if getattr(s, n) is None]
    if unknown:
        return _missing(*unknown)
    return "met", "No other malignant tumour and no severe mental illness"


def _understanding(ctx: _Context) -> Status:
    return _flag(
        ctx.s.understands_study,
        "understands_study",
        True,
        "The patient or family understands the study",
        "The patient or family cannot understand the study",
    )


_EVALUATORS: dict[str, Callable[[_Context], Status]] = {
    "inc_nclm_confirmed": _nclm,
    "inc_ecog": _ecog,
    "inc_disease_pattern": _disease_pattern,
    "inc_r0": _r0,
    "inc_liver_function": _liver_function,
    "inc_no_contraindication": _contraindication,
    "inc_expected_survival": _survival,
    "inc_consent": _consent,
    "exc_age": _age,
    "exc_distant_metastasis": _distant,
    "exc_progression": _progression,
    "exc_local_liver_therapy": _local_therapy,
    "exc_pregnancy": _pregnancy,
    "exc_other_malignancy_mental": _malignancy_mental,
    "exc_understanding": _understanding,
}


def _reported_bilirubin(s: ScreeningInput) -> tuple[float | None, str]:
    """The bilirubin in the unit the laboratory reported (µmol/L when only that is known)."""
    if s.bilirubin_value is not None:
        return s.bilirubin_value, s.bilirubin_unit or "µmol/L"
    return s.bilirubin_umol_l, "µmol/L"


def _child_pugh(s: ScreeningInput) -> tuple[int | None, str | None]:
    values = (s.bilirubin_umol_l, s.albumin_g_l, s.inr, s.ascites, s.encephalopathy)
    if any(v is None for v in values):
        given = s.child_pugh_grade
        if given is not None and _lowest_possible_points(s) > _CLASS_MAX_POINTS[given]:
            raise ValueError(
                f"child_pugh_grade '{given}' disagrees with the recorded values, which give "
                f"at least {_lowest_possible_points(s)} points; correct one of them"
            )
        return None, given
    bili, unit = _reported_bilirubin(s)
    computed = child_pugh(bili, *values[1:], bilirubin_unit=unit)
    if s.child_pugh_grade is not None and s.child_pugh_grade != computed.grade:
        raise ValueError(
            f"child_pugh_grade '{s.child_pugh_grade}' disagrees with the recorded values, "
            f"which give class {computed.grade} ({computed.points} points); "
            "correct one of them or leave child_pugh_grade empty"
        )
    return computed.points, computed.grade


def evaluate_eligibility(
    screening: ScreeningInput, protocol: Protocol | None = None
) -> EligibilityResult:
    """Evaluate the NCT05771025 inclusion and exclusion criteria (criteria texts, age range,
    ECOG limit, Child-Pugh class and future-liver-remnant threshold from the protocol file).

    Age is in completed years on the screening date. Child-Pugh is computed from the five
    recorded values (Pugh 1973) or, if they are not all recorded, taken from
    ``child_pugh_grade``; if both are given they must agree.
    """
    if not isinstance(screening, ScreeningInput):
        raise ValueError(f"screening must be a ScreeningInput (got {type(screening).__name__})")
    protocol = protocol or load_protocol()
    s = screening
    age = (
        age_in_years(s.birth_date, s.screening_date)
        if s.birth_date is not None and s.screening_date is not None
        else None
    )
    cp_points, cp_grade = _child_pugh(s)
    ctx = _Context(s, protocol, age, cp_points, cp_grade, _matching_pattern(s))

    criteria = []
    for text in protocol.eligibility.criteria:
        status, reason = _EVALUATORS[text.id](ctx)
        criteria.append(Criterion(text.id, text.kind, text.text_en, text.text_zh, status, reason))

    statuses = {c.status for c in criteria}
    if "failed" in statuses:
        verdict = "not_eligible"
    elif "missing" in statuses:
        verdict = "incomplete"
    else:
        verdict = "eligible"
    return EligibilityResult(
        verdict=verdict,
        criteria=tuple(criteria),
        disease_pattern=ctx.pattern,
        age_years=age,
        child_pugh_points=cp_points,
        child_pugh_grade=cp_grade,
        protocol_version=protocol.version,
    )


SCREENING_FIELDS = tuple(f.name for f in fields(ScreeningInput))

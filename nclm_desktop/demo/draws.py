"""Random draws for the demo study: who is screened, why some fail, their baseline disease,
systemic treatment, cohort and the course of their disease after the index date.

Pure functions of a seeded ``random.Random`` and dates: no database. The distributions are
plausible for NPC liver metastases, not fitted to any data set: age ~48 (SD 10), 3/4 men,
pattern 1 (liver-only oligometastasis) the most common, median overall survival about five
years after hepatectomy and two years on systemic treatment only.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, replace

from ..clinical import age_in_years
from ..services.baseline import BaselineInput
from ..services.enrolment import IdentityInput, ScreeningData, SystemicLine, eligible_screening
from .people import RecordNumbers, address, mobile_phone, person_name

SCREEN_FAIL_RATE = 0.20
# Why screenings fail, with relative weights.
FAILURES: tuple[tuple[str, int], ...] = (
    ("age", 18),
    ("child_pugh_b", 12),
    ("extrahepatic", 22),
    ("progression", 12),
    ("not_r0", 12),
    ("flr", 6),
    ("local_therapy", 8),
    ("ecog", 5),
    ("other_malignancy", 3),
    ("no_consent", 2),
)
HISTOLOGY = (
    ("nonkeratinizing_undifferentiated", 88),
    ("nonkeratinizing_differentiated", 8),
    ("keratinizing_squamous", 3),
    ("basaloid_squamous", 1),
)
T_STAGES = (("T1", 10), ("T2", 20), ("T3", 40), ("T4", 30))
N_STAGES = (("N0", 8), ("N1", 30), ("N2", 40), ("N3", 22))
FIRST_LINE = (
    "GP (gemcitabine + cisplatin)",
    "TPF induction (docetaxel + cisplatin + 5-FU)",
    "TP (docetaxel + cisplatin)",
)
LIVER_REGIMENS = (
    "GP + toripalimab",
    "GP + camrelizumab",
    "GP + tislelizumab",
    "GP (gemcitabine + cisplatin)",
    "TP + toripalimab",
    "Capecitabine maintenance after GP",
)
DEATH_CAUSES = (
    ("disease progression", 70),
    ("liver failure due to progression", 8),
    ("infection", 6),
    ("cardiovascular", 4),
    ("treatment-related toxicity", 4),
    ("unknown", 8),
)
EXTRAHEPATIC_SITES = (
    ("lung", 40),
    ("bone", 30),
    ("distant lymph nodes", 20),
    ("peritoneum", 5),
    ("adrenal gland", 5),
)
LOCAL_SITES = ("nasopharynx", "cervical lymph nodes", "retropharyngeal lymph nodes")
# Reference median overall survival (months) for a patient with no risk factor.
OS_MEDIAN_MONTHS = {"hepatectomy": 66.0, "systemic": 32.0}
OS_SHAPE = 1.15
DAYS_PER_MONTH = 30.4375


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def days(n: float) -> dt.timedelta:
    return dt.timedelta(days=int(round(n)))


# --- the person and the screening ---------------------------------------------------------


@dataclass(frozen=True)
class Screened:
    identity: IdentityInput
    screening: ScreeningData
    baseline: BaselineInput
    failure: str | None  # key of FAILURES, None when eligible
    pattern: int  # 1, 2 or 3 (disease pattern drawn; failures may break it)


def _birth_date(rng: random.Random, on: dt.date, age: int) -> dt.date:
    birth = on - days(age * 365.25 + rng.uniform(0, 360))
    while age_in_years(birth, on) > age:  # leap-day rounding: stay inside the intended age
        birth += dt.timedelta(days=7)
    while age_in_years(birth, on) < age:
        birth -= dt.timedelta(days=7)
    return birth


def _labs(rng: random.Random) -> dict[str, object]:
    bili = round(rng.uniform(5.5, 24.0), 1)
    alb = round(rng.uniform(36.5, 48.5), 1)
    values: dict[str, object] = {
        "bilirubin_value": bili,
        "bilirubin_unit": "µmol/L",
        "albumin_value": alb,
        "albumin_unit": "g/L",
        "inr": round(rng.uniform(0.88, 1.18), 2),
    }
    if rng.random() < 0.08:  # some referral letters give conventional units
        values["bilirubin_value"] = round(bili / 17.1, 2)
        values["bilirubin_unit"] = "mg/dL"
    if rng.random() < 0.05:
        values["albumin_value"] = round(alb / 10, 2)
        values["albumin_unit"] = "g/dL"
    return values


def _pattern_fields(rng: random.Random, pattern: int) -> dict[str, object]:
    response = weighted(rng, (("SD", 35), ("PR", 50), ("CR", 15)))
    if pattern == 1:
        return {
            "metastatic_sites": frozenset({"liver"}),
            "primary_recurrence": False,
            "liver_oligometastasis": True,
            "response_outside_liver": "not_applicable",
        }
    if pattern == 2:
        return {
            "metastatic_sites": frozenset({"liver", "bone"}),
            "primary_recurrence": False,
            "liver_oligometastasis": rng.random() < 0.7,
            "response_outside_liver": response,
        }
    return {
        "metastatic_sites": frozenset({"liver", "bone"} if rng.random() < 0.3 else {"liver"}),
        "primary_recurrence": True,
        "liver_oligometastasis": rng.random() < 0.75,
        "response_outside_liver": response,
    }


def _fail(rng: random.Random, s: ScreeningData, failure: str) -> ScreeningData:
    """Changes that make the screening fail for ``failure`` (age is done on the birth date)."""
    if failure == "child_pugh_b":
        return replace(
            s,
            bilirubin_value=round(rng.uniform(35.0, 49.0), 1),
            bilirubin_unit="µmol/L",
            albumin_value=round(rng.uniform(28.5, 34.5), 1),
            albumin_unit="g/L",
            ascites="mild",
            notes="Child-Pugh B: ascites on CT, low albumin.",
        )
    if failure == "extrahepatic":
        extra = rng.choice((("lung",), ("distant_lymph_node",), ("lung", "distant_lymph_node")))
        return replace(
            s,
            metastatic_sites=frozenset(s.metastatic_sites or ()) | set(extra),
            notes="Extrahepatic metastases on PET-CT.",
        )
    if failure == "progression":
        return replace(
            s,
            progression_after_systemic=True,
            response_outside_liver="PD",
            metastatic_sites=frozenset({"liver", "bone"}),
            primary_recurrence=False,
            notes="New bone lesions after 4 cycles of GP.",
        )
    if failure == "not_r0":
        return replace(
            s,
            r0_resectable=False,
            liver_oligometastasis=False,
            notes="Bilobar disease involving the hepatic veins: R0 not achievable.",
        )
    if failure == "flr":
        return replace(
            s,
            future_liver_remnant_pct=float(rng.randint(16, 29)),
            notes="Future liver remnant too small on CT volumetry.",
        )
    if failure == "local_therapy":
        return replace(
            s,
            prior_local_liver_therapy=True,
            notes=rng.choice(("TACE twice at another hospital.", "RFA of a segment 6 lesion.")),
        )
    if failure == "ecog":
        return replace(s, ecog=3, notes="Bedridden more than half of the day.")
    if failure == "other_malignancy":
        return replace(s, other_malignancy=True, notes="Papillary thyroid carcinoma treated 2016.")
    if failure == "no_consent":
        return replace(s, consent_signed=False, notes="Declined to take part.")
    return s


def draw_screened(
    rng: random.Random,
    screening_date: dt.date,
    numbers: RecordNumbers,
    failure: str | None,
    segments: tuple[int, ...],
) -> Screened:
    """A patient screened on ``screening_date``: eligible unless ``failure`` is given.

    ``segments``: the Couinaud segments holding the liver metastases (from the resection
    the patient would get, so baseline and operation agree).
    """
    sex = "M" if rng.random() < 0.76 else "F"
    gauss_age = int(min(70, max(21, rng.gauss(48, 10))))
    age = rng.randint(71, 78) if failure == "age" else gauss_age
    birth = _birth_date(rng, screening_date, age)
    pattern = rng.choices((1, 2, 3), weights=(60, 22, 18))[0]
    ecog = rng.choices((0, 1, 2), weights=(45, 45, 10))[0]
    s = eligible_screening(
        screening_date,
        ecog=ecog,
        future_liver_remnant_pct=float(rng.randint(34, 82)),
        pregnant_or_lactating=False,
        **_pattern_fields(rng, pattern),
        **_labs(rng),
    )
    if failure:
        s = _fail(rng, s, failure)
    identity = IdentityInput(
        name=person_name(rng, sex),
        hospital_record_number=numbers.issue(rng, screening_date - days(rng.uniform(0, 400))),
        sex=sex,
        birth_date=birth,
        phone=mobile_phone(rng),
        address=address(rng),
    )
    return Screened(identity, s, draw_baseline(rng, s, pattern, segments), failure, pattern)


def draw_baseline(
    rng: random.Random, s: ScreeningData, pattern: int, segments: tuple[int, ...]
) -> BaselineInput:
    on = s.screening_date
    synchronous = rng.random() < 0.28
    interval = 0.0 if synchronous else min(120.0, rng.lognormvariate(math.log(22), 0.6))
    diagnosis = on - days(rng.uniform(10, 45) if synchronous else interval * DAYS_PER_MONTH)
    oligo = bool(s.liver_oligometastasis)
    count = (
        rng.choices((1, 2, 3, 4, 5), weights=(48, 30, 14, 5, 3))[0] if oligo else rng.randint(3, 8)
    )
    count = max(count, 1)
    ebv = 0.0 if rng.random() < 0.2 else float(round(10 ** rng.uniform(2.0, 5.4), -1))
    return BaselineInput(
        npc_diagnosis_date=diagnosis,
        who_histology=weighted(rng, HISTOLOGY),
        t_stage=weighted(rng, T_STAGES),
        n_stage=weighted(rng, N_STAGES),
        ebv_dna_copies_ml=ebv,
        ebv_dna_date=on - days(rng.uniform(0, 14)),
        liver_met_count=count,
        liver_met_largest_mm=float(round(min(150.0, rng.lognormvariate(math.log(32), 0.45)))),
        liver_met_segments=frozenset(segments),
        liver_met_timing="synchronous" if synchronous else "metachronous",
        metachronous_interval_months=None if synchronous else round(interval, 1),
    )


# --- cohort, consent and systemic treatment -----------------------------------------------


def choose_cohort(rng: random.Random, screened: Screened) -> str:
    """Hepatectomy for about 60 %: less likely with bone disease, many lesions, ECOG 2 or a
    recurred primary (the confounding the propensity score is there to correct)."""
    s, b = screened.screening, screened.baseline
    bone = "bone" in (s.metastatic_sites or ())
    logit = (
        1.2
        - 0.9 * bone
        - 0.6 * ((b.liver_met_count or 1) >= 3)
        - 0.7 * (s.ecog == 2)
        - 0.35 * bool(s.primary_recurrence)
        - 0.025 * (age_in_years(screened.identity.birth_date, s.screening_date) - 48)
    )
    return "hepatectomy" if rng.random() < 1 / (1 + math.exp(-logit)) else "systemic"


def draw_lines(
    rng: random.Random, screened: Screened, cohort: str, index_date: dt.date | None
) -> tuple[SystemicLine, ...]:
    """Prior lines (response matching the screening) and, for the systemic-only cohort, the
    line for the liver metastases that starts on the index date."""
    s, b = screened.screening, screened.baseline
    lines: list[SystemicLine] = []
    start = (b.npc_diagnosis_date or s.screening_date) + days(rng.uniform(7, 21))
    prior = s.response_outside_liver not in (None, "not_applicable") or rng.random() < 0.45
    if prior and start + days(120) < s.screening_date - days(14):
        end = start + days(rng.uniform(60, 110))
        response = s.response_outside_liver
        if response not in ("CR", "PR", "SD", "PD"):
            response = weighted(rng, (("PR", 55), ("CR", 20), ("SD", 25)))
        lines.append(SystemicLine(1, rng.choice(FIRST_LINE), start, end, response))
    if cohort == "systemic":
        assert index_date is not None
        lines.append(
            SystemicLine(
                len(lines) + 1,
                rng.choice(LIVER_REGIMENS),
                index_date,
                None,
                None,
                for_liver_metastases=True,
            )
        )
    return tuple(lines)


# --- the course after the index date ------------------------------------------------------


@dataclass(frozen=True)
class Course:
    """What will happen, in days after the index date (None: not within 10 years)."""

    death: int | None
    death_cause: str
    intrahepatic: int | None  # hepatectomy group only
    extrahepatic: int | None
    extrahepatic_site: str
    local_regional: int | None
    local_site: str
    withdrawal: int | None
    lost: int | None  # lost to follow-up from this day


def _hazard_ratio(screened: Screened) -> float:
    s, b = screened.screening, screened.baseline
    hr = 1.0
    hr *= {0: 1.0, 1: 1.2, 2: 1.7}.get(s.ecog or 0, 1.7)
    hr *= 1.45 if "bone" in (s.metastatic_sites or ()) else 1.0
    hr *= 1.3 if s.primary_recurrence else 1.0
    hr *= 1.3 if (b.liver_met_count or 1) >= 3 else 1.0
    hr *= 1.2 if (b.liver_met_largest_mm or 0) > 50 else 1.0
    hr *= 1.35 if (b.ebv_dna_copies_ml or 0) > 4000 else 1.0
    age = age_in_years(screened.identity.birth_date, s.screening_date)
    hr *= 1.2 if age >= 60 else 1.0
    return hr


def _weibull_days(rng: random.Random, median_months: float, hr: float, shape: float) -> int:
    scale = median_months / math.log(2) ** (1 / shape)
    u = 1.0 - rng.random()
    months = scale * (-math.log(u) / hr) ** (1 / shape)
    return max(1, int(months * DAYS_PER_MONTH))


def draw_course(rng: random.Random, screened: Screened, cohort: str) -> Course:
    hr = _hazard_ratio(screened)
    death = _weibull_days(rng, OS_MEDIAN_MONTHS[cohort], hr, OS_SHAPE)
    intrahepatic = None
    if cohort == "hepatectomy" and rng.random() < 0.58:  # the rest never recur in the liver
        intrahepatic = _weibull_days(rng, 9.0, 1.0, 1.1)
    extrahepatic = (
        _weibull_days(rng, 11.0, 1.0, 1.1)
        if rng.random() < (0.35 if cohort == "hepatectomy" else 0.45)
        else None
    )
    local = _weibull_days(rng, 14.0, 1.0, 1.0) if rng.random() < 0.06 else None

    def before_death(day: int | None) -> int | None:
        return day if day is not None and day < death - 14 else None

    roll = rng.random()
    withdrawal = rng.randint(40, 900) if roll < 0.015 else None
    lost = rng.randint(60, 1100) if 0.015 <= roll < 0.04 else None
    return Course(
        death=death if death < 3650 else None,
        death_cause=weighted(rng, DEATH_CAUSES),
        intrahepatic=before_death(intrahepatic),
        extrahepatic=before_death(extrahepatic),
        extrahepatic_site=weighted(rng, EXTRAHEPATIC_SITES),
        local_regional=before_death(local),
        local_site=rng.choice(LOCAL_SITES),
        withdrawal=withdrawal,
        lost=lost,
    )

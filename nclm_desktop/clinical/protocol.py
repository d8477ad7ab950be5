"""The study protocol as data: criteria texts, schedule, windows and thresholds.

The protocol lives in a versioned JSON file under ``nclm_desktop/resources/protocol/`` so that a
protocol amendment is a new file, not a code change. ``Protocol.from_dict`` checks every key and
raises ValueError naming the bad one; ``load_protocol`` is the only I/O in ``clinical/``.

Published scoring rules (Child-Pugh, ALBI, Clavien-Dindo, CCI, ISGLS, RECIST) are not study
settings and stay in code next to their citations. The one exception is the Child-Pugh
bilirubin cut-offs, kept here in both laboratory units (mg/dL as published, µmol/L as their
rounded conversion) so that a value is scored in the unit the laboratory reported it in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .units import BILIRUBIN_UMOL_L_PER_MG_DL
from .validation import require_choice, require_int, require_number

DEFAULT_PROTOCOL = "nclm-protocol-v1"
SUPPORTED_FORMAT = 1

# Every criterion the eligibility engine can evaluate, with its kind. A protocol file must
# give a text for each of these and no others, so no criterion is silently left unchecked.
CRITERION_KINDS: Mapping[str, str] = {
    "inc_nclm_confirmed": "inclusion",
    "inc_ecog": "inclusion",
    "inc_disease_pattern": "inclusion",
    "inc_r0": "inclusion",
    "inc_liver_function": "inclusion",
    "inc_no_contraindication": "inclusion",
    "inc_expected_survival": "inclusion",
    "inc_consent": "inclusion",
    "exc_age": "exclusion",
    "exc_distant_metastasis": "exclusion",
    "exc_progression": "exclusion",
    "exc_local_liver_therapy": "exclusion",
    "exc_pregnancy": "exclusion",
    "exc_other_malignancy_mental": "exclusion",
    "exc_understanding": "exclusion",
}


@dataclass(frozen=True)
class StudyInfo:
    registration: str
    title_en: str
    title_zh: str
    source: str


@dataclass(frozen=True)
class CriterionText:
    id: str
    kind: str  # "inclusion" or "exclusion"
    text_en: str
    text_zh: str


@dataclass(frozen=True)
class EligibilitySettings:
    age_min_years: int
    age_max_years: int
    ecog_max: int
    child_pugh_class: str
    future_liver_remnant_min_pct: float
    criteria: tuple[CriterionText, ...]

    def criterion(self, criterion_id: str) -> CriterionText:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class ResectionSettings:
    major_min_segments: int


@dataclass(frozen=True)
class AssessmentSpec:
    code: str
    label_en: str
    label_zh: str
    every_months: int | None  # None: at every visit; N: at visits whose month is a multiple of N


@dataclass(frozen=True)
class VisitSpec:
    code: str
    month: int
    window_days: int


@dataclass(frozen=True)
class ScheduleSettings:
    assessments: tuple[AssessmentSpec, ...]
    visits: tuple[VisitSpec, ...]

    def assessments_for_month(self, month: int) -> tuple[str, ...]:
        return tuple(
            a.code
            for a in self.assessments
            if a.every_months is None or month % a.every_months == 0
        )

    def assessment(self, code: str) -> AssessmentSpec:
        for a in self.assessments:
            if a.code == code:
                return a
        raise KeyError(code)


@dataclass(frozen=True)
class EndpointSettings:
    horizon_months: int
    morbidity_days: int
    mortality_days: int
    mortality_days_secondary: int


@dataclass(frozen=True)
class ChildPughSettings:
    """Bilirubin cut-offs per unit: (low, high); < low 1 point, low..high 2, > high 3."""

    source: str
    bilirubin_cutoffs: tuple[tuple[str, float, float], ...]  # (unit, low, high)

    def bilirubin(self, unit: str) -> tuple[float, float]:
        for name, low, high in self.bilirubin_cutoffs:
            if name == unit:
                return low, high
        raise ValueError(
            f"bilirubin unit must be one of {', '.join(u for u, _, _ in self.bilirubin_cutoffs)}"
            f" (got {unit!r})"
        )


@dataclass(frozen=True)
class Protocol:
    name: str
    version: str
    study: StudyInfo
    eligibility: EligibilitySettings
    resection: ResectionSettings
    schedule: ScheduleSettings
    endpoints: EndpointSettings
    child_pugh: ChildPughSettings

    @classmethod
    def from_dict(cls, data: Any) -> Protocol:
        """Build a Protocol from parsed JSON, raising ValueError naming the first bad key."""
        top = _section(
            data,
            "",
            (
                "format",
                "name",
                "version",
                "study",
                "eligibility",
                "resection",
                "schedule",
                "endpoints",
                "child_pugh",
            ),
        )
        fmt = _int(top, "", "format", ge=1)
        if fmt != SUPPORTED_FORMAT:
            raise ValueError(
                f"protocol key 'format' must be {SUPPORTED_FORMAT} (got {fmt}); "
                "this protocol file needs a newer version of the app"
            )
        return cls(
            name=_text(top, "", "name"),
            version=_text(top, "", "version"),
            study=_study(top["study"]),
            eligibility=_eligibility(top["eligibility"]),
            resection=_resection(top["resection"]),
            schedule=_schedule(top["schedule"]),
            endpoints=_endpoints(top["endpoints"]),
            child_pugh=_child_pugh(top["child_pugh"]),
        )


# --- validation helpers -------------------------------------------------------------------


def _key(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _section(data: Any, path: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    where = f"protocol key '{path}'" if path else "the protocol"
    if not isinstance(data, Mapping):
        raise ValueError(f"{where} must be a JSON object (got {type(data).__name__})")
    for k in keys:
        if k not in data:
            raise ValueError(f"protocol key '{_key(path, k)}' is missing")
    # Unknown keys are refused: a misspelt threshold must not be silently ignored.
    for k in data:
        if k not in keys:
            allowed = ", ".join(keys)
            raise ValueError(
                f"protocol key '{_key(path, k)}' is not recognised; allowed here: {allowed}"
            )
    return data


def _text(data: Mapping[str, Any], path: str, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"protocol key '{_key(path, key)}' must be non-empty text (got {value!r})")
    return value


def _int(
    data: Mapping[str, Any], path: str, key: str, *, ge: int | None = None, le: int | None = None
) -> int:
    return require_int(f"protocol key '{_key(path, key)}'", data[key], ge=ge, le=le)


def _list(data: Mapping[str, Any], path: str, key: str) -> list[Any]:
    value = data[key]
    if not isinstance(value, list) or not value:
        raise ValueError(f"protocol key '{_key(path, key)}' must be a non-empty list")
    return value


def _study(data: Any) -> StudyInfo:
    s = _section(data, "study", ("registration", "title_en", "title_zh", "source"))
    return StudyInfo(**{k: _text(s, "study", k) for k in s})


def _eligibility(data: Any) -> EligibilitySettings:
    path = "eligibility"
    e = _section(
        data,
        path,
        (
            "age_min_years",
            "age_max_years",
            "ecog_max",
            "child_pugh_class",
            "future_liver_remnant_min_pct",
            "criteria",
        ),
    )
    age_min = _int(e, path, "age_min_years", ge=0, le=120)
    age_max = _int(e, path, "age_max_years", ge=age_min, le=120)
    criteria: list[CriterionText] = []
    seen: set[str] = set()
    for i, raw in enumerate(_list(e, path, "criteria")):
        cpath = _key(_key(path, "criteria"), i)
        c = _section(raw, cpath, ("id", "kind", "text_en", "text_zh"))
        cid = require_choice(f"protocol key '{cpath}.id'", c["id"], CRITERION_KINDS)
        if cid in seen:
            raise ValueError(f"protocol key '{cpath}.id' repeats criterion '{cid}'")
        seen.add(cid)
        kind = require_choice(f"protocol key '{cpath}.kind'", c["kind"], ("inclusion", "exclusion"))
        if kind != CRITERION_KINDS[cid]:
            raise ValueError(
                f"protocol key '{cpath}.kind' must be '{CRITERION_KINDS[cid]}' for '{cid}' "
                f"(got '{kind}')"
            )
        criteria.append(
            CriterionText(cid, kind, _text(c, cpath, "text_en"), _text(c, cpath, "text_zh"))
        )
    missing = [cid for cid in CRITERION_KINDS if cid not in seen]
    if missing:
        raise ValueError(
            f"protocol key '{path}.criteria' is missing criteria: {', '.join(missing)}"
        )
    return EligibilitySettings(
        age_min_years=age_min,
        age_max_years=age_max,
        ecog_max=_int(e, path, "ecog_max", ge=0, le=5),
        child_pugh_class=require_choice(
            f"protocol key '{path}.child_pugh_class'", e["child_pugh_class"], ("A", "B", "C")
        ),
        future_liver_remnant_min_pct=require_number(
            f"protocol key '{path}.future_liver_remnant_min_pct'",
            e["future_liver_remnant_min_pct"],
            ge=0,
            le=100,
        ),
        criteria=tuple(criteria),
    )


def _resection(data: Any) -> ResectionSettings:
    r = _section(data, "resection", ("major_min_segments",))
    return ResectionSettings(_int(r, "resection", "major_min_segments", ge=1, le=8))


def _schedule(data: Any) -> ScheduleSettings:
    path = "schedule"
    s = _section(data, path, ("assessments", "visits"))
    assessments: list[AssessmentSpec] = []
    for i, raw in enumerate(_list(s, path, "assessments")):
        apath = _key(_key(path, "assessments"), i)
        a = _section(raw, apath, ("code", "label_en", "label_zh", "every_months"))
        code = _text(a, apath, "code")
        if code in {x.code for x in assessments}:
            raise ValueError(f"protocol key '{apath}.code' repeats assessment '{code}'")
        every = a["every_months"]
        if every is not None:
            every = _int(a, apath, "every_months", ge=1)
        assessments.append(
            AssessmentSpec(code, _text(a, apath, "label_en"), _text(a, apath, "label_zh"), every)
        )

    visits: list[VisitSpec] = []
    for i, raw in enumerate(_list(s, path, "visits")):
        vpath = _key(_key(path, "visits"), i)
        v = _section(raw, vpath, ("code", "month", "window_days"))
        code = _text(v, vpath, "code")
        if code in {x.code for x in visits}:
            raise ValueError(f"protocol key '{vpath}.code' repeats visit '{code}'")
        month = _int(v, vpath, "month", ge=1)
        window = _int(v, vpath, "window_days", ge=0)
        if visits:
            prev = visits[-1]
            if month <= prev.month:
                raise ValueError(
                    f"protocol key '{vpath}.month' must be after the previous visit's month "
                    f"{prev.month} (got {month})"
                )
            # N calendar months after any anchor are at least 28*N - 3 days apart (month-end
            # clamping loses at most 3 days), so this bound keeps windows apart for every anchor.
            min_gap = 28 * (month - prev.month) - 3
            if prev.window_days + window >= min_gap:
                raise ValueError(
                    f"protocol key '{vpath}.window_days' makes the windows of {prev.code} and "
                    f"{code} overlap; their window_days must add up to less than {min_gap}"
                )
        visits.append(VisitSpec(code, month, window))
    return ScheduleSettings(tuple(assessments), tuple(visits))


def _endpoints(data: Any) -> EndpointSettings:
    path = "endpoints"
    e = _section(
        data,
        path,
        ("horizon_months", "morbidity_days", "mortality_days", "mortality_days_secondary"),
    )
    return EndpointSettings(**{k: _int(e, path, k, ge=1) for k in e})


BILIRUBIN_UNITS = ("mg/dL", "µmol/L")
_CONVERSION_TOLERANCE_UMOL_L = 1.0  # the µmol/L cut-offs are rounded conversions


def _child_pugh(data: Any) -> ChildPughSettings:
    path = "child_pugh"
    c = _section(data, path, ("source", "bilirubin"))
    bpath = _key(path, "bilirubin")
    b = _section(c["bilirubin"], bpath, BILIRUBIN_UNITS)
    cutoffs: dict[str, tuple[float, float]] = {}
    for unit in BILIRUBIN_UNITS:
        upath = _key(bpath, unit)
        pair = b[unit]
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError(f"protocol key '{upath}' must be a list [low, high]")
        low = require_number(f"protocol key '{upath}[0]'", pair[0], gt=0)
        high = require_number(f"protocol key '{upath}[1]'", pair[1], gt=low)
        cutoffs[unit] = (float(low), float(high))
    for published, converted in zip(cutoffs["mg/dL"], cutoffs["µmol/L"], strict=True):
        expected = published * BILIRUBIN_UMOL_L_PER_MG_DL
        if abs(expected - converted) > _CONVERSION_TOLERANCE_UMOL_L:
            raise ValueError(
                f"protocol key '{bpath}.µmol/L' must be the mg/dL cut-offs converted "
                f"(× {BILIRUBIN_UMOL_L_PER_MG_DL}): {converted:g} is not {expected:.1f} ± "
                f"{_CONVERSION_TOLERANCE_UMOL_L:g}"
            )
    return ChildPughSettings(
        _text(c, path, "source"), tuple((u, *cutoffs[u]) for u in BILIRUBIN_UNITS)
    )


# --- loading ------------------------------------------------------------------------------

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def load_protocol(name: str | None = None) -> Protocol:
    """Return the packaged protocol ``name`` (default: the current one), read once and cached."""
    if name is None:
        name = DEFAULT_PROTOCOL
    if not isinstance(name, str) or not _NAME.match(name.removesuffix(".json")):
        raise ValueError(
            f"protocol name must be lower-case letters, digits, '.', '-' or '_' (got {name!r})"
        )
    name = name.removesuffix(".json")
    return _read_protocol(name)


@lru_cache(maxsize=8)
def _read_protocol(name: str) -> Protocol:
    folder = files("nclm_desktop") / "resources" / "protocol"
    resource = folder / f"{name}.json"
    if not resource.is_file():
        available = sorted(
            p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
        )
        raise ValueError(
            f"protocol '{name}' is not packaged with the app; available: {', '.join(available)}"
        )
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"protocol '{name}' is not valid JSON: {exc}") from exc
    protocol = Protocol.from_dict(data)
    if protocol.name != name:
        raise ValueError(
            f"protocol key 'name' must match the file name '{name}' (got '{protocol.name}')"
        )
    return protocol

"""Screening: the study's inclusion and exclusion criteria (NCT05771025).

Each criterion comes out "met", "failed" or "missing" with a plain-English reason, a marked
sentence (``Said``) that the interface shows in the user's language. For an
exclusion criterion "met" means the patient passes it (the exclusion does not apply) and
"failed" means it excludes the patient, so the verdict rule is the same for both kinds:
any failed → "not_eligible"; else any missing → "incomplete"; else "eligible".
A criterion is only "failed" when the recorded values already decide it, even if other
inputs are missing (e.g. Child-Pugh points that cannot be class A whatever the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from .liver import (
    albumin_points,
    ascites_points,
    bilirubin_points,
    child_pugh,
    encephalopathy_points,
    inr_points,
)
from .protocol import Protocol, load_protocol
from .screening_input import (
    _CLASS_MAX_POINTS,
    _RESPONSE_OK,
    _SITE_LABELS,
    CHILD_PUGH_CLASSES,
    FIELD_LABELS,
    METASTATIC_SITES,
    Criterion,
    EligibilityResult,
    ScreeningInput,
    age_in_years,
)
from .text_marks import (
    AND,
    COMMA,
    QT_TRANSLATE_NOOP,
    SEMICOLON,
    Said,
    Term,
    capitalised,
    joined,
    said,
)

# --- tri-state helpers ----------------------------------------------------------------------

Status = tuple[str, Said]  # (status, reason)
NOT_ASSESSABLE = QT_TRANSLATE_NOOP("DataDictionary", "not assessable")


def reasons_text(reasons: Iterable[Said]) -> Said:
    """Several criteria's reasons as one sentence ("...; ..."), translated alike."""
    return joined(list(reasons), SEMICOLON)


def _missing(*names: str) -> Status:
    unique = dict.fromkeys(names)  # keeps order, drops repeats
    labels = [Term(FIELD_LABELS[n]) for n in unique]
    return "missing", said(
        QT_TRANSLATE_NOOP("DataDictionary", "Not recorded: {fields}"),
        fields=joined(labels, COMMA),
    )


def _flag(value: bool | None, name: str, met_if: bool, met: str, failed: str) -> Status:
    if value is None:
        return _missing(name)
    return ("met", said(met)) if value == met_if else ("failed", said(failed))


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
    on = {"age": ctx.age, "date": s.screening_date.isoformat()}
    if ctx.age < e.age_min_years:
        below = QT_TRANSLATE_NOOP("DataDictionary", "Age {age} on {date} is below {limit}")
        return "failed", said(below, **on, limit=e.age_min_years)
    if ctx.age > e.age_max_years:
        above = QT_TRANSLATE_NOOP("DataDictionary", "Age {age} on {date} is above {limit}")
        return "failed", said(above, **on, limit=e.age_max_years)
    within = QT_TRANSLATE_NOOP("DataDictionary", "Age {age} on {date} is within {low} to {high}")
    return "met", said(within, **on, low=e.age_min_years, high=e.age_max_years)


def _ecog(ctx: _Context) -> Status:
    limit = ctx.p.eligibility.ecog_max
    if ctx.s.ecog is None:
        return _missing("ecog")
    if ctx.s.ecog > limit:
        above = QT_TRANSLATE_NOOP("DataDictionary", "ECOG {ecog} is above {limit}")
        return "failed", said(above, ecog=ctx.s.ecog, limit=limit)
    within = QT_TRANSLATE_NOOP("DataDictionary", "ECOG {ecog}; {limit} or less required")
    return "met", said(within, ecog=ctx.s.ecog, limit=limit)


def _nclm(ctx: _Context) -> Status:
    return _flag(
        ctx.s.nclm_confirmed,
        "nclm_confirmed",
        True,
        QT_TRANSLATE_NOOP(
            "DataDictionary",
            "NCLM confirmed by pathology, or by imaging with the clinical history",
        ),
        QT_TRANSLATE_NOOP(
            "DataDictionary",
            "NCLM not confirmed by pathology, or by imaging with the clinical history",
        ),
    )


def _sites(sites: Iterable[str], how: str) -> Said:
    chosen = set(sites)
    return joined([Term(_SITE_LABELS[x]) for x in METASTATIC_SITES if x in chosen], how)


def _pattern_conditions(s: ScreeningInput) -> dict[int, list[tuple[bool | None, str, str]]]:
    """Each pattern's conditions as (value, field that decides it, reason if False)."""
    sites = s.metastatic_sites
    has = (lambda site: None) if sites is None else (lambda site: site in sites)
    no_recurrence = None if s.primary_recurrence is None else not s.primary_recurrence
    response = s.response_outside_liver
    response_ok = None if response is None else response in _RESPONSE_OK
    response_why = said(
        QT_TRANSLATE_NOOP(
            "DataDictionary", "the response outside the liver is {response} (SD, PR or CR needed)"
        ),
        response=(Term(NOT_ASSESSABLE) if response == "not_applicable" else response),
    )
    recurred = QT_TRANSLATE_NOOP("DataDictionary", "the primary tumour has recurred")
    liver = (
        has("liver"),
        "metastatic_sites",
        QT_TRANSLATE_NOOP("DataDictionary", "no liver metastasis is recorded"),
    )
    return {
        1: [
            (no_recurrence, "primary_recurrence", recurred),
            liver,
            (
                None if sites is None else sites <= {"liver"},
                "metastatic_sites",
                QT_TRANSLATE_NOOP("DataDictionary", "there are metastases outside the liver"),
            ),
            (
                s.liver_oligometastasis,
                "liver_oligometastasis",
                QT_TRANSLATE_NOOP("DataDictionary", "the liver disease is not oligometastatic"),
            ),
        ],
        2: [
            (no_recurrence, "primary_recurrence", recurred),
            liver,
            (
                has("bone"),
                "metastatic_sites",
                QT_TRANSLATE_NOOP("DataDictionary", "there are no bone metastases"),
            ),
            (response_ok, "response_outside_liver", response_why),
        ],
        3: [
            (
                s.primary_recurrence,
                "primary_recurrence",
                QT_TRANSLATE_NOOP("DataDictionary", "the primary tumour has not recurred"),
            ),
            liver,
            (response_ok, "response_outside_liver", response_why),
        ],
    }


def _matching_pattern(s: ScreeningInput) -> int | None:
    for number, conditions in _pattern_conditions(s).items():
        if _and(c[0] for c in conditions):
            return number
    return None


_PATTERN_MET = {
    1: QT_TRANSLATE_NOOP(
        "DataDictionary", "Pattern 1: no primary tumour recurrence, liver-only oligometastasis"
    ),
    2: QT_TRANSLATE_NOOP(
        "DataDictionary",
        "Pattern 2: bone and liver metastases without primary tumour recurrence, "
        "{response} outside the liver",
    ),
    3: QT_TRANSLATE_NOOP(
        "DataDictionary",
        "Pattern 3: primary tumour recurrence with liver metastases, {response} outside the liver",
    ),
}
_PATTERN_3_BONE = QT_TRANSLATE_NOOP(
    "DataDictionary",
    "Pattern 3: primary tumour recurrence with liver and bone metastases, "
    "{response} outside the liver",
)


def _disease_pattern(ctx: _Context) -> Status:
    s = ctx.s
    if ctx.pattern is not None:
        template = _PATTERN_MET[ctx.pattern]
        if ctx.pattern == 3 and s.metastatic_sites and "bone" in s.metastatic_sites:
            template = _PATTERN_3_BONE
        return "met", said(template, response=s.response_outside_liver)
    conditions = _pattern_conditions(s)
    undecided: list[str] = []
    why_not: list[Said] = []
    for number, conds in conditions.items():
        first_false = next((c for c in conds if c[0] is False), None)
        if first_false is not None:
            why = first_false[2]
            why_not.append(
                said(
                    QT_TRANSLATE_NOOP("DataDictionary", "pattern {number}: {why}"),
                    number=number,
                    why=why if isinstance(why, Said) else said(why),
                )
            )
        else:
            undecided += [c[1] for c in conds if c[0] is None]
    if undecided:
        return _missing(*undecided)
    return "failed", said(
        QT_TRANSLATE_NOOP("DataDictionary", "No disease pattern fits: {reasons}"),
        reasons=joined(why_not, SEMICOLON),
    )


def _distant(ctx: _Context) -> Status:
    sites = ctx.s.metastatic_sites
    if sites is None:
        return _missing("metastatic_sites")
    outside = sites - {"liver", "bone"}
    if outside:
        return "failed", said(
            QT_TRANSLATE_NOOP("DataDictionary", "Metastasis outside liver and bone: {sites}"),
            sites=_sites(outside, COMMA),
        )
    if not sites:
        return "met", said(
            QT_TRANSLATE_NOOP(
                "DataDictionary", "No metastatic site recorded outside liver and bone"
            )
        )
    return "met", said(
        QT_TRANSLATE_NOOP("DataDictionary", "Metastases only in {sites}"),
        sites=_sites(sites, AND),
    )


def _progression(ctx: _Context) -> Status:
    s = ctx.s
    if s.progression_after_systemic:
        return "failed", said(
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Disease progressed (PD) after systemic treatment of the primary tumour and "
                "bone metastases",
            )
        )
    if s.response_outside_liver == "PD":
        return "failed", said(
            QT_TRANSLATE_NOOP(
                "DataDictionary", "Response outside the liver is progressive disease (PD)"
            )
        )
    if s.progression_after_systemic is None:
        return _missing("progression_after_systemic")
    return "met", said(
        QT_TRANSLATE_NOOP("DataDictionary", "No progression after systemic treatment")
    )


def _liver_function(ctx: _Context) -> Status:
    s, e = ctx.s, ctx.p.eligibility
    required = e.child_pugh_class
    failed: list[Said] = []
    met: list[Said] = []
    missing: list[str] = []

    if ctx.cp_grade is not None:
        if ctx.cp_points is not None:
            grade = said(
                QT_TRANSLATE_NOOP("DataDictionary", "Child-Pugh {grade} ({points} points)"),
                grade=ctx.cp_grade,
                points=ctx.cp_points,
            )
        else:
            grade = said(
                QT_TRANSLATE_NOOP("DataDictionary", "Child-Pugh {grade} (as recorded)"),
                grade=ctx.cp_grade,
            )
        if CHILD_PUGH_CLASSES.index(ctx.cp_grade) > CHILD_PUGH_CLASSES.index(required):
            failed.append(
                said(
                    QT_TRANSLATE_NOOP("DataDictionary", "{grade}; class {required} required"),
                    grade=grade,
                    required=required,
                )
            )
        else:
            met.append(grade)
    else:
        lowest = _lowest_possible_points(s)
        if lowest > _CLASS_MAX_POINTS[required]:
            failed.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "DataDictionary",
                        "Child-Pugh at least {points} points from the recorded values, worse "
                        "than class {required}; class {required} required",
                    ),
                    points=lowest,
                    required=required,
                )
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
        failed.append(
            said(
                QT_TRANSLATE_NOOP(
                    "DataDictionary", "future liver remnant {flr} % is below {min} %"
                ),
                flr=f"{flr:g}",
                min=f"{flr_min:g}",
            )
        )
    else:
        met.append(
            said(
                QT_TRANSLATE_NOOP(
                    "DataDictionary", "future liver remnant {flr} % ({min} % or more required)"
                ),
                flr=f"{flr:g}",
                min=f"{flr_min:g}",
            )
        )

    if failed:
        return "failed", capitalised(joined(failed, SEMICOLON))
    if missing:
        return _missing(*missing)
    return "met", capitalised(joined(met, AND))


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
        QT_TRANSLATE_NOOP("DataDictionary", "Liver lesions judged R0-resectable"),
        QT_TRANSLATE_NOOP("DataDictionary", "Liver lesions cannot be removed by R0 resection"),
    )


def _contraindication(ctx: _Context) -> Status:
    return _flag(
        ctx.s.surgical_contraindication,
        "surgical_contraindication",
        False,
        QT_TRANSLATE_NOOP("DataDictionary", "No contraindication to surgery found"),
        QT_TRANSLATE_NOOP("DataDictionary", "Contraindication to surgery found"),
    )


def _survival(ctx: _Context) -> Status:
    return _flag(
        ctx.s.expected_survival_ge_6_months,
        "expected_survival_ge_6_months",
        True,
        QT_TRANSLATE_NOOP("DataDictionary", "Expected survival 6 months or more"),
        QT_TRANSLATE_NOOP("DataDictionary", "Expected survival under 6 months"),
    )


def _consent(ctx: _Context) -> Status:
    return _flag(
        ctx.s.consent_signed,
        "consent_signed",
        True,
        QT_TRANSLATE_NOOP("DataDictionary", "Informed consent signed"),
        QT_TRANSLATE_NOOP("DataDictionary", "Informed consent not signed"),
    )


def _local_therapy(ctx: _Context) -> Status:
    return _flag(
        ctx.s.prior_local_liver_therapy,
        "prior_local_liver_therapy",
        False,
        QT_TRANSLATE_NOOP("DataDictionary", "No prior local treatment of the liver metastases"),
        QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Liver metastases already treated locally (for example TACE or ablation)",
        ),
    )


def _pregnancy(ctx: _Context) -> Status:
    return _flag(
        ctx.s.pregnant_or_lactating,
        "pregnant_or_lactating",
        False,
        QT_TRANSLATE_NOOP("DataDictionary", "Not pregnant or breastfeeding"),
        QT_TRANSLATE_NOOP("DataDictionary", "Pregnant or breastfeeding"),
    )


def _malignancy_mental(ctx: _Context) -> Status:
    s = ctx.s
    present = [
        text
        for value, text in (
            (
                s.other_malignancy,
                QT_TRANSLATE_NOOP("DataDictionary", "history of another malignant tumour"),
            ),
            (s.severe_mental_illness, QT_TRANSLATE_NOOP("DataDictionary", "severe mental illness")),
        )
        if value
    ]
    if present:
        return "failed", capitalised(joined([said(text) for text in present], AND))
    unknown = [n for n in ("other_malignancy", "severe_mental_illness") if getattr(s, n) is None]
    if unknown:
        return _missing(*unknown)
    return "met", said(
        QT_TRANSLATE_NOOP(
            "DataDictionary", "No other malignant tumour and no severe mental illness"
        )
    )


def _understanding(ctx: _Context) -> Status:
    return _flag(
        ctx.s.understands_study,
        "understands_study",
        True,
        QT_TRANSLATE_NOOP("DataDictionary", "The patient or family understands the study"),
        QT_TRANSLATE_NOOP("DataDictionary", "The patient or family cannot understand the study"),
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

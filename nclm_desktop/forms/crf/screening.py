"""Eligibility screening (table ``screening``): the criteria of the protocol as recorded.

Codes come from ``clinical/`` (the rules that read them); the liver laboratory values are
stored as typed with their unit, converted once to the canonical unit (docs/ARCHITECTURE.md
§11).
"""

from __future__ import annotations

from ...clinical import (
    ASCITES_CHOICES,
    CANONICAL_UNITS,
    ENCEPHALOPATHY_CHOICES,
    METASTATIC_SITES,
    RESPONSES,
)
from ...clinical.units import ALBUMIN_G_L_PER_G_DL, BILIRUBIN_UMOL_L_PER_MG_DL
from ..field import QT_TRANSLATE_NOOP, AltUnit, Choice, Field, Kind, Range, When
from ..form import Form

_SITE_LABELS = {
    "liver": QT_TRANSLATE_NOOP("DataDictionary", "Liver"),
    "bone": QT_TRANSLATE_NOOP("DataDictionary", "Bone"),
    "lung": QT_TRANSLATE_NOOP("DataDictionary", "Lung"),
    "distant_lymph_node": QT_TRANSLATE_NOOP("DataDictionary", "Distant lymph nodes"),
    "other": QT_TRANSLATE_NOOP("DataDictionary", "Other"),
}
_RESPONSE_LABELS = {
    "CR": QT_TRANSLATE_NOOP("DataDictionary", "Complete response (CR)"),
    "PR": QT_TRANSLATE_NOOP("DataDictionary", "Partial response (PR)"),
    "SD": QT_TRANSLATE_NOOP("DataDictionary", "Stable disease (SD)"),
    "PD": QT_TRANSLATE_NOOP("DataDictionary", "Progressive disease (PD)"),
    "not_applicable": QT_TRANSLATE_NOOP(
        "DataDictionary", "Not assessable / no disease outside the liver"
    ),
}
_ASCITES_LABELS = {
    "none": QT_TRANSLATE_NOOP("DataDictionary", "None"),
    "mild": QT_TRANSLATE_NOOP("DataDictionary", "Mild"),
    "moderate": QT_TRANSLATE_NOOP("DataDictionary", "Moderate to severe"),
}
_ENCEPHALOPATHY_LABELS = {
    "none": QT_TRANSLATE_NOOP("DataDictionary", "None"),
    "grade1-2": QT_TRANSLATE_NOOP("DataDictionary", "Grade 1–2"),
    "grade3-4": QT_TRANSLATE_NOOP("DataDictionary", "Grade 3–4"),
}
ECOG_CHOICES = (
    Choice(0, QT_TRANSLATE_NOOP("DataDictionary", "0 – fully active")),
    Choice(1, QT_TRANSLATE_NOOP("DataDictionary", "1 – restricted in strenuous activity")),
    Choice(2, QT_TRANSLATE_NOOP("DataDictionary", "2 – ambulatory, no work, up > 50 % of day")),
    Choice(3, QT_TRANSLATE_NOOP("DataDictionary", "3 – limited self-care, in bed > 50 % of day")),
    Choice(4, QT_TRANSLATE_NOOP("DataDictionary", "4 – completely disabled")),
    Choice(5, QT_TRANSLATE_NOOP("DataDictionary", "5 – dead")),
)

BILIRUBIN_UNIT = CANONICAL_UNITS["bilirubin"]
ALBUMIN_UNIT = CANONICAL_UNITS["albumin"]
BILIRUBIN_ALT = (AltUnit("mg/dL", BILIRUBIN_UMOL_L_PER_MG_DL),)
ALBUMIN_ALT = (AltUnit("g/dL", ALBUMIN_G_L_PER_G_DL),)


def _coded(codes: tuple[str, ...], labels: dict[str, str]) -> tuple[Choice, ...]:
    """The choices of a clinical code list, in its order (a code without a label fails here)."""
    return tuple(Choice(code, labels[code]) for code in codes)


def _units(unit: str, alts: tuple[AltUnit, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(u, u) for u in (unit, *(a.label for a in alts)))


def _yes_no(name: str, label: str, required: bool | When = True) -> Field:
    return Field(name, label, Kind.YESNO, required=required)


_WOMAN = When(QT_TRANSLATE_NOOP("DataDictionary", "for a woman"), lambda v: v.get("sex") != "M")

FORM = Form(
    "screening",
    QT_TRANSLATE_NOOP("DataDictionary", "Eligibility screening"),
    "screening",
    (
        Field(
            "screening_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Screening date"),
            Kind.DATE,
            required=True,
        ),
        Field(
            "age_at_screening",
            QT_TRANSLATE_NOOP("DataDictionary", "Age at screening"),
            Kind.INTEGER,
            unit=QT_TRANSLATE_NOOP("DataDictionary", "years"),
            derived="whole years from the birth date to the screening date",
        ),
        _yes_no(
            "nclm_confirmed",
            QT_TRANSLATE_NOOP("DataDictionary", "NCLM confirmed (biopsy, or imaging + history)"),
        ),
        Field(
            "metastatic_sites",
            QT_TRANSLATE_NOOP("DataDictionary", "Metastatic sites"),
            Kind.MULTI,
            choices=_coded(METASTATIC_SITES, _SITE_LABELS),
            required=True,
        ),
        _yes_no(
            "primary_recurrence", QT_TRANSLATE_NOOP("DataDictionary", "Primary tumour recurrence")
        ),
        _yes_no(
            "liver_oligometastasis", QT_TRANSLATE_NOOP("DataDictionary", "Liver oligometastasis")
        ),
        Field(
            "response_outside_liver",
            QT_TRANSLATE_NOOP(
                "DataDictionary", "Response outside the liver after systemic treatment"
            ),
            Kind.CHOICE,
            choices=_coded(RESPONSES, _RESPONSE_LABELS),
            required=True,
        ),
        _yes_no(
            "progression_after_systemic",
            QT_TRANSLATE_NOOP(
                "DataDictionary", "Progression (PD) after systemic treatment of primary / bone"
            ),
        ),
        # Plausibility limits (not protocol rules): a value outside is a typing error.
        Field(
            "bilirubin_value",
            QT_TRANSLATE_NOOP("DataDictionary", "Total bilirubin"),
            Kind.DECIMAL,
            unit=BILIRUBIN_UNIT,
            alt_units=BILIRUBIN_ALT,
            unit_field="bilirubin_unit",
            decimals=1,
            hard=Range(1.0, 1000.0),
            required=True,
        ),
        Field(
            "bilirubin_unit",
            QT_TRANSLATE_NOOP("DataDictionary", "Bilirubin unit"),
            Kind.CHOICE,
            choices=_units(BILIRUBIN_UNIT, BILIRUBIN_ALT),
        ),
        Field(
            "albumin_value",
            QT_TRANSLATE_NOOP("DataDictionary", "Albumin"),
            Kind.DECIMAL,
            unit=ALBUMIN_UNIT,
            alt_units=ALBUMIN_ALT,
            unit_field="albumin_unit",
            decimals=1,
            hard=Range(10.0, 60.0),
            required=True,
        ),
        Field(
            "albumin_unit",
            QT_TRANSLATE_NOOP("DataDictionary", "Albumin unit"),
            Kind.CHOICE,
            choices=_units(ALBUMIN_UNIT, ALBUMIN_ALT),
        ),
        Field(
            "bilirubin_umol_l",
            QT_TRANSLATE_NOOP("DataDictionary", "Total bilirubin (µmol/L)"),
            Kind.DECIMAL,
            unit=BILIRUBIN_UNIT,
            derived="the bilirubin converted to µmol/L (1 mg/dL = 17.1 µmol/L)",
        ),
        Field(
            "albumin_g_l",
            QT_TRANSLATE_NOOP("DataDictionary", "Albumin (g/L)"),
            Kind.DECIMAL,
            unit=ALBUMIN_UNIT,
            derived="the albumin converted to g/L (1 g/dL = 10 g/L)",
        ),
        Field(
            "inr",
            QT_TRANSLATE_NOOP("DataDictionary", "INR"),
            Kind.DECIMAL,
            decimals=2,
            hard=Range(0.5, 10.0),
            required=True,
        ),
        Field(
            "ascites",
            QT_TRANSLATE_NOOP("DataDictionary", "Ascites"),
            Kind.CHOICE,
            choices=_coded(ASCITES_CHOICES, _ASCITES_LABELS),
            required=True,
        ),
        Field(
            "encephalopathy",
            QT_TRANSLATE_NOOP("DataDictionary", "Hepatic encephalopathy"),
            Kind.CHOICE,
            choices=_coded(ENCEPHALOPATHY_CHOICES, _ENCEPHALOPATHY_LABELS),
            required=True,
        ),
        Field(
            "child_pugh_points",
            QT_TRANSLATE_NOOP("DataDictionary", "Child-Pugh points"),
            Kind.INTEGER,
            derived="Child-Pugh score (Pugh 1973) from bilirubin, albumin, INR, ascites and "
            "encephalopathy",
        ),
        Field(
            "child_pugh_grade",
            QT_TRANSLATE_NOOP("DataDictionary", "Child-Pugh class"),
            Kind.TEXT,
            derived="Child-Pugh class A/B/C from the points",
        ),
        Field(
            "albi_score",
            QT_TRANSLATE_NOOP("DataDictionary", "ALBI score"),
            Kind.DECIMAL,
            decimals=2,
            derived="ALBI score (Johnson 2015) from bilirubin and albumin, rounded to 2 decimals",
        ),
        Field(
            "albi_grade",
            QT_TRANSLATE_NOOP("DataDictionary", "ALBI grade"),
            Kind.INTEGER,
            derived="ALBI grade 1-3 from the score",
        ),
        Field(
            "ecog",
            QT_TRANSLATE_NOOP("DataDictionary", "ECOG performance status"),
            Kind.CHOICE,
            choices=ECOG_CHOICES,
            required=True,
        ),
        _yes_no(
            "r0_resectable", QT_TRANSLATE_NOOP("DataDictionary", "Liver lesions R0-resectable")
        ),
        Field(
            "future_liver_remnant_pct",
            QT_TRANSLATE_NOOP("DataDictionary", "Future liver remnant"),
            Kind.DECIMAL,
            unit="%",
            decimals=1,
            hard=Range(0.0, 100.0),
            required=True,
        ),
        _yes_no(
            "surgical_contraindication",
            QT_TRANSLATE_NOOP("DataDictionary", "Contraindication to surgery"),
        ),
        _yes_no(
            "expected_survival_ge_6_months",
            QT_TRANSLATE_NOOP("DataDictionary", "Expected survival 6 months or more"),
        ),
        _yes_no(
            "prior_local_liver_therapy",
            QT_TRANSLATE_NOOP("DataDictionary", "Prior local liver therapy (TACE, RFA …)"),
        ),
        _yes_no(
            "pregnant_or_lactating",
            QT_TRANSLATE_NOOP("DataDictionary", "Pregnant or breastfeeding"),
            required=_WOMAN,
        ),
        _yes_no(
            "other_malignancy", QT_TRANSLATE_NOOP("DataDictionary", "History of another malignancy")
        ),
        _yes_no(
            "severe_mental_illness", QT_TRANSLATE_NOOP("DataDictionary", "Severe mental illness")
        ),
        _yes_no(
            "understands_study",
            QT_TRANSLATE_NOOP("DataDictionary", "Patient or family understands the study"),
        ),
        _yes_no("consent_signed", QT_TRANSLATE_NOOP("DataDictionary", "Informed consent signed")),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("DataDictionary", "Notes"),
            Kind.TEXT,
            max_len=2000,
            multiline=True,
        ),
        Field(
            "verdict",
            QT_TRANSLATE_NOOP("DataDictionary", "Verdict"),
            Kind.CHOICE,
            choices=(
                Choice("eligible", QT_TRANSLATE_NOOP("DataDictionary", "Eligible")),
                Choice("not_eligible", QT_TRANSLATE_NOOP("DataDictionary", "Not eligible")),
                Choice("incomplete", QT_TRANSLATE_NOOP("DataDictionary", "Incomplete")),
            ),
            derived="the protocol's eligibility rules over the recorded criteria",
        ),
        Field(
            "disease_pattern",
            QT_TRANSLATE_NOOP("DataDictionary", "Disease pattern"),
            Kind.INTEGER,
            derived="the protocol's disease pattern (1-3) of an eligible patient",
        ),
        Field(
            "criteria",
            QT_TRANSLATE_NOOP("DataDictionary", "Criteria"),
            Kind.TEXT,
            derived="each criterion's id, kind, status and reason, as evaluated when saved",
        ),
    ),
)

"""The complication form (table ``complication``), graded by Clavien-Dindo (Dindo 2004) and,
for liver failure, bile leakage and haemorrhage, by ISGLS.

The grades, categories and ISGLS schemes are the clinical layer's (one definition each);
the treatment ticks are kept together in the ``treatment`` column and propose the grade
(clinical.clavien_dindo_from_treatment). A grade V complication also records the death:
its date and cause are ``DEATH`` (stored as the participant's death event).
"""

from __future__ import annotations

from ...clinical import (
    CLAVIEN_DINDO_GRADES,
    COMPLICATION_CATEGORIES,
    ISGLS_CATEGORIES,
    ISGLS_GRADES,
)
from ..field import QT_TRANSLATE_NOOP, Field, Identifier, Kind, When, choices
from ..form import Form

# Labels written out so that lupdate finds them (an f-string it cannot read).
GRADE_LABELS = {
    "I": QT_TRANSLATE_NOOP("DataDictionary", "Grade I"),
    "II": QT_TRANSLATE_NOOP("DataDictionary", "Grade II"),
    "IIIa": QT_TRANSLATE_NOOP("DataDictionary", "Grade IIIa"),
    "IIIb": QT_TRANSLATE_NOOP("DataDictionary", "Grade IIIb"),
    "IVa": QT_TRANSLATE_NOOP("DataDictionary", "Grade IVa"),
    "IVb": QT_TRANSLATE_NOOP("DataDictionary", "Grade IVb"),
    "V": QT_TRANSLATE_NOOP("DataDictionary", "Grade V"),
    "A": QT_TRANSLATE_NOOP("DataDictionary", "Grade A"),
    "B": QT_TRANSLATE_NOOP("DataDictionary", "Grade B"),
    "C": QT_TRANSLATE_NOOP("DataDictionary", "Grade C"),
}
GRADES = choices(*((g, GRADE_LABELS[g]) for g in CLAVIEN_DINDO_GRADES))
TREATMENT = "treatment"  # the JSON column holding the treatment ticks


def _tick(name: str, label: str, help: str = "") -> Field:
    return Field(name, label, Kind.YESNO, help=help, column=TREATMENT)


FORM = Form(
    name="complication",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Complication"),
    table="complication",
    fields=(
        Field(
            "category",
            QT_TRANSLATE_NOOP("DataDictionary", "Category"),
            Kind.CHOICE,
            choices=choices(*COMPLICATION_CATEGORIES.items()),
            required=True,
        ),
        Field(
            "other_text",
            QT_TRANSLATE_NOOP("DataDictionary", "Description"),
            Kind.TEXT,
            max_len=200,
            required=When(
                QT_TRANSLATE_NOOP("DataDictionary", "category other"),
                lambda v: v.get("category") == "other",
            ),
        ),
        Field(
            "onset_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Onset date"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Not before the operation."),
            required=True,
            identifier=Identifier.QUASI,
        ),
        _tick(
            "other_drugs",
            QT_TRANSLATE_NOOP("DataDictionary", "Drugs beyond grade I"),
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Drugs beyond antiemetics, antipyretics, analgesics, diuretics, electrolytes",
            ),
        ),
        _tick("transfusion", QT_TRANSLATE_NOOP("DataDictionary", "Blood transfusion")),
        _tick("tpn", QT_TRANSLATE_NOOP("DataDictionary", "Total parenteral nutrition")),
        Field(
            "intervention",
            QT_TRANSLATE_NOOP("DataDictionary", "Intervention"),
            Kind.CHOICE,
            choices=choices(
                ("none", QT_TRANSLATE_NOOP("DataDictionary", "No intervention")),
                (
                    "without_ga",
                    QT_TRANSLATE_NOOP(
                        "DataDictionary",
                        "Intervention without general anaesthesia (e.g. percutaneous drainage)",
                    ),
                ),
                (
                    "under_ga",
                    QT_TRANSLATE_NOOP(
                        "DataDictionary",
                        "Intervention under general anaesthesia (e.g. relaparotomy)",
                    ),
                ),
            ),
            required=True,
            column=TREATMENT,
        ),
        _tick(
            "icu",
            QT_TRANSLATE_NOOP("DataDictionary", "Intensive care"),
            QT_TRANSLATE_NOOP(
                "DataDictionary", "Intermediate or intensive care (life-threatening)"
            ),
        ),
        Field(
            "organ_dysfunction",
            QT_TRANSLATE_NOOP("DataDictionary", "Organ failure"),
            Kind.CHOICE,
            choices=choices(
                ("single", QT_TRANSLATE_NOOP("DataDictionary", "Single organ dysfunction")),
                ("multiple", QT_TRANSLATE_NOOP("DataDictionary", "Multiple organ dysfunction")),
            ),
            required=When(
                QT_TRANSLATE_NOOP("DataDictionary", "intensive care was needed"),
                lambda v: bool(v.get("icu")),
            ),
            column=TREATMENT,
        ),
        _tick("died", QT_TRANSLATE_NOOP("DataDictionary", "Died of this complication")),
        Field(
            "treatment_text",
            QT_TRANSLATE_NOOP("DataDictionary", "Treatment given"),
            Kind.TEXT,
            max_len=2000,
        ),
        Field(
            "clavien_dindo",
            QT_TRANSLATE_NOOP("DataDictionary", "Clavien-Dindo grade"),
            Kind.CHOICE,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Empty accepts the grade proposed from the treatment; another grade needs a reason.",
            ),
            choices=GRADES,
        ),
        Field(
            "clavien_dindo_proposed",
            QT_TRANSLATE_NOOP("DataDictionary", "Proposed Clavien-Dindo grade"),
            Kind.CHOICE,
            choices=GRADES,
            derived="From the treatment ticks (clinical.clavien_dindo_from_treatment).",
        ),
        Field(
            "grade_override_reason",
            QT_TRANSLATE_NOOP("DataDictionary", "Reason for another grade than proposed"),
            Kind.TEXT,
            max_len=2000,
        ),
        Field(
            "isgls_grade",
            QT_TRANSLATE_NOOP("DataDictionary", "ISGLS grade"),
            Kind.CHOICE,
            choices=choices(*((g, GRADE_LABELS[g]) for g in ISGLS_GRADES)),
            required=When(
                QT_TRANSLATE_NOOP("DataDictionary", "liver failure, bile leakage, haemorrhage"),
                lambda v: v.get("category") in ISGLS_CATEGORIES,
            ),
        ),
        Field(
            "suffix_d",
            QT_TRANSLATE_NOOP("DataDictionary", "Still present at discharge (suffix d)"),
            Kind.YESNO,
        ),
        Field(
            "resolved_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Resolved on"),
            Kind.DATE,
            identifier=Identifier.QUASI,
        ),
    ),
)

# Asked with a grade V complication; kept as the participant's death event.
DEATH = Form(
    name="complication_death",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Death from a complication"),
    table="clinical_event",
    fields=(
        Field(
            "death_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Date of death"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Entered, never assumed from the onset."),
            required=True,
            identifier=Identifier.QUASI,
            column="event_date",
        ),
        Field(
            "death_cause",
            QT_TRANSLATE_NOOP("DataDictionary", "Cause of death"),
            Kind.TEXT,
            max_len=200,
            column="cause",
        ),
    ),
)

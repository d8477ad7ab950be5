"""Baseline disease (table ``baseline_disease``): the nasopharyngeal primary and the liver
metastases at screening, needed by the outcome analysis of both cohorts. Captured by the
screening wizard, edited on the participant's Baseline tab."""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Choice, Field, Kind, Range, choices
from ..form import Form

# WHO classification of nasopharyngeal carcinoma (4th/5th edition).
HISTOLOGY = choices(
    (
        "nonkeratinizing_undifferentiated",
        QT_TRANSLATE_NOOP("DataDictionary", "Non-keratinizing, undifferentiated"),
    ),
    (
        "nonkeratinizing_differentiated",
        QT_TRANSLATE_NOOP("DataDictionary", "Non-keratinizing, differentiated"),
    ),
    (
        "keratinizing_squamous",
        QT_TRANSLATE_NOOP("DataDictionary", "Keratinizing squamous cell carcinoma"),
    ),
    ("basaloid_squamous", QT_TRANSLATE_NOOP("DataDictionary", "Basaloid squamous cell carcinoma")),
)
# AJCC 8th edition, nasopharynx.
T_STAGES = tuple(Choice(s, s) for s in ("TX", "T0", "T1", "T2", "T3", "T4"))
N_STAGES = tuple(Choice(s, s) for s in ("NX", "N0", "N1", "N2", "N3"))
TIMINGS = choices(
    ("synchronous", QT_TRANSLATE_NOOP("DataDictionary", "Synchronous (at NPC diagnosis)")),
    ("metachronous", QT_TRANSLATE_NOOP("DataDictionary", "Metachronous (later)")),
)
SEGMENTS = tuple(Choice(n, str(n)) for n in range(1, 9))  # Couinaud

FORM = Form(
    "baseline_disease",
    QT_TRANSLATE_NOOP("DataDictionary", "Baseline disease"),
    "baseline_disease",
    (
        Field(
            "npc_diagnosis_date",
            QT_TRANSLATE_NOOP("DataDictionary", "NPC diagnosis date"),
            Kind.DATE,
        ),
        Field(
            "who_histology",
            QT_TRANSLATE_NOOP("DataDictionary", "WHO histology"),
            Kind.CHOICE,
            choices=HISTOLOGY,
        ),
        Field(
            "t_stage",
            QT_TRANSLATE_NOOP("DataDictionary", "T stage (AJCC 8th)"),
            Kind.CHOICE,
            choices=T_STAGES,
        ),
        Field(
            "n_stage",
            QT_TRANSLATE_NOOP("DataDictionary", "N stage (AJCC 8th)"),
            Kind.CHOICE,
            choices=N_STAGES,
        ),
        Field(
            "ebv_dna_copies_ml",
            QT_TRANSLATE_NOOP("DataDictionary", "Plasma EBV DNA"),
            Kind.DECIMAL,
            unit=QT_TRANSLATE_NOOP("DataDictionary", "copies/mL"),
            decimals=0,
            hard=Range(0, 1e9),
        ),
        Field(
            "ebv_dna_date",
            QT_TRANSLATE_NOOP("DataDictionary", "EBV DNA date"),
            Kind.DATE,
        ),
        Field(
            "liver_met_count",
            QT_TRANSLATE_NOOP("DataDictionary", "Number of liver metastases"),
            Kind.INTEGER,
            hard=Range(1, 50),
        ),
        Field(
            "liver_met_largest_mm",
            QT_TRANSLATE_NOOP("DataDictionary", "Largest liver metastasis"),
            Kind.DECIMAL,
            unit="mm",
            decimals=1,
            hard=Range(1, 300),
        ),
        Field(
            "liver_met_segments",
            QT_TRANSLATE_NOOP("DataDictionary", "Segments involved"),
            Kind.MULTI,
            choices=SEGMENTS,
        ),
        Field(
            "liver_met_timing",
            QT_TRANSLATE_NOOP("DataDictionary", "Timing"),
            Kind.CHOICE,
            choices=TIMINGS,
        ),
        Field(
            "metachronous_interval_months",
            QT_TRANSLATE_NOOP("DataDictionary", "Interval from NPC diagnosis"),
            Kind.DECIMAL,
            unit=QT_TRANSLATE_NOOP("DataDictionary", "months"),
            decimals=1,
            hard=Range(0, 600),
            help=QT_TRANSLATE_NOOP("DataDictionary", "Metachronous liver metastases only."),
        ),
        Field(
            "bone_metastases",
            QT_TRANSLATE_NOOP("DataDictionary", "Bone metastases"),
            Kind.YESNO,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary", "Blank at screening: taken from the metastatic sites."
            ),
        ),
        Field(
            "primary_recurrence",
            QT_TRANSLATE_NOOP("DataDictionary", "Primary tumour recurrence"),
            Kind.YESNO,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Blank at screening: taken from screening."),
        ),
    ),
)

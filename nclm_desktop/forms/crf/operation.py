"""The operation form: one liver resection (table ``operation``).

Limits are plausibility limits: beyond them a value is a typing error, not a finding. The
resection's name and its major/minor extent are computed from the segments by
``clinical.resection``; the surgeons are kept in ``operation_surgeon`` (forms/crf/operation_team.py).
"""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Field, Identifier, Kind, Range, choices
from ..form import Form

MAX_DURATION_MIN = 24 * 60

APPROACH = Field(
    "approach",
    QT_TRANSLATE_NOOP("DataDictionary", "Approach"),
    Kind.CHOICE,
    choices=choices(
        ("open", QT_TRANSLATE_NOOP("DataDictionary", "Open")),
        ("laparoscopic", QT_TRANSLATE_NOOP("DataDictionary", "Laparoscopic")),
        ("robotic", QT_TRANSLATE_NOOP("DataDictionary", "Robotic")),
    ),
    required=True,
)

FORM = Form(
    name="operation",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Operation"),
    table="operation",
    fields=(
        Field(
            "operation_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Operation date"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Not before enrolment; the first hepatectomy sets the index date.",
            ),
            required=True,
            identifier=Identifier.QUASI,
        ),
        APPROACH,
        Field(
            "segments",
            QT_TRANSLATE_NOOP("DataDictionary", "Resected segments"),
            Kind.MULTI,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Couinaud segments 1 to 8."),
            choices=choices(*((n, str(n)) for n in range(1, 9))),
            required=True,
        ),
        Field(
            "anatomical",
            QT_TRANSLATE_NOOP("DataDictionary", "Anatomical resection"),
            Kind.YESNO,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Along segment boundaries."),
            required=True,
        ),
        Field(
            "resection_name",
            QT_TRANSLATE_NOOP("DataDictionary", "Resection"),
            Kind.TEXT,
            derived="Named from the segments and the anatomical flag (clinical.resection).",
        ),
        Field(
            "major",
            QT_TRANSLATE_NOOP("DataDictionary", "Extent"),
            Kind.CHOICE,
            choices=choices(
                (True, QT_TRANSLATE_NOOP("DataDictionary", "major")),
                (False, QT_TRANSLATE_NOOP("DataDictionary", "minor")),
            ),
            derived="Three or more segments resected (clinical.resection).",
        ),
        Field(
            "duration_min",
            QT_TRANSLATE_NOOP("DataDictionary", "Duration"),
            Kind.INTEGER,
            unit="min",
            hard=Range(1, MAX_DURATION_MIN),
        ),
        Field(
            "blood_loss_ml",
            QT_TRANSLATE_NOOP("DataDictionary", "Blood loss"),
            Kind.INTEGER,
            unit="mL",
            hard=Range(0, 20_000),
        ),
        Field(
            "transfusion_units",
            QT_TRANSLATE_NOOP("DataDictionary", "Transfusion"),
            Kind.DECIMAL,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Units of red cells."),
            unit=QT_TRANSLATE_NOOP("DataDictionary", "units"),
            decimals=1,
            hard=Range(0, 100),
        ),
        Field(
            "pringle_count",
            QT_TRANSLATE_NOOP("DataDictionary", "Pringle manoeuvres"),
            Kind.INTEGER,
            help=QT_TRANSLATE_NOOP("DataDictionary", "How many times the inflow was clamped."),
            hard=Range(0, 20),
        ),
        Field(
            "pringle_total_min",
            QT_TRANSLATE_NOOP("DataDictionary", "Pringle total time"),
            Kind.INTEGER,
            unit="min",
            hard=Range(0, MAX_DURATION_MIN),
        ),
        Field(
            "lesions_resected",
            QT_TRANSLATE_NOOP("DataDictionary", "Lesions resected"),
            Kind.INTEGER,
            hard=Range(1, 50),
        ),
        Field(
            "largest_lesion_mm",
            QT_TRANSLATE_NOOP("DataDictionary", "Largest lesion"),
            Kind.DECIMAL,
            unit="mm",
            decimals=1,
            hard=Range(0.1, 300),
        ),
        Field(
            "margin_mm",
            QT_TRANSLATE_NOOP("DataDictionary", "Resection margin"),
            Kind.DECIMAL,
            unit="mm",
            decimals=1,
            hard=Range(0, 150),
        ),
        Field(
            "r_status",
            QT_TRANSLATE_NOOP("DataDictionary", "R status"),
            Kind.CHOICE,
            choices=choices(("R0", "R0"), ("R1", "R1"), ("R2", "R2")),
        ),
        Field(
            "pathology_confirms_npc",
            QT_TRANSLATE_NOOP("DataDictionary", "Pathology confirms NPC metastasis"),
            Kind.YESNO,
        ),
        Field(
            "periop_radiotherapy",
            QT_TRANSLATE_NOOP("DataDictionary", "Perioperative radiotherapy of the primary"),
            Kind.YESNO,
        ),
        Field(
            "periop_chemotherapy",
            QT_TRANSLATE_NOOP("DataDictionary", "Perioperative chemotherapy"),
            Kind.YESNO,
        ),
        Field(
            "discharge_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Discharge date"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Empty while the patient is in hospital."),
            identifier=Identifier.QUASI,
        ),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("DataDictionary", "Notes"),
            Kind.TEXT,
            max_len=2000,
            multiline=True,
        ),
    ),
)

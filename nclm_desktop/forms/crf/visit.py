"""The follow-up visit form (table ``visit``): what is recorded when a visit is done, and
the booking a coordinator may move. The schedule columns come from the protocol."""

from __future__ import annotations

from ...clinical import load_protocol
from ..field import QT_TRANSLATE_NOOP, Choice, Field, Kind, Range, choices
from ..form import Form

ECOG = choices(
    (0, QT_TRANSLATE_NOOP("DataDictionary", "0 – fully active")),
    (1, QT_TRANSLATE_NOOP("DataDictionary", "1 – restricted in strenuous activity")),
    (2, QT_TRANSLATE_NOOP("DataDictionary", "2 – up and about over half the day")),
    (3, QT_TRANSLATE_NOOP("DataDictionary", "3 – limited self-care")),
    (4, QT_TRANSLATE_NOOP("DataDictionary", "4 – completely disabled")),
)
EBV_DNA_MAX = 1e9  # copies/mL; anything larger is a typing error
LIVER_IMAGING_RESULTS = choices(
    ("no_recurrence", QT_TRANSLATE_NOOP("DataDictionary", "No recurrence")),
    ("intrahepatic_recurrence", QT_TRANSLATE_NOOP("DataDictionary", "Intrahepatic recurrence")),
    ("indeterminate", QT_TRANSLATE_NOOP("DataDictionary", "Indeterminate")),
    ("not_done", QT_TRANSLATE_NOOP("DataDictionary", "Not done")),
)
# The assessments and their labels are the protocol's (English here; the protocol also
# carries the Chinese label).
ASSESSMENTS = tuple(
    Choice(a.code, a.label_en, a.label_zh) for a in load_protocol().schedule.assessments
)

FROM_PROTOCOL = "planned from the protocol's schedule and the operation/index date"

FORM = Form(
    name="visit",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Follow-up visit"),
    table="visit",
    fields=(
        Field(
            "code", QT_TRANSLATE_NOOP("DataDictionary", "Visit"), Kind.TEXT, derived=FROM_PROTOCOL
        ),
        Field(
            "month",
            QT_TRANSLATE_NOOP("DataDictionary", "Month"),
            Kind.INTEGER,
            derived=FROM_PROTOCOL,
        ),
        Field(
            "target_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Target date"),
            Kind.DATE,
            derived=FROM_PROTOCOL,
        ),
        Field(
            "window_start",
            QT_TRANSLATE_NOOP("DataDictionary", "Window opens"),
            Kind.DATE,
            derived=FROM_PROTOCOL,
        ),
        Field(
            "window_end",
            QT_TRANSLATE_NOOP("DataDictionary", "Window closes"),
            Kind.DATE,
            derived=FROM_PROTOCOL,
        ),
        Field(
            "assessments_planned",
            QT_TRANSLATE_NOOP("DataDictionary", "Assessments planned"),
            Kind.MULTI,
            choices=ASSESSMENTS,
            derived=FROM_PROTOCOL,
        ),
        Field(
            "scheduled_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Booked date"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary",
                "The day the visit is booked; outside the window it needs a reason and is "
                "flagged as a protocol deviation.",
            ),
            not_future=False,
            required=True,
        ),
        Field(
            "status",
            QT_TRANSLATE_NOOP("DataDictionary", "Status"),
            Kind.CHOICE,
            choices=choices(
                ("planned", QT_TRANSLATE_NOOP("DataDictionary", "planned")),
                ("done", QT_TRANSLATE_NOOP("DataDictionary", "done")),
                ("missed", QT_TRANSLATE_NOOP("DataDictionary", "missed")),
                ("cancelled", QT_TRANSLATE_NOOP("DataDictionary", "cancelled")),
            ),
            derived="done when the visit is recorded, missed when marked so, cancelled when "
            "follow-up ends before it",
        ),
        Field(
            "actual_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Visit date"),
            Kind.DATE,
            required=True,
        ),
        Field(
            "assessments_done",
            QT_TRANSLATE_NOOP("DataDictionary", "Assessments done"),
            Kind.MULTI,
            choices=ASSESSMENTS,
        ),
        Field(
            "ecog",
            QT_TRANSLATE_NOOP("DataDictionary", "ECOG"),
            Kind.CHOICE,
            help=QT_TRANSLATE_NOOP("DataDictionary", "ECOG performance status."),
            choices=ECOG,
        ),
        Field(
            "ebv_dna_copies_ml",
            QT_TRANSLATE_NOOP("DataDictionary", "EBV DNA"),
            Kind.DECIMAL,
            help=QT_TRANSLATE_NOOP("DataDictionary", "0 if undetectable; empty if not done."),
            unit=QT_TRANSLATE_NOOP("DataDictionary", "copies/mL"),
            decimals=0,
            hard=Range(0, EBV_DNA_MAX),
        ),
        Field(
            "liver_imaging_result",
            QT_TRANSLATE_NOOP("DataDictionary", "Liver imaging"),
            Kind.CHOICE,
            choices=LIVER_IMAGING_RESULTS,
        ),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("DataDictionary", "Notes"),
            Kind.TEXT,
            max_len=4000,
            multiline=True,
        ),
        Field(
            "deviation",
            QT_TRANSLATE_NOOP("DataDictionary", "Protocol deviation"),
            Kind.YESNO,
            derived="booked or done outside the visit's window",
        ),
        Field(
            "deviation_reason",
            QT_TRANSLATE_NOOP("DataDictionary", "Reason"),
            Kind.TEXT,
            max_len=1000,
        ),
    ),
)

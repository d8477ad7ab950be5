"""The clinical event form (table ``clinical_event``): a recurrence, a death, the last
contact, a withdrawal ..., learnt at a visit or outside one."""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Field, Kind, When, choices
from ..form import Form

EVENT_KINDS = choices(
    ("intrahepatic_recurrence", QT_TRANSLATE_NOOP("DataDictionary", "Intrahepatic recurrence")),
    ("extrahepatic_recurrence", QT_TRANSLATE_NOOP("DataDictionary", "Extrahepatic recurrence")),
    ("local_regional_recurrence",
     QT_TRANSLATE_NOOP("DataDictionary", "Local/regional recurrence")),
    ("death", QT_TRANSLATE_NOOP("DataDictionary", "Death")),
    ("last_contact_alive", QT_TRANSLATE_NOOP("DataDictionary", "Last contact alive")),
    ("withdrawal", QT_TRANSLATE_NOOP("DataDictionary", "Withdrawal")),
    ("lost_to_follow_up", QT_TRANSLATE_NOOP("DataDictionary", "Lost to follow-up")),
)  # fmt: skip
SITE_NEEDED = ("extrahepatic_recurrence", "local_regional_recurrence")

FORM = Form(
    name="clinical_event",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Clinical event"),
    table="clinical_event",
    fields=(
        Field(
            "kind",
            QT_TRANSLATE_NOOP("DataDictionary", "Event"),
            Kind.CHOICE,
            choices=EVENT_KINDS,
            required=True,
        ),
        Field(
            "event_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Event date"),
            Kind.DATE,
            required=True,
        ),
        Field(
            "site",
            QT_TRANSLATE_NOOP("DataDictionary", "Site"),
            Kind.TEXT,
            help=QT_TRANSLATE_NOOP("DataDictionary", "e.g. lung, bone, lymph nodes"),
            max_len=200,
            required=When(
                QT_TRANSLATE_NOOP(
                    "DataDictionary", "for an extrahepatic or local/regional recurrence"
                ),
                lambda v: v.get("kind") in SITE_NEEDED,
            ),
        ),
        Field(
            "cause",
            QT_TRANSLATE_NOOP("DataDictionary", "Cause of death"),
            Kind.TEXT,
            help=QT_TRANSLATE_NOOP("DataDictionary", "'unknown' if it is not known"),
            max_len=200,
            required=When(
                QT_TRANSLATE_NOOP("DataDictionary", "for a death"),
                lambda v: v.get("kind") == "death",
            ),
        ),
        Field(
            "confirmed_by",
            QT_TRANSLATE_NOOP("DataDictionary", "Confirmed by"),
            Kind.CHOICE,
            choices=choices(
                ("imaging", QT_TRANSLATE_NOOP("DataDictionary", "imaging")),
                ("pathology", QT_TRANSLATE_NOOP("DataDictionary", "pathology")),
                ("clinical", QT_TRANSLATE_NOOP("DataDictionary", "clinical")),
            ),
        ),
        Field(
            "detail",
            QT_TRANSLATE_NOOP("DataDictionary", "Detail"),
            Kind.TEXT,
            max_len=1000,
        ),
    ),
)

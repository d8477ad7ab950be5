"""The reoperation form (table ``reoperation``); whether it fell in the index stay is
derived when read (clinical.index_stay), never stored."""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Field, Identifier, Kind, choices
from ..form import Form

FORM = Form(
    name="reoperation",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Reoperation"),
    table="reoperation",
    fields=(
        Field(
            "reoperation_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Reoperation date"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP("DataDictionary", "Not before the operation."),
            required=True,
            identifier=Identifier.QUASI,
        ),
        Field(
            "planned",
            QT_TRANSLATE_NOOP("DataDictionary", "Planned"),
            Kind.CHOICE,
            choices=choices(
                (True, QT_TRANSLATE_NOOP("DataDictionary", "Planned (e.g. second stage)")),
                (False, QT_TRANSLATE_NOOP("DataDictionary", "Unplanned")),
            ),
            required=True,
        ),
        Field(
            "reason",
            QT_TRANSLATE_NOOP("DataDictionary", "Reason"),
            Kind.TEXT,
            max_len=2000,
            required=True,
        ),
    ),
)

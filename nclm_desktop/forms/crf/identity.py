"""Who the participant is (table ``participant_identity``): direct identifiers only, kept
apart from the study data and shown only to roles that may see identities. Sex and birth
date live on the participant (forms/crf/enrolment.py)."""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Field, Identifier, Kind
from ..form import Form

FORM = Form(
    "participant_identity",
    QT_TRANSLATE_NOOP("DataDictionary", "Identity"),
    "participant_identity",
    (
        Field(
            "name",
            QT_TRANSLATE_NOOP("DataDictionary", "Name"),
            Kind.TEXT,
            max_len=200,
            required=True,
            identifier=Identifier.DIRECT,
        ),
        Field(
            "hospital_record_number",
            QT_TRANSLATE_NOOP("DataDictionary", "Hospital record number"),
            Kind.TEXT,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Unique in the study: a second screening of the same number finds the first.",
            ),
            max_len=40,
            required=True,
            identifier=Identifier.DIRECT,
        ),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("DataDictionary", "Phone"),
            Kind.TEXT,
            max_len=40,
            identifier=Identifier.DIRECT,
        ),
        Field(
            "address",
            QT_TRANSLATE_NOOP("DataDictionary", "Address"),
            Kind.TEXT,
            max_len=400,
            identifier=Identifier.DIRECT,
        ),
    ),
)

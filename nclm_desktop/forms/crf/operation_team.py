"""Who operated (table ``operation_surgeon``), asked on the operation form's first page.

The choices are the active surgeon and investigator accounts, so they are not listed here:
the surgery service checks them against the accounts (services/operations.py).
"""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Field, Kind
from ..form import Form

FORM = Form(
    name="operation_team",
    title=QT_TRANSLATE_NOOP("DataDictionary", "Surgeons"),
    table="operation_surgeon",
    fields=(
        Field(
            "surgeons",
            QT_TRANSLATE_NOOP("DataDictionary", "Surgeons"),
            Kind.MULTI,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary", "Active users with the surgeon or investigator role."
            ),
            required=True,
            column="user_id",
        ),
        Field(
            "role",
            QT_TRANSLATE_NOOP("DataDictionary", "Role in the operation"),
            Kind.TEXT,
            derived="'surgeon' for those chosen in the operation wizard (one row per person).",
        ),
    ),
)

"""One systemic treatment line (table ``systemic_treatment``): prior lines of any cohort,
and for the systemic-only cohort the treatment of the liver metastases that starts on its
index date."""

from __future__ import annotations

from ...clinical import RECIST_RESPONSES
from ..field import QT_TRANSLATE_NOOP, Choice, Field, Kind, Range
from ..form import Form

FORM = Form(
    "systemic_treatment",
    QT_TRANSLATE_NOOP("DataDictionary", "Systemic treatment line"),
    "systemic_treatment",
    (
        Field(
            "line",
            QT_TRANSLATE_NOOP("DataDictionary", "Line"),
            Kind.INTEGER,
            hard=Range(1, 20),
            required=True,
        ),
        Field(
            "regimen",
            QT_TRANSLATE_NOOP("DataDictionary", "Regimen"),
            Kind.TEXT,
            help=QT_TRANSLATE_NOOP("DataDictionary", "e.g. GP (gemcitabine + cisplatin)"),
            max_len=200,
            required=True,
        ),
        Field("start_date", QT_TRANSLATE_NOOP("DataDictionary", "Start"), Kind.DATE),
        Field("end_date", QT_TRANSLATE_NOOP("DataDictionary", "End"), Kind.DATE),
        Field(
            "best_response",
            QT_TRANSLATE_NOOP("DataDictionary", "Best response"),
            Kind.CHOICE,
            choices=tuple(Choice(r, r) for r in RECIST_RESPONSES),  # RECIST 1.1 codes as labels
        ),
        Field(
            "for_liver_metastases",
            QT_TRANSLATE_NOOP("DataDictionary", "Treats the liver metastases"),
            Kind.YESNO,
        ),
    ),
)

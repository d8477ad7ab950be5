"""The participant (table ``participant``): sex and birth date from screening, then the
cohort and the enrolment dates. The study ID, status and lock are set by the application."""

from __future__ import annotations

from ..field import QT_TRANSLATE_NOOP, Choice, Field, Identifier, Kind, When
from ..form import Form

COHORT_CHOICES = (  # codes = models.participants.COHORTS (a test holds them equal)
    Choice("hepatectomy", QT_TRANSLATE_NOOP("DataDictionary", "Hepatectomy")),
    Choice(
        "systemic", QT_TRANSLATE_NOOP("DataDictionary", "Systemic therapy only (comparison cohort)")
    ),
)
STATUS_CHOICES = (  # codes = models.participants.STATUSES
    Choice("screening", QT_TRANSLATE_NOOP("DataDictionary", "Screening")),
    Choice("screen_failed", QT_TRANSLATE_NOOP("DataDictionary", "Screen failure")),
    Choice("enrolled", QT_TRANSLATE_NOOP("DataDictionary", "Enrolled")),
    Choice("withdrawn", QT_TRANSLATE_NOOP("DataDictionary", "Withdrawn")),
    Choice("completed", QT_TRANSLATE_NOOP("DataDictionary", "Completed")),
    Choice("deceased", QT_TRANSLATE_NOOP("DataDictionary", "Deceased")),
)
SYSTEMIC_ONLY = When(
    QT_TRANSLATE_NOOP("DataDictionary", "in the systemic-only cohort"),
    lambda v: v.get("cohort") == "systemic",
)

FORM = Form(
    "participant",
    QT_TRANSLATE_NOOP("DataDictionary", "Enrolment"),
    "participant",
    (
        Field(
            "sex",
            QT_TRANSLATE_NOOP("DataDictionary", "Sex"),
            Kind.CHOICE,
            choices=(
                Choice("M", QT_TRANSLATE_NOOP("DataDictionary", "Male")),
                Choice("F", QT_TRANSLATE_NOOP("DataDictionary", "Female")),
            ),
            required=True,
        ),
        Field(
            "birth_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Birth date"),
            Kind.DATE,
            required=True,
            identifier=Identifier.QUASI,
        ),
        Field(
            "cohort",
            QT_TRANSLATE_NOOP("DataDictionary", "Cohort"),
            Kind.CHOICE,
            choices=COHORT_CHOICES,
            required=True,
        ),
        Field(
            "consent_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Consent date"),
            Kind.DATE,
            required=True,
        ),
        Field(
            "enrolment_date",
            QT_TRANSLATE_NOOP("DataDictionary", "Enrolment date"),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary", "Often typed later from the paper file: any past date."
            ),
            required=True,
        ),
        Field(
            "index_date",
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Index date (start of systemic treatment for the liver metastases)",
            ),
            Kind.DATE,
            help=QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Hepatectomy cohort: the operation date, set when the operation is recorded.",
            ),
            required=SYSTEMIC_ONLY,
        ),
        Field(
            "study_id",
            QT_TRANSLATE_NOOP("DataDictionary", "Study ID"),
            Kind.TEXT,
            derived="the cohort's prefix and the next number of its counter, at enrolment",
        ),
        Field(
            "status",
            QT_TRANSLATE_NOOP("DataDictionary", "Status"),
            Kind.CHOICE,
            choices=STATUS_CHOICES,
            derived="set by screening, enrolment, withdrawal, completion and death",
        ),
        Field(
            "locked",
            QT_TRANSLATE_NOOP("DataDictionary", "Record locked"),
            Kind.YESNO,
            derived="set when the investigator locks or unlocks the record",
        ),
    ),
)


def status_label(status: str) -> str:
    """A participant's status as this form labels it (a marked string: a message puts it in
    as a ``Term``)."""
    return FORM["status"].choice_label(status)

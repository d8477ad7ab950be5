"""The one date-order rule of the record forms: a date may not precede the date it follows
(screening after birth, consent after screening, onset after the operation ...). The field's
own checks (a date, not in the future) are the data dictionary's; this is the cross-field
part that stays in the services (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import datetime as dt

from ..forms import QT_TRANSLATE_NOOP, Field, Term, ValidationError

# The dates others follow, as the message names them (marked: shown translated).
BIRTH = QT_TRANSLATE_NOOP("Refusals", "birth date")
SCREENING = QT_TRANSLATE_NOOP("Refusals", "screening date")
CONSENT = QT_TRANSLATE_NOOP("Refusals", "consent date")
ENROLMENT = QT_TRANSLATE_NOOP("Refusals", "enrolment date")
OPERATION = QT_TRANSLATE_NOOP("Refusals", "operation date")
ONSET = QT_TRANSLATE_NOOP("Refusals", "onset date")
START = QT_TRANSLATE_NOOP("Refusals", "start date")

BEFORE = QT_TRANSLATE_NOOP("Refusals", "{label} ({value}) is before the {other} ({other_value}).")


def not_before(
    field: Field, value: dt.date | None, other_label: str, other: dt.date | None
) -> None:
    """Refuse ``value`` of ``field`` when it is before ``other`` (named ``other_label``, one
    of the marked names above)."""
    if value is not None and other is not None and value < other:
        raise ValidationError(
            field.name,
            BEFORE,
            params={
                "label": Term(field.label),
                "value": value.isoformat(),
                "other": Term(other_label, "Refusals"),
                "other_value": other.isoformat(),
            },
        )

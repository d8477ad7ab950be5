"""The one date-order rule of the record forms: a date may not precede the date it follows
(screening after birth, consent after screening ...). The field's own checks (a date, not
in the future) are the data dictionary's; this is the cross-field part that stays in the
services (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import datetime as dt

from ..forms import Field, ValidationError


def not_before(
    field: Field, value: dt.date | None, other_label: str, other: dt.date | None
) -> None:
    """Refuse ``value`` of ``field`` when it is before ``other`` (named ``other_label``)."""
    if value is not None and other is not None and value < other:
        raise ValidationError(
            field.name,
            f"{field.label} ({value.isoformat()}) is before the {other_label} "
            f"({other.isoformat()}).",
        )

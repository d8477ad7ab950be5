"""Whether a reoperation happened during the index stay (the admission of the operation).

The index stay runs from the operation date to the discharge date, inclusive. Without a
discharge date the stay's end is unknown: a reoperation within the first 30 days after the
operation is counted as during the stay (the usual "in-hospital or 30-day" reporting window
for reoperation after hepatectomy; Dindo D et al., Ann Surg 2004;240:205-13 grade surgical
re-intervention as IIIb without a time bound, so the window is a convention, stated in the
report's methods); a later one is unknown (None), counted as missing and listed as a
data-quality problem rather than guessed either way.
"""

from __future__ import annotations

from datetime import date, timedelta

from .text_marks import QT_TRANSLATE_NOOP
from .validation import require_date, require_not_before

ASSUMED_STAY_DAYS = 30
# The analysis's data-quality note for the participants this rule cannot decide (printed by
# the outcomes report in its language).
INDEX_STAY_UNKNOWN = QT_TRANSLATE_NOOP(
    "Reports",
    "Unplanned reoperation during the index stay unknown for {n} (no discharge date and the "
    "reoperation more than {days} days after the operation): {ids}",
)


def reoperation_during_index_stay(
    reoperation_date: date, operation_date: date, discharge_date: date | None
) -> bool | None:
    """True / False, or None when it cannot be known (no discharge date, after day 30).

    >>> reoperation_during_index_stay(date(2025, 1, 31), date(2025, 1, 1), None)
    True
    >>> reoperation_during_index_stay(date(2025, 2, 1), date(2025, 1, 1), None) is None
    True
    """
    require_date("operation_date", operation_date)
    require_date("reoperation_date", reoperation_date)
    require_not_before("reoperation_date", reoperation_date, "operation_date", operation_date)
    if discharge_date is not None:
        require_date("discharge_date", discharge_date)
        return reoperation_date <= discharge_date
    if reoperation_date <= operation_date + timedelta(days=ASSUMED_STAY_DAYS):
        return True
    return None


def unplanned_reoperation_flag(flags: list[tuple[bool, bool | None]]) -> bool | None:
    """Any unplanned reoperation during the index stay, from (planned, during stay) pairs.

    True if one unplanned reoperation is known to be in the stay; None if none is, but an
    unplanned one might be (unknown); else False.
    """
    unplanned = [during for planned, during in flags if not planned]
    if any(d is True for d in unplanned):
        return True
    if any(d is None for d in unplanned):
        return None
    return False

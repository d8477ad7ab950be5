"""Unplanned reoperation during the index stay (issue 17): one rule for every caller."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nclm_desktop.clinical import (
    ASSUMED_STAY_DAYS,
    reoperation_during_index_stay,
    unplanned_reoperation_flag,
)

OP = date(2025, 3, 10)


def day(n: int) -> date:
    return OP + timedelta(days=n)


@pytest.mark.parametrize(
    ("reop_day", "discharge_day", "expected"),
    [
        (0, 7, True),  # the operation day is in the stay
        (7, 7, True),  # the discharge day too
        (8, 7, False),  # after discharge: a readmission
        (30, None, True),  # no discharge date: within 30 days counts
        (31, None, None),  # ... later is unknown, never guessed
        (200, None, None),
        (200, 210, True),  # a long stay with its discharge date recorded
    ],
)
def test_reoperation_during_index_stay(reop_day, discharge_day, expected):
    discharge = None if discharge_day is None else day(discharge_day)
    assert reoperation_during_index_stay(day(reop_day), OP, discharge) is expected


def test_window_is_thirty_days():
    assert ASSUMED_STAY_DAYS == 30


def test_reoperation_before_the_operation_is_refused():
    with pytest.raises(ValueError, match="reoperation_date"):
        reoperation_during_index_stay(day(-1), OP, None)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], False),
        ([(True, True)], False),  # planned
        ([(False, False)], False),
        ([(False, None)], None),
        ([(False, None), (False, True)], True),
        ([(True, None)], False),
    ],
)
def test_unplanned_flag(flags, expected):
    assert unplanned_reoperation_flag(flags) is expected

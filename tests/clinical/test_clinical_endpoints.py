"""Endpoints (NCT05771025 outcome measures; windows from nclm-protocol-v1)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nclm_desktop.clinical import (
    intrahepatic_rfs,
    overall_survival,
    perioperative_outcomes,
)

INDEX = date(2024, 1, 10)

# --- overall survival ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "days", "event", "end"),
    [
        ({"death_date": date(2025, 1, 10)}, 366, True, date(2025, 1, 10)),  # death: event
        ({"death_date": INDEX}, 0, True, INDEX),  # death on the day of operation
        ({"last_alive_date": date(2025, 6, 1)}, 508, False, date(2025, 6, 1)),  # censored
        ({}, 0, False, INDEX),  # nothing after the index date is known
        (
            {"death_date": date(2029, 1, 10)},  # death exactly at index + 60 months: event
            1827,
            True,
            date(2029, 1, 10),
        ),
        (
            {"death_date": date(2029, 1, 11)},  # death after the horizon: censored at it
            1827,
            False,
            date(2029, 1, 10),
        ),
        (
            {"last_alive_date": date(2030, 5, 1)},  # follow-up past the horizon: censored at it
            1827,
            False,
            date(2029, 1, 10),
        ),
        (
            {"last_alive_date": date(2024, 6, 1), "death_date": date(2024, 8, 1)},
            204,
            True,
            date(2024, 8, 1),
        ),
        ({"death_date": date(2025, 3, 1), "horizon_months": 12}, 366, False, date(2025, 1, 10)),
    ],
)
def test_overall_survival(kwargs, days, event, end):
    t = overall_survival(INDEX, **kwargs)
    assert (t.days, t.event, t.end_date) == (days, event, end)


def test_survival_months_use_average_month_length():
    t = overall_survival(INDEX, death_date=INDEX + timedelta(days=365))
    assert t.months == pytest.approx(365 / (365.25 / 12))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"death_date": date(2024, 1, 9)},
            "death_date (2024-01-09) must be on or after index_date (2024-01-10)",
        ),
        (
            {"last_alive_date": date(2023, 1, 1)},
            "last_alive_date (2023-01-01) must be on or after index_date (2024-01-10)",
        ),
        (
            {"death_date": date(2024, 5, 1), "last_alive_date": date(2024, 6, 1)},
            "last_alive_date (2024-06-01) must be on or before death_date (2024-05-01)",
        ),
        ({"horizon_months": 0}, "horizon_months must be >= 1 (got 0)"),
    ],
)
def test_overall_survival_refuses_impossible_dates(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        overall_survival(INDEX, **kwargs)


@given(
    st.integers(min_value=0, max_value=4000),
    st.one_of(st.none(), st.integers(min_value=0, max_value=4000)),
)
def test_overall_survival_never_exceeds_the_horizon(alive_days, death_days):
    last = INDEX + timedelta(days=alive_days)
    death = None if death_days is None else INDEX + timedelta(days=death_days)
    if death is not None and last > death:
        last = death
    t = overall_survival(INDEX, death_date=death, last_alive_date=last)
    assert 0 <= t.days <= (date(2029, 1, 10) - INDEX).days
    assert t.event is (death is not None and death <= date(2029, 1, 10))


# --- intrahepatic recurrence-free survival ----------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "days", "event", "end"),
    [
        (  # first of several intrahepatic recurrences
            {"intrahepatic_recurrence_dates": [date(2025, 3, 1), date(2024, 11, 1)],
             "death_date": date(2025, 6, 1)},
            296, True, date(2024, 11, 1),
        ),
        (  # death before any recurrence is the event
            {"intrahepatic_recurrence_dates": [], "death_date": date(2024, 10, 1)},
            265, True, date(2024, 10, 1),
        ),
        (  # no event: censored at the last liver imaging without recurrence
            {"last_liver_imaging_date": date(2025, 1, 1)},
            357, False, date(2025, 1, 1),
        ),
        ({}, 0, False, INDEX),  # no imaging yet
        (  # recurrence after the horizon: censored at the horizon
            {"intrahepatic_recurrence_dates": [date(2029, 6, 1)]},
            1827, False, date(2029, 1, 10),
        ),
        (  # imaging after the horizon: censored at the horizon
            {"last_liver_imaging_date": date(2029, 6, 1)},
            1827, False, date(2029, 1, 10),
        ),
    ],
)  # fmt: skip
def test_intrahepatic_rfs(kwargs, days, event, end):
    t = intrahepatic_rfs(INDEX, **kwargs)
    assert (t.days, t.event, t.end_date) == (days, event, end)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"intrahepatic_recurrence_dates": [date(2024, 3, 1), date(2023, 3, 1)]},
            "intrahepatic_recurrence_dates[1] (2023-03-01) must be on or after resection_date",
        ),
        ({"death_date": date(2023, 1, 1)}, "death_date (2023-01-01) must be on or after"),
        (
            {"death_date": date(2024, 5, 1), "last_liver_imaging_date": date(2024, 6, 1)},
            "last_liver_imaging_date (2024-06-01) must be on or before death_date (2024-05-01)",
        ),
    ],
)
def test_intrahepatic_rfs_refuses_impossible_dates(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        intrahepatic_rfs(INDEX, **kwargs)


# --- perioperative outcomes -------------------------------------------------------------

OP = date(2026, 1, 10)
DAY = lambda n: OP + timedelta(days=n)  # noqa: E731 - postoperative day n


def test_perioperative_outcomes_typical_case():
    out = perioperative_outcomes(
        OP,
        discharge_date=DAY(10),
        complications=[(DAY(2), "II"), (DAY(22), "IIIa")],
        reoperations=[(DAY(5), False)],
    )
    assert out.morbidity_90d and out.major_morbidity_90d
    assert not out.mortality_30d and not out.mortality_90d
    assert out.unplanned_reoperation_index_stay
    assert out.cci == 33.5  # sqrt(1750 + 2750) / 2
    assert out.complication_count == 2


def test_no_complications_gives_zero():
    out = perioperative_outcomes(OP, discharge_date=DAY(7))
    assert not out.morbidity_90d and not out.major_morbidity_90d
    assert out.cci == 0.0 and out.complication_count == 0
    assert not out.unplanned_reoperation_index_stay


@pytest.mark.parametrize(
    ("onset_day", "counted"),
    [(0, True), (90, True), (91, False)],  # within 90 days of the operation, day 90 included
)
def test_morbidity_window(onset_day, counted):
    out = perioperative_outcomes(OP, complications=[(DAY(onset_day), "IIIb")])
    assert out.morbidity_90d is counted
    assert out.major_morbidity_90d is counted
    assert out.complication_count == int(counted)


@pytest.mark.parametrize(
    ("grade", "major"),
    [("II", False), ("IIIa", True)],  # Dindo 2004: major >= IIIa
)
def test_major_morbidity_threshold(grade, major):
    assert perioperative_outcomes(OP, complications=[(DAY(3), grade)]).major_morbidity_90d is major


@pytest.mark.parametrize(
    ("death_day", "m30", "m90"),
    [(0, True, True), (30, True, True), (31, False, True), (90, False, True), (91, False, False)],
)
def test_mortality_windows(death_day, m30, m90):
    out = perioperative_outcomes(OP, death_date=DAY(death_day))
    assert (out.mortality_30d, out.mortality_90d) == (m30, m90)


@pytest.mark.parametrize(
    ("reoperations", "discharge", "counted"),
    [
        ([(DAY(5), True)], DAY(10), False),  # planned (e.g. second-stage) does not count
        ([(DAY(10), False)], DAY(10), True),  # on the discharge day: still the index stay
        ([(DAY(11), False)], DAY(10), False),  # after discharge: a readmission, not counted
        # No discharge date: within 30 days counts, later is unknown (issue 17), not "yes".
        ([(DAY(30), False)], None, True),
        ([(DAY(31), False)], None, None),
        ([(DAY(40), False)], None, None),
        ([(DAY(40), False), (DAY(3), False)], None, True),  # one known in the stay decides
        ([(DAY(40), True)], None, False),  # planned ones never count, known or not
    ],
)
def test_unplanned_reoperation_during_index_stay(reoperations, discharge, counted):
    out = perioperative_outcomes(OP, discharge_date=discharge, reoperations=reoperations)
    assert out.unplanned_reoperation_index_stay is counted


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"death_date": DAY(-1)},
            "death_date (2026-01-09) must be on or after operation_date (2026-01-10)",
        ),
        (
            {"complications": [(DAY(-2), "I")]},
            "complications[0] onset date (2026-01-08) must be on or after operation_date",
        ),
        (
            {"complications": [(DAY(2), "IIc")]},
            "complications[0] grade must be one of I, II, IIIa, IIIb, IVa, IVb, V (got 'IIc')",
        ),
        ({"complications": [DAY(2)]}, "complications[0] must be a pair (date, value)"),
        ({"discharge_date": DAY(-1)}, "discharge_date (2026-01-09) must be on or after"),
        (
            {"discharge_date": DAY(12), "death_date": DAY(10)},
            "discharge_date (2026-01-22) must be on or before death_date (2026-01-20)",
        ),
        ({"reoperations": [(DAY(3), "no")]}, "reoperations[0] planned must be true or false"),
        ({"reoperations": [(DAY(-3), True)]}, "reoperations[0] date (2026-01-07) must be on or after"),
    ],
)  # fmt: skip
def test_perioperative_outcomes_refuse_impossible_input(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        perioperative_outcomes(OP, **kwargs)


def test_endpoints_from_records_follow_design_section_3():
    """docs/ARCHITECTURE.md §4: OS censored at the last date known alive (latest completed visit or
    contact); intrahepatic RFS ends at the first intrahepatic recurrence or death, an
    extrahepatic recurrence alone is not an event; censored at the last liver imaging
    without recurrence."""
    from nclm_desktop.clinical import endpoints_from_records

    anchor = date(2024, 1, 10)
    events = [
        ("extrahepatic_recurrence", date(2024, 6, 1)),
        ("intrahepatic_recurrence", date(2024, 9, 1)),
    ]
    done = [(date(2024, 4, 10), "no_recurrence"), (date(2024, 10, 5), "intrahepatic_recurrence")]
    os_time, rfs = endpoints_from_records(anchor, "hepatectomy", events, done)
    assert (os_time.event, os_time.end_date) == (False, date(2024, 10, 5))
    assert (rfs.event, rfs.end_date) == (True, date(2024, 9, 1))
    os_time, rfs = endpoints_from_records(anchor, "hepatectomy", [], done[:1])
    assert (rfs.event, rfs.end_date) == (False, date(2024, 4, 10))
    os_time, rfs = endpoints_from_records(anchor, "systemic", [("death", date(2025, 2, 1))], done)
    assert (os_time.event, os_time.end_date, rfs) == (True, date(2025, 2, 1), None)

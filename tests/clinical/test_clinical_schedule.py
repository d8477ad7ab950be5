"""Follow-up schedule (protocol nclm-protocol-v1, docs/ARCHITECTURE.md §4)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nclm_desktop.clinical import (
    ExistingVisit,
    add_months,
    replan_visits,
    schedule_visits,
    shift_off_weekend,
    visit_state,
)

# --- add_months ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # protocol: 31 Jan + 1 month = 29 Feb (leap)
        (date(2023, 1, 31), 1, date(2023, 2, 28)),  # ... = 28 Feb (common year)
        (date(2024, 3, 31), 1, date(2024, 4, 30)),  # 30-day month clamps
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day + 1 year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # leap day + 4 years
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),  # year rollover
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2024, 5, 10), 0, date(2024, 5, 10)),
        (date(2024, 1, 30), 1, date(2024, 2, 29)),
        (date(2024, 1, 28), 1, date(2024, 2, 28)),  # existing day is kept, not clamped
    ],
)
def test_add_months(start, n, expected):
    assert add_months(start, n) == expected


def test_add_months_refuses_bad_input():
    with pytest.raises(ValueError, match="n must be a whole number"):
        add_months(date(2024, 1, 1), 1.5)
    with pytest.raises(ValueError, match="d must be a calendar date"):
        add_months("2024-01-01", 1)


# --- schedule_visits ----------------------------------------------------------------------


def test_schedule_from_a_month_end_anchor():
    visits = schedule_visits(date(2026, 1, 31))
    assert [v.code for v in visits] == [
        "M1", "M3", "M6", "M9", "M12", "M15", "M18", "M21", "M24",
        "M30", "M36", "M42", "M48", "M54", "M60",
    ]  # fmt: skip
    m1, m3 = visits[0], visits[1]
    assert m1.month == 1
    assert m1.target == date(2026, 2, 28)  # clamped to the last day of February
    assert (m1.window_start, m1.window_end) == (date(2026, 2, 21), date(2026, 3, 7))  # ±7
    assert m3.target == date(2026, 4, 30)
    assert (m3.window_start, m3.window_end) == (date(2026, 4, 16), date(2026, 5, 14))  # ±14
    by_code = {v.code: v for v in visits}
    assert by_code["M24"].window_end - by_code["M24"].target == timedelta(days=14)  # ±14 to M24
    assert by_code["M30"].window_end - by_code["M30"].target == timedelta(days=28)  # ±28 after
    assert by_code["M60"].target == date(2031, 1, 31)


def test_assessments_every_visit_and_every_six_months():
    by_code = {v.code: v for v in schedule_visits(date(2026, 3, 1))}
    base = ("history_exam", "ecog", "liver_function", "ebv_dna", "liver_imaging")
    assert by_code["M1"].assessments == base
    assert by_code["M3"].assessments == base  # no chest CT / nasopharynx MRI at month 3
    assert by_code["M6"].assessments == (*base, "chest_ct", "nasopharynx_mri")
    assert by_code["M9"].assessments == base
    for code in ("M12", "M18", "M24", "M30", "M36", "M60"):
        assert "chest_ct" in by_code[code].assessments
        assert "nasopharynx_mri" in by_code[code].assessments


@st.composite
def anchors(draw):
    """Any date, with month ends and 29 February drawn often."""
    year = draw(st.integers(min_value=1950, max_value=2100))
    month = draw(st.integers(min_value=1, max_value=12))
    last = calendar.monthrange(year, month)[1]
    day = draw(st.one_of(st.integers(1, last), st.sampled_from([last, max(last - 1, 1)])))
    return date(year, month, day)


@given(st.one_of(anchors(), st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1))))
def test_targets_increase_and_windows_never_overlap(anchor):
    visits = schedule_visits(anchor)
    for v in visits:
        assert v.window_start <= v.target <= v.window_end
        assert v.target == add_months(anchor, v.month)
        assert v.target > anchor
    for earlier, later in zip(visits, visits[1:], strict=False):
        assert earlier.target < later.target
        assert earlier.window_end < later.window_start


# --- replan_visits ------------------------------------------------------------------------

OLD_ANCHOR = date(2026, 1, 10)
NEW_ANCHOR = date(2026, 1, 20)


def test_replan_keeps_done_visits_and_moves_open_ones():
    existing = [
        ExistingVisit("M1", "done", actual_date=date(2026, 2, 12)),
        ExistingVisit("M3", "missed"),
        ExistingVisit("M6", "planned", scheduled_date=date(2026, 7, 10)),
        ExistingVisit("M9", "cancelled"),
        ExistingVisit("M12", "planned"),
    ]
    plan = replan_visits(existing, NEW_ANCHOR)
    assert plan.keep == ("M1", "M3", "M9")  # history never moves
    assert [code for code, _ in plan.move] == ["M6", "M12"]
    assert dict(plan.move)["M6"].target == date(2026, 7, 20)
    assert plan.cancel == ()
    assert [v.code for v in plan.add] == [
        "M15", "M18", "M21", "M24", "M30", "M36", "M42", "M48", "M54", "M60"
    ]  # fmt: skip


def test_replan_with_stop_date_plans_nothing_on_or_after_it():
    existing = [
        ExistingVisit("M1", "done"),
        ExistingVisit("M3", "planned"),  # target 2026-04-20: before the stop date, stays open
        ExistingVisit("M6", "planned"),  # target 2026-07-20: on the stop date -> cancel
        ExistingVisit("M9", "planned"),
    ]
    plan = replan_visits(existing, NEW_ANCHOR, stop_date=date(2026, 7, 20))
    assert plan.keep == ("M1",)
    assert [code for code, _ in plan.move] == ["M3"]
    assert plan.cancel == ("M6", "M9")
    assert plan.add == ()


def test_first_plan_after_death_before_any_visit():
    plan = replan_visits([], OLD_ANCHOR, stop_date=date(2026, 5, 1))
    assert [v.code for v in plan.add] == ["M1", "M3"]
    assert plan.keep == plan.cancel == plan.move == ()


def test_replan_cancels_open_visits_the_protocol_no_longer_has():
    plan = replan_visits([ExistingVisit("M2", "planned"), ExistingVisit("M4", "done")], NEW_ANCHOR)
    assert plan.cancel == ("M2",)
    assert plan.keep == ("M4",)


def test_replan_refuses_bad_input():
    with pytest.raises(ValueError, match="distinct codes"):
        replan_visits([ExistingVisit("M1", "done"), ExistingVisit("M1", "planned")], NEW_ANCHOR)
    with pytest.raises(ValueError, match="status of visit M1 must be one of"):
        replan_visits([ExistingVisit("M1", "finished")], NEW_ANCHOR)


statuses = st.sampled_from(["planned", "done", "missed", "cancelled"])


@given(
    st.dictionaries(
        st.sampled_from([v.code for v in schedule_visits(OLD_ANCHOR)]), statuses, max_size=15
    ),
    anchors(),
    st.one_of(st.none(), anchors()),
)
def test_replan_never_moves_done_visits_and_accounts_for_every_code(statuses, anchor, stop):
    existing = [ExistingVisit(code, status) for code, status in statuses.items()]
    plan = replan_visits(existing, anchor, stop_date=stop)
    moved = {code for code, _ in plan.move}
    for code, status in statuses.items():
        if status != "planned":
            assert code in plan.keep and code not in moved and code not in plan.cancel
        else:
            assert (code in moved) != (code in plan.cancel)
    for v in [*plan.add, *(v for _, v in plan.move)]:
        assert stop is None or v.target < stop
    assert not {v.code for v in plan.add} & set(statuses)


# --- shift_off_weekend --------------------------------------------------------------------

# 2026-03-06 is a Friday, 03-07 Saturday, 03-08 Sunday, 03-09 Monday.
FRI, SAT, SUN, MON = (date(2026, 3, d) for d in (6, 7, 8, 9))


@pytest.mark.parametrize(
    ("target", "start", "end", "expected"),
    [
        (date(2026, 3, 4), date(2026, 2, 25), date(2026, 3, 11), date(2026, 3, 4)),  # weekday
        (SAT, SAT - timedelta(14), SAT + timedelta(14), FRI),  # Saturday -> Friday
        (SUN, SUN - timedelta(14), SUN + timedelta(14), MON),  # Sunday -> Monday
        (SAT, SAT, SAT + timedelta(7), MON),  # Friday outside the window -> Monday
        (SUN, SUN - timedelta(7), SUN, FRI),  # Monday outside the window -> Friday
        (SAT, SAT, SUN, SAT),  # no working day in the window: unchanged
    ],
)
def test_shift_off_weekend(target, start, end, expected):
    assert shift_off_weekend(target, start, end) == expected


def test_shift_off_weekend_refuses_target_outside_window():
    with pytest.raises(ValueError, match=re.escape("must lie within the window")):
        shift_off_weekend(MON, FRI, SUN)


@given(anchors(), st.integers(0, 28))
def test_shift_off_weekend_picks_the_nearest_working_day_in_the_window(target, half):
    start, end = target - timedelta(days=half), target + timedelta(days=half)
    shifted = shift_off_weekend(target, start, end)
    assert start <= shifted <= end
    working = [start + timedelta(d) for d in range(2 * half + 1)]
    working = [d for d in working if d.weekday() < 5]
    if working:
        assert shifted.weekday() < 5
        assert abs((shifted - target).days) == min(abs((d - target).days) for d in working)


# --- visit_state --------------------------------------------------------------------------

W_START, W_END = date(2026, 4, 6), date(2026, 5, 4)


@pytest.mark.parametrize(
    ("status", "today", "state"),
    [
        ("planned", W_START - timedelta(1), "planned"),
        ("planned", W_START, "due"),  # first day of the window
        ("planned", W_END, "due"),  # last day of the window
        ("planned", W_END + timedelta(1), "overdue"),  # window_end < today, still planned
        ("done", W_END + timedelta(1), "done"),
        ("done", W_START, "done"),
        ("missed", W_END + timedelta(30), "missed"),
        ("cancelled", W_START, "cancelled"),
    ],
)
def test_visit_state(status, today, state):
    assert visit_state(status, W_START, W_END, today) == state


def test_visit_state_refuses_bad_input():
    with pytest.raises(ValueError, match="visit_status must be one of"):
        visit_state("due", W_START, W_END, W_START)
    with pytest.raises(ValueError, match="window_end"):
        visit_state("planned", W_END, W_START, W_START)

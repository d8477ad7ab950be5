"""Follow-up visit schedule: targets, windows, assessments, re-planning and visit states.

Visit months, windows and assessments come from the protocol file (docs/ARCHITECTURE.md §4).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .protocol import Protocol, load_protocol
from .validation import require_choice, require_date, require_int

VISIT_STATUSES = ("planned", "done", "missed", "cancelled")
VISIT_STATES = ("planned", "due", "overdue", "done", "missed", "cancelled")


@dataclass(frozen=True)
class PlannedVisit:
    code: str
    month: int
    target: date
    window_start: date
    window_end: date
    assessments: tuple[str, ...]


@dataclass(frozen=True)
class ExistingVisit:
    """A visit already stored for a participant, as the re-planner needs to see it."""

    code: str
    status: str  # one of VISIT_STATUSES
    scheduled_date: date | None = None
    actual_date: date | None = None


@dataclass(frozen=True)
class Replan:
    keep: tuple[str, ...]  # codes left exactly as they are (done, missed, cancelled)
    move: tuple[tuple[str, PlannedVisit], ...]  # open visits with their new dates
    cancel: tuple[str, ...]  # open visits to cancel
    add: tuple[PlannedVisit, ...]  # visits of the schedule not stored yet


def add_months(d: date, n: int) -> date:
    """``d`` plus ``n`` calendar months; a day that does not exist clamps to the month's last
    day (31 January + 1 month = 28 or 29 February), as the protocol schedule requires."""
    require_date("d", d)
    require_int("n", n)
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"n must keep the date within years 1 to 9999 (got {n})")
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def schedule_visits(anchor: date, protocol: Protocol | None = None) -> list[PlannedVisit]:
    """The protocol's follow-up visits from ``anchor`` (operation date in the hepatectomy
    group, index date in the systemic-only group): target = anchor + N calendar months,
    window = target ± the visit's window_days."""
    require_date("anchor", anchor)
    protocol = protocol or load_protocol()
    schedule = protocol.schedule
    visits = []
    for spec in schedule.visits:
        target = add_months(anchor, spec.month)
        window = timedelta(days=spec.window_days)
        visits.append(
            PlannedVisit(
                code=spec.code,
                month=spec.month,
                target=target,
                window_start=target - window,
                window_end=target + window,
                assessments=schedule.assessments_for_month(spec.month),
            )
        )
    return visits


def replan_visits(
    existing: Iterable[ExistingVisit],
    new_anchor: date,
    stop_date: date | None = None,
    protocol: Protocol | None = None,
) -> Replan:
    """Re-plan a participant's visits after the anchor changed or follow-up stopped.

    - Visits already done, missed or cancelled are history and never move.
    - Open ("planned") visits get the new target and window.
    - Nothing is planned on or after ``stop_date`` (death or withdrawal): open visits whose
      new target falls on or after it are cancelled, and such visits are not added. Open
      visits due before it stay, so the coordinator can still record them as done or missed.
    - Open visits whose code the protocol no longer has are cancelled.
    - Visits of the schedule not stored yet are added.

    With no existing visits this is the first plan, honouring ``stop_date``.
    """
    require_date("new_anchor", new_anchor)
    if stop_date is not None:
        require_date("stop_date", stop_date)
    plan = {v.code: v for v in schedule_visits(new_anchor, protocol)}

    keep: list[str] = []
    move: list[tuple[str, PlannedVisit]] = []
    cancel: list[str] = []
    seen: set[str] = set()
    for visit in existing:
        if visit.code in seen:
            raise ValueError(f"existing visits must have distinct codes ('{visit.code}' repeats)")
        seen.add(visit.code)
        require_choice(f"status of visit {visit.code}", visit.status, VISIT_STATUSES)
        if visit.status != "planned":
            keep.append(visit.code)
            continue
        new = plan.get(visit.code)
        if new is None or (stop_date is not None and new.target >= stop_date):
            cancel.append(visit.code)
        else:
            move.append((visit.code, new))

    add = [
        v
        for code, v in plan.items()
        if code not in seen and (stop_date is None or v.target < stop_date)
    ]
    return Replan(tuple(keep), tuple(move), tuple(cancel), tuple(add))


def shift_off_weekend(target: date, window_start: date, window_end: date) -> date:
    """The working day (Monday to Friday) nearest to ``target`` inside the window.

    On a tie the earlier day wins: Saturday → Friday, Sunday → Monday. If the window holds
    no working day, ``target`` is returned unchanged. Public holidays are not known here.
    """
    for name, value in (
        ("target", target),
        ("window_start", window_start),
        ("window_end", window_end),
    ):
        require_date(name, value)
    if not window_start <= target <= window_end:
        raise ValueError(
            f"target ({target}) must lie within the window {window_start} to {window_end}"
        )
    if target.weekday() < 5:
        return target
    for step in range(1, (window_end - window_start).days + 1):
        for candidate in (target - timedelta(days=step), target + timedelta(days=step)):
            if window_start <= candidate <= window_end and candidate.weekday() < 5:
                return candidate
    return target


def visit_state(visit_status: str, window_start: date, window_end: date, today: date) -> str:
    """What a visit means today: a stored status of done / missed / cancelled is final;
    a planned visit is "planned" before its window, "due" inside it and "overdue" after."""
    require_choice("visit_status", visit_status, VISIT_STATUSES)
    for name, value in (
        ("window_start", window_start),
        ("window_end", window_end),
        ("today", today),
    ):
        require_date(name, value)
    if window_end < window_start:
        raise ValueError(
            f"window_end ({window_end}) must be on or after window_start ({window_start})"
        )
    if visit_status != "planned":
        return visit_status
    if today < window_start:
        return "planned"
    return "due" if today <= window_end else "overdue"

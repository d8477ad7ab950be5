"""Study endpoints computed from plain dated records (NCT05771025 outcome measures).

Endpoints are computed, never typed in. Time is counted in days from the index date; the
administrative horizon (60 months) and the perioperative windows come from the protocol.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .complications import cci, is_major_complication, normalize_clavien_dindo_grade
from .index_stay import reoperation_during_index_stay, unplanned_reoperation_flag
from .protocol import Protocol, load_protocol
from .schedule import add_months
from .validation import (
    require_bool,
    require_date,
    require_int,
    require_not_after,
    require_not_before,
)

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class SurvivalTime:
    days: int
    event: bool  # True: the event happened on end_date; False: censored on end_date
    end_date: date

    @property
    def months(self) -> float:
        """Days in average months (365.25 / 12 days), the usual unit of survival curves."""
        return self.days / DAYS_PER_MONTH


@dataclass(frozen=True)
class PerioperativeOutcomes:
    morbidity_90d: bool
    major_morbidity_90d: bool  # Clavien-Dindo IIIa or worse
    mortality_30d: bool
    mortality_90d: bool
    unplanned_reoperation_index_stay: bool | None  # None: unknown (no discharge date)
    cci: float  # over the complications within the morbidity window
    complication_count: int  # complications within the morbidity window


def _horizon(index_date: date, horizon_months: int | None, protocol: Protocol | None) -> date:
    if horizon_months is None:
        horizon_months = (protocol or load_protocol()).endpoints.horizon_months
    require_int("horizon_months", horizon_months, ge=1)
    return add_months(index_date, horizon_months)


def _time(start: date, end: date, event: bool) -> SurvivalTime:
    return SurvivalTime((end - start).days, event, end)


def overall_survival(
    index_date: date,
    death_date: date | None = None,
    last_alive_date: date | None = None,
    horizon_months: int | None = None,
    protocol: Protocol | None = None,
) -> SurvivalTime:
    """Overall survival: index date → death from any cause (the study's primary outcome).

    Without a death the time is censored at the last date known alive (the index date if
    nothing later is known). Follow-up is administratively censored at index + 60 months
    (protocol ``endpoints.horizon_months``): a death after the horizon is censored there.
    """
    require_date("index_date", index_date)
    horizon = _horizon(index_date, horizon_months, protocol)
    if death_date is not None:
        require_date("death_date", death_date)
        require_not_before("death_date", death_date, "index_date", index_date)
    if last_alive_date is not None:
        require_date("last_alive_date", last_alive_date)
        require_not_before("last_alive_date", last_alive_date, "index_date", index_date)
        if death_date is not None:
            require_not_after("last_alive_date", last_alive_date, "death_date", death_date)
    if death_date is not None:
        if death_date <= horizon:
            return _time(index_date, death_date, True)
        return _time(index_date, horizon, False)
    last = last_alive_date or index_date
    return _time(index_date, min(last, horizon), False)


def intrahepatic_rfs(
    resection_date: date,
    intrahepatic_recurrence_dates: Iterable[date] = (),
    death_date: date | None = None,
    last_liver_imaging_date: date | None = None,
    horizon_months: int | None = None,
    protocol: Protocol | None = None,
) -> SurvivalTime:
    """Intrahepatic recurrence-free survival (hepatectomy group; secondary outcome).

    Resection → first confirmed intrahepatic recurrence or death from any cause, whichever is
    earlier. Extrahepatic recurrence alone is not an event, so it is not an input. Without
    an event the time is censored at the last liver imaging without recurrence (the
    resection date if none), and everything is censored at the 60-month horizon.
    """
    require_date("resection_date", resection_date)
    horizon = _horizon(resection_date, horizon_months, protocol)
    events: list[date] = []
    for i, d in enumerate(intrahepatic_recurrence_dates):
        name = f"intrahepatic_recurrence_dates[{i}]"
        require_date(name, d)
        require_not_before(name, d, "resection_date", resection_date)
        events.append(d)
    if death_date is not None:
        require_date("death_date", death_date)
        require_not_before("death_date", death_date, "resection_date", resection_date)
        events.append(death_date)
    if last_liver_imaging_date is not None:
        require_date("last_liver_imaging_date", last_liver_imaging_date)
        require_not_before(
            "last_liver_imaging_date", last_liver_imaging_date, "resection_date", resection_date
        )
        if death_date is not None:
            require_not_after(
                "last_liver_imaging_date", last_liver_imaging_date, "death_date", death_date
            )
    if events:
        first = min(events)
        if first <= horizon:
            return _time(resection_date, first, True)
        return _time(resection_date, horizon, False)
    last = last_liver_imaging_date or resection_date
    return _time(resection_date, min(last, horizon), False)


def perioperative_outcomes(
    operation_date: date,
    discharge_date: date | None = None,
    complications: Iterable[tuple[date, str]] = (),
    reoperations: Iterable[tuple[date, bool]] = (),
    death_date: date | None = None,
    protocol: Protocol | None = None,
) -> PerioperativeOutcomes:
    """Perioperative outcomes of one operation (secondary outcomes of NCT05771025).

    - Morbidity: any complication with onset within 90 days of the operation (onset on or
      before operation + 90 days); major morbidity: one of them Clavien-Dindo >= IIIa
      (Dindo 2004); CCI over them (Slankamenac 2013).
    - Mortality: death within 30 days of the operation (90 days beside it).
    - Unplanned reoperation during the index stay: an unplanned reoperation from the
      operation date to the discharge date inclusive (``index_stay``); with no discharge
      date one within 30 days counts and a later one makes the flag unknown (None).

    ``complications`` are (onset_date, Clavien-Dindo grade); ``reoperations`` are
    (date, planned). Windows come from the protocol's ``endpoints`` block.
    """
    require_date("operation_date", operation_date)
    windows = (protocol or load_protocol()).endpoints
    if death_date is not None:
        require_date("death_date", death_date)
        require_not_before("death_date", death_date, "operation_date", operation_date)
    if discharge_date is not None:
        require_date("discharge_date", discharge_date)
        require_not_before("discharge_date", discharge_date, "operation_date", operation_date)
        if death_date is not None:
            require_not_after("discharge_date", discharge_date, "death_date", death_date)

    morbidity_end = operation_date + timedelta(days=windows.morbidity_days)
    grades: list[str] = []
    for i, item in enumerate(complications):
        onset, grade = _pair(item, f"complications[{i}]")
        require_date(f"complications[{i}] onset date", onset)
        require_not_before(
            f"complications[{i}] onset date", onset, "operation_date", operation_date
        )
        grade = normalize_clavien_dindo_grade(grade, f"complications[{i}] grade")
        if onset <= morbidity_end:
            grades.append(grade)

    stay_flags: list[tuple[bool, bool | None]] = []
    for i, item in enumerate(reoperations):
        when, planned = _pair(item, f"reoperations[{i}]")
        require_date(f"reoperations[{i}] date", when)
        require_not_before(f"reoperations[{i}] date", when, "operation_date", operation_date)
        require_bool(f"reoperations[{i}] planned", planned)
        stay_flags.append(
            (planned, reoperation_during_index_stay(when, operation_date, discharge_date))
        )
    unplanned = unplanned_reoperation_flag(stay_flags)

    def died_within(days: int) -> bool:
        return death_date is not None and death_date <= operation_date + timedelta(days=days)

    return PerioperativeOutcomes(
        morbidity_90d=bool(grades),
        major_morbidity_90d=any(is_major_complication(g) for g in grades),
        mortality_30d=died_within(windows.mortality_days),
        mortality_90d=died_within(windows.mortality_days_secondary),
        unplanned_reoperation_index_stay=unplanned,
        cci=cci(grades),
        complication_count=len(grades),
    )


def _pair(item: object, name: str) -> tuple:
    if not isinstance(item, tuple | list) or len(item) != 2:
        raise ValueError(f"{name} must be a pair (date, value) (got {item!r})")
    return tuple(item)


# The participant was seen or heard of alive on the day of these events.
ALIVE_EVENT_KINDS = frozenset(
    {
        "intrahepatic_recurrence",
        "extrahepatic_recurrence",
        "local_regional_recurrence",
        "last_contact_alive",
        "withdrawal",
    }
)


def endpoints_from_records(
    anchor: date,
    cohort: str | None,
    events: Iterable[tuple[str, date]],
    done_visits: Iterable[tuple[date, str | None]],
    protocol: Protocol | None = None,
) -> tuple[SurvivalTime, SurvivalTime | None]:
    """OS and (hepatectomy group) intrahepatic RFS from a participant's clinical events
    (kind, date) and completed visits (actual date, liver imaging result), docs/ARCHITECTURE.md §4:
    last known alive = the latest completed visit or alive-contact event; RFS is censored
    at the last liver imaging without recurrence; nothing after death counts."""
    events = list(events)
    done_visits = list(done_visits)
    deaths = [d for k, d in events if k == "death"]
    death = min(deaths) if deaths else None

    def latest(dates: Iterable[date]) -> date | None:
        kept = [d for d in dates if d >= anchor and (death is None or d <= death)]
        return max(kept) if kept else None

    last_alive = latest(
        [d for d, _ in done_visits] + [d for k, d in events if k in ALIVE_EVENT_KINDS]
    )
    os_time = overall_survival(anchor, death, last_alive, protocol=protocol)
    rfs = None
    if cohort == "hepatectomy":
        recurrences = [d for k, d in events if k == "intrahepatic_recurrence" and d >= anchor]
        last_imaging = latest(d for d, result in done_visits if result == "no_recurrence")
        rfs = intrahepatic_rfs(anchor, recurrences, death, last_imaging, protocol=protocol)
    return os_time, rfs

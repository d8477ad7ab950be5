"""The synthetic demo study: people screened, enrolled, operated and followed up, every
record written through the application's services (so it is validated and audited like real
work).

``generate_study(db, actors, participants=N, seed=S, today=D)`` -> ``StudyCounts``: ``N``
people screened over the four years before ``today`` in date order, about 20 % failing
screening, the rest enrolled (about 60 % hepatectomy), operated, followed up until ``today``
with visits done, missed and open, recurrences and deaths. The same seed and ``today`` give
the same data. ``GENERATOR_VERSION`` changes whenever the same seed would give different
data (the benchmark's cached stress database is keyed by it).

Every write is a service call made by the role that would make it (screening by the
investigator, surgeons or coordinator; operations by surgeons; visits by the coordinator)
with ``today`` set to the simulated day of entry. Calls are grouped in batches of one
transaction each (``demo/batch.py``): the same validation and audit, far fewer fsyncs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..models.db import Database
from ..services import enrolment as enrol_service
from ..services import followup as fu
from ..services import surgery as surgery_service
from ..services.errors import ServiceError
from .actors import DEMO_PASSWORD, DemoActors
from .batch import batched
from .counts import StudyCounts, study_counts
from .draws import (
    FAILURES,
    SCREEN_FAIL_RATE,
    Course,
    Screened,
    choose_cohort,
    days,
    draw_course,
    draw_lines,
    draw_screened,
    weighted,
)
from .monitoring import Monitored, monitor_study
from .people import RecordNumbers
from .surgery import (
    RESECTION_TYPES,
    draw_complications,
    draw_operation,
    draw_resection,
    plan_surgery,
)

GENERATOR_VERSION = 3  # 3: monitoring (queries, SDV marks, signed casebooks)
ACCRUAL_DAYS = 4 * 365  # screenings spread over the four years before today
CONSENT_DELAYS = (0, 0, 1, 2, 3, 5, 7, 10, 14)  # days from screening to consent
BATCH_PARTICIPANTS = 50  # participants per committed transaction
# The first complicated operations show these kinds (ISGLS-graded ones, a relaparotomy,
# intensive care and a death), whatever the size of the demo.
SHOWCASE_COMPLICATIONS = (
    "IIIb:haemorrhage",
    "II:liver_failure",
    "IIIa:bile_leakage",
    "IVa:pneumonia",
    "V:liver_failure",
)
SKIPPABLE = ("chest_ct", "nasopharynx_mri", "ebv_dna")
VISIT_NOTES = (
    "Feels well; back at work.",
    "Mild fatigue.",
    "Appetite good, weight stable.",
    "Occasional right upper quadrant discomfort.",
    "Came with her daughter; no complaints.",
    "Phone reminder needed the day before.",
)


# --- the study -----------------------------------------------------------------------------


@dataclass
class _Context:
    db: Database
    actors: DemoActors
    seed: int
    today: dt.date
    numbers: RecordNumbers
    showcase_types: list[str]
    showcase_complications: list[str]
    seen: Monitored


def _entry(ctx: _Context, day: dt.date, rng: random.Random, lag: int = 3) -> dt.date:
    """The day the record is typed in: a little after ``day``, never after today."""
    return min(ctx.today, day + days(rng.randint(0, lag)))


def screening_dates(rng: random.Random, n: int, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """(screening, consent) dates in the order of consent, so study IDs follow enrolment."""
    first = today - dt.timedelta(days=ACCRUAL_DAYS)
    dates = []
    for _ in range(n):
        screened = first + days(rng.uniform(0, ACCRUAL_DAYS - 2))
        dates.append((screened, screened + days(rng.choice(CONSENT_DELAYS))))
    return sorted(dates, key=lambda pair: (pair[1], pair[0]))


def generate_study(
    db: Database,
    actors: DemoActors,
    *,
    participants: int,
    seed: int,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    password: str = DEMO_PASSWORD,
) -> StudyCounts:
    """Screen ``participants`` people and play their study course up to ``today``."""
    if participants < 1:
        raise ServiceError("The demo needs at least one participant.")
    timeline = random.Random(f"nclm-demo/{seed}/timeline")
    dates = screening_dates(timeline, participants, today)
    showcase = list(RESECTION_TYPES)
    timeline.shuffle(showcase)
    with batched(db) as batch:
        ctx = _Context(
            batch,
            actors,
            seed,
            today,
            RecordNumbers(),
            showcase,
            list(SHOWCASE_COMPLICATIONS),
            Monitored([], set()),
        )
        for i, (screened_on, consent) in enumerate(dates):
            _participant(ctx, random.Random(f"nclm-demo/{seed}/{i}"), screened_on, consent)
            batch.unit_done(BATCH_PARTICIPANTS)
            if progress is not None:
                progress(i + 1, participants)
        monitor_study(batch, actors, seed, ctx.seen, password)  # after all data are in
    return study_counts(db)


def _participant(ctx: _Context, rng: random.Random, screened_on: dt.date, consent: dt.date) -> None:
    failure = weighted(rng, FAILURES) if rng.random() < SCREEN_FAIL_RATE else None
    key, segments = draw_resection(rng)
    screened = draw_screened(rng, screened_on, ctx.numbers, failure, _lesions(rng, segments))
    screener = rng.choice(ctx.actors.screeners)
    if failure is not None or consent > ctx.today:  # failed, or eligible awaiting consent
        enrol_service.screen(
            ctx.db,
            screener,
            screened.identity,
            screened.screening,
            baseline=screened.baseline,
            today=_entry(ctx, screened_on, rng, 1),
        )
        return
    cohort = choose_cohort(rng, screened)
    if cohort == "hepatectomy" and ctx.showcase_types:
        key = ctx.showcase_types.pop()  # the first operations show every resection type
        segments = draw_resection(rng, key)[1]
        screened = replace(
            screened,
            baseline=replace(screened.baseline, liver_met_segments=_lesions(rng, segments)),
        )
    index = None
    if cohort == "systemic":
        index = min(consent, screened_on + days(rng.randint(-21, 7)))
    enrolled = enrol_service.screen_and_enrol(
        ctx.db,
        screener,
        screened.identity,
        screened.screening,
        cohort=cohort,
        consent_date=consent,
        index_date=index,
        systemic_lines=draw_lines(rng, screened, cohort, index),
        baseline=screened.baseline,
        today=consent,
    )
    course = draw_course(rng, screened, cohort)
    pid = enrolled.participant_id
    ctx.seen.enrolled.append(pid)
    if cohort == "systemic":
        assert index is not None
        death = _death_date(course, index, consent + days(30))
        _follow_up(ctx, rng, pid, cohort, index, course, death, screened)
        return
    operated = consent + days(rng.randint(3, 21))
    if operated > ctx.today:
        return  # enrolled, waiting for the operation
    after = _operate(ctx, rng, pid, key, segments, operated, screened)
    if after is None:  # died of a complication (grade V)
        return
    death = _death_date(course, operated, after + days(7))
    _follow_up(ctx, rng, pid, cohort, operated, course, death, screened)


def _lesions(rng: random.Random, segments: tuple[int, ...]) -> frozenset[int]:
    k = rng.randint(1, min(2, len(segments)))
    return frozenset(rng.sample(segments, k))


def _death_date(course: Course, index: dt.date, not_before: dt.date) -> dt.date | None:
    if course.death is None:
        return None
    return max(index + days(course.death), not_before)


# --- surgery -------------------------------------------------------------------------------


def _operate(
    ctx: _Context,
    rng: random.Random,
    pid: int,
    key: str,
    segments: tuple[int, ...],
    operated: dt.date,
    screened: Screened,
) -> dt.date | None:
    """Record the operation and what followed it; returns the discharge date (or the
    operation date while the patient is still in hospital), None after a grade V death."""
    ops = ctx.actors.operators
    lead = rng.choices(ops, weights=(4, 4, 2))[0]
    team = [lead] + ([rng.choice([a for a in ops if a != lead])] if rng.random() < 0.4 else [])
    base = screened.baseline
    op, stay = draw_operation(
        rng,
        key,
        segments,
        operated,
        [a.user_id for a in team],
        base.liver_met_count or 1,
        base.liver_met_largest_mm or 20.0,
    )
    comps = draw_complications(rng, len(segments) >= 3, operated, ctx.showcase_complications)
    plan = plan_surgery(rng, op, stay, comps)
    today = ctx.today
    if plan.death is not None and plan.death > today:  # still in intensive care today
        plan.complications = [c for c in plan.complications if not c.treatment.died]
        plan.death = None
        op.discharge_date = None
    discharge = op.discharge_date
    if discharge is not None and discharge > today:
        op.discharge_date = None  # still in hospital
    entered = _entry(ctx, op.discharge_date or operated, rng, 2)
    op_id = surgery_service.record_operation(ctx.db, lead, pid, op, today=entered)
    for c in plan.complications:
        assert c.onset_date is not None
        if c.onset_date > today:
            continue
        if c.resolved_date is not None and c.resolved_date > today:
            c.resolved_date = None
        when = c.death_date if c.treatment.died else (c.resolved_date or c.onset_date)
        assert when is not None
        surgery_service.add_complication(ctx.db, lead, op_id, c, today=_entry(ctx, when, rng, 2))
    for r in plan.reoperations:
        assert r.reoperation_date is not None
        if r.reoperation_date <= today:
            entered = _entry(ctx, r.reoperation_date, rng, 1)
            surgery_service.add_reoperation(ctx.db, lead, op_id, r, today=entered)
    if plan.death is not None:
        return None
    return discharge if discharge is not None and discharge <= today else operated


# --- follow-up -----------------------------------------------------------------------------


@dataclass
class _Findings:
    intrahepatic: bool = False
    extrahepatic: bool = False
    local: bool = False

    @property
    def any(self) -> bool:
        return self.intrahepatic or self.extrahepatic or self.local


def _follow_up(
    ctx: _Context,
    rng: random.Random,
    pid: int,
    cohort: str,
    index: dt.date,
    course: Course,
    death: dt.date | None,
    screened: Screened,
) -> None:
    today = ctx.today
    coordinator = ctx.actors.coordinator
    lost = index + days(course.lost) if course.lost is not None else None
    withdrawal = index + days(course.withdrawal) if course.withdrawal is not None else None
    if lost is not None and death is not None and death > lost:
        death = None  # nobody hears of it
    if withdrawal is not None and death is not None and death <= withdrawal:
        withdrawal = None
    stop = min((d for d in (death, withdrawal) if d is not None), default=None)
    found = _Findings()
    last_seen = index
    for v in fu.list_visits(ctx.db, coordinator, pid, today):
        if v.status != "planned" or v.window_start > today:
            continue
        if stop is not None and v.target_date >= stop:
            break  # cancelled when the death or withdrawal is recorded
        gone = lost is not None and v.scheduled_date >= lost
        roll = rng.random()
        actual = _visit_day(rng, v, last_seen)
        ok = actual <= today and (stop is None or actual < stop)
        if not gone and roll < 0.90 and ok and (v.window_end < today or rng.random() < 0.6):
            _record_visit(ctx, rng, v, cohort, index, course, actual, found, screened)
            last_seen = actual
            continue
        ended = v.window_end < today or (stop is not None and stop <= today)
        if ended and (gone or stop is not None or roll < 0.96):
            missed_on = min(
                today, max(v.window_end, stop or v.window_end) + days(rng.randint(1, 9))
            )
            fu.mark_missed(ctx.db, coordinator, v.id, max(missed_on, v.window_start))
            if not gone and stop is None and rng.random() < 0.4:
                called = min(today, v.window_end + days(rng.randint(2, 10)))
                fu.record_events(
                    ctx.db,
                    coordinator,
                    pid,
                    [fu.Finding("last_contact_alive", called, detail="Phone call: doing well.")],
                    today=called,
                )
                last_seen = max(last_seen, called)
        # else: left open (due now, or overdue for the coordinator to chase)
    events: list[fu.Finding] = []
    if death is not None and death <= today:
        events.append(fu.Finding("death", death, cause=course.death_cause, confirmed_by="clinical"))
    if withdrawal is not None and withdrawal <= today:
        reason = rng.choice(
            ("Moved back to Guangdong.", "Withdrew consent.", "Prefers local hospital.")
        )
        events.append(fu.Finding("withdrawal", withdrawal, detail=reason))
    if lost is not None and lost + days(180) <= today and not events:
        events.append(
            fu.Finding(
                "lost_to_follow_up", lost + days(180), detail="No answer to calls or letters."
            )
        )
    if events:
        ctx.seen.ended.add(pid)  # nothing more will be entered: the casebook may be signed
    for finding in events:
        assert finding.event_date is not None
        fu.record_events(
            ctx.db,
            rng.choice((coordinator, ctx.actors.investigator)),
            pid,
            [finding],
            today=_entry(ctx, finding.event_date, rng, 20),
        )


def _visit_day(rng: random.Random, v: fu.VisitRow, after: dt.date) -> dt.date:
    if rng.random() < 0.03:  # a protocol deviation: seen after the window, on a weekday
        day = v.window_end + days(rng.randint(1, 10))
        day += dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)
    else:
        day = v.scheduled_date + days(max(-4, min(4, rng.gauss(0, 2))))
        day = min(v.window_end, max(v.window_start, day))
        if day.weekday() >= 5:
            day = v.scheduled_date
    return max(day, after + dt.timedelta(days=1))


def _record_visit(
    ctx: _Context,
    rng: random.Random,
    v: fu.VisitRow,
    cohort: str,
    index: dt.date,
    course: Course,
    actual: dt.date,
    found: _Findings,
    screened: Screened,
) -> None:
    since = (actual - index).days
    findings: list[fu.Finding] = []
    imaging = "no_recurrence" if cohort == "hepatectomy" and not found.intrahepatic else None
    if cohort == "hepatectomy" and not found.intrahepatic and _due(course.intrahepatic, since):
        imaging = "intrahepatic_recurrence"
        segment = rng.choice((2, 3, 4, 5, 6, 7, 8))
        findings.append(
            fu.Finding(
                "intrahepatic_recurrence",
                actual,
                site=f"segment {segment}",
                confirmed_by="imaging",
                detail="New lesion on liver MRI.",
            )
        )
        found.intrahepatic = True
    if not found.extrahepatic and _due(course.extrahepatic, since):
        findings.append(
            fu.Finding(
                "extrahepatic_recurrence",
                actual,
                site=course.extrahepatic_site,
                confirmed_by=rng.choice(("imaging", "imaging", "pathology")),
            )
        )
        found.extrahepatic = True
    if not found.local and _due(course.local_regional, since):
        findings.append(
            fu.Finding(
                "local_regional_recurrence",
                actual,
                site=course.local_site,
                confirmed_by=rng.choice(("imaging", "pathology")),
            )
        )
        found.local = True
    planned = list(v.assessments_planned)
    if planned and rng.random() < 0.06:
        skipped = [a for a in planned if a in SKIPPABLE]
        if skipped:
            planned.remove(rng.choice(skipped))
    ecog = min(4, (screened.screening.ecog or 0) + (1 if found.any else 0))
    if rng.random() < 0.15:
        ecog = max(0, ecog - 1)
    ebv = (
        float(round(10 ** rng.uniform(3.0, 5.0), -1))
        if found.any
        else (0.0 if rng.random() < 0.85 else float(rng.randint(20, 400)))
    )
    record = fu.VisitRecord(
        actual_date=actual,
        assessments_done=planned,
        ecog=ecog if "ecog" in planned else None,
        ebv_dna_copies_ml=ebv if "ebv_dna" in planned else None,
        liver_imaging_result=imaging if "liver_imaging" in planned else None,
        notes=rng.choice(VISIT_NOTES) if rng.random() < 0.2 else None,
        findings=findings,
    )
    fu.record_visit(ctx.db, ctx.actors.coordinator, v.id, record, _entry(ctx, actual, rng, 4))


def _due(day: int | None, since: int) -> bool:
    return day is not None and day <= since

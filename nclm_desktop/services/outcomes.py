"""The study data set for the outcome analysis, gathered in a few bulk queries.

One row per enrolled participant with an index date: the endpoints computed by the
clinical rules (never typed in), the propensity covariates and, for the hepatectomy group,
the perioperative outcomes of the index operation. Plain dataclasses, no identifiers.

A participant whose records contradict each other (e.g. an operation after the recorded
death) is left out with the rule's reason in ``StudyData.exclusions``: one bad record never
stops the analysis of the whole study.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..clinical import (
    PerioperativeOutcomes,
    SurvivalTime,
    age_in_years,
    endpoints_from_records,
    load_protocol,
    perioperative_outcomes,
)
from ..models import (
    BaselineDisease,
    ClinicalEvent,
    Complication,
    Operation,
    Participant,
    Reoperation,
    Screening,
    Visit,
)
from ..models.db import Database
from .errors import PermissionDenied
from .permissions import Actor, Permission
from .report_data import ReportMeta
from .screening_log import screening_flow
from .uow import reading


@dataclass(frozen=True)
class ParticipantOutcome:
    participant_id: int
    study_id: str
    cohort: str
    index_date: dt.date
    os: SurvivalTime
    rfs: SurvivalTime | None
    perioperative: PerioperativeOutcomes | None
    # Propensity covariates (None = not recorded).
    age: float | None
    male: float | None
    ecog: float | None
    liver_met_count: float | None
    liver_met_largest_mm: float | None
    synchronous: float | None
    bone_metastases: float | None
    primary_recurrence: float | None
    ebv_log10: float | None


@dataclass(frozen=True)
class Exclusion:
    study_id: str
    reason: str
    # The reason's marked template and values when the rule gave them (clinical.validation
    # DateOrderError), so the outcomes report can print it in Chinese; else "" and ().
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class StudyFlow:
    """Participants at each step (their latest screening), for the flow diagram."""

    screened: int | None  # None: the screening log could not be read
    eligible: int | None
    not_eligible_by_reason: tuple[tuple[str, int], ...]
    enrolled: int
    enrolled_by_cohort: dict[str, int]
    without_index_date: dict[str, int]  # enrolled but not yet treated, per cohort


@dataclass(frozen=True)
class StudyData:
    rows: list[ParticipantOutcome]
    exclusions: tuple[Exclusion, ...]
    flow: StudyFlow


_NO_BASELINE = (None,) * 6  # no baseline record: every covariate from it is unknown


def _flag(value: bool | None) -> float | None:
    return None if value is None else float(value)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a bulk result is built.

    The data set (and the analysis of it) is tens of thousands of small tuples and rows
    that form no reference cycles; every few hundred of them the collector would otherwise
    re-scan the ones already kept, and in a process holding a large heap (the window's
    models) a full collection alone costs more than building them. It runs again as usual
    afterwards (once, over what is still alive).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def study_dataset(db: Database, actor: Actor | None) -> list[ParticipantOutcome]:
    """The analysed rows alone: without the flow counts (and their screening-log query)."""
    return _outcomes(db, actor)[1]


def _screening_counts(db: Database, actor: Actor | None) -> tuple:
    try:
        f = screening_flow(db, actor)
    except PermissionDenied:
        return None, None, ()
    return f.screened, f.eligible, f.by_reason


def study_data(db: Database, actor: Actor | None) -> StudyData:
    enrolled, rows, exclusions = _outcomes(db, actor)
    return StudyData(rows, exclusions, _study_flow(db, actor, enrolled))


def _outcomes(
    db: Database, actor: Actor | None
) -> tuple[list, list[ParticipantOutcome], tuple[Exclusion, ...]]:
    """(everyone enrolled as (id, study ID, cohort, index date, sex, birth date), the rows,
    the exclusions)."""
    with collector_paused():
        return _gather(db, actor)


def _gather(
    db: Database, actor: Actor | None
) -> tuple[list, list[ParticipantOutcome], tuple[Exclusion, ...]]:
    with reading(db, actor, Permission.REPORTS) as s:
        # Plain columns, executed on the connection: the ORM's row handling is not needed
        # for tens of thousands of tuples.
        run = s.connection().execute
        # Everyone enrolled (the flow counts them); the analysis takes those with an index date.
        enrolled = run(
            select(
                Participant.id,
                Participant.study_id,
                Participant.cohort,
                Participant.index_date,
                Participant.sex,
                Participant.birth_date,
            )
            .where(Participant.study_id.is_not(None), Participant.cohort.is_not(None))
            .order_by(Participant.study_id)
        ).all()
        people = [p for p in enrolled if p.index_date is not None]
        events: dict[int, list] = defaultdict(list)
        for pid, kind, date in run(
            select(ClinicalEvent.participant_id, ClinicalEvent.kind, ClinicalEvent.event_date)
        ):
            events[pid].append((kind, date))
        visits: dict[int, list] = defaultdict(list)
        # Status checked here, not in SQL: a third of all visits are done, which one pass
        # over the table reads faster than the status index's scattered lookups.
        for pid, status, date, imaging in run(
            select(
                Visit.participant_id,
                Visit.status,
                Visit.actual_date,
                Visit.liver_imaging_result,
            ).where(Visit.actual_date.is_not(None))
        ):
            if status == "done":
                visits[pid].append((date, imaging))
        ecog: dict[int, int | None] = {}
        for pid, value in run(
            select(Screening.participant_id, Screening.ecog).order_by(Screening.screening_date)
        ):
            ecog[pid] = value  # the latest screening wins
        baseline = {
            pid: values
            for pid, *values in run(
                select(
                    BaselineDisease.participant_id,
                    BaselineDisease.ebv_dna_copies_ml,
                    BaselineDisease.liver_met_count,
                    BaselineDisease.liver_met_largest_mm,
                    BaselineDisease.liver_met_timing,
                    BaselineDisease.bone_metastases,
                    BaselineDisease.primary_recurrence,
                )
            )
        }
        first_op: dict[int, Any] = {}
        for op in run(
            select(
                Operation.id,
                Operation.participant_id,
                Operation.operation_date,
                Operation.discharge_date,
            ).order_by(Operation.operation_date, Operation.id)
        ):
            first_op.setdefault(op.participant_id, op)
        op_ids = {op.id for op in first_op.values()}
        complications: dict[int, list] = defaultdict(list)
        for op_id, onset, grade in run(
            select(Complication.operation_id, Complication.onset_date, Complication.clavien_dindo)
        ):
            if op_id in op_ids:
                complications[op_id].append((onset, grade))
        reoperations: dict[int, list] = defaultdict(list)
        for op_id, date, planned in run(
            select(Reoperation.operation_id, Reoperation.reoperation_date, Reoperation.planned)
        ):
            if op_id in op_ids:
                reoperations[op_id].append((date, planned))

    rows = []
    exclusions = []
    protocol = load_protocol()  # once, not once per participant
    for pid, study_id, cohort, index_date, sex, birth in people:
        try:
            os_time, rfs = endpoints_from_records(
                index_date, cohort, events[pid], visits[pid], protocol
            )
            periop = None
            op = first_op.get(pid)
            if cohort == "hepatectomy" and op is not None:
                death = min((d for k, d in events[pid] if k == "death"), default=None)
                periop = perioperative_outcomes(
                    op.operation_date,
                    op.discharge_date,
                    complications[op.id],
                    reoperations[op.id],
                    death,
                    protocol,
                )
        except ValueError as exc:  # records that contradict each other: list, do not stop
            params = tuple(getattr(exc, "params", {}).items())
            exclusions.append(Exclusion(study_id, str(exc), getattr(exc, "template", ""), params))
            continue
        ebv, met_count, met_largest, met_timing, bone, recurrence = baseline.get(pid, _NO_BASELINE)
        rows.append(
            ParticipantOutcome(
                participant_id=pid,
                study_id=study_id,
                cohort=cohort,
                index_date=index_date,
                os=os_time,
                rfs=rfs,
                perioperative=periop,
                age=float(age_in_years(birth, index_date)) if birth else None,
                male=None if sex is None else float(sex == "M"),
                ecog=None if ecog.get(pid) is None else float(ecog[pid]),
                liver_met_count=None if met_count is None else float(met_count),
                liver_met_largest_mm=met_largest,
                synchronous=None if met_timing is None else float(met_timing == "synchronous"),
                bone_metastases=_flag(bone),
                primary_recurrence=_flag(recurrence),
                ebv_log10=None if ebv is None else math.log10(ebv + 1.0),
            )
        )
    return enrolled, rows, tuple(exclusions)


def _study_flow(db: Database, actor: Actor | None, enrolled: list) -> StudyFlow:
    screened, eligible, reasons = _screening_counts(db, actor)
    by_cohort: dict[str, int] = defaultdict(int)
    untreated: dict[str, int] = defaultdict(int)
    for _, _, cohort, index_date, _, _ in enrolled:
        by_cohort[cohort] += 1
        if index_date is None:
            untreated[cohort] += 1
    return StudyFlow(
        screened=screened,
        eligible=eligible,
        not_eligible_by_reason=reasons,
        enrolled=len(enrolled),
        enrolled_by_cohort={c: by_cohort[c] for c in ("hepatectomy", "systemic")},
        without_index_date={c: untreated[c] for c in ("hepatectomy", "systemic")},
    )


def outcomes_report_meta(actor: Actor, now: dt.datetime | None = None) -> ReportMeta:
    """Header and footer facts of the outcomes report (no identities are printed in it)."""
    study = load_protocol().study
    who = actor.display_name or actor.username
    return ReportMeta(
        study_title=study.title_en,
        study_title_zh=study.title_zh,
        registration=study.registration,
        generated_at=now or dt.datetime.now().astimezone(),
        generated_by=who if who == actor.username else f"{who} ({actor.username})",
        identified=False,
    )

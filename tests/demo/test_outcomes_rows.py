"""The outcome data set's bulk queries give the rows that each participant's own records,
read one by one through the ORM and put through the clinical rules, give (the demo study)."""

from __future__ import annotations

import datetime as dt
import gc
import math

import pytest
from sqlalchemy import select
from test_demo_study import pi

from nclm_desktop import demo
from nclm_desktop.analysis.study import run_analysis
from nclm_desktop.clinical import (
    age_in_years,
    endpoints_from_records,
    load_protocol,
    perioperative_outcomes,
)
from nclm_desktop.models import (
    BaselineDisease,
    ClinicalEvent,
    Complication,
    Operation,
    Participant,
    Reoperation,
    Screening,
    Visit,
)
from nclm_desktop.models.db import backup_sqlite, open_database
from nclm_desktop.services import accounts
from nclm_desktop.services.errors import PermissionDenied
from nclm_desktop.services.outcomes import ParticipantOutcome, study_data, study_dataset
from nclm_desktop.services.uow import writing


def _number(value) -> float | None:
    return None if value is None else float(value)


def _one_by_one(db) -> tuple[list[ParticipantOutcome], list[tuple[str, str]]]:
    """The slow, plain reading of the rules in services/outcomes.py, participant by
    participant: the reference the bulk queries must equal."""
    protocol = load_protocol()
    rows, excluded = [], []
    with db.session() as s:
        people = s.scalars(
            select(Participant)
            .where(Participant.study_id.is_not(None), Participant.cohort.is_not(None))
            .where(Participant.index_date.is_not(None))
            .order_by(Participant.study_id)
        ).all()
        for p in people:
            events = [
                (e.kind, e.event_date)
                for e in s.scalars(
                    select(ClinicalEvent)
                    .where(ClinicalEvent.participant_id == p.id)
                    .order_by(ClinicalEvent.id)
                )
            ]
            visits = [
                (v.actual_date, v.liver_imaging_result)
                for v in s.scalars(
                    select(Visit).where(Visit.participant_id == p.id).order_by(Visit.id)
                )
                if v.status == "done" and v.actual_date is not None
            ]
            screenings = s.scalars(
                select(Screening)
                .where(Screening.participant_id == p.id)
                .order_by(Screening.screening_date)
            ).all()
            ecog = screenings[-1].ecog if screenings else None
            b = s.scalars(
                select(BaselineDisease).where(BaselineDisease.participant_id == p.id)
            ).first()
            op = s.scalars(
                select(Operation)
                .where(Operation.participant_id == p.id)
                .order_by(Operation.operation_date, Operation.id)
            ).first()
            try:
                os_time, rfs = endpoints_from_records(
                    p.index_date, p.cohort, events, visits, protocol
                )
                periop = None
                if p.cohort == "hepatectomy" and op is not None:
                    complications = s.scalars(
                        select(Complication)
                        .where(Complication.operation_id == op.id)
                        .order_by(Complication.id)
                    )
                    reoperations = s.scalars(
                        select(Reoperation)
                        .where(Reoperation.operation_id == op.id)
                        .order_by(Reoperation.id)
                    )
                    deaths = [d for kind, d in events if kind == "death"]
                    periop = perioperative_outcomes(
                        op.operation_date,
                        op.discharge_date,
                        [(c.onset_date, c.clavien_dindo) for c in complications],
                        [(r.reoperation_date, r.planned) for r in reoperations],
                        min(deaths) if deaths else None,
                        protocol,
                    )
            except ValueError as exc:
                excluded.append((p.study_id, str(exc)))
                continue
            ebv = b.ebv_dna_copies_ml if b else None
            timing = b.liver_met_timing if b else None
            rows.append(
                ParticipantOutcome(
                    participant_id=p.id,
                    study_id=p.study_id,
                    cohort=p.cohort,
                    index_date=p.index_date,
                    os=os_time,
                    rfs=rfs,
                    perioperative=periop,
                    age=float(age_in_years(p.birth_date, p.index_date)) if p.birth_date else None,
                    male=None if p.sex is None else float(p.sex == "M"),
                    ecog=_number(ecog),
                    liver_met_count=_number(b.liver_met_count) if b else None,
                    liver_met_largest_mm=b.liver_met_largest_mm if b else None,
                    synchronous=None if timing is None else float(timing == "synchronous"),
                    bone_metastases=_number(b.bone_metastases) if b else None,
                    primary_recurrence=_number(b.primary_recurrence) if b else None,
                    ebv_log10=None if ebv is None else math.log10(ebv + 1.0),
                )
            )
    return rows, excluded


def _clone(obj, **changes):
    values = {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key != "id"}
    return type(obj)(**{**values, **changes})


def _add_awkward_records(db, actor) -> None:
    """What the demo does not make: a later second operation, a later screening with
    another ECOG, a visit with a date but not done, and a death before the index date."""
    week = dt.timedelta(days=7)
    with writing(db, actor) as s:
        operated = s.scalars(select(Operation).order_by(Operation.id)).all()
        first, second = operated[0], operated[1]
        s.add(_clone(first, operation_date=first.operation_date + 4 * week))
        s.add(_clone(second, operation_date=second.operation_date - week))  # the earlier one
        screening = s.scalars(select(Screening).order_by(Screening.id)).first()
        s.add(_clone(screening, screening_date=screening.screening_date + week, ecog=2))
        latest = select(Visit).where(Visit.status == "done").order_by(Visit.actual_date.desc())
        s.scalars(latest).first().status = "missed"  # its date no longer counts
        someone = s.scalars(
            select(Participant).where(Participant.index_date.is_not(None)).order_by(Participant.id)
        ).all()[-1]
        s.add(
            ClinicalEvent(
                participant_id=someone.id, kind="death", event_date=someone.index_date - week
            )
        )


def test_bulk_rows_equal_the_records_read_one_by_one(demo_study, tmp_path):
    db = open_database(backup_sqlite(demo_study[0], tmp_path / "study.db"))
    try:
        actor = pi(db)
        _add_awkward_records(db, actor)
        expected_rows, expected_excluded = _one_by_one(db)
        assert len(expected_rows) > 20 and expected_excluded
        assert any(r.perioperative is not None for r in expected_rows)
        data = study_data(db, actor)
        assert data.rows == expected_rows
        assert [(e.study_id, e.reason) for e in data.exclusions] == expected_excluded
        # The rows alone (what the analysis and the bench take) are the same rows.
        assert study_dataset(db, actor) == expected_rows
        assert data.flow.enrolled == len(expected_rows) + len(expected_excluded) + sum(
            data.flow.without_index_date.values()
        )
    finally:
        db.dispose()


def test_the_collector_runs_again_after_the_data_set(demo_db):
    assert gc.isenabled()
    rows = study_dataset(demo_db, pi(demo_db))
    assert gc.isenabled()
    assert run_analysis(rows).n_hepatectomy > 0
    assert gc.isenabled()
    admin = accounts.authenticate(demo_db, "admin", demo.DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):
        study_dataset(demo_db, admin)
    assert gc.isenabled()

"""The demo study's content: a living study with everything the screens and reports show."""

from __future__ import annotations

import re
from collections import Counter

from demo_setup import PARTICIPANTS, TODAY
from sqlalchemy import select

from nclm_desktop import demo
from nclm_desktop.analysis.study import run_analysis
from nclm_desktop.models import (
    AuditEvent,
    ClinicalEvent,
    Complication,
    Operation,
    Participant,
    ParticipantIdentity,
    Reoperation,
    Screening,
    Visit,
)
from nclm_desktop.services import accounts, outcomes
from nclm_desktop.services import followup as fu
from nclm_desktop.services.audit_trail import verify_chain

NAMED_RESECTIONS = (
    "right hemihepatectomy",
    "left hemihepatectomy",
    "right anterior sectionectomy",
    "right posterior sectionectomy",
    "left lateral sectionectomy",
    "left medial sectionectomy / segmentectomy 4",
    "right trisectionectomy",
    "left trisectionectomy",
)


def pi(db):
    return accounts.authenticate(db, "pi", demo.DEMO_PASSWORD)


def test_both_cohorts_and_screen_failures(demo_db, demo_counts):
    assert demo_counts.participants == PARTICIPANTS
    hep = demo_counts.by_cohort["hepatectomy"]
    systemic = demo_counts.by_cohort["systemic"]
    assert hep > systemic > 0
    assert 0.1 <= demo_counts.by_status["screen_failed"] / PARTICIPANTS <= 0.35
    with demo_db.session() as s:
        failed = s.scalars(select(Screening).where(Screening.verdict == "not_eligible")).all()
        reasons = {c["id"] for f in failed for c in f.criteria if c["status"] == "failed"}
        statuses = dict(
            s.execute(
                select(Participant.id, Participant.status).where(
                    Participant.id.in_([f.participant_id for f in failed])
                )
            ).all()
        )
    assert set(statuses.values()) == {"screen_failed"}
    assert len(reasons) >= 3, reasons  # several different reasons, not one kind


def test_every_resection_type_with_plausible_operations(demo_db, demo_counts):
    names = set(demo_counts.resections)
    for name in NAMED_RESECTIONS:
        assert name in names
    assert any(n.startswith(("segmentectomy ", "caudate")) for n in names)
    assert any(n.startswith("bisegmentectomy") for n in names)
    assert any(n.startswith("non-anatomical resection (wedge)") for n in names)
    with demo_db.session() as s:
        ops = s.scalars(select(Operation)).all()
        enrolled = dict(s.execute(select(Participant.id, Participant.enrolment_date)).all())
    assert {op.major for op in ops} == {True, False}
    assert len({op.approach for op in ops}) >= 2
    for op in ops:
        assert op.operation_date >= enrolled[op.participant_id]
        assert 0 < op.blood_loss_ml <= 20_000 and 45 <= op.duration_min <= 24 * 60
        assert op.discharge_date is None or op.discharge_date >= op.operation_date


def test_complications_across_grades(demo_db, demo_counts):
    grades = demo_counts.complications_by_grade
    assert len(grades) >= 4, grades
    assert demo_counts.isgls_graded >= 2
    assert demo_counts.reoperations >= 1
    with demo_db.session() as s:
        comps = s.scalars(select(Complication)).all()
        ops = s.scalar(select(Operation.id).limit(1))
        assert ops is not None
        reops = s.scalars(select(Reoperation)).all()
        deaths_by_complication = s.scalars(
            select(ClinicalEvent).where(ClinicalEvent.complication_id.is_not(None))
        ).all()
    # The grade always is the one the recorded treatment implies (no overrides needed).
    assert all(c.clavien_dindo == c.clavien_dindo_proposed for c in comps)
    assert any(r.planned is False for r in reops)
    if "V" in grades:
        assert len(deaths_by_complication) == grades["V"]


def test_visits_done_missed_and_open_around_today(demo_db, demo_counts):
    statuses = demo_counts.visits_by_status
    for status in ("done", "missed", "planned", "cancelled"):
        assert statuses.get(status), statuses
    investigator = pi(demo_db)
    assert fu.worklist(demo_db, investigator, "next_4_weeks", TODAY)
    with demo_db.session() as s:
        done = s.scalars(select(Visit).where(Visit.status == "done")).all()
        deaths = dict(
            s.execute(
                select(ClinicalEvent.participant_id, ClinicalEvent.event_date).where(
                    ClinicalEvent.kind == "death"
                )
            ).all()
        )
        open_after_death = [
            v
            for v in s.scalars(select(Visit).where(Visit.status == "planned"))
            if v.participant_id in deaths and v.target_date >= deaths[v.participant_id]
        ]
    assert all(v.actual_date <= TODAY for v in done)
    assert all(
        v.actual_date <= deaths[v.participant_id] for v in done if v.participant_id in deaths
    )
    assert not open_after_death


def test_recurrences_and_deaths(demo_db, demo_counts):
    events = demo_counts.events_by_kind
    assert events.get("death", 0) >= 1
    assert events.get("intrahepatic_recurrence", 0) >= 1
    assert demo_counts.by_status.get("deceased") == events["death"]
    with demo_db.session() as s:
        cohort_of = dict(s.execute(select(Participant.id, Participant.cohort)).all())
        intrahepatic = s.scalars(
            select(ClinicalEvent.participant_id).where(
                ClinicalEvent.kind == "intrahepatic_recurrence"
            )
        ).all()
    assert {cohort_of[pid] for pid in intrahepatic} == {"hepatectomy"}


def test_identities_look_real_but_are_synthetic(demo_db):
    with demo_db.session() as s:
        people = s.scalars(select(ParticipantIdentity)).all()
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", p.name) for p in people)
    numbers = [p.hospital_record_number for p in people]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"\d{8}", n) for n in numbers)
    assert all(re.fullmatch(r"1\d\d \d{4} \d{4}", p.phone or "") for p in people)
    assert sum("上海市" in (p.address or "") for p in people) > len(people) / 2


def test_study_ids_follow_the_order_of_enrolment(demo_db):
    with demo_db.session() as s:
        rows = s.execute(
            select(Participant.study_id, Participant.enrolment_date).where(
                Participant.study_id.is_not(None)
            )
        ).all()
    for prefix in ("NCLM-H-", "NCLM-S-"):
        ordered = sorted((int(sid[len(prefix) :]), d) for sid, d in rows if sid.startswith(prefix))
        dates = [d for _, d in ordered]
        assert dates == sorted(dates)
        assert [n for n, _ in ordered] == list(range(1, len(ordered) + 1))


def test_written_through_the_services_and_audited(demo_db):
    assert verify_chain(demo_db).ok
    with demo_db.session() as s:
        inserted = Counter(
            s.execute(
                select(AuditEvent.entity, AuditEvent.username).where(AuditEvent.action == "insert")
            ).all()
        )
        done_by = set(
            s.scalars(
                select(AuditEvent.username).where(
                    AuditEvent.entity == "visit",
                    AuditEvent.field == "actual_date",
                )
            )
        )
        n_participants = s.query(Participant).count()
        n_operations = s.query(Operation).count()
    assert sum(n for (entity, _), n in inserted.items() if entity == "participant") == (
        n_participants
    )
    operators = {user for (entity, user) in inserted if entity == "operation"}
    assert sum(n for (e, _), n in inserted.items() if e == "operation") == n_operations
    assert operators <= {"pi", "surgeon.chen", "surgeon.lin"}
    assert done_by == {"coordinator"}


def test_analysis_shows_both_cohorts_and_matched_pairs(demo_db):
    result = run_analysis(outcomes.study_dataset(demo_db, pi(demo_db)))
    assert [c.label for c in result.os_curves] == ["Hepatectomy", "Systemic only"]
    assert all(c.events >= 1 for c in result.os_curves)
    assert result.matching.pairs
    assert len(result.matched_os_curves) == 2
    assert result.rfs_curve is not None and result.rfs_curve.events >= 1
    assert result.n_operated >= 10

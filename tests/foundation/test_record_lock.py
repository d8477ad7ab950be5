"""A locked participant's record refuses every clinical write in one place, the unit of work
(services/uow.py): each use case below, run through the real service on a real SQLite file,
raises RecordLocked and leaves every table (the audit trail included) as it was. Unlocking
(a write of the `locked` column only, the one write a locked record accepts) lets the same
call through, which shows each input was valid and the refusal came from the lock."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from nclm_desktop.models import Complication, Participant, Reoperation, Visit
from nclm_desktop.models.base import Base
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services import accounts, baseline, enrolment, participant_record, surgery
from nclm_desktop.services import followup as fu
from nclm_desktop.services.enrolment import IdentityInput, SystemicLine
from nclm_desktop.services.errors import RecordLocked
from nclm_desktop.services.permissions import Actor
from nclm_desktop.services.surgery import (
    ComplicationInput,
    OperationInput,
    ReoperationInput,
    Treatment,
)
from nclm_desktop.services.uow import writing
from tests.surgery.surgery_data import right_hemihepatectomy

ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)
TODAY = dt.date(2024, 6, 30)
PASSWORD = "correct-horse-42"


def operation(surgeon_id: int, **changes: object) -> OperationInput:
    """The surgery tests' right hemihepatectomy, by one surgeon."""
    return right_hemihepatectomy([surgeon_id], **changes)


def pneumonia(onset: dt.date = dt.date(2024, 3, 15)) -> ComplicationInput:
    return ComplicationInput("pneumonia", onset, treatment=Treatment(other_drugs=True))


@dataclass
class Study:
    """The ids the use cases act on: `pid` has a full record (operation, complication,
    reoperation, visits, one missed); `unoperated` is enrolled for a hepatectomy not yet
    done; `screened` is eligible and waiting to be enrolled."""

    db: Database
    actor: Actor
    pid: int
    unoperated: int
    screened: int
    operation_id: int
    complication_id: int
    reoperation_id: int
    visits: dict[str, int]


def _enrol(db: Database, actor: Actor, n: int) -> int:
    return enrolment.screen_and_enrol(
        db,
        actor,
        IdentityInput(f"Patient {n}", f"HRN{n:05d}", "M", dt.date(1970, 5, 4)),
        enrolment.eligible_screening(ENROLLED - dt.timedelta(days=3)),
        cohort="hepatectomy",
        consent_date=ENROLLED,
        today=ENROLLED,
    ).participant_id


def _build(path: Path) -> dict[str, object]:
    db = open_database(path)
    admin = accounts.create_first_admin(db, "admin", "Site Administrator", PASSWORD)
    actor = accounts.add_user(db, admin, "lwang", "Lu Wang", "investigator", PASSWORD)
    pid = _enrol(db, actor, 1)
    unoperated = _enrol(db, actor, 2)
    screened = enrolment.screen(
        db,
        actor,
        IdentityInput("Patient 3", "HRN00003", "F", dt.date(1968, 1, 9)),
        enrolment.eligible_screening(ENROLLED),
        today=ENROLLED,
    ).participant_id
    op = surgery.record_operation(db, actor, pid, operation(actor.user_id), today=TODAY)
    comp = surgery.add_complication(db, actor, op, pneumonia(), today=TODAY)
    reop = surgery.add_reoperation(
        db, actor, op, ReoperationInput(dt.date(2024, 3, 16), False, "bleeding"), today=TODAY
    )
    with db.session() as s:
        rows = s.execute(select(Visit.code, Visit.id).where(Visit.participant_id == pid))
        visits = {code: visit_id for code, visit_id in rows}
    fu.mark_missed(db, actor, visits["M1"], TODAY)
    db.dispose()
    return {
        "actor": actor,
        "pid": pid,
        "unoperated": unoperated,
        "screened": screened,
        "operation_id": op,
        "complication_id": comp,
        "reoperation_id": reop,
        "visits": visits,
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):
    """The study is built once through the services; each case works on a copy of it."""
    path = tmp_path_factory.mktemp("locked") / "built.db"
    shutil.copy(migrated_template, path)
    return path, _build(path)


@pytest.fixture
def study(built, tmp_path: Path):
    source, ids = built
    path = tmp_path / "study.db"
    shutil.copy(source, path)
    db = open_database(path)
    yield Study(db=db, **ids)  # type: ignore[arg-type]
    db.dispose()


def set_lock(st: Study, participant_id: int, locked: bool) -> None:
    """The allowed path: a unit of work that writes only the participant's `locked`."""
    with writing(st.db, st.actor) as s:
        s.get(Participant, participant_id).locked = locked


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, audit trail included."""
    with db.session() as s:
        return {
            t.name: sorted(map(tuple, s.execute(t.select())), key=repr)
            for t in Base.metadata.sorted_tables
        }


# (name, participant the call writes to, the call). Each is valid on an unlocked record.
UseCase = Callable[[Study], object]
CASES: list[tuple[str, str, UseCase]] = [
    (
        "baseline edit",
        "pid",
        lambda st: baseline.save_baseline(
            st.db, st.actor, st.pid, baseline.BaselineInput(t_stage="T2"), today=TODAY
        ),
    ),
    (
        "identity edit",
        "pid",
        lambda st: participant_record.update_identity(
            st.db,
            st.actor,
            st.pid,
            IdentityInput("Patient One", "HRN00001", "M", dt.date(1970, 5, 4), phone="555 0101"),
            reason="name spelt out",
            today=TODAY,
        ),
    ),
    (
        "enrolment dates edit",
        "pid",
        lambda st: participant_record.update_enrolment_dates(
            st.db,
            st.actor,
            st.pid,
            consent_date=ENROLLED - dt.timedelta(days=1),
            index_date=None,
            reason="consent signed a day earlier",
            today=TODAY,
        ),
    ),
    (
        "enrolment with a systemic line",
        "screened",
        lambda st: enrolment.enrol(
            st.db,
            st.actor,
            st.screened,
            cohort="systemic",
            consent_date=ENROLLED,
            index_date=ENROLLED,
            systemic_lines=[SystemicLine(1, "gemcitabine + cisplatin", ENROLLED, None, None, True)],
            today=ENROLLED,
        ),
    ),
    (
        "operation record",
        "unoperated",
        lambda st: surgery.record_operation(
            st.db, st.actor, st.unoperated, operation(st.actor.user_id), today=TODAY
        ),
    ),
    (
        "operation edit",
        "pid",
        lambda st: surgery.update_operation(
            st.db,
            st.actor,
            st.operation_id,
            operation(st.actor.user_id, blood_loss_ml=500),
            "blood loss re-measured",
            today=TODAY,
        ),
    ),
    (
        "complication add",
        "pid",
        lambda st: surgery.add_complication(
            st.db, st.actor, st.operation_id, pneumonia(dt.date(2024, 3, 18)), today=TODAY
        ),
    ),
    (
        "complication edit",
        "pid",
        lambda st: surgery.update_complication(
            st.db,
            st.actor,
            st.complication_id,
            pneumonia(dt.date(2024, 3, 14)),
            "onset a day earlier",
            today=TODAY,
        ),
    ),
    (
        "complication delete",
        "pid",
        lambda st: surgery.delete_complication(
            st.db, st.actor, st.complication_id, "entered for the wrong patient"
        ),
    ),
    (
        "reoperation add",
        "pid",
        lambda st: surgery.add_reoperation(
            st.db,
            st.actor,
            st.operation_id,
            ReoperationInput(dt.date(2024, 3, 19), False, "bile leak"),
            today=TODAY,
        ),
    ),
    (
        "reoperation edit",
        "pid",
        lambda st: surgery.update_reoperation(
            st.db,
            st.actor,
            st.reoperation_id,
            ReoperationInput(dt.date(2024, 3, 17), False, "bleeding"),
            "date corrected",
            today=TODAY,
        ),
    ),
    (
        "visit record",
        "pid",
        lambda st: fu.record_visit(
            st.db, st.actor, st.visits["M3"], fu.VisitRecord(dt.date(2024, 6, 12), ecog=1), TODAY
        ),
    ),
    (
        "visit missed",
        "pid",
        lambda st: fu.mark_missed(st.db, st.actor, st.visits["M3"], TODAY),
    ),
    (
        "visit un-missed",
        "pid",
        lambda st: fu.unmark_missed(st.db, st.actor, st.visits["M1"], "seen after all"),
    ),
    (
        "visit reschedule",
        "pid",
        lambda st: fu.reschedule_visit(st.db, st.actor, st.visits["M6"], dt.date(2024, 9, 13)),
    ),
    (
        "clinical event",
        "pid",
        lambda st: fu.record_events(
            st.db,
            st.actor,
            st.pid,
            [fu.Finding("extrahepatic_recurrence", dt.date(2024, 6, 20), site="lung")],
            TODAY,
        ),
    ),
]


@pytest.mark.parametrize(("who", "call"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_write_to_a_locked_record_is_refused_and_nothing_is_written(study, who, call):
    target = getattr(study, who)
    set_lock(study, target, True)
    before = snapshot(study.db)
    with pytest.raises(RecordLocked) as refused:
        call(study)
    with study.db.session() as s:
        study_id = s.get(Participant, target).study_id or "This participant"
    assert str(refused.value) == (
        f"{study_id} is locked (signed); an investigator must unlock it before any change."
    )
    assert snapshot(study.db) == before
    # Unlocked, the same call goes through: the refusal was the lock's, not the input's.
    set_lock(study, target, False)
    unlocked = snapshot(study.db)
    call(study)
    assert snapshot(study.db) != unlocked


def test_only_the_lock_itself_changes_on_a_locked_record(study):
    """Locking and unlocking are audited writes; any other column of the participant row,
    even in the same unit of work as the lock, is refused."""
    set_lock(study, study.pid, True)
    before = snapshot(study.db)
    with pytest.raises(RecordLocked), writing(study.db, study.actor, reason="sex") as s:
        p = s.get(Participant, study.pid)
        p.locked = False
        p.sex = "F"
    assert snapshot(study.db) == before
    with pytest.raises(RecordLocked), writing(study.db, study.actor, reason="why") as s:
        s.get(Participant, study.pid).locked = False
        s.flush()  # unlocked in an earlier flush of the same unit of work: still refused
        s.get(Reoperation, study.reoperation_id).reason = "bleeding, re-explored"
    assert snapshot(study.db) == before
    set_lock(study, study.pid, False)
    with study.db.session() as s:
        changes = s.execute(
            text(
                "SELECT old_value, new_value FROM audit_event "
                "WHERE entity = 'participant' AND field = 'locked' ORDER BY id"
            )
        ).all()
    assert [tuple(c) for c in changes][-2:] == [("false", "true"), ("true", "false")]


def test_locking_in_the_same_unit_of_work_as_a_write_is_allowed(study):
    """Signing writes its rows and sets the lock together: the lock counts from the next
    unit of work."""
    with writing(study.db, study.actor, reason="signed with the correction") as s:
        s.get(Complication, study.complication_id).treatment_text = "antibiotics"
        s.get(Participant, study.pid).locked = True
    with study.db.session() as s:
        assert s.get(Participant, study.pid).locked is True
        assert s.get(Complication, study.complication_id).treatment_text == "antibiotics"
    with pytest.raises(RecordLocked):
        surgery.delete_complication(study.db, study.actor, study.complication_id, "duplicate")

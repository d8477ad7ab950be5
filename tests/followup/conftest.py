"""Enrolled participants with an index date, made through the real audit hook.

Until the enrolment and surgery services are in, participants are inserted directly and
their schedule is planned by ``schedule_sync.sync_schedule``, as those services will do.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.models import Participant, ParticipantIdentity
from nclm_desktop.models.db import Database
from nclm_desktop.services.permissions import Actor
from nclm_desktop.services.schedule_sync import sync_schedule
from nclm_desktop.services.uow import writing

# A fixed "today" for every test: nothing here reads the wall clock.
TODAY = dt.date(2025, 6, 18)  # a Wednesday


def add_participant(
    db: Database,
    actor: Actor,
    study_id: str,
    index_date: dt.date,
    *,
    name: str = "Zhang Wei",
    phone: str = "138 0013 8000",
    record_number: str | None = None,
    status: str = "enrolled",
) -> int:
    cohort = "hepatectomy" if study_id.startswith("NCLM-H-") else "systemic"
    with writing(db, actor) as s:
        p = Participant(
            study_id=study_id,
            cohort=cohort,
            status=status,
            sex="M",
            birth_date=dt.date(1970, 3, 1),
            enrolment_date=index_date - dt.timedelta(days=10),
            consent_date=index_date - dt.timedelta(days=10),
            index_date=index_date,
        )
        p.identity = ParticipantIdentity(
            name=name,
            hospital_record_number=record_number or f"HR{study_id[-3:]}{cohort[0].upper()}77",
            phone=phone,
        )
        s.add(p)
        s.flush()
        sync_schedule(s, p)
        return p.id


@pytest.fixture
def enrol(db: Database, investigator: Actor):
    def make(study_id: str, index_date: dt.date, **kw) -> int:
        return add_participant(db, investigator, study_id, index_date, **kw)

    return make


@pytest.fixture
def hep(enrol) -> int:
    """NCLM-H-001, operated on Monday 2025-01-06."""
    return enrol(
        "NCLM-H-001",
        dt.date(2025, 1, 6),
        name="Li Na",
        phone="139 1111 2222",
        record_number="HR-778812",
    )

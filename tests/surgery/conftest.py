"""Enrolled hepatectomy participants for the surgery tests."""

from __future__ import annotations

import datetime as dt

import pytest
from surgery_data import ENROLLED

from nclm_desktop.models import Participant, ParticipantIdentity
from nclm_desktop.models.db import Database
from nclm_desktop.services.permissions import Actor
from nclm_desktop.services.uow import writing


@pytest.fixture
def enrol(db: Database, investigator: Actor):
    """Insert an enrolled participant (real rows through the audit hook) and return its id."""
    counter = {"n": 0}

    def make(cohort: str = "hepatectomy", enrolment_date: dt.date = ENROLLED) -> int:
        counter["n"] += 1
        n = counter["n"]
        prefix = "NCLM-H-" if cohort == "hepatectomy" else "NCLM-S-"
        with writing(db, investigator) as s:
            p = Participant(
                study_id=f"{prefix}{n:03d}",
                cohort=cohort,
                status="enrolled",
                sex="M",
                birth_date=dt.date(1970, 5, 4),
                enrolment_date=enrolment_date,
                consent_date=enrolment_date,
            )
            p.identity = ParticipantIdentity(
                name=f"Patient {n}", hospital_record_number=f"HRN{n:05d}"
            )
            s.add(p)
            s.flush()
            return p.id

    return make


@pytest.fixture
def participant(enrol) -> int:
    return enrol()

"""Enrolled participants for the surgery tests, through the real enrolment service."""

from __future__ import annotations

import datetime as dt

import pytest
from surgery_data import ENROLLED

from nclm_desktop.models.db import Database
from nclm_desktop.services import enrolment
from nclm_desktop.services.enrolment import IdentityInput, SystemicLine
from nclm_desktop.services.permissions import Actor


@pytest.fixture
def enrol(db: Database, investigator: Actor):
    """Screen and enrol an eligible patient (hepatectomy by default); returns the id."""
    counter = {"n": 0}

    def make(cohort: str = "hepatectomy", enrolment_date: dt.date = ENROLLED) -> int:
        counter["n"] += 1
        n = counter["n"]
        systemic = cohort == "systemic"
        result = enrolment.screen_and_enrol(
            db,
            investigator,
            IdentityInput(f"Patient {n}", f"HRN{n:05d}", "M", dt.date(1970, 5, 4)),
            enrolment.eligible_screening(enrolment_date - dt.timedelta(days=3)),
            cohort=cohort,
            consent_date=enrolment_date,
            index_date=enrolment_date if systemic else None,
            systemic_lines=(
                [SystemicLine(1, "gemcitabine + cisplatin", enrolment_date, None, None, True)]
                if systemic
                else ()
            ),
            today=enrolment_date,
        )
        assert result.cohort == cohort and not result.existing
        return result.participant_id

    return make


@pytest.fixture
def participant(enrol) -> int:
    return enrol()

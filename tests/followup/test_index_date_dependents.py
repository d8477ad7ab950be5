"""Moving the systemic cohort's index date is refused when a recorded event or completed
visit would fall before it (the analysis could not use such a participant)."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.services import followup as fu
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.participant_record import update_enrolment_dates

from .conftest import TODAY


def test_the_index_date_cannot_move_after_a_recorded_event(db, investigator, enrol):
    pid = enrol("NCLM-S-001", dt.date(2025, 1, 6))
    fu.record_event(
        db, investigator, pid, fu.Finding("last_contact_alive", dt.date(2025, 3, 1)), TODAY
    )
    with pytest.raises(ValidationError) as err:
        update_enrolment_dates(
            db,
            investigator,
            pid,
            consent_date=dt.date(2024, 12, 27),
            index_date=dt.date(2025, 4, 1),
            reason="typed the wrong month",
            today=TODAY,
        )
    assert err.value.field == "index_date"
    assert "last contact alive recorded on 2025-03-01" in str(err.value)
    # A move that keeps the event after the index date is fine.
    update_enrolment_dates(
        db,
        investigator,
        pid,
        consent_date=dt.date(2024, 12, 27),
        index_date=dt.date(2025, 1, 8),
        reason="typed the wrong day",
        today=TODAY,
    )

"""Fixtures for screening and enrolment: fixed dates and a typical patient."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.services.enrolment import IdentityInput, ScreeningData, eligible_screening

TODAY = dt.date(2025, 3, 10)


@pytest.fixture
def today() -> dt.date:
    return TODAY


def make_identity(hrn: str = "H100001", **overrides: object) -> IdentityInput:
    values: dict[str, object] = {
        "name": "Wei Zhang",
        "hospital_record_number": hrn,
        "sex": "M",
        "birth_date": dt.date(1970, 5, 4),
        "phone": "13800000000",
    }
    values.update(overrides)
    return IdentityInput(**values)  # type: ignore[arg-type]


def make_screening(**overrides: object) -> ScreeningData:
    date = overrides.pop("screening_date", TODAY - dt.timedelta(days=2))
    return eligible_screening(date, **overrides)  # type: ignore[arg-type]

"""The monitoring tests' shared inputs (imported by conftest and the tests)."""

from __future__ import annotations

import datetime as dt

from nclm_desktop.services.surgery import OperationInput
from tests.surgery.surgery_data import right_hemihepatectomy

PASSWORD = "correct-horse-42"
ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)
TODAY = dt.date(2024, 6, 30)


def operation_input(surgeon_id: int, **changes: object) -> OperationInput:
    """The surgery tests' right hemihepatectomy, by one surgeon."""
    return right_hemihepatectomy([surgeon_id], **changes)

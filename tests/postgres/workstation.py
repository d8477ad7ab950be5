"""One ward workstation, run as its own process by the concurrency tests.

usage: python workstation.py URL USERNAME SURGEON_ID COUNT READY_FILE GO_FILE

Signs in, says it is ready, waits for the go, then COUNT times: screens and enrols a new
patient, records the operation and records the first follow-up visit, each through the
real services and each in its own transaction, as a user at the ward would.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts, enrolment, surgery
from nclm_desktop.services import followup as fu
from nclm_desktop.services.enrolment import IdentityInput

ENROLLED = dt.date(2024, 3, 1)
OPERATED = dt.date(2024, 3, 12)
TODAY = dt.date(2025, 6, 30)
PASSWORD = os.environ["NCLM_PASSWORD"]


def operation(surgeon_id: int) -> surgery.OperationInput:
    return surgery.OperationInput(
        operation_date=OPERATED,
        surgeon_ids=[surgeon_id],
        approach="open",
        segments=[5, 6, 7, 8],
        anatomical=True,
        duration_min=240,
        blood_loss_ml=450,
        transfusion_units=0,
        r_status="R0",
        discharge_date=dt.date(2024, 3, 22),
    )


def main(url: str, username: str, surgeon_id: int, count: int, ready: Path, go: Path) -> None:
    db = open_database(url)
    actor = accounts.authenticate(db, username, PASSWORD)
    ready.write_text(str(os.getpid()))
    while not go.exists():
        time.sleep(0.01)
    for n in range(count):
        result = enrolment.screen_and_enrol(
            db,
            actor,
            IdentityInput(
                f"{username} patient {n}", f"{username}-{n:04d}", "M", dt.date(1970, 5, 4)
            ),
            enrolment.eligible_screening(ENROLLED - dt.timedelta(days=3)),
            cohort="hepatectomy",
            consent_date=ENROLLED,
            today=ENROLLED,
        )
        surgery.record_operation(
            db, actor, result.participant_id, operation(surgeon_id), today=TODAY
        )
        first = fu.list_visits(db, actor, result.participant_id, TODAY)[0]
        fu.record_visit(db, actor, first.id, fu.VisitRecord(first.target_date), TODAY)
        print(result.study_id, flush=True)
    db.dispose()


if __name__ == "__main__":
    url, username, surgeon, count, ready, go = sys.argv[1:7]
    main(url, username, int(surgeon), int(count), Path(ready), Path(go))

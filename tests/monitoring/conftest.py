"""One small study built once per module through the real services (all five roles, one
enrolled participant with an operation); each test works on a copy of its SQLite file."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from monitoring_data import ENROLLED, PASSWORD, TODAY, operation_input

from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services import accounts, enrolment, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.permissions import Actor


@dataclass
class Study:
    db: Database
    roles: dict[str, Actor]  # admin, investigator, surgeon, coordinator, monitor, monitor2
    pid: int
    operation_id: int

    def __getitem__(self, role: str) -> Actor:
        return self.roles[role]


def _build(path: Path) -> dict[str, object]:
    db = open_database(path)
    admin = accounts.create_first_admin(db, "admin", "Site Administrator", PASSWORD)
    roles = {"admin": admin}
    for username, role, name in (
        ("lwang", "investigator", "Lu Wang"),
        ("zchen", "surgeon", "Zhi Chen"),
        ("mli", "coordinator", "Mei Li"),
        ("monitor1", "monitor", "Clinical Monitor"),
        ("monitor2", "monitor", "Second Monitor"),
    ):
        key = "monitor2" if username == "monitor2" else role
        roles[key] = accounts.add_user(db, admin, username, name, role, PASSWORD)
    inv = roles["investigator"]
    pid = enrolment.screen_and_enrol(
        db,
        inv,
        IdentityInput("Patient 1", "HRN00001", "M", dt.date(1970, 5, 4)),
        enrolment.eligible_screening(ENROLLED - dt.timedelta(days=3)),
        cohort="hepatectomy",
        consent_date=ENROLLED,
        today=ENROLLED,
    ).participant_id
    op = surgery.record_operation(db, inv, pid, operation_input(inv.user_id), today=TODAY)
    db.dispose()
    return {"roles": roles, "pid": pid, "operation_id": op}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):
    path = tmp_path_factory.mktemp("monitoring") / "built.db"
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

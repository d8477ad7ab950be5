"""`nclm-desktop demo` as a user runs it, and the refusals that keep demo data out of a study."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from demo_setup import TODAY
from sqlalchemy import func, select

from nclm_desktop import demo
from nclm_desktop.cli import run
from nclm_desktop.demo.batch import batched
from nclm_desktop.models import AuditEvent, Participant, ParticipantIdentity
from nclm_desktop.models.db import open_database
from nclm_desktop.services import enrolment as en
from nclm_desktop.services.errors import ServiceError, ValidationError


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NCLM_DB"}
    return subprocess.run(
        [sys.executable, "-m", "nclm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def count_participants(path: Path) -> int:
    db = open_database(path)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(Participant)) or 0
    finally:
        db.dispose()


def test_demo_command_writes_a_study_and_prints_the_accounts(tmp_path: Path, capsys):
    path = tmp_path / "demo.db"
    done = cli("--db", str(path), "demo", "--participants", "6", "--seed", "3",
               "--today", TODAY.isoformat())  # fmt: skip
    assert done.returncode == 0, done.stderr
    for acc in demo.DEMO_ACCOUNTS:
        assert acc.username in done.stdout
    assert demo.DEMO_PASSWORD in done.stdout
    assert "participants: 6" in done.stdout
    assert count_participants(path) == 6

    # --if-new, as `make demo` runs it: an existing demo database is left as it is.
    again = cli("demo", "--db", str(path), "--participants", "9", "--if-new")
    assert again.returncode == 0, again.stderr
    assert "nothing generated" in again.stdout and "coordinator" in again.stdout

    assert run(["--db", str(path), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    assert run(["--db", str(path), "demo"]) == 2
    assert "already has 6 participants" in capsys.readouterr().err
    assert count_participants(path) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--participants", "0"], "positive"),
        (["--participants", "many"], "positive"),
        (["--today", "18/06/2025"], "YYYY-MM-DD"),
    ],
)
def test_bad_arguments_are_refused(tmp_path: Path, capsys, args: list[str], message: str):
    with pytest.raises(SystemExit) as exit_:
        run(["--db", str(tmp_path / "x.db"), "demo", *args])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_a_database_with_real_users_is_refused(db, admin):
    with pytest.raises(ServiceError, match="not the demo accounts"):
        demo.ensure_demo_accounts(db)
    assert demo.has_participants(db) == 0


def test_a_refused_call_in_a_batch_rolls_back_only_itself(db):
    actors = demo.ensure_demo_accounts(db)
    today = dt.date(2025, 6, 18)

    def person(number: str) -> en.IdentityInput:
        return en.IdentityInput("李娜", number, "F", dt.date(1975, 2, 3))

    with batched(db) as batch:
        en.screen(batch, actors.coordinator, person("25000001"), en.eligible_screening(today),
                  today=today)  # fmt: skip
        with pytest.raises(ValidationError):
            en.screen_and_enrol(
                batch,
                actors.coordinator,
                person("25000002"),
                en.eligible_screening(today, ecog=3),
                cohort="hepatectomy",
                consent_date=today,
                today=today,
            )
        en.screen(batch, actors.coordinator, person("25000003"), en.eligible_screening(today),
                  today=today)  # fmt: skip
    with db.session() as s:
        numbers = s.scalars(select(ParticipantIdentity.hospital_record_number)).all()
        audited = s.scalar(
            select(func.count()).where(
                AuditEvent.entity == "participant", AuditEvent.action == "insert"
            )
        )
    assert sorted(numbers) == ["25000001", "25000003"]
    assert audited == 2

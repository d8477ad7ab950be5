"""Two workstations writing at once on the shared server: study IDs unique and gapless, one
intact audit chain; a lock held too long gives a clean "busy, try again", nothing half-saved."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pgcluster
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from nclm_desktop.models import AuditEvent, Operation, Participant, Visit
from nclm_desktop.models.db import open_database
from nclm_desktop.services import enrolment
from nclm_desktop.services.audit_trail import verify_chain
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.errors import ServiceError
from tests.conftest import PASSWORD

pytestmark = pytest.mark.postgresql_only
WORKSTATION = Path(__file__).with_name("workstation.py")
PER_WORKSTATION = 8


def _wait_for(paths: list[Path], procs: list[subprocess.Popen], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not all(p.exists() for p in paths):
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"a workstation stopped early: {proc.stderr.read()}")
        assert time.monotonic() < deadline, "workstations did not get ready"
        time.sleep(0.05)


def test_two_workstations_enrol_operate_and_record_visits_at_once(db, pg_url, make_user, tmp_path):
    names = ["ward_a", "ward_b"]
    for name in names:
        make_user(name, "investigator")
    surgeon = make_user("zchen", "surgeon")
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKSTATION),
                pg_url,
                name,
                str(surgeon.user_id),
                str(PER_WORKSTATION),
                str(tmp_path / f"{name}.ready"),
                str(go),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NCLM_PASSWORD": PASSWORD},
        )  # fmt: skip
        for name in names
    ]
    try:
        _wait_for([tmp_path / f"{n}.ready" for n in names], procs, timeout=120)
        go.touch()
        outputs = [proc.communicate(timeout=300) for proc in procs]
    finally:
        for proc in procs:
            proc.kill()
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err

    total = 2 * PER_WORKSTATION
    expected = [f"NCLM-H-{n:03d}" for n in range(1, total + 1)]
    handed_out = [line for out, _err in outputs for line in out.split()]
    assert sorted(handed_out) == expected  # each ID handed out once, no gap
    with db.session() as s:
        assert sorted(s.scalars(select(Participant.study_id))) == expected
        assert s.scalar(select(func.count()).select_from(Operation)) == total
        done = select(func.count()).select_from(Visit).where(Visit.status == "done")
        assert s.scalar(done) == total
        writers = [
            u for u in s.scalars(select(AuditEvent.username).order_by(AuditEvent.id)) if u in names
        ]
    # The two really wrote at the same time: their events interleave in the chain.
    switches = sum(1 for a, b in zip(writers, writers[1:], strict=False) if a != b)
    assert switches >= 2, writers
    report = verify_chain(db)
    assert report.ok, report.problem
    assert report.events > 6 * total


def test_a_lock_held_longer_than_the_timeout_gives_busy_try_again(
    db, pg_cluster, pg_database, investigator
):
    """Another workstation sits on the audit chain's lock mid-transaction: the change is
    refused after the lock timeout with one sentence, nothing saved; a retry succeeds."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, psycopg\n"
         "c = psycopg.connect(sys.argv[1])\n"
         "c.execute('SELECT pg_advisory_xact_lock(727001)')\n"
         "print('holding', flush=True)\n"
         "time.sleep(60)\n",
         _libpq_dsn(pg_cluster, pg_database)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = make_url(pg_cluster.url(pg_database)).update_query_dict(
        {"options": "-c lock_timeout=400"}
    )
    impatient = open_database(url.render_as_string(hide_password=False))
    try:
        assert holder.stdout.readline().strip() == "holding"
        with impatient.session() as s:
            before = s.scalar(select(func.count()).select_from(AuditEvent))
        started = time.monotonic()
        with pytest.raises(ServiceError, match="busy.*Nothing was saved; try again"):
            _enrol(impatient, investigator)
        assert time.monotonic() - started < 10
        with impatient.session() as s:
            assert s.scalar(select(func.count()).select_from(Participant)) == 0
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == before
        holder.kill()
        holder.wait()
        assert _enrol(impatient, investigator).study_id == "NCLM-H-001"  # no ID lost
        assert verify_chain(impatient).ok
    finally:
        holder.kill()
        impatient.dispose()


def _libpq_dsn(cluster, database: str) -> str:
    return (
        f"host={cluster.socket_dir} dbname={database} user={pgcluster.APP} "
        f"password={pgcluster.PASSWORDS[pgcluster.APP]}"
    )


def _enrol(db, actor):
    return enrolment.screen_and_enrol(
        db,
        actor,
        IdentityInput("Busy Day", "HRN-BUSY-1", "F", dt.date(1968, 2, 3)),
        enrolment.eligible_screening(dt.date(2024, 2, 27)),
        cohort="hepatectomy",
        consent_date=dt.date(2024, 3, 1),
        today=dt.date(2024, 3, 1),
    )

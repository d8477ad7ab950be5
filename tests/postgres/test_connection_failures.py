"""The server down, a wrong password, the connection cut mid-transaction, a server crash:
one clear sentence each, no acknowledged write lost, and the app carries on by itself."""

from __future__ import annotations

import datetime as dt
import sys

import pgcluster
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from nclm_desktop.cli import run
from nclm_desktop.models import AuditEvent, Participant
from nclm_desktop.models.db import DatabaseError, open_database
from nclm_desktop.services import enrolment
from nclm_desktop.services.audit_trail import verify_chain
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.errors import ServiceError

pytestmark = pytest.mark.postgresql_only


def _enrol(db, actor, hrn: str):
    return enrolment.screen_and_enrol(
        db,
        actor,
        IdentityInput(f"Patient {hrn}", hrn, "M", dt.date(1966, 7, 8)),
        enrolment.eligible_screening(dt.date(2024, 2, 27)),
        cohort="hepatectomy",
        consent_date=dt.date(2024, 3, 1),
        today=dt.date(2024, 3, 1),
    )


def _counts(db) -> tuple[int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Participant)),
            s.scalar(select(func.count()).select_from(AuditEvent)),
        )


def test_no_server_is_one_clear_line(tmp_path, capsys):
    url = f"postgresql+psycopg://nclm_app:pw@/nclm?host={tmp_path}"
    with pytest.raises(DatabaseError, match="Cannot reach the database server"):
        open_database(url)
    assert run(["--db", url, "init"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Cannot reach the database server") and "running" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_wrong_password_is_one_clear_line_without_the_password(pg_cluster, pg_database, capsys):
    url = pg_cluster.url(pg_database, password="not-the-password")
    assert run(["--db", url, "init"]) == 2
    err = capsys.readouterr().err
    assert "refused the user name or password" in err and pgcluster.APP in err
    assert "not-the-password" not in err and "Traceback" not in err


def test_connection_cut_mid_transaction_saves_nothing_and_the_next_try_works(
    db, investigator, pg_cluster, monkeypatch
):
    before = _counts(db)
    allocate = enrolment._next_study_id

    def cut_then_allocate(session, cohort):
        # The participant and its audit events are flushed; now the network goes.
        pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        pg_cluster.admin().execute("SELECT pg_terminate_backend(%s)", (pid,))
        return allocate(session, cohort)

    monkeypatch.setattr(enrolment, "_next_study_id", cut_then_allocate)
    with pytest.raises(ServiceError, match="connection to the database server .* was lost"):
        _enrol(db, investigator, "HRN-CUT-1")
    monkeypatch.undo()
    assert _counts(db) == before  # nothing half-written
    assert _enrol(db, investigator, "HRN-CUT-1").study_id == "NCLM-H-001"
    assert verify_chain(db).ok


def test_acknowledged_writes_survive_a_server_crash_and_the_app_reconnects(
    db, investigator, pg_cluster
):
    first = _enrol(db, investigator, "HRN-ACK-1")
    counts = _counts(db)
    pg_cluster.halt()  # immediate shutdown: what a power cut does to the server process
    try:
        with pytest.raises(ServiceError, match="Cannot reach the database server"):
            _enrol(db, investigator, "HRN-ACK-2")
    finally:
        pg_cluster.launch()
    # The same app, never restarted: its pooled connections are dead and get replaced.
    assert _counts(db) == counts
    with db.session() as s:
        assert s.scalar(select(Participant.study_id).where(Participant.id == first.participant_id))
    assert _enrol(db, investigator, "HRN-ACK-2").study_id == "NCLM-H-002"
    assert verify_chain(db).ok


def test_the_connect_timeout_and_keepalives_are_set_unless_the_url_says_otherwise(
    pg_cluster, pg_database
):
    url = make_url(pg_cluster.url(pg_database)).update_query_dict({"connect_timeout": "3"})
    db = open_database(url.render_as_string(hide_password=False))
    try:
        with db.engine.connect() as conn:
            info = conn.connection.driver_connection.info
            assert info.get_parameters()["connect_timeout"] == "3"
            assert info.get_parameters()["keepalives"] == "1"
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "10s"
    finally:
        db.dispose()


def test_a_missing_driver_is_one_clear_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    assert run(["--db", "postgresql+psycopg://nclm_app@dbserver/nclm", "init"]) == 2
    err = capsys.readouterr().err
    assert "PostgreSQL driver is not installed" in err and "Traceback" not in err

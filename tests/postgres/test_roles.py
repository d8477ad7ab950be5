"""Roles on the server: the owner migrates, the workstations' login has no DDL and can only
append to the audit trail; the append-only rule holds even for the owner (trigger)."""

from __future__ import annotations

import pgcluster
import psycopg
import pytest

from nclm_desktop.cli import run
from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts
from nclm_desktop.services.audit_trail import verify_chain
from tests.conftest import PASSWORD

pytestmark = pytest.mark.postgresql_only


@pytest.fixture
def app_conn(pg_cluster, pg_database, admin):
    """A raw connection as the workstations' login role, on a database with audit events."""
    conn = pg_cluster.connect(pg_database, user=pgcluster.APP)
    yield conn
    conn.close()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET username = 'mallory' WHERE id = 1",
        "DELETE FROM audit_event WHERE id = 1",
        "TRUNCATE audit_event",
        "CREATE TABLE notes (id int)",
        "ALTER TABLE participant ADD COLUMN nickname text",
        "DROP TABLE setting",
        "CREATE TEMPORARY TABLE scratch (id int)",
        "UPDATE alembic_version SET version_num = '0001'",
    ],
)
def test_the_app_role_cannot_change_the_audit_trail_or_the_schema(app_conn, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_conn.execute(statement)


def test_the_app_role_reads_and_writes_the_study(app_conn):
    assert app_conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] >= 1
    app_conn.execute("INSERT INTO setting (key, value) VALUES ('probe', 'x')")
    app_conn.execute("UPDATE setting SET value = 'y' WHERE key = 'probe'")
    app_conn.execute("DELETE FROM setting WHERE key = 'probe'")


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_event SET username = 'mallory' WHERE id = 1", "DELETE FROM audit_event"],
)
def test_even_the_owner_cannot_rewrite_the_audit_trail(pg_cluster, pg_database, admin, statement):
    with pg_cluster.connect(pg_database, user=pgcluster.OWNER) as conn:
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            conn.execute(statement)
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] >= 1


def test_app_role_errors_reach_the_user_as_one_sentence(db, admin):
    from nclm_desktop.models.db import DatabaseError

    with db.engine.connect() as conn, pytest.raises(DatabaseError, match="refused this"):
        conn.exec_driver_sql("DELETE FROM audit_event")


def test_init_as_owner_migrates_and_grants_then_workstations_use_the_app_role(pg_cluster, capsys):
    name = pg_cluster.create_database(pg_cluster.new_name("fresh"))
    try:
        owner_url = pg_cluster.url(name, user=pgcluster.OWNER)
        app_url = pg_cluster.url(name)
        # Before init the workstation login may not create the tables.
        assert run(["--db", app_url, "init"]) == 2
        err = capsys.readouterr().err
        assert "may not change the schema" in err and "init" in err and "Traceback" not in err
        assert run(["--db", owner_url, "init", "--grant-to", pgcluster.APP]) == 0
        out = capsys.readouterr().out
        assert "Database ready" in out and pgcluster.APP in out
        db = open_database(app_url)
        try:
            accounts.create_first_admin(db, "admin", "Site Administrator", PASSWORD)
            assert accounts.authenticate(db, "admin", PASSWORD).username == "admin"
            assert verify_chain(db).ok
        finally:
            db.dispose()
        assert run(["--db", app_url, "audit", "verify"]) == 0
        assert "intact" in capsys.readouterr().out
    finally:
        pg_cluster.drop_database(name)


def test_granting_to_a_missing_role_is_one_clear_line(pg_cluster, pg_owner_url, capsys):
    assert run(["--db", pg_owner_url, "init", "--grant-to", "no_such_role"]) == 2
    err = capsys.readouterr().err
    assert "no role 'no_such_role'" in err and "Traceback" not in err

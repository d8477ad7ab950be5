"""Moving a single-PC study onto the server: every row of every table, the audit trail too,
the same hash chain, ids that carry on; a target holding data is refused untouched."""

from __future__ import annotations

import datetime as dt
import shutil

import pgcluster
import pytest
import sqlalchemy as sa

from nclm_desktop import demo
from nclm_desktop.cli import run
from nclm_desktop.models.db import open_database
from nclm_desktop.models.pg_server import grant_app_role
from nclm_desktop.services import accounts, enrolment
from nclm_desktop.services.audit_trail import verify_chain
from nclm_desktop.services.enrolment import IdentityInput

ADMIN = demo.DEMO_ACCOUNTS[0].username


@pytest.fixture
def small_study(tmp_path, migrated_template, monkeypatch):
    """A demo study of 12 participants in a SQLite file: every clinical table filled."""
    path = tmp_path / "ward.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    try:
        actors = demo.ensure_demo_accounts(db)
        demo.generate_study(db, actors, participants=12, seed=3, today=dt.date(2025, 6, 18))
    finally:
        db.dispose()
    monkeypatch.setenv("NCLM_PASSWORD", demo.DEMO_PASSWORD)
    return path


@pytest.fixture
def empty_server_db(pg_cluster):
    name = pg_cluster.create_database(pg_cluster.new_name("moved"))
    yield name
    pg_cluster.drop_database(name)


def test_migrate_to_copies_every_table_and_the_chain_then_the_study_carries_on(
    small_study, pg_cluster, empty_server_db, capsys
):
    owner_url = pg_cluster.url(empty_server_db, user=pgcluster.OWNER)
    code = run(["migrate-to", "--db", str(small_study), "--user", ADMIN, "--to", owner_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "row counts match, audit trail intact" in out

    source = open_database(small_study)
    target = open_database(owner_url)
    try:
        before, after = pgcluster.every_row(source), pgcluster.every_row(target)
        filled = [name for name, rows in before.items() if rows]
        assert {"audit_event", "participant", "operation", "visit", "complication"} <= set(filled)
        for name in before:
            assert after[name] == before[name], name
        assert verify_chain(target).events == verify_chain(source).events > 0
        grant_app_role(target.engine, pgcluster.APP)
    finally:
        source.dispose()
        target.dispose()

    # The workstations carry on on the server: new ids follow the copied ones.
    ward = open_database(pg_cluster.url(empty_server_db))
    try:
        investigator = accounts.authenticate(ward, "pi", demo.DEMO_PASSWORD)
        result = enrolment.screen_and_enrol(
            ward,
            investigator,
            IdentityInput("After The Move", "HRN-MOVED-1", "F", dt.date(1971, 1, 2)),
            enrolment.eligible_screening(dt.date(2025, 6, 10)),
            cohort="hepatectomy",
            consent_date=dt.date(2025, 6, 12),
            today=dt.date(2025, 6, 18),
        )
        highest = max(
            int(r[1].rsplit("-", 1)[1])
            for r in before["participant"]
            if r[1] and r[1].startswith("NCLM-H-")
        )
        assert result.study_id == f"NCLM-H-{highest + 1:03d}"
        assert result.participant_id == max(r[0] for r in before["participant"]) + 1
        report = verify_chain(ward)
        assert report.ok and report.events > len(before["audit_event"])
    finally:
        ward.dispose()


def test_migrate_to_refuses_a_target_that_holds_data(
    small_study, pg_cluster, pg_database, pg_owner_url, capsys
):
    target = open_database(pg_owner_url)
    accounts.create_first_admin(target, "someone", "Someone Else", "another-password-1")
    events = verify_chain(target).events
    code = run(["--db", str(small_study), "--user", ADMIN, "migrate-to", "--to", pg_owner_url])
    err = capsys.readouterr().err
    assert code == 2
    assert "not empty" in err and "user_account (1 rows)" in err and "Traceback" not in err
    assert verify_chain(target).events == events
    with target.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM participant")) == 0
    target.dispose()


def test_migrate_to_needs_an_administrator(small_study, pg_cluster, empty_server_db, capsys):
    url = pg_cluster.url(empty_server_db, user=pgcluster.OWNER)
    assert run(["--db", str(small_study), "--user", "pi", "migrate-to", "--to", url]) == 2
    assert "Traceback" not in capsys.readouterr().err

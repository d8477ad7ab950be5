"""Backups on the server as the README says: pg_dump, pg_restore into a new database; the
restored study has every row, a chain that verifies, and the workstations can use it."""

from __future__ import annotations

import datetime as dt

import pgcluster
import pytest

from nclm_desktop import demo
from nclm_desktop.cli import run
from nclm_desktop.models.db import open_database
from nclm_desktop.services import accounts
from nclm_desktop.services.audit_trail import verify_chain

pytestmark = pytest.mark.postgresql_only


def test_pg_dump_then_pg_restore_gives_the_same_study(
    db, pg_cluster, pg_database, tmp_path, capsys
):
    actors = demo.ensure_demo_accounts(db)
    demo.generate_study(db, actors, participants=10, seed=5, today=dt.date(2025, 6, 18))
    original = pgcluster.every_row(db)
    assert original["participant"] and original["complication"] and original["audit_event"]

    dump = tmp_path / "nclm.dump"
    out = pg_cluster.client("pg_dump", "--format=custom", f"--file={dump}", pg_database)
    assert out.returncode == 0, out.stderr
    restored_name = pg_cluster.create_database(pg_cluster.new_name("restored"))
    try:
        out = pg_cluster.client(
            "pg_restore", "--exit-on-error", "--single-transaction", "-d", restored_name, str(dump)
        )
        assert out.returncode == 0, out.stderr
        # Database-level grants are not in a dump: init --grant-to puts them back.
        owner_url = pg_cluster.url(restored_name, user=pgcluster.OWNER)
        assert run(["--db", owner_url, "init", "--grant-to", pgcluster.APP]) == 0
        restored = open_database(pg_cluster.url(restored_name))  # the workstations' login
        try:
            assert pgcluster.every_row(restored) == original
            report = verify_chain(restored)
            assert report.ok and report.events == len(original["audit_event"])
            assert accounts.authenticate(restored, "pi", demo.DEMO_PASSWORD).username == "pi"
        finally:
            restored.dispose()
        assert run(["--db", pg_cluster.url(restored_name), "audit", "verify"]) == 0
        assert "Audit trail intact" in capsys.readouterr().out
    finally:
        pg_cluster.drop_database(restored_name)

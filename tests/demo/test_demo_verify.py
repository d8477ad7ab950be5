"""The whole demo study, written through the services, agrees with its audit trail."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing

from nclm_desktop.services.audit_replay import audited_models
from nclm_desktop.services.audit_verify import verify_database


def test_verify_finds_no_difference_in_the_demo_study(demo_study):
    path = demo_study[0]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    report = verify_database(path)
    assert report.ok, [d.describe() for d in report.differences]
    assert report.events > 1000
    assert report.tables_checked == len(audited_models())
    with closing(sqlite3.connect(path)) as con:
        rows = sum(
            con.execute(f"SELECT count(*) FROM {m.__tablename__}").fetchone()[0]  # noqa: S608
            for m in audited_models()
        )
    assert report.rows_replayed == rows
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

"""`audit verify` walks each table and its replayed trail side by side in key-text order:
on both back-ends the two orders must agree ("10" before "2"), so an untouched study gives
no false alarm and each change made outside the application is named once."""

from __future__ import annotations

from sqlalchemy import text

from nclm_desktop.models.db import Database
from nclm_desktop.services.audit_replay import audited_models
from nclm_desktop.services.audit_verify import verify_database
from tests.foundation.test_audit_verify import add_participant


def target(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def execute(db: Database, *statements: str) -> None:
    """Written around the application: no audit event."""
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def test_keys_in_text_order_verify_on_both_back_ends(db, investigator):
    for number in range(1, 13):  # keys 1..12: "10", "11", "12" sort before "2"
        add_participant(db, investigator, number)
    report = verify_database(target(db))
    assert report.ok, [d.describe() for d in report.differences]
    with db.engine.connect() as conn:
        rows = sum(
            conn.execute(text(f"SELECT count(*) FROM {m.__tablename__}")).scalar_one()  # noqa: S608
            for m in audited_models()
        )
    assert report.rows_replayed == rows >= 24

    execute(
        db,
        "UPDATE participant_identity SET phone = '555-9999' WHERE participant_id = 10",
        "DELETE FROM participant_identity WHERE participant_id = 2",
        "INSERT INTO participant (study_id, cohort, status, sex, locked, created_utc) "
        "VALUES ('NCLM-H-099', 'hepatectomy', 'enrolled', 'M', false, '2026-01-01 00:00:00')",
    )
    report = verify_database(target(db))
    found = sorted(d.describe() for d in report.differences)
    assert found == [
        "participant 13: row added without an audit event",
        'participant_identity 10, column phone: expected "555-0100", found "555-9999"',
        "participant_identity 2: row deleted without an audit event",
    ]

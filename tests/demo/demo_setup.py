"""Constants and helpers of the demo tests (imported by conftest and the test modules)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy import inspect, select, text

from nclm_desktop import demo
from nclm_desktop.models import AuditEvent
from nclm_desktop.models.db import Database, open_database

TODAY = dt.date(2025, 6, 18)  # a Wednesday
SEED = 7
PARTICIPANTS = 40
# Tables compared by the determinism test; columns that hold wall-clock times or hashes
# (and password hashes, salted at random) are left out.
DUMPED_TABLES = (
    "user_account",
    "participant",
    "participant_identity",
    "screening",
    "baseline_disease",
    "systemic_treatment",
    "study_id_counter",
    "operation",
    "operation_surgeon",
    "complication",
    "reoperation",
    "visit",
    "clinical_event",
    "data_query",
    "sdv_mark",
    "signature",
)
VOLATILE = ("_utc", "hash")


def build_demo(path: Path, template: Path, participants: int, seed: int) -> demo.StudyCounts:
    shutil.copy(template, path)
    db = open_database(path)
    try:
        actors = demo.ensure_demo_accounts(db)
        return demo.generate_study(db, actors, participants=participants, seed=seed, today=TODAY)
    finally:
        db.dispose()


def canonical_dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of the study tables (and the audit trail's who/what), in id order."""
    dump: dict[str, list[tuple]] = {}
    names = set(inspect(db.engine).get_table_names())
    with db.engine.connect() as conn:
        for table in DUMPED_TABLES:
            assert table in names, table
            cols = [
                c["name"]
                for c in inspect(db.engine).get_columns(table)
                if not any(v in c["name"] for v in VOLATILE)
            ]
            rows = conn.execute(text(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1"))
            dump[table] = [tuple(r) for r in rows]
        # Sorted: within one flush the audit hook walks the session's (unordered) sets.
        # Sorted: within one flush the audit hook walks the session's (unordered) sets.
        who_what = select(
            AuditEvent.action,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditEvent.username,
            AuditEvent.field,
            AuditEvent.reason,
        )
        dump["audit_event"] = sorted((tuple(r) for r in conn.execute(who_what)), key=repr)
    return dump

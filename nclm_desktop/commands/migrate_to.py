"""`nclm-desktop migrate-to`: move a single-PC study (SQLite file) onto the shared server.

Every table is copied as it is, the audit trail included (no new events: the copy carries
the same hash chain), into an empty database migrated to the same revision. Afterwards the
row counts must match table by table and the copied chain must verify; a target that
already holds data is refused untouched. README, "Shared server".
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, func, inspect, select

from ..cli import CliError, command, signed_in
from ..models import Base
from ..models.db import Database, DatabaseError, create_db_engine, open_database, to_url
from ..services.audit_trail import verify_chain
from ..services.permissions import Permission, require

CHUNK = 2000


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "migrate-to",
        help="copy this study (every table, the audit trail too) into an empty server database",
        description="Copy the study in --db (a SQLite file) into an empty PostgreSQL database "
        "given by --to, reached as the database owner; then check the row counts and the audit "
        "chain. Needs an administrator (--user). The source is not changed.",
    )
    p.add_argument("--to", required=True, metavar="URL", help="postgresql+psycopg://owner@host/db")
    # Also accepted after the command name: `migrate-to --db study.db --user NAME --to URL`.
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.add_argument("--user", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _row_counts(conn: Connection, tables: list[str]) -> dict[str, int]:
    present = set(inspect(conn).get_table_names())
    return {
        name: conn.scalar(select(func.count()).select_from(sa.table(name)))
        for name in tables
        if name in present
    }


def _refuse_non_empty(target_url: sa.URL) -> None:
    """Check the target before anything is written to it, migrations included."""
    engine = create_db_engine(target_url)
    try:
        with engine.connect() as conn:
            filled = {t: n for t, n in _row_counts(conn, list(Base.metadata.tables)).items() if n}
    finally:
        engine.dispose()
    if filled:
        listing = ", ".join(f"{t} ({n} rows)" for t, n in sorted(filled.items()))
        raise CliError(
            f"The target database is not empty: {listing}. Nothing was copied; give an empty "
            "database."
        )


def _insert_table(table: sa.Table) -> sa.TableClause:
    """The target's insert columns; JSON columns keep SQL NULL as NULL (not JSON null)."""
    cols = [
        sa.column(c.name, sa.JSON(none_as_null=True) if isinstance(c.type, sa.JSON) else c.type)
        for c in table.columns
    ]
    return sa.table(table.name, *cols)


def _as_utc(table: sa.Table) -> list[str]:
    # SQLite keeps timestamps without their zone; the app writes them in UTC.
    return [c.name for c in table.columns if isinstance(c.type, sa.DateTime) and c.type.timezone]


def _copy_rows(source: Connection, target: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        insert = _insert_table(table).insert()
        utc_cols = _as_utc(table)
        result = source.execution_options(yield_per=CHUNK).execute(
            select(table).order_by(*table.primary_key.columns)
        )
        for chunk in result.mappings().partitions(CHUNK):
            rows: list[dict[str, Any]] = [dict(r) for r in chunk]
            for row in rows:
                for name in utc_cols:
                    if row[name] is not None and row[name].tzinfo is None:
                        row[name] = row[name].replace(tzinfo=dt.UTC)
            target.execute(insert, rows)


def _advance_sequences(target: Connection) -> None:
    """Explicit ids were copied: move each id sequence past them, or the next insert clashes."""
    if target.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        for col in table.primary_key.columns:
            seq = target.scalar(
                sa.text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": col.name}
            )
            if seq:
                quoted = target.dialect.identifier_preparer.quote(col.name)
                target.execute(
                    sa.text(
                        f"SELECT setval(CAST(:s AS regclass), COALESCE(MAX({quoted}), 1), "
                        f"MAX({quoted}) IS NOT NULL) FROM {table.name}"
                    ),
                    {"s": seq},
                )


@command("migrate-to")
def _migrate_to(args: argparse.Namespace, db: Database) -> int:
    require(signed_in(args, db), Permission.MANAGE_USERS)
    target_url = to_url(args.to)
    if target_url.get_backend_name() == "sqlite" or target_url == db.url:
        raise CliError("--to must be a database server URL (postgresql+psycopg://...).")
    source_chain = verify_chain(db)
    if not source_chain.ok:
        raise CliError(
            f"The audit trail of {db.describe()} does not verify ({source_chain.problem}); "
            "nothing was copied."
        )
    _refuse_non_empty(target_url)
    target = open_database(args.to)  # migrated to this version's revision, like the source
    try:
        tables = [t.name for t in Base.metadata.sorted_tables]
        with db.engine.connect() as src, target.engine.begin() as dst:
            _copy_rows(src, dst)
            _advance_sequences(dst)
            expected, copied = _row_counts(src, tables), _row_counts(dst, tables)
            if copied != expected:
                wrong = [t for t in tables if copied.get(t) != expected.get(t)]
                raise DatabaseError(f"Row counts differ after the copy ({', '.join(wrong)}).")
        if target.engine.dialect.name == "postgresql":
            with target.engine.begin() as conn:  # planner statistics for the bulk-loaded tables
                conn.exec_driver_sql("ANALYZE")
        target_chain = verify_chain(target)
        if not target_chain.ok or target_chain.events != source_chain.events:
            print(
                f"The audit trail copied to {target.describe()} does NOT verify: "
                f"{target_chain.problem or 'event count differs'}. Do not use it."
            )
            return 1
        print(
            f"Copied {sum(copied.values())} rows in {len(tables)} tables to "
            f"{target.describe()}; row counts match, audit trail intact "
            f"({target_chain.events} events)."
        )
        return 0
    finally:
        target.dispose()

"""`audit verify`: the hash chain, its anchors outside the file, and every audited table
replayed from the trail. Opens the database read-only and never migrates it."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    case,
    create_engine,
    event,
    func,
    inspect,
    or_,
    select,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from ..forms import QT_TRANSLATE_NOOP
from ..forms.errors import UserError, said
from ..models import AuditEvent
from ..models.audit import (
    GENESIS_HASH,
    HASHED_FIELDS,
    event_hash_of_content,
    event_hash_of_values,
)
from ..models.db import DatabaseError, check_sqlite_file, create_db_engine, to_url
from . import audit_anchor
from .audit_replay import Difference, TableCheck, audited_models

DIFFERENCES_SHOWN = 50


class CannotVerify(UserError, DatabaseError):
    """A database that cannot be verified (a DatabaseError, as its callers expect), with a
    marked message: shown in the user's language."""


@dataclass(frozen=True)
class Anchor:
    count: int
    hash: str
    source: str  # where it was recorded, for the message


@dataclass
class VerifyReport:
    events: int = 0
    chain_problem: str = ""
    first_bad_id: int | None = None
    anchor_problems: list[str] = field(default_factory=list)
    anchors_checked: int = 0
    differences: list[Difference] = field(default_factory=list)
    difference_count: int = 0
    head_hash: str = GENESIS_HASH
    tables_checked: int = 0
    rows_replayed: int = 0

    @property
    def ok(self) -> bool:
        return not (self.chain_problem or self.anchor_problems or self.difference_count)


# --- opening without changing anything ------------------------------------------------------


def read_only_engine(target: str | os.PathLike[str]) -> tuple[Engine, str]:
    """An engine that cannot write, and the key the database's anchors are filed under."""
    url = to_url(target)
    if url.get_backend_name() != "sqlite":
        engine = create_db_engine(url)  # a server database: this session only reads
        return engine, url.render_as_string(hide_password=True)
    if not url.database or url.database == ":memory:":
        raise CannotVerify(
            QT_TRANSLATE_NOOP("Refusals", "An in-memory database has no audit trail to verify."),
            params={},
        )
    path = Path(url.database)
    if not path.exists():
        raise CannotVerify(
            QT_TRANSLATE_NOOP("Refusals", "There is no database at {path}."),
            params={"path": str(path)},
        )
    if not path.is_file():
        raise CannotVerify(
            QT_TRANSLATE_NOOP("Refusals", "{path} is not a database file."),
            params={"path": str(path)},
        )
    check_sqlite_file(path)
    if path.stat().st_size == 0:
        raise CannotVerify(
            QT_TRANSLATE_NOOP("Refusals", "{path} is empty (0 bytes): it is not a database."),
            params={"path": str(path)},
        )
    uri = f"file:{quote(path.as_posix())}?mode=ro"

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        con.isolation_level = None  # transactions begin below, not at pysqlite's whim
        con.execute("PRAGMA query_only = ON")
        return con

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _snapshot(conn: Connection) -> None:
        # One read transaction: every query sees the same committed state even while the
        # application keeps writing (WAL readers do not block writers).
        conn.exec_driver_sql("BEGIN")

    return engine, str(path.resolve())


# --- anchors -------------------------------------------------------------------------------


def _anchors_from_file(path: Path, key: str | None) -> list[Anchor]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if key is not None and isinstance(data, dict) and data.get("database") != key:
        return []
    return [
        Anchor(int(a["count"]), str(a["hash"]), f"{path.name} ({a.get('recorded_utc', '?')})")
        for a in audit_anchor.load_anchors(path)
    ]


def _anchors_from_backup(path: Path) -> list[Anchor]:
    """A backup's own chain is an anchor: the live chain must begin with it."""
    engine, _key = read_only_engine(path)
    try:
        with engine.connect() as conn:
            head = audit_anchor.read_head(conn)
    finally:
        engine.dispose()
    return [Anchor(head.count, head.hash, f"backup {path.name}")] if head.count else []


def gather_anchors(key: str, extra: Iterable[Path] = ()) -> list[Anchor]:
    """The anchor file in the user's data folder, anchors beside backups in the default
    backup folder, and any anchor or backup file named on the command line."""
    anchors = _anchors_from_file(audit_anchor.anchor_file(key), key)
    if not key.count("://"):
        for path in audit_anchor.backup_anchor_files(Path(key)):
            anchors += _anchors_from_file(path, key)
    for path in extra:
        path = Path(path)
        if path.name.endswith(".json"):
            anchors += _anchors_from_file(path, None)
        else:
            anchors += _anchors_from_backup(path)
    return anchors


# --- the checks ----------------------------------------------------------------------------


def _hashed_text_in_sql(conn: Connection) -> ColumnElement[Any] | None:
    """On SQLite, json_array writes the hashed text in C, the same text as the Python
    encoder for what the hook stores (text, integers, NULL; tested), NULL where a value is a
    BLOB (which json_array refuses). None where the database has no such function."""
    if conn.dialect.name != "sqlite":
        return None
    try:
        conn.exec_driver_sql("SELECT json_array(1)")
    except SQLAlchemyError:  # an SQLite built without JSON
        return None
    cols = [getattr(AuditEvent, f) for f in HASHED_FIELDS]
    return case(
        (or_(*(func.typeof(c) == "blob" for c in cols)), None), else_=func.json_array(*cols)
    )


def walk_chain(conn: Connection, report: VerifyReport, anchors: list[Anchor]) -> None:
    """Recompute every hash in order (first bad event named) and compare anchored positions."""
    by_count: dict[int, list[Anchor]] = {}
    for a in anchors:
        by_count.setdefault(a.count, []).append(a)
    prev, count = GENESIS_HASH, 0
    hashed = [getattr(AuditEvent, f) for f in HASHED_FIELDS]
    in_sql = _hashed_text_in_sql(conn)
    cols = [AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash]
    cols += hashed if in_sql is None else [in_sql]
    result = conn.execution_options(yield_per=5000).execute(select(*cols).order_by(AuditEvent.id))
    for row in result:
        event_id, prev_hash, stored = row[0], row[1], row[2]
        count += 1
        if prev_hash != prev:
            report.first_bad_id = event_id
            report.chain_problem = said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "event {id} does not follow the previous event (an event before it was "
                    "deleted or changed)",
                ),
                id=event_id,
            )
            break
        if in_sql is None:
            intact = event_hash_of_values(prev, row[3:]) == stored
        else:
            intact = row[3] is not None and event_hash_of_content(prev, row[3]) == stored
            if not intact:
                # The hash's definition decides: the values encoded in Python.
                values = conn.execute(select(*hashed).where(AuditEvent.id == event_id)).one()
                intact = event_hash_of_values(prev, tuple(values)) == stored
        if not intact:
            report.first_bad_id = event_id
            report.chain_problem = said(
                QT_TRANSLATE_NOOP("Refusals", "event {id} was altered after it was written"),
                id=event_id,
            )
            break
        prev = stored
        if count in by_count:
            for a in by_count[count]:
                report.anchors_checked += 1
                if a.hash != prev:
                    report.anchor_problems.append(
                        said(
                            QT_TRANSLATE_NOOP(
                                "Refusals",
                                "event {n} has hash {found}, but {source} anchored {hash} "
                                "there: the trail was rewritten or replaced by another copy",
                            ),
                            n=count,
                            found=prev[:12],
                            source=a.source,
                            hash=a.hash[:12],
                        )
                    )
    else:
        report.events, report.head_hash = count, prev
        for a in anchors:
            if a.count > count:
                report.anchor_problems.append(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Refusals",
                            "the trail has {n} events, but {source} anchored {anchored}: "
                            "events were deleted or an older copy was put back",
                        ),
                        n=count,
                        source=a.source,
                        anchored=a.count,
                    )
                )
        return
    report.events = count


def compare_tables(conn: Connection, report: VerifyReport) -> None:
    present = set(inspect(conn).get_table_names())
    models = [m for m in audited_models() if m.__tablename__ in present]
    deleted: dict[str, set[str]] = {}  # shared: each parent's deletions are read once
    for model in models:
        check = TableCheck(conn, model, deleted)
        for diff in check.differences():
            report.difference_count += 1
            if len(report.differences) < DIFFERENCES_SHOWN:
                report.differences.append(diff)
        report.tables_checked += 1
        report.rows_replayed += check.rows_replayed


def _unreadable(target: str | os.PathLike[str], detail: object) -> CannotVerify:
    return CannotVerify(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "The database {target} is damaged and cannot be verified ({detail}); restore it "
            "from a backup with `nclm-desktop restore BACKUP --db {path}`.",
        ),
        params={"target": str(target), "detail": str(detail), "path": str(Path(os.fspath(target)))},
    )


def verify_database(
    target: str | os.PathLike[str], extra_anchors: Iterable[Path] = ()
) -> VerifyReport:
    """All checks, read-only. Raises DatabaseError for a file that cannot be read."""
    engine, key = read_only_engine(target)
    report = VerifyReport()
    try:
        anchors = gather_anchors(key, extra_anchors)
        with engine.connect() as conn:
            if "audit_event" not in inspect(conn).get_table_names():
                raise CannotVerify(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{target} has no audit trail (not an NCLM Desktop database)."
                    ),
                    params={"target": str(target)},
                )
            walk_chain(conn, report, anchors)
            compare_tables(conn, report)
    except (sqlite3.DatabaseError, OSError, SQLAlchemyError) as exc:
        cause = getattr(exc, "orig", None) or exc  # the driver's message, not SQLAlchemy's
        raise _unreadable(target, cause) from exc
    finally:
        engine.dispose()
    return report

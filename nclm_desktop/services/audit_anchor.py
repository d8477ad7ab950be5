"""The audit chain's head, kept outside the database file.

The hash chain alone proves only that the events agree with each other: whoever can write
the file can delete the last events, recompute every hash after an edit, or put an older
copy back. So after every committed write that added audit events, the head (number of
events, last hash) is written to an anchor file in the user's data folder, keyed by the
database; a backup gets its own anchor file beside it, and every PDF report prints the
head in its footer. `audit verify` then reports a chain shorter than an anchor or a
different hash at an anchored position.

An anchor is never overwritten by a chain that does not extend it: after a rollback or a
recomputed chain the old anchor stays (and is reported) next to the new head.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, func, select
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from .. import paths
from ..models import AuditEvent
from ..models.audit import GENESIS_HASH
from ..models.db import Database

ANCHOR_DIR_ENV = "NCLM_ANCHOR_DIR"  # tests and portable set-ups point it elsewhere
ANCHORS_KEPT = 20
BACKUP_SUFFIX = ".anchor.json"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    count: int
    last_id: int
    hash: str

    def label(self) -> str:
        """What a report footer prints: enough to compare with `audit verify`."""
        return f"{self.count:,} · {self.hash[:12]}"

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "last_id": self.last_id, "hash": self.hash}


def anchor_dir() -> Path:
    env = os.environ.get(ANCHOR_DIR_ENV)
    return Path(env) if env else paths.user_data_dir() / "anchors"


def database_key(db: Database) -> str:
    if db.path is not None:
        return str(db.path.resolve())
    return db.url.render_as_string(hide_password=True)


def anchor_file(key: str) -> Path:
    return anchor_dir() / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}.json"


def read_head(conn: Connection, since: Head | None = None) -> Head:
    """The chain's head; counting only the events after ``since`` when it is given."""
    last = conn.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    if last is None:
        return Head(0, 0, GENESIS_HASH)
    count_stmt = select(func.count()).select_from(AuditEvent)
    if since is not None:
        count_stmt = count_stmt.where(AuditEvent.id > since.last_id)
    count = conn.scalar(count_stmt) + (since.count if since else 0)
    return Head(count, last.id, last.hash)


def _extends(conn: Connection, anchor: dict[str, Any]) -> bool:
    """The chain still holds the anchored event unchanged (cheap: one primary-key read)."""
    found = conn.scalar(select(AuditEvent.hash).where(AuditEvent.id == anchor["last_id"]))
    if anchor["count"] == 0:
        return True
    return found == anchor["hash"]


def load_anchors(path: Path) -> list[dict[str, Any]]:
    """The anchors in an anchor file (empty if there is none or it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        anchors = data.get("anchors", [])
        return [a for a in anchors if {"count", "hash"} <= set(a)]
    except (OSError, ValueError, AttributeError):
        return []


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".anchor-")
    try:
        # No fsync: this runs after every write; an anchor lost in a power cut leaves the
        # previous one, which the chain still extends (never a false alarm).
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def record_head(db: Database) -> Head | None:
    """Anchor the committed head of ``db`` (a fresh connection sees only committed events)."""
    key = database_key(db)
    path = anchor_file(key)
    anchors = load_anchors(path)
    with db.engine.connect() as conn:
        latest = anchors[-1] if anchors else None
        extends = latest is not None and "last_id" in latest and _extends(conn, latest)
        head = read_head(conn, Head(latest["count"], latest["last_id"], "") if extends else None)
    entry = head.as_dict() | {"recorded_utc": _now()}
    if extends:
        anchors[-1] = entry
    else:
        anchors.append(entry)  # keep the anchor the chain no longer matches: verify says so
    data = {"database": key, "anchors": anchors[-ANCHORS_KEPT:]}
    try:
        kept = json.loads(path.read_text(encoding="utf-8")).get("superseded")
    except (OSError, ValueError, AttributeError):
        kept = None
    if kept:
        data["superseded"] = kept
    _write_json(path, data)
    return head


def record_after_commit(db: Database) -> None:
    """Called after a write transaction that added audit events; never fails the write."""
    try:
        record_head(db)
    except Exception:  # the data is committed; a missing anchor is reported by verify
        log.warning("could not record the audit anchor", exc_info=True)


def restart_after_restore(db: Database, note: str) -> Head:
    """After a deliberate restore of an older copy: anchor the restored chain and keep the
    replaced anchors under "superseded" (verify no longer compares them)."""
    with db.engine.connect() as conn:
        head = read_head(conn)
    _restart(database_key(db), head, note)
    return head


def restart_after_restore_file(path: Path, note: str) -> Head:
    """The same for a database file that no process has open (the restore command)."""
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            head = read_head(conn)
    finally:
        engine.dispose()
    _restart(str(path.resolve()), head, note)
    return head


def _restart(key: str, head: Head, note: str) -> None:
    path = anchor_file(key)
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    superseded = list(old.get("superseded", [])) if isinstance(old, dict) else []
    superseded.append({"note": note, "utc": _now(), "anchors": load_anchors(path)})
    anchors = [head.as_dict() | {"recorded_utc": _now()}]
    _write_json(
        path, {"database": key, "anchors": anchors, "superseded": superseded[-ANCHORS_KEPT:]}
    )


def record_backup_anchor(db: Database, backup: Path) -> Path:
    """Beside a backup: the head of the live database when the backup was made (it
    includes the backup event), so a copy kept off the PC anchors the chain too."""
    with db.engine.connect() as conn:
        head = read_head(conn)
    dest = backup.with_name(backup.name + BACKUP_SUFFIX)
    entry = head.as_dict() | {"recorded_utc": _now()}
    _write_json(dest, {"database": database_key(db), "backup": backup.name, "anchors": [entry]})
    record_after_commit(db)
    return dest


def backup_anchor_files(db_path: Path) -> list[Path]:
    """Anchor files of backups in the database's default backup folder."""
    folder = db_path.parent / "backups"
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}")) if folder.is_dir() else []


def head_label(conn: Connection) -> str:
    """'Audit trail: N events · 12 hex' for a report footer."""
    return read_head(conn).label()

"""Backups of the embedded database (SQLite online backup API + integrity check)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..forms import QT_TRANSLATE_NOOP
from ..models.audit_hook import append_events
from ..models.db import Database, backup_sqlite
from ..models.db_files import make_private_folder
from .audit_anchor import record_backup_anchor
from .errors import ServiceError
from .permissions import Actor, Permission, require
from .uow import writing


def backup_database(db: Database, actor: Actor | None, to_dir: Path | None = None) -> Path:
    require(actor, Permission.MANAGE_USERS)
    if not db.is_sqlite or db.path is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "Refusals", "Back up a PostgreSQL database with the server's own tools (pg_dump)."
            ),
            params={},
        )
    folder = Path(to_dir) if to_dir else db.path.parent / "backups"
    if not to_dir:
        make_private_folder(folder, tighten=True)  # the application's own backup folder
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backup_sqlite(db.path, folder / f"{db.path.stem}-{stamp}.db")
    with writing(db, actor) as s:
        append_events(
            s,
            [
                {
                    "username": actor.username if actor else None,
                    "action": "backup",
                    "entity": "database",
                    "new_value": str(dest),
                }
            ],
        )
    record_backup_anchor(db, dest)  # the chain's head beside the copy (audit_anchor.py)
    return dest

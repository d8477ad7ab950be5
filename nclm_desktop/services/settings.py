"""Site settings stored in the database (admin-managed, audited)."""

from __future__ import annotations

from ..models import Setting
from ..models.db import Database
from .errors import ValidationError
from .permissions import Actor, Permission
from .uow import writing

DEFAULTS = {"idle_lock_minutes": "5"}


def get_setting(db: Database, key: str) -> str:
    with db.session() as s:
        row = s.get(Setting, key)
        return row.value if row else DEFAULTS[key]


def idle_lock_minutes(db: Database) -> int:
    return int(get_setting(db, "idle_lock_minutes"))


def set_idle_lock_minutes(db: Database, actor: Actor | None, minutes: int) -> None:
    if not 1 <= minutes <= 60:
        raise ValidationError("idle_lock_minutes", "The idle lock must be 1 to 60 minutes.")
    with writing(db, actor, Permission.MANAGE_USERS) as s:
        row = s.get(Setting, "idle_lock_minutes")
        if row is None:
            s.add(Setting(key="idle_lock_minutes", value=str(minutes)))
        else:
            row.value = str(minutes)

"""Wizard drafts: what a user typed and has not saved yet, per user, kind and key.

Any wizard uses it (screening: kind "screening"; the operation wizard: kind "operation",
key = the participant id). The data is a JSON-able dict of plain values. A draft survives a
crash or an idle lock; it is deleted when the wizard saves or the user discards it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from ..forms import QT_TRANSLATE_NOOP
from ..models import WizardDraft
from ..models.base import utcnow
from ..models.db import Database
from .errors import PermissionDenied, ValidationError
from .permissions import Actor
from .uow import writing

MAX_KIND = 40
MAX_KEY = 64


@dataclass(frozen=True)
class Draft:
    kind: str
    key: str
    data: dict[str, Any]
    updated_utc: dt.datetime


def _check(actor: Actor | None, kind: str, key: str) -> Actor:
    if actor is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Refusals", "Please sign in first."), params={})
    if not kind or len(kind) > MAX_KIND:
        raise ValidationError(
            "kind",
            QT_TRANSLATE_NOOP("Refusals", "The draft kind must be 1 to {n} characters."),
            params={"n": MAX_KIND},
        )
    if len(key) > MAX_KEY:
        raise ValidationError(
            "key",
            QT_TRANSLATE_NOOP("Refusals", "The draft key must be at most {n} characters."),
            params={"n": MAX_KEY},
        )
    return actor


def save_draft(
    db: Database, actor: Actor | None, kind: str, data: dict[str, Any], key: str = ""
) -> None:
    """Create or replace the user's draft of this kind and key."""
    actor = _check(actor, kind, key)
    with writing(db, actor) as session:
        row = session.scalars(
            select(WizardDraft).where(
                WizardDraft.user_id == actor.user_id,
                WizardDraft.kind == kind,
                WizardDraft.key == key,
            )
        ).first()
        if row is None:
            session.add(WizardDraft(user_id=actor.user_id, kind=kind, key=key, data=dict(data)))
        else:
            row.data = dict(data)
            row.updated_utc = utcnow()


def load_draft(db: Database, actor: Actor | None, kind: str, key: str = "") -> Draft | None:
    actor = _check(actor, kind, key)
    with db.session() as session:
        row = session.scalars(
            select(WizardDraft).where(
                WizardDraft.user_id == actor.user_id,
                WizardDraft.kind == kind,
                WizardDraft.key == key,
            )
        ).first()
        if row is None:
            return None
        return Draft(row.kind, row.key, dict(row.data), row.updated_utc)


def discard_draft(db: Database, actor: Actor | None, kind: str, key: str = "") -> None:
    actor = _check(actor, kind, key)
    with writing(db, actor) as session:
        session.execute(
            delete(WizardDraft).where(
                WizardDraft.user_id == actor.user_id,
                WizardDraft.kind == kind,
                WizardDraft.key == key,
            )
        )

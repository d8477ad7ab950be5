"""Source-data verification per form instance (docs/ARCHITECTURE.md §3).

A monitor marks a record verified; the mark stores the SHA-256 of the record's dictionary
fields, so any later change clears it on its own: a record is verified only while its hash
still matches, and a mark that no longer matches says so ("changed since verification", with
who changed it and when, from the audit trail). Marks are not case data: a locked casebook
accepts them (``uow.NOT_CASE_DATA``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...forms import QT_TRANSLATE_NOOP
from ...forms.form import Form
from ...models import AuditEvent, SdvMark
from ...models.base import Base
from ...models.db import Database
from ..permissions import Actor, Permission
from ..uow import reading, writing
from .records import casebook_records, load_record, record_hash, record_key
from .roles import VERIFIERS, require_role


@dataclass(frozen=True)
class SdvState:
    form: str
    record_id: str
    state: str  # "not verified" | "verified" | "changed since verification"
    verified_by: str | None = None
    verified_utc: dt.datetime | None = None
    changed_by: str | None = None  # the last change after verification (audit trail)
    changed_utc: dt.datetime | None = None

    @property
    def verified(self) -> bool:
        return self.state == "verified"


def mark_verified(db: Database, actor: Actor | None, form: str, record_id: str) -> None:
    """A monitor verified this form instance against the source (again, after a change)."""
    with writing(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        who = require_role(
            s, actor, VERIFIERS, QT_TRANSLATE_NOOP("Refusals", "mark source data verified")
        )
        found, row, pid = load_record(s, form, record_id)
        key = record_key(row)
        mark = s.scalar(select(SdvMark).filter_by(form=found.name, record_id=key))
        if mark is None:
            mark = SdvMark(participant_id=pid, form=found.name, record_id=key)
            s.add(mark)
        mark.verified_by = who.username
        mark.verified_utc = dt.datetime.now(dt.UTC)
        mark.record_hash = record_hash(found, row)


def _last_change(s: Session, table: str, key: str) -> tuple[str | None, dt.datetime | None]:
    event = s.execute(
        select(AuditEvent.username, AuditEvent.ts_utc)
        .where(AuditEvent.entity == table, AuditEvent.entity_id == key)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if event is None:
        return None, None
    return event.username, dt.datetime.fromisoformat(event.ts_utc)


def sdv_rows(
    s: Session, participant_id: int, records: list[tuple[Form, Base]] | None = None
) -> list[SdvState]:
    """Inside a caller's session: every form instance of the participant with its state
    (``records``: its ``casebook_records`` when the caller has read them)."""
    marks = {
        (m.form, m.record_id): m
        for m in s.scalars(select(SdvMark).filter_by(participant_id=participant_id))
    }
    states = []
    if records is None:
        records = casebook_records(s, participant_id)
    for form, row in records:
        key = record_key(row)
        mark = marks.get((form.name, key))
        if mark is None:
            states.append(SdvState(form.name, key, "not verified"))
        elif mark.record_hash == record_hash(form, row):
            states.append(SdvState(form.name, key, "verified", mark.verified_by, mark.verified_utc))
        else:
            who, when = _last_change(s, form.table, key)
            states.append(
                SdvState(
                    form.name,
                    key,
                    "changed since verification",
                    mark.verified_by,
                    mark.verified_utc,
                    who,
                    when,
                )
            )
    return states


def sdv_states(db: Database, actor: Actor | None, participant_id: int) -> list[SdvState]:
    """Every form instance of the participant with its verification state, read now."""
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        return sdv_rows(s, participant_id)

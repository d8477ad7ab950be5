"""The automatic data checks (docs/ARCHITECTURE.md §3): a monitor or the investigator runs
them; each finding becomes a data query raised in their name through ``raise_query``.

What is checked, over the casebooks of enrolled participants:
- confirmed exceptions: a value outside its field's soft range in the data dictionary (the
  user confirmed it; the confirmation itself is not stored), and a visit recorded or
  rescheduled outside its window (stored as the visit's protocol-deviation flag);
- missing data past its time: a planned visit whose window has ended, and a required field
  (the dictionary's ``required``, conditions included) left empty on a record whose date
  has passed.

A finding raises a query only once: not again while any query (open, answered or closed)
with the same text stands on the same field, so a closed question stays closed; a changed
value gives a new text and so a new query. Signed (locked) casebooks are left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...forms import QT_TRANSLATE_NOOP
from ...forms.catalogue import all_forms
from ...forms.errors import said
from ...forms.field import Field, Identifier, Kind
from ...forms.form import Form
from ...models import DataQuery, Operation, Participant
from ...models.db import Database
from ..permissions import Actor, Permission
from ..recorded_texts import (
    DEVIATION_CONFIRMED,
    NO_REASON_GIVEN,
    OUTSIDE_SOFT_PERCENT,
    OUTSIDE_SOFT_RANGE,
    REQUIRED_EMPTY,
    WINDOW_ENDED,
)
from ..uow import reading
from .queries import raise_query
from .records import field_value, model_of
from .roles import RAISERS, require_role

# How every automatic query begins; its sentences are stored in English and shown translated
# (recorded_texts.py).
AUTO = "Automatic check: "
CHECKED_STATUSES = ("enrolled", "withdrawn", "completed", "deceased")


@dataclass(frozen=True)
class Finding:
    form: str
    record_id: str
    field: str
    text: str


def _rows(s: Session, form: Form, owners: dict[int, int]) -> Iterator[tuple[int, str, dict]]:
    """(participant, record key, values by variable) of every row of the form's table that
    belongs to a checked participant; the needed columns only (fast at 10,000)."""
    model = model_of(form)
    table = model.__table__
    pk = model.__mapper__.primary_key[0]
    names = {f.variable for f in form.fields} | {f.unit_field for f in form.fields if f.unit_field}
    if model is Participant:
        link, op = table.c.id, False
    elif "participant_id" in table.c:
        link, op = table.c.participant_id, False
    elif "operation_id" in table.c:
        link, op = table.c.operation_id, True
    else:
        return
    cols = [table.c[n] for n in sorted(names) if n in table.c]
    to_participant = (
        dict(s.execute(select(Operation.id, Operation.participant_id)).all()) if op else None
    )
    for row in s.execute(select(pk, link, *cols).order_by(pk)):
        key, linked, *values = row
        pid = to_participant.get(linked) if to_participant is not None else linked
        if pid in owners:
            yield pid, str(key), {c.key: v for c, v in zip(cols, values, strict=True)}


def _record_date(form: Form, values: dict) -> dt.date | None:
    """The date a record is about: its first required date (a visit: its window's end)."""
    if form.name == "visit":
        return values.get("window_end")
    for f in form.fields:
        if f.kind is Kind.DATE and f.required is True:
            return values.get(f.variable)
    return None


def _outside_soft(f: Field, values: dict) -> str | None:
    value = field_value(f, values.get(f.variable))
    if f.soft is None or value is None or f.kind not in (Kind.INTEGER, Kind.DECIMAL):
        return None
    unit = values.get(f.unit_field) if f.unit_field else None
    if f.to_unit(float(value), unit) in f.soft:
        return None
    template = OUTSIDE_SOFT_PERCENT if f.unit == "%" else OUTSIDE_SOFT_RANGE
    return str(
        said(
            template,
            label=f.label,
            value=f.format(f.to_unit(float(value), unit)),
            low=f"{f.soft.lo:g}",
            high=f"{f.soft.hi:g}",
            unit=f.unit,
        )
    )


def _visit_findings(key: str, values: dict, today: dt.date) -> Iterator[Finding]:
    status, end = values.get("status"), values.get("window_end")
    if status == "planned" and end is not None and end < today:
        yield Finding(
            "visit",
            key,
            "actual_date",
            str(said(WINDOW_ENDED, date=end.isoformat())),
        )
    if values.get("deviation") and status in ("planned", "done"):
        field = "actual_date" if status == "done" else "scheduled_date"
        reason = (values.get("deviation_reason") or NO_REASON_GIVEN).rstrip(".")
        yield Finding(
            "visit",
            key,
            field,
            str(
                said(DEVIATION_CONFIRMED, start=values.get("window_start"), end=end, reason=reason)
            ),
        )


def _required_findings(form: Form, key: str, values: dict, today: dt.date) -> Iterator[Finding]:
    if form.name == "visit" and values.get("status") != "done":
        return  # a visit's data are due once it is done (planned ones: see _visit_findings)
    when = _record_date(form, values)
    if when is None or when >= today:
        return
    by_name = {f.name: field_value(f, values.get(f.variable)) for f in form.fields}
    for f in form.fields:
        if f.derived or f.identifier is Identifier.DIRECT or f.variable not in values:
            continue
        if by_name[f.name] in (None, [], "") and f.is_required(by_name):
            yield Finding(
                form.name,
                key,
                f.name,
                str(said(REQUIRED_EMPTY, label=f.label, form=form.title, date=when.isoformat())),
            )


def find_issues(s: Session, today: dt.date) -> list[Finding]:
    """Every finding over the casebooks of enrolled participants not locked."""
    owners = dict(
        s.execute(
            select(Participant.id, Participant.status).where(
                Participant.status.in_(CHECKED_STATUSES), Participant.locked.is_(False)
            )
        ).all()
    )
    found: list[Finding] = []
    for form in all_forms().values():
        soft = [f for f in form.fields if f.soft is not None]
        for _pid, key, values in _rows(s, form, owners):
            for f in soft:
                text = _outside_soft(f, values)
                if text:
                    found.append(Finding(form.name, key, f.name, text))
            if form.name == "visit":
                found += _visit_findings(key, values, today)
            found += _required_findings(form, key, values, today)
    return found


def run_checks(db: Database, actor: Actor | None, today: dt.date | None = None) -> int:
    """Raise a query for every new finding; returns how many were raised. ``today``: the day
    the checks run (the computer's date unless a test gives one)."""
    on = today or dt.date.today()
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        require_role(s, actor, RAISERS, QT_TRANSLATE_NOOP("Refusals", "run the data checks"))
        asked = set(
            s.execute(
                select(DataQuery.form, DataQuery.record_id, DataQuery.field, DataQuery.text)
            ).all()
        )
        findings = [
            f for f in find_issues(s, on) if (f.form, f.record_id, f.field, f.text) not in asked
        ]
    new = list(dict.fromkeys(findings))  # the same finding from two checks is one query
    for f in new:
        raise_query(db, actor, f.form, f.record_id, f.field, f.text)
    return len(new)

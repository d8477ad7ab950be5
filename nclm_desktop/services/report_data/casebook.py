"""What a participant's casebook PDF shows: every form instance with all its values (through
their dictionary fields), the data queries on each field, the source-data verification of
each form, the signatures with their manifestation and the participant's audit trail. A thin
mapper over the monitoring services (docs/ARCHITECTURE.md §3, §11); identities are hidden
from readers who may not see them, as in the audit trail. Words stay English and values
stay values: the report writes both in its language (reports/language.py), as every
report does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...clinical import resection
from ...forms.catalogue import all_forms
from ...forms.field import Field, Kind
from ...forms.form import Form
from ...models import User
from ...models.db import Database
from ..audit_trail import IDENTITY_FIELDS, AuditFilter, query_events
from ..monitoring.queries import QueryRow, list_queries
from ..monitoring.records import casebook_records, field_value, record_key
from ..monitoring.sdv import sdv_states
from ..monitoring.signing import signatures
from ..permissions import Actor, Permission
from ..uow import reading
from .casebook_audit import CasebookAuditLine, audit_lines, local
from .common import PatientHeader, ReportMeta, _header, _meta, _participant, check_language

AUDIT_LIMIT = 100_000  # one participant's events; far above any real casebook


@dataclass(frozen=True)
class Stamp:
    """Who did something and when (on this computer's clock)."""

    who: str
    when: dt.datetime | None


@dataclass(frozen=True)
class CasebookQuery:
    id: int
    field: str  # the field's label (English)
    text: str
    state: str  # open, answered, closed
    raised: Stamp | None
    answer: str  # "" when not answered
    answered: Stamp | None
    closed: Stamp | None


@dataclass(frozen=True)
class CasebookValue:
    field: str  # the field's name
    label: str  # its label (English)
    spec: Field
    value: Any  # as the form holds it
    shown: str | None  # a text standing for the value: a person's name, a typed unit
    shown_zh: str | None  # its Chinese where the clinical rules name it in both (resection)
    hidden: bool  # an identity the reader may not see
    queries: tuple[CasebookQuery, ...]


@dataclass(frozen=True)
class CasebookForm:
    name: str
    title: str  # English
    record_id: str
    values: tuple[CasebookValue, ...]
    sdv_state: str  # "not verified" | "verified" | "changed since verification"
    sdv_by: str
    sdv_when: dt.datetime | None


@dataclass(frozen=True)
class CasebookSignature:
    printed_name: str
    meaning: str
    signed: dt.datetime  # on the signer's clock (the UTC offset recorded with it)
    state: str  # "valid" | "invalid: data changed after signing" | "withdrawn"
    revoke_reason: str


@dataclass(frozen=True)
class CasebookData:
    meta: ReportMeta
    lang: str
    patient: PatientHeader
    locked: bool
    forms: tuple[CasebookForm, ...]
    signatures: tuple[CasebookSignature, ...]
    queries_open: int
    queries_total: int
    audit: tuple[CasebookAuditLine, ...] | None  # None: the reader may not view the trail


def _stamp(who: str | None, when: dt.datetime | None) -> Stamp | None:
    return Stamp(who, local(when)) if who else None


def _signed_at(when: dt.datetime, offset: str) -> dt.datetime:
    """The signing moment on the signer's clock (the offset recorded with it)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    try:
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset.lstrip("+-").split(":")
        zone = dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))
    except ValueError:
        zone = dt.UTC
    return when.astimezone(zone)


def _query(q: QueryRow, label: str) -> CasebookQuery:
    return CasebookQuery(
        id=q.id,
        field=label,
        text=q.text,
        state=q.state,
        raised=_stamp(q.raised_by, q.raised_utc),
        answer=q.answer or "",
        answered=_stamp(q.answered_by, q.answered_utc),
        closed=_stamp(q.closed_by, q.closed_utc),
    )


def _is_user(row: Any, column: str) -> bool:
    """A column naming an account (the operation's surgeons): printed as the person's name."""
    col = row.__table__.c.get(column)
    return col is not None and any(
        fk.column.table.name == User.__tablename__ for fk in col.foreign_keys
    )


def _values(
    form: Form,
    row: Any,
    hidden: frozenset[str],
    queries: dict,
    users: dict[int, str],
) -> tuple[CasebookValue, ...]:
    key = record_key(row)
    out = []
    for f in form.fields:
        if not hasattr(row, f.variable):
            continue
        value = field_value(f, getattr(row, f.variable))
        shown = None
        if value is not None and _is_user(row, f.variable):
            shown = users.get(value, str(value))
        if f.unit_field and f.kind in (Kind.INTEGER, Kind.DECIMAL) and value is not None:
            typed = getattr(row, f.unit_field, None)  # kept in the unit it was typed in
            if typed and typed != f.unit:
                shown = f"{f.format(value, unit=False)} {_unit_label(form, f.unit_field, typed)}"
        shown_zh = (
            _resection_zh(row) if form.table == "operation" and f.name == "resection_name" else None
        )
        masked = f.variable in hidden and value is not None
        asked = tuple(_query(q, f.label) for q in queries.get((form.name, key, f.name), ()))
        out.append(
            CasebookValue(
                f.name, f.label, f, None if masked else value, shown, shown_zh, masked, asked
            )
        )
    return tuple(out)


def _resection_zh(row: Any) -> str | None:
    """The resection's Chinese name from the rule that named it (None: no name)."""
    try:
        return resection(row.segments, anatomical=bool(row.anatomical)).name_zh
    except (TypeError, ValueError):
        return None


def _unit_label(form: Form, column: str, typed: str) -> str:
    """A typed unit as its field's choice shows it ("umol/L" → "µmol/L")."""
    unit = next((g for g in form.fields if g.variable == column), None)
    return unit.choice_label(typed) if unit is not None and unit.choices else typed


def casebook_data(
    db: Database,
    actor: Actor | None,
    study_id: str,
    lang: str = "en",
    now: dt.datetime | None = None,
) -> CasebookData:
    check_language(lang)

    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        p = _participant(s, study_id)
        pid, locked = p.id, bool(p.locked)
        show_identity = actor.can(Permission.VIEW_IDENTITY)
        meta = _meta(actor, now, s)
        patient = _header(p, p.index_date, show_identity)
        order = {name: i for i, name in enumerate(all_forms())}  # the catalogue's order
        records = sorted(casebook_records(s, pid), key=lambda fr: order[fr[0].name])
        users = {
            uid: name or username
            for uid, name, username in s.execute(select(User.id, User.display_name, User.username))
        }
        query_rows = list_queries(db, actor, participant_id=pid)
        by_field: dict[tuple[str, str, str], list[QueryRow]] = {}
        for q in query_rows:
            by_field.setdefault((q.form, q.record_id, q.field), []).append(q)
        forms = []
        for form, row in records:
            hidden = frozenset() if show_identity else IDENTITY_FIELDS.get(form.table, frozenset())
            values = _values(form, row, hidden, by_field, users)
            forms.append((form, record_key(row), values))
    sdv = {(m.form, m.record_id): m for m in sdv_states(db, actor, pid)}
    casebook_forms = []
    for form, key, values in forms:
        mark = sdv.get((form.name, key))
        casebook_forms.append(
            CasebookForm(
                name=form.name,
                title=form.title,
                record_id=key,
                values=values,
                sdv_state=mark.state if mark else "not verified",
                sdv_by=(mark.verified_by or "") if mark else "",
                sdv_when=local(mark.verified_utc) if mark else None,
            )
        )
    signed = tuple(
        CasebookSignature(
            printed_name=sig.printed_name,
            meaning=sig.meaning,
            signed=_signed_at(sig.signed_utc, sig.utc_offset),
            state=sig.state,
            revoke_reason=sig.revoke_reason or "",
        )
        for sig in signatures(db, actor, pid)
    )
    audit = None
    if actor.can(Permission.VIEW_AUDIT):
        events = query_events(db, actor, AuditFilter(study_id=patient.study_id, limit=AUDIT_LIMIT))
        audit = audit_lines(reversed(events))
    return CasebookData(
        meta=meta,
        lang=lang,
        patient=patient,
        locked=locked,
        forms=tuple(casebook_forms),
        signatures=signed,
        queries_open=sum(q.state == "open" for q in query_rows),
        queries_total=len(query_rows),
        audit=audit,
    )

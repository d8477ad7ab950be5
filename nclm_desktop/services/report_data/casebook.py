"""What a participant's casebook PDF shows: every form instance with all its values (through
``Field.format``, labels from the data dictionary), the data queries on each field, the
source-data verification of each form, the signatures with their manifestation and the
participant's audit trail. A thin mapper over the monitoring services (docs/ARCHITECTURE.md
§3, §11); identities are hidden from readers who may not see them, as in the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...forms.catalogue import all_forms
from ...forms.dates import moment_text
from ...forms.field import Kind
from ...forms.form import Form
from ...forms.languages import LANGUAGES
from ...models import User
from ...models.db import Database
from ..audit_trail import IDENTITY_FIELDS, MASKED, AuditFilter, query_events
from ..errors import ValidationError
from ..monitoring.queries import QueryRow, list_queries
from ..monitoring.records import casebook_records, field_value, record_key
from ..monitoring.sdv import sdv_states
from ..monitoring.signing import signatures
from ..permissions import Actor, Permission
from ..uow import reading
from .casebook_audit import CasebookAuditLine, audit_lines
from .common import PatientHeader, ReportMeta, _header, _meta, _participant
from .texts import labeller, local, value_text

AUDIT_LIMIT = 100_000  # one participant's events; far above any real casebook


@dataclass(frozen=True)
class CasebookQuery:
    id: int
    field: str  # the field's label
    text: str
    state: str  # open, answered, closed
    raised: str  # "by, when"
    answer: str  # "" when not answered
    answered: str
    closed: str


@dataclass(frozen=True)
class CasebookValue:
    field: str  # the variable name
    label: str
    text: str  # Field.format: precision, unit, choice label
    queries: tuple[CasebookQuery, ...]


@dataclass(frozen=True)
class CasebookForm:
    name: str
    title: str
    record_id: str
    values: tuple[CasebookValue, ...]
    sdv_state: str  # "not verified" | "verified" | "changed since verification"
    sdv_by: str
    sdv_when: str


@dataclass(frozen=True)
class CasebookSignature:
    printed_name: str
    meaning: str
    signed: str  # date and time in the signer's UTC offset
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


def _who_when(who: str | None, when: dt.datetime | None, lang: str) -> str:
    if not who:
        return ""
    return f"{who}, {moment_text(local(when), lang)}"


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


def _query(q: QueryRow, label: str, lang: str) -> CasebookQuery:
    return CasebookQuery(
        id=q.id,
        field=label,
        text=q.text,
        state=q.state,
        raised=_who_when(q.raised_by, q.raised_utc, lang),
        answer=q.answer or "",
        answered=_who_when(q.answered_by, q.answered_utc, lang),
        closed=_who_when(q.closed_by, q.closed_utc, lang),
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
    lang: str,
    tr: Callable,
) -> tuple[CasebookValue, ...]:
    key = record_key(row)
    out = []
    for f in form.fields:
        if not hasattr(row, f.variable):
            continue
        value = field_value(f, getattr(row, f.variable))
        if f.variable in hidden and value is not None:
            text = MASKED
        elif value is not None and _is_user(row, f.variable):
            text = users.get(value, str(value))
        else:
            text = value_text(f, value, lang, tr)
        if f.unit_field and f.kind in (Kind.INTEGER, Kind.DECIMAL) and value is not None:
            typed = getattr(row, f.unit_field, None)  # kept in the unit it was typed in
            if typed and typed != f.unit:
                text = f"{f.format(value, unit=False)} {typed}"
        label = tr(f.label)
        asked = tuple(_query(q, label, lang) for q in queries.get((form.name, key, f.name), ()))
        out.append(CasebookValue(f.name, label, text, asked))
    return tuple(out)


def casebook_data(
    db: Database,
    actor: Actor | None,
    study_id: str,
    lang: str = "en",
    now: dt.datetime | None = None,
) -> CasebookData:
    if lang not in LANGUAGES:
        raise ValidationError("lang", f"The language must be one of {', '.join(LANGUAGES)}.")
    tr = labeller(lang)
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
            values = _values(form, row, hidden, by_field, users, lang, tr)
            forms.append((form, record_key(row), values))
    sdv = {(m.form, m.record_id): m for m in sdv_states(db, actor, pid)}
    casebook_forms = []
    for form, key, values in forms:
        mark = sdv.get((form.name, key))
        casebook_forms.append(
            CasebookForm(
                name=form.name,
                title=tr(form.title),
                record_id=key,
                values=values,
                sdv_state=mark.state if mark else "not verified",
                sdv_by=(mark.verified_by or "") if mark else "",
                sdv_when=moment_text(local(mark.verified_utc), lang, "") if mark else "",
            )
        )
    signed = tuple(
        CasebookSignature(
            printed_name=sig.printed_name,
            meaning=sig.meaning,
            signed=moment_text(_signed_at(sig.signed_utc, sig.utc_offset), lang),
            state=sig.state,
            revoke_reason=sig.revoke_reason or "",
        )
        for sig in signatures(db, actor, pid)
    )
    audit = None
    if actor.can(Permission.VIEW_AUDIT):
        events = query_events(db, actor, AuditFilter(study_id=patient.study_id, limit=AUDIT_LIMIT))
        audit = audit_lines(reversed(events), lang, tr)
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

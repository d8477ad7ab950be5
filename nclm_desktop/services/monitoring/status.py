"""The record status dashboard (REDCap's): participants × the casebook's forms and follow-up
visits, each cell in one state (docs/ARCHITECTURE.md §3, §11).

A cell is ``empty`` (nothing recorded), ``incomplete`` (a required field left empty: the
data dictionary's required and required-``When`` rules, plus what the participant list
counts as missing, services/missing_data.py), ``complete``, ``verified`` (every record of the
cell carries a source-data verification mark that still matches), ``locked`` (the casebook
is signed) or ``query`` (an open data query on one of its records). The most pressing wins:
query, locked, incomplete, verified, complete.

A page is computed in bulk: one query per form table over the page's participants, one for
the open queries, one for the SDV marks; never a query per cell. The order is the
participant list's (latest change first), fetched once as a list of ids.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from ...clinical import load_protocol
from ...forms.catalogue import all_forms
from ...forms.field import QT_TRANSLATE_NOOP, Field
from ...forms.form import Form
from ...models import AuditEvent, DataQuery, Operation, Participant, Screening, SdvMark
from ...models.db import Database
from ..errors import ValidationError
from ..missing_data import required_field_names
from ..permissions import Actor, Permission
from ..uow import reading
from .records import model_of, record_hash

STATES = ("empty", "incomplete", "complete", "verified", "locked", "query")
# Participants shown by the state filter: those with at least one cell in that state
# (``unlocked``: a casebook not signed yet).
FILTERS = ("query", "incomplete", "verified", "locked", "unlocked")
CHUNK = 500  # participants whose cells are worked out at once by a state filter
PAGE_SIZE = 50


@dataclass(frozen=True)
class StatusColumn:
    key: str  # "screening", ..., or a visit code "M3"
    title: str  # English source (context "StatusDashboard"), or the visit code
    forms: tuple[str, ...]  # data dictionary form names
    tab: str  # the participant window's tab that shows it
    visit: str | None = None
    month: int | None = None  # visits: months after the index date


def _visit_columns() -> tuple[StatusColumn, ...]:
    return tuple(
        StatusColumn(v.code, v.code, ("visit",), "followup", visit=v.code, month=v.month)
        for v in load_protocol().schedule.visits
    )


FORM_COLUMNS = tuple(
    StatusColumn(*spec)
    for spec in (
        ("screening", QT_TRANSLATE_NOOP("StatusDashboard", "Screening"), ("screening",), "screening"),
        ("enrolment", QT_TRANSLATE_NOOP("StatusDashboard", "Enrolment"), ("participant", "participant_identity"),
         "enrolment"),
        ("baseline", QT_TRANSLATE_NOOP("StatusDashboard", "Baseline"), ("baseline_disease",), "baseline"),
        ("systemic", QT_TRANSLATE_NOOP("StatusDashboard", "Systemic treatment"), ("systemic_treatment",),
         "baseline"),
        ("operation", QT_TRANSLATE_NOOP("StatusDashboard", "Operation"), ("operation", "operation_team"),
         "surgery"),
        ("complications", QT_TRANSLATE_NOOP("StatusDashboard", "Complications"), ("complication",), "surgery"),
        ("reoperations", QT_TRANSLATE_NOOP("StatusDashboard", "Reoperations"), ("reoperation",), "surgery"),
        ("events", QT_TRANSLATE_NOOP("StatusDashboard", "Clinical events"), ("clinical_event",), "followup"),
    )
)  # fmt: skip


def status_columns() -> tuple[StatusColumn, ...]:
    """The forms in casebook order, then one column per visit of the protocol's schedule."""
    return FORM_COLUMNS + _visit_columns()


@dataclass(frozen=True)
class Cell:
    state: str
    records: int = 0  # instances of the column's main form recorded
    verified: int = 0  # of which verified (mark still matching)
    open_queries: int = 0
    missing: tuple[str, ...] = ()  # labels (DataDictionary source) of required fields left empty
    visit_status: str | None = None  # visits: planned, done, missed, cancelled
    visit_date: dt.date | None = None  # visits: the date done, else the booked date


@dataclass(frozen=True)
class StatusRow:
    participant_id: int
    study_id: str
    status: str
    locked: bool
    cells: tuple[Cell, ...]  # in status_columns() order


@dataclass
class _Acc:
    """What one cell collects while the page's records are read."""

    records: int = 0
    companions: int = 0
    verified: int = 0
    queries: int = 0
    missing: list[str] = field(default_factory=list)
    visit: Any = None


# -- the rules of one record ---------------------------------------------------------------

# What the participant list counts as missing (services/missing_data.py), by form name.
_LIST_REQUIRED = {
    "screening": required_field_names()["screening"],
    "baseline_disease": required_field_names()["baseline"],
    "operation": required_field_names()["operation"],
}


# Columns shown beyond the required ones (a visit's status and dates).
_SHOWN = {"visit": ("code", "status", "actual_date", "scheduled_date")}


@dataclass(frozen=True)
class _Plan:
    """What the dashboard needs of one form, worked out once."""

    form: Form
    model: Any
    keys: tuple[str, ...]  # the primary key's columns
    required: tuple[Field, ...]  # required always or When a condition holds
    listed: tuple[tuple[str, str], ...]  # (column, label) the participant list counts
    light: tuple[str, ...]  # the columns the cells need (a verified record is read whole)
    # The quick test: (position in ``light``, label) of a column that must not be empty.
    plain: tuple[tuple[int, str], ...]
    # The rest, field by field: a When condition, or a value inside a shared JSON column.
    special: tuple[Field, ...]


@cache
def _plan(name: str) -> _Plan:
    form = all_forms()[name]
    model = model_of(form)
    required = tuple(f for f in form.inputs if f.required)
    counted = {f.variable for f in required} | {f.name for f in required}
    listed = tuple(
        (c, form[c].label if c in form else c.replace("_", " "))
        for c in _LIST_REQUIRED.get(name, ())
        if c not in counted
    )
    keys = tuple(c.name for c in model.__mapper__.primary_key)
    # A When condition may read any field of the form: then all its inputs are needed.
    inputs = form.inputs if any(f.required is not True for f in required) else required
    table = model.__table__
    light = [*keys, *(c for c in ("participant_id", "operation_id") if c in table.c)]
    light += [f.variable for f in inputs] + [c for c, _ in listed] + list(_SHOWN.get(name, ()))
    light = list(dict.fromkeys(light))
    simple = [f for f in required if f.required is True and f.variable == f.name]
    plain = [(light.index(f.variable), f.label) for f in simple]
    plain += [(light.index(c), label) for c, label in listed]
    special = tuple(f for f in required if f not in simple)
    return _Plan(form, model, keys, required, listed, tuple(light), tuple(plain), special)


def _value(f: Field, row: Any) -> Any:
    stored = getattr(row, f.variable)
    if f.column and f.column != f.name and isinstance(stored, dict):
        return stored.get(f.name)  # several fields kept in one JSON column
    return stored


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | dict) and not value)


def missing_fields(form: Form, row: Any) -> list[str]:
    """Labels of the required fields this record (a row of ``_form_rows``) leaves empty:
    the dictionary's rules (required, or required When a condition over the other fields
    holds) and the participant list's missing-data columns."""
    plan = _plan(form.name)
    out = [label for i, label in plan.plain if _blank(row[i])]
    values: dict[str, Any] | None = None
    for f in plan.special:
        if not _blank(_value(f, row)):
            continue
        if f.required is not True:  # a When: read the other fields once
            if values is None:
                values = {g.name: _value(g, row) for g in form.inputs}
            if not f.is_required(values):
                continue
        out.append(f.label)
    return out


# -- which rows of each form belong to a participant's cells -------------------------------


def _form_rows(
    s: Session, form: Form, pids: Sequence[int] | None, where: Iterable[ColumnElement] = ()
) -> list[tuple[int, Any]]:
    """(participant id, row) of one form for the participants (None: all), as plain rows
    (Core: the columns the cells need, by name; no ORM objects to build)."""
    plan = _plan(form.name)
    model = plan.model
    table = model.__table__
    stmt = select(*(table.c[c] for c in plan.light))
    if model is Participant:
        pid, key = Participant.id, "id"
        stmt = stmt.where(Participant.study_id.is_not(None))  # enrolled
    elif hasattr(model, "participant_id"):
        pid, key = table.c.participant_id, "participant_id"
    else:  # through the operation it belongs to
        pid, key = Operation.participant_id, "_pid"
        stmt = stmt.add_columns(Operation.participant_id.label("_pid")).join(
            Operation.__table__, Operation.id == table.c.operation_id
        )
    if model is Screening:  # the latest screening only
        latest = select(func.max(Screening.id)).group_by(Screening.participant_id)
        if pids is not None:
            latest = latest.where(Screening.participant_id.in_(pids))
        stmt = stmt.where(Screening.id.in_(latest))
    if model.__tablename__ == "participant_identity":
        stmt = stmt.join(Participant.__table__, Participant.id == pid).where(
            Participant.study_id.is_not(None)
        )
    if pids is not None:
        stmt = stmt.where(pid.in_(pids))
    for condition in where:
        stmt = stmt.where(condition)
    return [(getattr(r, key), r) for r in s.connection().execute(stmt)]


def _key(form: Form, row: Any) -> str:
    """The record's key as data queries and SDV marks store it (the key columns lead the
    row: ``_Plan.light``)."""
    n = len(_plan(form.name).keys)
    return str(row[0]) if n == 1 else ",".join(str(v) for v in row[:n])


def _still_verified(s: Session, form: Form, marked: dict[str, str]) -> set[str]:
    """Of the records with a mark (key -> the hash verified), those whose data still hash
    the same: read whole, only these."""
    plan = _plan(form.name)
    if not marked or len(plan.keys) != 1:
        return set()
    table = plan.model.__table__
    pk = table.c[plan.keys[0]]
    wanted = [pk.type.python_type(k) for k in marked]
    rows = s.connection().execute(select(*table.c).where(pk.in_(wanted)))
    return {k for row in rows if marked.get(k := _key(form, row)) == record_hash(form, row)}


# Forms kept with a column's main form: their gaps and queries count, but a cell is verified
# when its main form's records are (a monitor verifies the operation, not its team list, and
# may not see the identity).
_COMPANIONS = frozenset({"participant_identity", "operation_team"})

# Every form the dashboard reads, each once (the visit form feeds the visit columns).
_FORMS = (*dict.fromkeys(n for c in FORM_COLUMNS for n in c.forms), "visit")


def _column_of_form() -> dict[str, StatusColumn]:
    return {name: c for c in FORM_COLUMNS for name in c.forms}


# -- the page ------------------------------------------------------------------------------


def _state(acc: _Acc | None, locked: bool) -> str:
    if acc is None:
        return "empty"
    if acc.queries:
        return "query"
    if not acc.records and not acc.companions:
        return "empty"
    if locked:
        return "locked"
    if acc.missing:
        return "incomplete"
    if acc.records and acc.verified == acc.records:
        return "verified"
    return "complete"


def _page_rows(s: Session, pids: Sequence[int]) -> list[StatusRow]:
    forms = all_forms()
    columns = status_columns()
    by_form = _column_of_form()
    acc: dict[tuple[int, str], _Acc] = defaultdict(_Acc)
    marks = {
        (m.form, m.record_id): m.record_hash
        for m in s.execute(
            select(SdvMark.form, SdvMark.record_id, SdvMark.record_hash).where(
                SdvMark.participant_id.in_(pids)
            )
        )
    }
    visit_codes: dict[str, str] = {}  # visit id -> code, for the queries on visits
    for name in _FORMS:
        form = forms[name]
        marked: dict[str, tuple[str, _Acc]] = {}
        for pid, row in _form_rows(s, form, pids):
            if name == "visit":
                visit_codes[str(row.id)] = row.code
                cell = acc[(pid, row.code)]
                cell.visit = row
                if row.status != "done":  # planned, missed or cancelled: nothing recorded
                    continue
            else:
                cell = acc[(pid, by_form[name].key)]
            cell.missing += missing_fields(form, row)
            if name not in _COMPANIONS:
                cell.records += 1
                key = _key(form, row)
                if (name, key) in marks:
                    marked[key] = (marks[(name, key)], cell)
            else:
                cell.companions += 1
        hashes = {k: h for k, (h, _cell) in marked.items()}
        for key in _still_verified(s, form, hashes):
            marked[key][1].verified += 1
    for pid, form_name, record_id, n in s.execute(
        select(DataQuery.participant_id, DataQuery.form, DataQuery.record_id, func.count())
        .where(DataQuery.participant_id.in_(pids), DataQuery.state == "open")
        .group_by(DataQuery.participant_id, DataQuery.form, DataQuery.record_id)
    ):
        if form_name == "visit":
            column = visit_codes.get(record_id)
        else:
            column = by_form[form_name].key if form_name in by_form else None
        if column is not None:
            acc[(pid, column)].queries += n
    people = {
        p.id: p
        for p in s.execute(
            select(Participant.id, Participant.study_id, Participant.status, Participant.locked)
            .where(Participant.id.in_(pids))
        )
    }  # fmt: skip
    rows = []
    for pid in pids:
        p = people.get(pid)
        if p is None:  # deleted since the order was read
            continue
        cells = []
        for column in columns:
            a = acc.get((pid, column.key))
            visit = a.visit if a is not None else None
            cells.append(
                Cell(
                    _state(a, bool(p.locked)),
                    a.records if a else 0,
                    a.verified if a else 0,
                    a.queries if a else 0,
                    tuple(dict.fromkeys(a.missing)) if a else (),
                    visit.status if visit is not None else None,
                    (visit.actual_date or visit.scheduled_date) if visit is not None else None,
                )
            )
        rows.append(StatusRow(pid, p.study_id or "", p.status, bool(p.locked), tuple(cells)))
    return rows


def _incomplete_ids(s: Session) -> set[int]:
    """Participants with a record leaving a required field empty, found exactly: SQL picks
    the records with any required-field column empty, the same rule as the cells decides."""
    found: set[int] = set()
    for name in _FORMS:
        form = all_forms()[name]
        model = _plan(name).model
        names = {f.variable for f in form.inputs if f.required}
        names |= set(_LIST_REQUIRED.get(name, ()))
        empty = [getattr(model, n).is_(None) for n in sorted(names)]
        if model.__tablename__ == "visit":
            empty = [model.status == "done", or_(*empty)]
        elif not empty:
            continue
        else:
            empty = [or_(*empty)]
        for pid, row in _form_rows(s, form, None, empty):
            if pid not in found and missing_fields(form, row):
                found.add(pid)
    return found


def participant_order(
    db: Database, actor: Actor | None, *, study_id: str = "", state: str | None = None
) -> list[int]:
    """The ids of the participants shown, in the participant list's order (latest change
    first), filtered by study ID text and by state (one of FILTERS)."""
    if state is not None and state not in FILTERS:
        raise ValidationError(
            "state",
            QT_TRANSLATE_NOOP("Refusals", "A status filter is one of {filters}."),
            params={"filters": ", ".join(FILTERS)},
        )

    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        last_event = (
            select(func.max(AuditEvent.id))
            .where(AuditEvent.participant_id == Participant.id)
            .correlate(Participant)
            .scalar_subquery()
        )
        stmt = select(Participant.id).order_by(
            func.coalesce(last_event, 0).desc(), Participant.id.desc()
        )
        text = (study_id or "").strip()
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(Participant.study_id.ilike(f"%{escaped}%", escape="\\"))
        # SQL narrows to the candidates; their cells, worked out as on screen, decide.
        if state == "query":
            open_query = select(DataQuery.participant_id).where(DataQuery.state == "open")
            stmt = stmt.where(Participant.id.in_(open_query))
        elif state == "verified":
            stmt = stmt.where(Participant.id.in_(select(SdvMark.participant_id)))
        elif state in ("locked", "unlocked"):
            stmt = stmt.where(Participant.locked.is_(state == "locked"))
        ids = list(s.scalars(stmt))
        if state == "incomplete":
            wanted = _incomplete_ids(s)
            ids = [i for i in ids if i in wanted]
        if state in ("query", "incomplete", "verified", "locked"):
            keep: set[int] = set()
            for start in range(0, len(ids), CHUNK):
                rows = _page_rows(s, ids[start : start + CHUNK])
                keep |= {r.participant_id for r in rows if any(c.state == state for c in r.cells)}
            ids = [i for i in ids if i in keep]
        return ids


def status_rows(
    db: Database, actor: Actor | None, participant_ids: Sequence[int]
) -> list[StatusRow]:
    """The cells of these participants (a page of participant_order), in the given order."""
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        return _page_rows(s, list(participant_ids)) if participant_ids else []


@dataclass(frozen=True)
class StatusPage:
    total: int  # participants matching the filter
    offset: int
    rows: list[StatusRow]


def status_page(
    db: Database,
    actor: Actor | None,
    *,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    study_id: str = "",
    state: str | None = None,
) -> StatusPage:
    """One page of the dashboard: the participants from ``offset`` in the list's order."""
    ids = participant_order(db, actor, study_id=study_id, state=state)
    offset = max(0, offset)
    return StatusPage(len(ids), offset, status_rows(db, actor, ids[offset : offset + limit]))


__all__ = [
    "FILTERS",
    "PAGE_SIZE",
    "STATES",
    "Cell",
    "StatusColumn",
    "StatusPage",
    "StatusRow",
    "missing_fields",
    "participant_order",
    "status_columns",
    "status_page",
    "status_rows",
]

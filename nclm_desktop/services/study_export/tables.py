"""One exported table per case-report form, read generically from the form's definition and
its model table: no code per form (docs/ARCHITECTURE.md §12).

Rows are long format, keyed by ``study_id`` and ``screening_id`` (the latest screening of the
participant, the only key of a screen failure); a record that others point at keeps its own
number (``operation_id``, ``visit_id`` ...) and the records pointing at it keep the link.
Direct identifiers are left out unless the export is identified. Rows are streamed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column as SqlColumn
from sqlalchemy import Table as SqlTable
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import FromClause

from ...forms import QT_TRANSLATE_NOOP, Form, Kind
from ...models import Base, Participant, Screening
from .columns import (
    SCREENING_ID,
    STUDY_ID,
    Column,
    converter,
    field_columns,
    is_identifying,
    key_field,
)

PARTICIPANT = Participant.__table__.name
UNLINKED = {"user_account"}  # staff accounts are not study records
SHIFT_DAYS = 365  # --shift-dates: each participant's dates move by 1..365 days, either way
BATCH = 2000


class ExportCancelled(Exception):
    pass


@dataclass
class Keys:
    """Per participant: study ID, latest screening and the date shift (0: not shifted)."""

    study_id: dict[int, str | None]
    screening_id: dict[int, int]
    shift: dict[int, int] = field(default_factory=dict)

    def days(self, pid: int) -> int:
        return self.shift.get(pid, 0)


def participant_keys(conn: Connection, shift_dates: bool) -> Keys:
    study_ids: dict[int, str | None] = {
        pid: sid for pid, sid in conn.execute(select(Participant.id, Participant.study_id))
    }
    latest: dict[int, int] = {}
    for pid, sid in conn.execute(
        select(Screening.participant_id, Screening.id).order_by(
            Screening.screening_date, Screening.id
        )
    ):
        latest[pid] = sid
    shift: dict[int, int] = {}
    if shift_dates:
        rng = random.SystemRandom()  # never seeded, never stored: the shift cannot be undone
        shift = {pid: rng.choice((-1, 1)) * rng.randint(1, SHIFT_DAYS) for pid in study_ids}
    return Keys(study_ids, latest, shift)


@dataclass
class Table:
    """An exported table: its columns and a fresh stream of its rows (cells, see columns)."""

    name: str
    title: str
    columns: list[Column]
    rows: Callable[[], Iterator[list[Any]]]
    source: str = ""  # the model table, or how a derived table is computed


def _participant_link(table: SqlTable) -> tuple[SqlColumn, FromClause]:
    """The column holding the participant's id, and the join that reaches it."""
    if table.name == PARTICIPANT:
        return table.c.id, table
    if "participant_id" in table.c:
        return table.c.participant_id, table
    for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
        parent = fk.column.table
        if parent.name in UNLINKED or parent.name == table.name:
            continue
        if "participant_id" in parent.c:
            return parent.c.participant_id, table.join(parent, fk.parent == fk.column)
    raise LookupError(f"table {table.name} does not lead to a participant")


def _own_key(table: SqlTable) -> SqlColumn | None:
    pk = list(table.primary_key.columns)
    if table.name == PARTICIPANT or len(pk) != 1 or pk[0].foreign_keys:
        return None
    return pk[0]


def _links(table: SqlTable) -> list[SqlColumn]:
    return [
        c
        for c in table.c
        if c.foreign_keys
        and c.name != "participant_id"
        and not any(fk.column.table.name in UNLINKED | {PARTICIPANT} for fk in c.foreign_keys)
    ]


def _link_field(form: str, name: str, target: str) -> Column:
    label = QT_TRANSLATE_NOOP("DataDictionary", "Number of the record")
    f = key_field(name, f"{label} ({target})", f"the record's number in the table {target}")
    return Column(name, f, form)


def form_table(
    form: Form,
    keys: Keys,
    connect: Callable[[], Connection],
    *,
    identified: bool,
    cancelled: Callable[[], bool] = lambda: False,
) -> Table | None:
    """The table of ``form``, or None when nothing of it may be exported (identity, when
    de-identified) or it is not stored in a table."""
    table = Base.metadata.tables.get(form.table)
    if table is None:
        return None
    pid_col, source = _participant_link(table)
    own = _own_key(table)
    own_name = "screening_id" if own is not None and table.name == "screening" else None
    if own is not None and own_name is None:
        own_name = f"{table.name}_id"
    links = _links(table)
    key_names = {"study_id", "screening_id", own_name, *(c.name for c in links)}
    fields = [
        f
        for f in form.fields
        if f.variable in table.c
        and f.name not in key_names
        and (identified or not is_identifying(f))
    ]
    if not fields:
        return None

    columns = [
        Column("study_id", STUDY_ID, form.name),
        Column("screening_id", SCREENING_ID, form.name),
    ]
    if own is not None and own_name != "screening_id":
        columns.append(_link_field(form.name, own_name, table.name))
    columns += [
        _link_field(form.name, c.name, next(iter(c.foreign_keys)).column.table.name) for c in links
    ]
    data_columns = [c for f in fields for c in field_columns(form.name, f)]
    columns += data_columns

    # Each data column reads one stored column, or one key of a JSON column (the
    # complication's treatment ticks live in ``treatment``).
    stored = list(dict.fromkeys(c.field.variable for c in data_columns))
    where = {name: i for i, name in enumerate(stored)}
    reads = [
        (c, where[c.field.variable], c.field.name if c.field.column else None) for c in data_columns
    ]
    selected = [pid_col]
    if own is not None:
        selected.append(own)
    selected += links + [table.c[name] for name in stored]
    order = [pid_col, own] if own is not None else [pid_col]
    stmt = select(*selected).select_from(source).order_by(*order)
    n_keys = len(selected) - len(stored)

    plan = [(at, key, converter(c), c.kind is Kind.DATE and not c.checkbox) for c, at, key in reads]
    first_link = 2 if own is not None else 1

    def rows() -> Iterator[list[Any]]:
        conn = connect()
        result = conn.execution_options(yield_per=BATCH).execute(stmt)
        for i, r in enumerate(result):
            if i % BATCH == 0 and cancelled():
                result.close()
                raise ExportCancelled
            pid = r[0]
            days = keys.days(pid)
            own_id = r[1] if own is not None else None
            screening = own_id if own_name == "screening_id" else keys.screening_id.get(pid)
            out: list[Any] = [keys.study_id.get(pid), screening]
            if own is not None and own_name != "screening_id":
                out.append(own_id)
            out += r[first_link:n_keys]
            values = r[n_keys:]
            for at, key, convert, is_date in plan:
                v = values[at]
                if key is not None and isinstance(v, dict):
                    v = v.get(key)
                if v is not None:
                    v = convert(v)
                    if is_date and days:
                        v = v + dt.timedelta(days=days)
                out.append(v)
            yield out

    return Table(form.name, form.title, columns, rows, source=table.name)

"""Replay the audit trail into the state every audited table should be in, and compare.

The session hook (models/audit_hook.py) writes an insert snapshot, one event per changed
field and a delete snapshot for every write of an audited table. Replaying them per row
gives the row the trail vouches for; a row whose columns differ, a row the trail never saw
and a row that vanished without a delete event were changed outside the application.

What cannot be checked (see the README, "What `audit verify` detects"):
- redacted fields (password hashes): the trail holds "[redacted]", so only the row's
  existence and its other columns are checked;
- ignored bookkeeping fields (last sign-in time): their changes are not audited;
- a column added by a later migration, on rows written before it: the trail never recorded
  its value, so it is checked only once an event sets it.

Memory stays bounded: one table at a time, its events are streamed in (row, event) order
from the (entity, entity_id) index and its rows in the same key order, and the two streams
are walked side by side; only the current row of each is held.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    String,
    Table,
    cast,
    collate,
    func,
    inspect,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.types import NullType

from ..forms import QT_TRANSLATE_NOOP
from ..forms.errors import said
from ..models import AuditEvent
from ..models.base import Base

REDACTED = "[redacted]"
EVENT_CHUNK = 5000


@dataclass(frozen=True)
class Difference:
    """One disagreement between the audit trail and a table."""

    table: str
    key: str
    column: str | None  # None: the whole row is missing or unexpected
    expected: Any
    found: Any

    def describe(self) -> str:
        """The difference in a sentence (marked: shown in the reader's language)."""
        where = {"table": self.table, "key": self.key}
        if self.column is None:
            if self.found is None:
                return said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{table} {key}: row deleted without an audit event"
                    ),
                    **where,
                )
            if self.expected is None:
                return said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{table} {key}: row added without an audit event"
                    ),
                    **where,
                )
        return said(
            QT_TRANSLATE_NOOP(
                "Refusals", "{table} {key}, column {column}: expected {expected}, found {found}"
            ),
            **where,
            column=self.column,
            expected=_show(self.expected),
            found=_show(self.found),
        )


def _show(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def audited_models() -> list[type[Base]]:
    return sorted(
        (m.class_ for m in Base.registry.mappers if m.class_.__audited__),
        key=lambda cls: cls.__tablename__,
    )


# --- comparable values ----------------------------------------------------------------------


def _kind(column: Column) -> str:
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return "other"
    if python_type is dt.datetime:
        return "datetime"
    if python_type is dt.date:
        return "date"
    if python_type is str:
        return "str"
    return "other"


def _canon_datetime(value: Any) -> Any:
    """Times compared as naive UTC: the trail records them with a zone, SQLite without."""
    try:
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
    except ValueError:
        pass
    return value


def _canon_date(value: Any) -> Any:
    """Dates compared as ISO text: what the trail records and what SQLite stores."""
    return value.isoformat() if isinstance(value, dt.date) else value


_JSON_LITERALS = {"true": True, "false": False, "null": None}
_raw_decode = json.JSONDecoder().raw_decode


def _loads(text: Any) -> Any:
    """json.loads without its two whitespace scans (the hook writes none): the same value,
    or the same error."""
    try:
        value, end = _raw_decode(text)
        if end == len(text):
            return value
    except (ValueError, TypeError):
        pass
    return json.loads(text)


def _decode_update(kind: str, text: str | None) -> Any:
    """The hook stores a changed string as it is and any other value as JSON (decoded
    without the JSON parser for the common plain cases: this runs for every update)."""
    if text is None or kind == "str":
        return text
    if text in _JSON_LITERALS:
        return _JSON_LITERALS[text]
    if len(text) > 1 and text[0] == '"' and text[-1] == '"' and "\\" not in text:
        return text[1:-1]
    if text.isdigit():
        return int(text)
    try:
        return _loads(text)
    except ValueError:
        return text


def _cached(decode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A JSON column repeats a few texts (a visit's planned assessments): decode each once.
    The decoded values are only compared, never changed, so rows may share them."""
    memo: dict[Any, Any] = {}

    def cached(text: Any) -> Any:
        try:
            return memo[text]
        except KeyError:
            value = memo[text] = decode(text)
            if len(memo) > 500:  # texts that do not repeat: keep memory flat
                memo.clear()
            return value
        except TypeError:  # not hashable: never stored by the application
            return decode(text)

    return cached


# --- one table ------------------------------------------------------------------------------


class TableCheck:
    """The trail's rows and the table's rows, both in the order of their key text, walked
    side by side (a merge): nothing is looked up and only the current row is held."""

    def __init__(
        self, conn: Connection, model: type[Base], deleted: dict[str, set[str]] | None = None
    ) -> None:
        self.conn = conn
        # Parent table -> ids of its rows deleted through the application; pass one dict to
        # the checks of every table, so each parent's trail is read once, not once per child.
        self.deleted = {} if deleted is None else deleted
        self.model = model
        self.table: Table = model.__table__
        self.name = self.table.name
        self.pk = list(self.table.primary_key.columns)
        # Attribute key -> column (the hook records attribute keys).
        # Only the columns the file has: an older file is verified without migrating it.
        present = {c["name"] for c in inspect(conn).get_columns(self.name)}
        self.columns = {
            attr.key: attr.columns[0]
            for attr in model.__mapper__.column_attrs
            if attr.columns[0].name in present
        }
        self.kinds = {key: _kind(col) for key, col in self.columns.items()}
        self.unchecked = set(model.__audit_redacted_fields__) | set(model.__audit_ignored_fields__)
        # Only what needs work per value: the dialect's converters (dates stay ISO text) and
        # the time columns. SQLite's driver returns dates as the text they are stored as.
        sqlite = conn.dialect.name == "sqlite"
        self.dates = [k for k, kind in self.kinds.items() if kind == "date" and not sqlite]
        self.times = [k for k, kind in self.kinds.items() if kind == "datetime"]
        self.processors = [
            (i, _cached(proc) if isinstance(col.type, JSON) else proc)
            for i, (key, col) in enumerate(self.columns.items())
            if self.kinds[key] != "date"
            and (proc := col.type.result_processor(conn.dialect, None)) is not None
        ]
        self.cascaded = self._cascade_rules()
        self.rows_replayed = 0

    # Rows removed or foreign keys cleared by the database itself (ON DELETE CASCADE / SET
    # NULL) after an audited delete of the parent row are explained, not tampering.
    def _cascade_rules(self) -> dict[str, tuple[str, set[str], str]]:
        rules: dict[str, tuple[str, set[str], str]] = {}
        for key, col in self.columns.items():
            for fk in col.foreign_keys:
                action = (fk.ondelete or "").upper()
                if action in ("CASCADE", "SET NULL"):
                    parent = fk.column.table.name
                    deleted = self.deleted.get(parent)
                    if deleted is None:
                        deleted = self.deleted[parent] = set(
                            self.conn.scalars(
                                select(AuditEvent.entity_id).where(
                                    AuditEvent.entity == parent, AuditEvent.action == "delete"
                                )
                            )
                        )
                    if deleted:
                        rules[key] = (parent, deleted, action)
        return rules

    # --- both sides in key order ---

    def _in_key_order(self, expr: Any) -> Any:
        """Text ordered by its bytes on every back-end, as Python orders str (the merge
        compares keys with <). SQLite's default collation already is."""
        return expr if self.conn.dialect.name == "sqlite" else collate(expr, "C")

    def _rows(self) -> Iterator[Any]:
        """(key text as the hook writes entity_id, every column as stored) per table row."""
        # Never NULL (a key column emptied outside the application still gives a key text).
        parts = [func.coalesce(cast(col, String), "") for col in self.pk]
        key: Any = parts[0]
        for part in parts[1:]:
            key = key + "," + part
        stmt = select(key, *(type_coerce(c, NullType()) for c in self.columns.values()))
        stmt = stmt.order_by(self._in_key_order(key))
        yield from self.conn.execution_options(yield_per=EVENT_CHUNK).execute(stmt)

    def _events(self) -> Iterator[Any]:
        stmt = (
            select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.field, AuditEvent.new_value)
            .where(
                AuditEvent.entity == self.name,
                or_(
                    AuditEvent.action == "insert",
                    AuditEvent.action == "update",
                    AuditEvent.action == "delete",
                ),
            )
            .order_by(self._in_key_order(AuditEvent.entity_id), AuditEvent.id)
        )
        yield from self.conn.execution_options(yield_per=EVENT_CHUNK).execute(stmt)

    def _replay(self) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """(row key, the row as the trail says it is now; None if deleted) per row."""
        key: str | None = None
        row: dict[str, Any] | None = None
        kinds = self.kinds
        for entity_id, action, field, new in self._events():
            if entity_id != key:
                if key is not None:
                    yield key, row
                key, row = entity_id, None
            if action == "insert":
                try:
                    row = _loads(new)
                except (TypeError, ValueError):
                    row = None
                if not isinstance(row, dict):  # not a snapshot the hook wrote
                    row = {}
            elif action == "delete":
                row = None
            elif field is not None:
                row = {} if row is None else row
                row[field] = _decode_update(kinds.get(field, "other"), new)
        if key is not None:
            yield key, row

    # --- comparing one row ---

    def _read(self, raw: Any) -> dict[str, Any]:
        """The row as the application reads it (raw: the key text, then every column)."""
        values = list(raw) if self.processors else raw
        for i, proc in self.processors:
            value = values[i + 1]
            if value is not None:
                try:
                    values[i + 1] = proc(value)
                except (ValueError, TypeError):
                    continue  # a value the application never writes is compared as stored
        row = dict(zip(self.columns, values[1:], strict=True))
        for key in self.dates:
            row[key] = _canon_date(row[key])
        for key in self.times:
            row[key] = _canon_datetime(row[key])
        return row

    def _parent_deleted(self, expected: dict[str, Any], col: str, actions: tuple[str, ...]) -> bool:
        rule = self.cascaded.get(col)
        if rule is None or rule[2] not in actions:
            return False
        ref = expected.get(col)
        return ref is not None and str(ref) in rule[1]

    def _agrees(self, expected: dict[str, Any], raw: Any) -> bool:
        """The usual case, a row just as the trail says, compared at C speed."""
        for col in self.times:
            if col in expected:
                expected[col] = _canon_datetime(expected[col])
        return expected == self._read(raw)

    def _compare(self, key: str, expected: dict[str, Any] | None, raw: Any) -> Iterator[Difference]:
        """One key: the trail's row (None: deleted or never seen) against the table's (raw
        as fetched by _rows; None: not in the table)."""
        if expected is None:
            if raw is not None:
                yield Difference(self.name, key, None, None, "row")
            return
        if raw is None:
            if not any(self._parent_deleted(expected, c, ("CASCADE",)) for c in expected):
                yield Difference(self.name, key, None, "row", None)
            return
        if self._agrees(expected, raw):
            return
        found = self._read(raw)
        for col, want in expected.items():
            if col in self.unchecked or col not in found:
                continue
            if found[col] != want and not (
                found[col] is None and self._parent_deleted(expected, col, ("SET NULL",))
            ):
                yield Difference(self.name, key, col, want, found[col])

    def differences(self) -> Iterator[Difference]:
        trail, table = self._replay(), self._rows()
        expected = next(trail, None)
        raw = next(table, None)
        count = 0
        while expected is not None or raw is not None:
            if raw is None or (expected is not None and expected[0] < raw[0]):
                # In the trail, not in the table.
                count += 1
                yield from self._compare(expected[0], expected[1], None)
                expected = next(trail, None)
            elif expected is None or raw[0] < expected[0]:
                # In the table, never mentioned by the trail.
                yield from self._compare(raw[0], None, raw)
                raw = next(table, None)
            else:
                count += 1
                if expected[1] is None or not self._agrees(expected[1], raw):
                    yield from self._compare(expected[0], expected[1], raw)
                expected, raw = next(trail, None), next(table, None)
        self.rows_replayed = count

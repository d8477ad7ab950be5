"""The participant's audit trail as the casebook prints it: one line per event, the record
named by its form's title, the field by its label (both English: the report translates),
values as the form holds them, with the field that formats them. The monitoring records (queries, verification marks, signatures) are named by what they are;
their bookkeeping columns (who and when, hashes) repeat the event's own who and when and are
left out."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...forms.catalogue import all_forms
from ...forms.field import QT_TRANSLATE_NOOP, Field, Kind

MONITORING_RECORDS = {
    "data_query": QT_TRANSLATE_NOOP("DataDictionary", "Data query"),
    "sdv_mark": QT_TRANSLATE_NOOP("DataDictionary", "Source-data verification"),
    "signature": QT_TRANSLATE_NOOP("DataDictionary", "Signature"),
}
# What an inserted monitoring record is about, from its snapshot.
ABOUT = ("form", "record_id", "field", "text", "meaning_text")
# Columns no single field names: the monitoring records' own (a query's state, its answer)
# and a column several fields share (a complication's treatment ticks).
COLUMN_LABELS = {
    "treatment": QT_TRANSLATE_NOOP("DataDictionary", "Treatment"),
    "state": QT_TRANSLATE_NOOP("DataDictionary", "State"),
    "answer": QT_TRANSLATE_NOOP("DataDictionary", "Answer"),
    "text": QT_TRANSLATE_NOOP("DataDictionary", "Query"),
    "reason": QT_TRANSLATE_NOOP("DataDictionary", "Reason"),
}
BOOKKEEPING = ("_by", "_utc", "hash", "_id")


@dataclass(frozen=True)
class CasebookAuditLine:
    when: dt.datetime | None
    who: str
    action: str  # insert, update, delete or a workflow action
    record: str  # the form's title (English)
    record_id: str
    field: str  # the field's label, else the column's name ("" for a whole record)
    spec: Field | None  # the field that formats old and new
    old: Any  # as the form holds it (None: empty)
    new: Any
    about: tuple[tuple[str, str], ...]  # a new monitoring record: what it is about
    reason: str


def _fields() -> dict[str, tuple[str, dict[str, Field | None]]]:
    """Table -> (form title, column -> its field; None for a column several fields share)."""
    out: dict[str, tuple[str, dict[str, Field | None]]] = {}
    for form in all_forms().values():
        title, fields = out.get(form.table, (form.title, {}))
        for f in form.fields:
            fields[f.variable] = None if f.variable in fields else f
        out[form.table] = (title, fields)
    return out


def _parsed(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _parts(table: str, column: str) -> dict[str, str]:
    """The fields sharing a JSON column: name -> label."""
    return {
        f.name: f.label
        for form in all_forms().values()
        if form.table == table
        for f in form.fields
        if f.variable == column
    }


def _value(f: Field | None, text: str | None, parts: dict[str, str]) -> Any:
    """A stored value back as the form holds it (a date as a date; the answers of a shared
    column by their fields' labels)."""
    value = _parsed(text)
    if isinstance(value, dict) and parts:
        return {parts.get(k, k): v for k, v in value.items()}
    if f is not None and f.kind is Kind.DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    return value


def local(when: dt.datetime | None) -> dt.datetime | None:
    """A stored UTC moment (naive in SQLite) on this computer's clock."""
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone()


def _about(snapshot: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(snapshot, dict):
        return ()
    return tuple((k, str(snapshot[k])) for k in ABOUT if snapshot.get(k) not in (None, ""))


def audit_lines(events: Iterable[dict]) -> tuple[CasebookAuditLine, ...]:
    """``events`` as ``audit_trail.query_events`` returns them (identities masked there)."""
    forms = _fields()
    lines = []
    for e in events:
        table = e.get("entity") or ""
        column = e.get("field") or ""
        monitoring = table in MONITORING_RECORDS
        if monitoring and column.endswith(BOOKKEEPING):
            continue
        title, fields = forms.get(table, (MONITORING_RECORDS.get(table, table), {}))
        f = fields.get(column)
        label = f.label if f is not None else COLUMN_LABELS.get(column, column)
        parts = _parts(table, column) if f is None else {}
        new = _value(f, e.get("new_value"), parts) if column else None
        about = _about(_parsed(e.get("new_value"))) if monitoring and not column else ()
        lines.append(
            CasebookAuditLine(
                when=local(dt.datetime.fromisoformat(e["ts_utc"])) if e.get("ts_utc") else None,
                who=e.get("username") or "",
                action=e.get("action") or "",
                record=title,
                record_id=str(e.get("entity_id") or ""),
                field=label,
                spec=f,
                old=_value(f, e.get("old_value"), parts) if column else None,
                new=new,
                about=about,
                reason=e.get("reason") or "",
            )
        )
    return tuple(lines)

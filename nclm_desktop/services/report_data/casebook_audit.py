"""The participant's audit trail as the casebook prints it: one line per event, the record
named by its form's title, the field by its label, coded values by their labels. The
monitoring records (queries, verification marks, signatures) are named by what they are;
their bookkeeping columns (who and when, hashes) repeat the event's own who and when and are
left out."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ...forms.catalogue import all_forms
from ...forms.dates import moment_text
from ...forms.field import QT_TRANSLATE_NOOP, Field, Kind
from .texts import answers_text, local, value_text

MONITORING_RECORDS = {
    "data_query": QT_TRANSLATE_NOOP("DataDictionary", "Data query"),
    "sdv_mark": QT_TRANSLATE_NOOP("DataDictionary", "Source-data verification"),
    "signature": QT_TRANSLATE_NOOP("DataDictionary", "Signature"),
}
# What an inserted monitoring record is about, from its snapshot.
ABOUT = ("form", "record_id", "field", "text", "meaning_text")
BOOKKEEPING = ("_by", "_utc", "hash", "_id")


@dataclass(frozen=True)
class CasebookAuditLine:
    when: str
    who: str
    action: str  # insert, update, delete or a workflow action
    record: str  # the form's title and the record's key
    field: str  # the field's label ("" for a whole record)
    old: str
    new: str
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


def _plain(value: Any) -> str:
    if value is None or isinstance(value, dict):
        return ""  # a whole-record snapshot: the record's values are printed with its form
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _value(f: Field | None, text: str | None, lang: str, tr: Callable[[str], str]) -> str:
    value = _parsed(text)
    if isinstance(value, dict) and f is None:  # a JSON column several fields share
        return answers_text(value)
    if f is not None and value is not None and f.kind in (Kind.CHOICE, Kind.YESNO, Kind.MULTI):
        return value_text(f, value, lang, tr)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if f is not None and numeric and f.kind in (Kind.INTEGER, Kind.DECIMAL):
        return f.format(value)  # the field's precision and unit
    if f is not None and f.kind is Kind.DATE and isinstance(value, str):
        try:
            return value_text(f, dt.date.fromisoformat(value[:10]), lang, tr)
        except ValueError:
            pass
    return _plain(value)


def _about(snapshot: Any) -> str:
    if not isinstance(snapshot, dict):
        return ""
    return " · ".join(str(snapshot[k]) for k in ABOUT if snapshot.get(k) not in (None, ""))


def audit_lines(
    events: Iterable[dict], lang: str, tr: Callable[[str], str]
) -> tuple[CasebookAuditLine, ...]:
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
        when = dt.datetime.fromisoformat(e["ts_utc"]) if e.get("ts_utc") else None
        old = _value(f, e.get("old_value"), lang, tr) if column else ""
        new = _value(f, e.get("new_value"), lang, tr) if column else ""
        if monitoring and not column:  # a new query, mark or signature: what it is about
            new = _about(_parsed(e.get("new_value")))
        lines.append(
            CasebookAuditLine(
                when=moment_text(local(when), lang),
                who=e.get("username") or "",
                action=e.get("action") or "",
                record=f"{tr(title)} {e.get('entity_id') or ''}".strip(),
                field=tr(f.label) if f is not None else column,
                old=old,
                new=new,
                reason=e.get("reason") or "",
            )
        )
    return tuple(lines)

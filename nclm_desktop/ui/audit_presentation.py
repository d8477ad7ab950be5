"""Audit events as people read them: record and field labels, local time, "old → new".

The audit trail stores table and column names and JSON text (models/audit_hook.py); this
module only changes how they are shown, never what is stored or verified.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .form_inputs import dictionary_text

CONTEXT = "Audit"
ARROW = "→"
EMPTY = "—"

RECORD_LABELS = {
    "participant": QT_TRANSLATE_NOOP("Audit", "Participant"),
    "participant_identity": QT_TRANSLATE_NOOP("Audit", "Identity"),
    "screening": QT_TRANSLATE_NOOP("Audit", "Screening"),
    "baseline_disease": QT_TRANSLATE_NOOP("Audit", "Baseline disease"),
    "systemic_treatment": QT_TRANSLATE_NOOP("Audit", "Systemic treatment"),
    "operation": QT_TRANSLATE_NOOP("Audit", "Operation"),
    "operation_surgeon": QT_TRANSLATE_NOOP("Audit", "Surgeon of operation"),
    "complication": QT_TRANSLATE_NOOP("Audit", "Complication"),
    "reoperation": QT_TRANSLATE_NOOP("Audit", "Reoperation"),
    "visit": QT_TRANSLATE_NOOP("Audit", "Visit"),
    "clinical_event": QT_TRANSLATE_NOOP("Audit", "Clinical event"),
    "signature": QT_TRANSLATE_NOOP("Audit", "Signature"),
    "casebook": QT_TRANSLATE_NOOP("Audit", "Casebook"),  # a failed signature of one
    "sdv_mark": QT_TRANSLATE_NOOP("Audit", "Source-data verification"),
    "user_account": QT_TRANSLATE_NOOP("Audit", "User account"),
    "setting": QT_TRANSLATE_NOOP("Audit", "Setting"),
}
ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("Audit", "added"),
    "update": QT_TRANSLATE_NOOP("Audit", "changed"),
    "delete": QT_TRANSLATE_NOOP("Audit", "deleted"),
    "sign": QT_TRANSLATE_NOOP("Audit", "signed"),
    "unsign": QT_TRANSLATE_NOOP("Audit", "signature revoked"),
    "signature_failed": QT_TRANSLATE_NOOP(
        "Audit", "signature refused (wrong user name or password)"
    ),
    "login": QT_TRANSLATE_NOOP("Audit", "signed in"),
    "login_failed": QT_TRANSLATE_NOOP("Audit", "sign-in failed"),
    "logout": QT_TRANSLATE_NOOP("Audit", "signed out"),
    "export": QT_TRANSLATE_NOOP("Audit", "exported"),
    "backup": QT_TRANSLATE_NOOP("Audit", "backup"),
    "lock": QT_TRANSLATE_NOOP("Audit", "locked"),
    "unlock": QT_TRANSLATE_NOOP("Audit", "unlocked"),
}
# Field names are column names: words joined by "_", units as the last word(s). Labels are
# built from them with these spellings instead of a table of every column.
WORDS = {
    "ecog": "ECOG", "inr": "INR", "ebv": "EBV", "dna": "DNA", "npc": "NPC", "albi": "ALBI",
    "who": "WHO", "r0": "R0", "nclm": "NCLM", "isgls": "ISGLS", "flr": "FLR", "id": "ID",
    "utc": "UTC", "pct": "%", "ge": "≥", "pugh": "Pugh", "icu": "ICU", "tpn": "TPN",
    "periop": "peri-operative", "met": "metastasis",
}  # fmt: skip
UNITS = {
    "copies_ml": "copies/mL", "umol_l": "µmol/L", "g_l": "g/L", "ml": "mL", "mm": "mm",
    "min": "min", "pct": "%",
}  # fmt: skip
FIELD_LABELS = {  # where the column name alone would read oddly
    "clavien_dindo": QT_TRANSLATE_NOOP("Audit", "Clavien-Dindo grade"),
    "hospital_record_number": QT_TRANSLATE_NOOP("Audit", "Hospital record number"),
    "index_date": QT_TRANSLATE_NOOP("Audit", "Index date"),
    "suffix_d": QT_TRANSLATE_NOOP("Audit", "Suffix d (disability at discharge)"),
    "expected_survival_ge_6_months": QT_TRANSLATE_NOOP("Audit", "Expected survival ≥ 6 months"),
    # Columns outside the data dictionary: keys, accounts, monitoring, settings.
    "id": QT_TRANSLATE_NOOP("Audit", "ID"),
    "participant_id": QT_TRANSLATE_NOOP("Audit", "Participant ID"),
    "created_utc": QT_TRANSLATE_NOOP("Audit", "Created (UTC)"),
    "updated_utc": QT_TRANSLATE_NOOP("Audit", "Updated (UTC)"),
    "key": QT_TRANSLATE_NOOP("Audit", "Setting"),
    "value": QT_TRANSLATE_NOOP("Audit", "Value"),
    "last_number": QT_TRANSLATE_NOOP("Audit", "Last number issued"),
    "username": QT_TRANSLATE_NOOP("Audit", "User name"),
    "display_name": QT_TRANSLATE_NOOP("Audit", "Display name"),
    "password_hash": QT_TRANSLATE_NOOP("Audit", "Password (hashed)"),
    "active": QT_TRANSLATE_NOOP("Audit", "Active"),
    "last_login_utc": QT_TRANSLATE_NOOP("Audit", "Last sign-in (UTC)"),
    "failed_logins": QT_TRANSLATE_NOOP("Audit", "Failed sign-ins"),
    "locked_until_utc": QT_TRANSLATE_NOOP("Audit", "Locked until (UTC)"),
    "must_change_password": QT_TRANSLATE_NOOP("Audit", "Must change password"),
    "form": QT_TRANSLATE_NOOP("Audit", "Form"),
    "record_id": QT_TRANSLATE_NOOP("Audit", "Record"),
    "text": QT_TRANSLATE_NOOP("Audit", "Question"),
    "state": QT_TRANSLATE_NOOP("Audit", "State"),
    "raised_by": QT_TRANSLATE_NOOP("Audit", "Raised by"),
    "raised_utc": QT_TRANSLATE_NOOP("Audit", "Raised (UTC)"),
    "answer": QT_TRANSLATE_NOOP("Audit", "Answer"),
    "answered_by": QT_TRANSLATE_NOOP("Audit", "Answered by"),
    "answered_utc": QT_TRANSLATE_NOOP("Audit", "Answered (UTC)"),
    "closed_by": QT_TRANSLATE_NOOP("Audit", "Closed by"),
    "closed_utc": QT_TRANSLATE_NOOP("Audit", "Closed (UTC)"),
    "screener_id": QT_TRANSLATE_NOOP("Audit", "Screened by"),
    "verified_by": QT_TRANSLATE_NOOP("Audit", "Verified by"),
    "verified_utc": QT_TRANSLATE_NOOP("Audit", "Verified (UTC)"),
    "record_hash": QT_TRANSLATE_NOOP("Audit", "Record fingerprint"),
    "signer_id": QT_TRANSLATE_NOOP("Audit", "Signed by"),
    "meaning": QT_TRANSLATE_NOOP("Audit", "Meaning"),
    "signed_utc": QT_TRANSLATE_NOOP("Audit", "Signed (UTC)"),
    "printed_name": QT_TRANSLATE_NOOP("Audit", "Printed name"),
    "meaning_text": QT_TRANSLATE_NOOP("Audit", "Meaning (text)"),
    "utc_offset": QT_TRANSLATE_NOOP("Audit", "UTC offset"),
    "data_hash": QT_TRANSLATE_NOOP("Audit", "Data fingerprint"),
    "revoked_utc": QT_TRANSLATE_NOOP("Audit", "Revoked (UTC)"),
    "revoke_reason": QT_TRANSLATE_NOOP("Audit", "Reason for revoking"),
    "user_id": QT_TRANSLATE_NOOP("Audit", "User"),
    "data": QT_TRANSLATE_NOOP("Audit", "Draft data"),
    "operation_id": QT_TRANSLATE_NOOP("Audit", "Operation"),
    "treatment": QT_TRANSLATE_NOOP("Audit", "Treatment"),
    "visit_id": QT_TRANSLATE_NOOP("Audit", "Visit"),
    "complication_id": QT_TRANSLATE_NOOP("Audit", "Complication"),
    "field": QT_TRANSLATE_NOOP("Audit", "Field"),
    "entity": QT_TRANSLATE_NOOP("Audit", "Signed record"),
    "entity_id": QT_TRANSLATE_NOOP("Audit", "Signed record ID"),
}
# Bookkeeping columns left out of "added"/"deleted" summaries.
SUMMARY_SKIPPED = {"id", "participant_id", "operation_id", "created_utc", "updated_utc"}


def t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def record_label(entity: str | None, entity_id: str | None = None) -> str:
    if not entity:
        return ""
    label = t(RECORD_LABELS[entity]) if entity in RECORD_LABELS else _words(entity)
    return f"{label} {entity_id}" if entity_id else label


def action_label(action: str) -> str:
    return t(ACTION_LABELS[action]) if action in ACTION_LABELS else action


@cache
def _dictionary_labels() -> dict[str, tuple[str, str]]:
    """Column name -> (label, unit) from the data dictionary's forms (the first form wins)."""
    from ..forms.catalogue import all_forms

    labels: dict[str, tuple[str, str]] = {}
    for form in all_forms().values():
        for field in form.fields:
            labels.setdefault(field.name, (field.label, field.unit))
    return labels


def _words(name: str) -> str:
    words = [WORDS.get(w, w) for w in name.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def field_label(field: str | None) -> str:
    """ "blood_loss_ml" -> "Blood loss (mL)", "ecog" -> "ECOG"."""
    if not field:
        return ""
    if field in FIELD_LABELS:
        return t(FIELD_LABELS[field])
    if field in _dictionary_labels():  # the data dictionary's label, in the user's language
        label, unit = _dictionary_labels()[field]
        shown = dictionary_text(label)
        return f"{shown} ({dictionary_text(unit)})" if unit and f"({unit})" not in label else shown
    for suffix, unit in sorted(UNITS.items(), key=lambda kv: -len(kv[0])):
        if field.endswith("_" + suffix):
            return f"{_words(field[: -len(suffix) - 1])} ({unit})"
    return _words(field)


def local_time(ts_utc: str | None) -> str:
    """ISO UTC text -> local wall time with its UTC offset: "2026-11-30 18:05:12 +08:00"."""
    if not ts_utc:
        return ""
    try:
        when = dt.datetime.fromisoformat(ts_utc)
    except ValueError:
        return ts_utc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    offset = local.isoformat(timespec="seconds")[19:] or "+00:00"
    return f"{local:%Y-%m-%d %H:%M:%S} {offset}"


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return _summary(value)
    return str(value)


def readable(text: str | None) -> str:
    """A stored value (JSON text or plain text) as words: true -> yes, null -> —."""
    if text is None:
        return EMPTY
    try:
        value = json.loads(text)
    except (ValueError, TypeError):
        return text  # plain text (names, reasons) is stored as is
    return _value(value)


def _summary(snapshot: dict[str, Any]) -> str:
    parts = [
        f"{field_label(k)}: {_value(v)}"
        for k, v in snapshot.items()
        if k not in SUMMARY_SKIPPED and v not in (None, "", [])
    ]
    return "; ".join(parts)


def change_text(action: str, field: str | None, old: str | None, new: str | None) -> str:
    """What changed, as "old → new"; a whole added or deleted record as its fields."""
    if action == "update" or field:
        return f"{readable(old)} {ARROW} {readable(new)}"
    if old is None and new is None:
        return ""
    if action == "insert":
        return f"{ARROW} {readable(new)}"
    if action == "delete":
        deleted = t("(deleted)")  # outside the f-string, where lupdate finds it
        return f"{readable(old)} {ARROW} {deleted}"
    return readable(new) if new is not None else readable(old)

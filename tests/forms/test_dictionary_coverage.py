"""Every stored variable of the study has one definition in the data dictionary, and every
definition names a real column (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import nclm_desktop.models  # noqa: F401 (registers every table)
from nclm_desktop.forms.catalogue import all_forms
from nclm_desktop.models.base import Base

# Tables that are not case-report data: accounts, the audit trail, settings, drafts,
# counters and signatures are the application's own records.
NOT_CASE_REPORT_DATA = {
    "audit_event",
    "setting",
    "study_id_counter",
    "user_account",
    "wizard_draft",
    "signature",
}
# Keys and bookkeeping columns of case-report tables: no person types them.
INTERNAL = {"id", "participant_id", "operation_id", "created_utc"}
INTERNAL_BY_TABLE = {
    ("screening", "screener_id"),  # the signed-in user who screened
    ("operation_surgeon", "user_id"),  # chosen from the user list, not typed
    ("clinical_event", "visit_id"),  # the visit the event was recorded at
    ("clinical_event", "complication_id"),  # the complication that caused a death
}


def _defined() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for form in all_forms().values():
        for f in form.fields:
            key = (form.table, f.variable)
            # Several fields may fill one JSON column (the complication's treatment ticks);
            # they say so with ``column``. Otherwise a column has one definition.
            shared = f.column is not None
            assert shared or key not in out, f"{key} is defined twice ({out.get(key)}, {form.name})"
            out[key] = form.name
            if f.unit_field and f.unit_field not in form:
                out[(form.table, f.unit_field)] = form.name
    return out


def test_every_model_column_has_a_definition_or_is_internal() -> None:
    defined = _defined()
    undefined = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        if table.name not in NOT_CASE_REPORT_DATA
        for column in table.columns
        if column.name not in INTERNAL
        and (table.name, column.name) not in INTERNAL_BY_TABLE
        and (table.name, column.name) not in defined
    ]
    assert undefined == []


def test_every_definition_maps_to_a_column() -> None:
    columns = {(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns}
    assert sorted(set(_defined()) - columns) == []

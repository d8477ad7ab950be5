"""The audit trail names every field in the user's language (README "Languages"): each
column of each audited table gets a Chinese label, from the data dictionary or the audit
page's own labels, with no English word outside abbreviations and units."""

from __future__ import annotations

from nclm_desktop.models.base import Base
from nclm_desktop.ui.audit_presentation import field_label, record_label
from tests.i18n.visible_text import english_words

NOT_AUDITED = {"audit_event", "audit_anchor", "alembic_version"}


def _columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        if table.name not in NOT_AUDITED
        for column in table.columns
    ]


def test_every_audited_field_has_a_chinese_label(zh_cn):
    columns = _columns()
    assert len(columns) > 150
    shown = [(f"{table}.{column}", field_label(column)) for table, column in columns]
    assert not english_words(shown), "\n".join(english_words(shown))
    assert field_label("transfusion_units") == "输血 (单位)"


def test_records_and_fields_stay_english_in_english():
    assert field_label("raised_by") == "Raised by"
    assert field_label("blood_loss_ml").startswith("Blood loss")
    assert record_label("operation", "12") == "Operation 12"

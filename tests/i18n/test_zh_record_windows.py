"""The record windows in zh_CN show no English word outside abbreviations and units (README
"Languages"): every tab of a participant with an operation, complications and follow-up,
every page of the screening, operation and complication wizards, and the reoperation, visit,
event and reschedule dialogs, each opened on real demo data."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget, QWizard
from sqlalchemy import text

from nclm_desktop.models.db import Database
from tests.i18n.visible_text import english_words, visible_texts
from tests.i18n.walk import (
    TODAY,
    demo_actor,
    record_dialogs,
    record_wizards,
    settle,
    shown,
    sign_query_print_dialogs,
    tab_states,
    wizard_states,
)

# Free text and names the demo typed in: the user's data, not the interface's.
DATA_COLUMNS = {
    "participant_identity": ("name", "hospital_record_number", "phone", "address"),
    "systemic_treatment": ("regimen",),
    "user_account": ("display_name", "username"),
    "participant": ("study_id",),
    "complication": ("description",),
    "reoperation": ("indication",),
    "clinical_event": ("detail",),
    "visit": ("notes",),
}


@pytest.fixture(scope="module")
def data(demo_db: Database) -> list[str]:
    out = [demo_db.describe()]
    with demo_db.engine.connect() as conn:
        for table, columns in DATA_COLUMNS.items():
            have = {c[1] for c in conn.execute(text(f"PRAGMA table_info({table})"))}
            for column in set(columns) & have:
                out += [v for (v,) in conn.execute(text(f"SELECT {column} FROM {table}")) if v]
    return sorted({str(v) for v in out}, key=len, reverse=True)


def _tabs(widget: QWidget, data: list[str], where: str) -> list[str]:
    """The widget and every tab under it, each tab made current in turn."""
    problems = []
    for tab, part in tab_states(widget):
        found = english_words(visible_texts(part), data)
        problems += [f"[{where} / {tab}] {p}" if tab else f"[{where}] {p}" for p in found]
    return problems


def _wizard_pages(qtbot, wizard: QWizard, data: list[str], where: str) -> list[str]:
    """Every page of ``wizard`` shown as the current one (restarted at each page)."""
    shown(qtbot, wizard)
    problems = []
    for page in wizard_states(wizard):
        found = english_words(visible_texts(wizard), data)
        problems += [f"[{where} {page}] {p}" for p in found]
    return problems


def test_participant_window_tabs_in_chinese(qtbot, demo_db, data, record, zh_cn):
    from nclm_desktop.ui.participant_detail import ParticipantDetail

    actor = demo_actor(demo_db, "investigator")
    window = shown(qtbot, ParticipantDetail(demo_db, actor, record["participant"], today=TODAY))
    assert window.tabs.count() >= 6
    problems = _tabs(window, data, "participant")
    assert not problems, "\n".join(sorted(set(problems)))


def test_wizards_in_chinese(qtbot, demo_db, data, record, zh_cn):
    problems = []
    for where, wizard in record_wizards(demo_db, record).items():
        assert len(wizard.pageIds()) >= 2, where
        problems += _wizard_pages(qtbot, wizard, data, where)
    assert not problems, "\n".join(sorted(set(problems)))


def test_record_dialogs_in_chinese(qtbot, demo_db, data, record, zh_cn):
    problems = []
    for where, dialog in record_dialogs(demo_db, record).items():
        problems += _tabs(shown(qtbot, dialog), data, where)
    assert not problems, "\n".join(sorted(set(problems)))


def test_sign_off_query_and_print_dialogs_in_chinese(qtbot, demo_db, data, record, zh_cn):
    dialogs, asked = sign_query_print_dialogs(demo_db, record, "手术", "切缘")
    problems = []
    for where, dialog in dialogs.items():
        problems += _tabs(settle(qtbot, shown(qtbot, dialog)), data + [asked], where)
    assert not problems, "\n".join(sorted(set(problems)))

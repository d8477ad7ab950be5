"""The record windows in zh_CN show no English word outside abbreviations and units (README
"Languages"): every tab of a participant with an operation, complications and follow-up,
every page of the screening, operation and complication wizards, and the reoperation, visit,
event and reschedule dialogs, each opened on real demo data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget, QWizard
from sqlalchemy import select, text

from nclm_desktop import demo
from nclm_desktop.models import Complication, Operation, Reoperation
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services import followup as fu
from tests.i18n.visible_text import english_words, visible_texts

TODAY = dt.date(2025, 6, 18)
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
def demo_db(tmp_path_factory, migrated_template: Path) -> Database:
    path = tmp_path_factory.mktemp("zh_records") / "demo.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    db.demo_actors = demo.ensure_demo_accounts(db)
    demo.generate_study(db, db.demo_actors, participants=30, seed=3, today=TODAY)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def data(demo_db: Database) -> list[str]:
    out = [demo_db.describe()]
    with demo_db.engine.connect() as conn:
        for table, columns in DATA_COLUMNS.items():
            have = {c[1] for c in conn.execute(text(f"PRAGMA table_info({table})"))}
            for column in set(columns) & have:
                out += [v for (v,) in conn.execute(text(f"SELECT {column} FROM {table}")) if v]
    return sorted({str(v) for v in out}, key=len, reverse=True)


@pytest.fixture
def record(demo_db: Database) -> dict[str, int]:
    """The participant with the most to show: an operation with complications (and a
    reoperation when the demo made one)."""
    with demo_db.session() as s:
        reop = s.scalars(select(Reoperation)).first()
        operation = (
            s.get(Operation, reop.operation_id)
            if reop is not None
            else s.scalars(select(Operation).join(Complication)).first()
        )
        complication = s.scalars(
            select(Complication).where(Complication.operation_id == operation.id)
        ).first()
        return {
            "participant": operation.participant_id,
            "operation": operation.id,
            "complication": complication.id if complication else None,
            "reoperation": reop.id if reop else None,
        }


def _actor(db: Database, role: str):
    actors = db.demo_actors
    return {
        "investigator": actors.investigator,
        "surgeon": actors.surgeons[0],
        "coordinator": actors.coordinator,
    }[role]


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _tabs(widget: QWidget, data: list[str], where: str) -> list[str]:
    """The widget and every tab under it, each tab made current in turn."""
    problems = [f"[{where}] {p}" for p in english_words(visible_texts(widget), data)]
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            found = english_words(visible_texts(tabs.currentWidget()), data)
            problems += [f"[{where} / {tabs.tabText(index)}] {p}" for p in found]
    return problems


def _wizard_pages(qtbot, wizard: QWizard, data: list[str], where: str) -> list[str]:
    """Every page of ``wizard`` shown as the current one (restarted at each page)."""
    _shown(qtbot, wizard)
    problems = []
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        QApplication.processEvents()
        assert wizard.currentId() == page_id
        found = english_words(visible_texts(wizard), data)
        problems += [f"[{where} page {page_id}] {p}" for p in found]
    return problems


def test_participant_window_tabs_in_chinese(qtbot, demo_db, data, record, zh_cn):
    from nclm_desktop.ui.participant_detail import ParticipantDetail

    actor = _actor(demo_db, "investigator")
    window = _shown(qtbot, ParticipantDetail(demo_db, actor, record["participant"], today=TODAY))
    assert window.tabs.count() >= 6
    problems = _tabs(window, data, "participant")
    assert not problems, "\n".join(sorted(set(problems)))


def test_wizards_in_chinese(qtbot, demo_db, data, record, zh_cn):
    from nclm_desktop.ui.complication_wizard import ComplicationWizard
    from nclm_desktop.ui.operation_wizard import OperationWizard
    from nclm_desktop.ui.screening_wizard import ScreeningWizard

    investigator = _actor(demo_db, "investigator")
    surgeon = _actor(demo_db, "surgeon")
    wizards = {
        "screening": ScreeningWizard(demo_db, investigator, today=TODAY, resume=False),
        "operation (new)": OperationWizard(demo_db, surgeon, record["participant"], today=TODAY),
        "operation (edit)": OperationWizard(
            demo_db, surgeon, record["participant"], record["operation"], today=TODAY
        ),
        "complication (new)": ComplicationWizard(
            demo_db, surgeon, record["operation"], today=TODAY
        ),
    }
    if record["complication"]:
        wizards["complication (edit)"] = ComplicationWizard(
            demo_db, surgeon, record["operation"], record["complication"], today=TODAY
        )
    problems = []
    for where, wizard in wizards.items():
        assert len(wizard.pageIds()) >= 2, where
        problems += _wizard_pages(qtbot, wizard, data, where)
    assert not problems, "\n".join(sorted(set(problems)))


def test_record_dialogs_in_chinese(qtbot, demo_db, data, record, zh_cn):
    from nclm_desktop.ui.reoperation_dialog import ReoperationDialog
    from nclm_desktop.ui.visit_dialog import EventDialog, RescheduleDialog, VisitDialog

    surgeon = _actor(demo_db, "surgeon")
    coordinator = _actor(demo_db, "coordinator")
    visits = fu.list_visits(demo_db, coordinator, record["participant"], TODAY)
    open_visit = next(v for v in visits if v.status != "done")
    done_visit = next(v for v in visits if v.status == "done")
    dialogs = {
        "reoperation (new)": ReoperationDialog(demo_db, surgeon, record["operation"], today=TODAY),
        "visit (record)": VisitDialog(demo_db, coordinator, open_visit, TODAY),
        "visit (correct)": VisitDialog(demo_db, coordinator, done_visit, TODAY),
        "events": EventDialog(demo_db, coordinator, record["participant"], "NCLM", TODAY),
        "reschedule": RescheduleDialog(demo_db, coordinator, open_visit),
    }
    if record["reoperation"]:
        dialogs["reoperation (edit)"] = ReoperationDialog(
            demo_db, surgeon, record["operation"], record["reoperation"], today=TODAY
        )
    problems = []
    for where, dialog in dialogs.items():
        problems += _tabs(_shown(qtbot, dialog), data, where)
    assert not problems, "\n".join(sorted(set(problems)))


def test_sign_off_query_and_print_dialogs_in_chinese(qtbot, demo_db, data, record, zh_cn):
    from nclm_desktop.services.monitoring import queries
    from nclm_desktop.services.participant_record import get_summary
    from nclm_desktop.ui.query_dialogs import (
        AnswerQueryDialog,
        CorrectionReasonDialog,
        RaiseQueryDialog,
    )
    from nclm_desktop.ui.schedule_print import ScheduleReportDialog
    from nclm_desktop.ui.sign_dialog import SignDialog, UnlockDialog

    pi = _actor(demo_db, "investigator")
    pid = record["participant"]
    sid = get_summary(demo_db, pi, pid).study_id
    fields = [("blood_loss_ml", "出血量"), ("margin_mm", "切缘")]
    asked = queries.list_queries(demo_db, pi)
    assert asked, "the demo study raises data queries"
    dialogs = {
        "sign casebook": SignDialog(demo_db, pi, pid, sid),
        "sign form": SignDialog(
            demo_db, pi, pid, sid, form="operation", record_id=str(record["operation"]), what="手术"
        ),
        "unlock": UnlockDialog(demo_db, pi, pid, sid),
        "raise query": RaiseQueryDialog("手术", fields, "margin_mm", lambda *_: None),
        "answer query": AnswerQueryDialog("手术 · 切缘", lambda *_: None),
        "reason with queries": CorrectionReasonDialog("手术", [(asked[0], "切缘")], set()),
        "schedule print": ScheduleReportDialog(demo_db, pi, sid, today=lambda: TODAY),
        "operative print": ScheduleReportDialog(
            demo_db, pi, sid, today=lambda: TODAY, key="operative"
        ),
    }
    problems = []
    for where, dialog in dialogs.items():
        problems += _tabs(_shown(qtbot, dialog), data + [asked[0].text], where)
    assert not problems, "\n".join(sorted(set(problems)))

"""Every window a person opens and every state of it they can see: the main window's pages,
each tab made current in turn, each wizard page, the record, sign-off, query, print and
account dialogs, built on real demo data. Shared by the zh_CN wording and the clipping tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget, QWizard
from sqlalchemy import select

from nclm_desktop.models import Complication, Operation, Reoperation
from nclm_desktop.models.db import Database
from nclm_desktop.services import followup as fu

TODAY = dt.date(2025, 6, 18)

# Every page of the navigation.
PAGES = (
    "participants",
    "screening",
    "status",
    "calendar",
    "queries",
    "outcomes",
    "reports",
    "export",
    "import",
    "audit",
    "admin",
)


SCREEN = QSize(1366, 768)


def shown(qtbot, widget: QWidget, size: QSize | None = SCREEN) -> QWidget:
    """``widget`` on screen, at ``size`` (None: the size it opens at by itself)."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle(qtbot, dialog: QWidget) -> QWidget:
    """Let a print dialog finish the report it makes when it opens (its finished state is
    what the user reads; a window closed under a running job is another test's subject)."""
    page = getattr(dialog, "page", None)
    if page is not None and hasattr(page, "busy_running"):
        qtbot.waitUntil(lambda: not page.busy_running, timeout=60_000)
    return dialog


def tab_states(widget: QWidget) -> Iterator[tuple[str, QWidget]]:
    """("", ``widget``) as it is, then (tab title, tab) with each tab under it made current."""
    yield "", widget
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield tabs.tabText(index), tabs.currentWidget()


def wizard_states(wizard: QWizard) -> Iterator[str]:
    """Each page of the shown ``wizard`` made the current one (restarted at each)."""
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        QApplication.processEvents()
        assert wizard.currentId() == page_id
        yield f"page {page_id}"


def page_states(qtbot, window, pages=PAGES) -> Iterator[tuple[str, QWidget]]:
    """(page key, page) for each page of the main ``window`` the user may open, shown."""
    shown_keys = [spec.key for spec in window.specs if spec.key in pages]
    for key in shown_keys:
        widget = window.show_page(key)
        qtbot.wait(20)  # a page loads its rows on a zero timer once shown,
        QApplication.processEvents()  # then lays out what the rows changed
        assert widget.isVisible()
        if key == "outcomes":  # it starts the analysis when shown: let it end here
            qtbot.waitUntil(widget.run_button.isEnabled, timeout=120_000)
        yield key, widget


def demo_actor(db: Database, role: str):
    actors = db.demo_actors
    return {
        "admin": actors.admin,
        "investigator": actors.investigator,
        "surgeon": actors.surgeons[0],
        "coordinator": actors.coordinator,
    }[role]


def richest_record(db: Database) -> dict[str, int]:
    """The participant with the most to show: an operation with complications (and a
    reoperation when the demo made one)."""
    with db.session() as s:
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


def record_wizards(db: Database, record: dict[str, int]) -> dict[str, QWizard]:
    from nclm_desktop.ui.complication_wizard import ComplicationWizard
    from nclm_desktop.ui.operation_wizard import OperationWizard
    from nclm_desktop.ui.screening_wizard import ScreeningWizard

    investigator, surgeon = demo_actor(db, "investigator"), demo_actor(db, "surgeon")
    pid, op = record["participant"], record["operation"]
    wizards = {
        "screening": ScreeningWizard(db, investigator, today=TODAY, resume=False),
        "operation (new)": OperationWizard(db, surgeon, pid, today=TODAY),
        "operation (edit)": OperationWizard(db, surgeon, pid, op, today=TODAY),
        "complication (new)": ComplicationWizard(db, surgeon, op, today=TODAY),
    }
    if record["complication"]:
        wizards["complication (edit)"] = ComplicationWizard(
            db, surgeon, op, record["complication"], today=TODAY
        )
    return wizards


def record_dialogs(db: Database, record: dict[str, int]) -> dict[str, QDialog]:
    from nclm_desktop.ui.reoperation_dialog import ReoperationDialog
    from nclm_desktop.ui.visit_dialog import EventDialog, RescheduleDialog, VisitDialog

    surgeon, coordinator = demo_actor(db, "surgeon"), demo_actor(db, "coordinator")
    visits = fu.list_visits(db, coordinator, record["participant"], TODAY)
    open_visit = next(v for v in visits if v.status != "done")
    done_visit = next(v for v in visits if v.status == "done")
    dialogs = {
        "reoperation (new)": ReoperationDialog(db, surgeon, record["operation"], today=TODAY),
        "visit (record)": VisitDialog(db, coordinator, open_visit, TODAY),
        "visit (correct)": VisitDialog(db, coordinator, done_visit, TODAY),
        "events": EventDialog(db, coordinator, record["participant"], "NCLM", TODAY),
        "reschedule": RescheduleDialog(db, coordinator, open_visit),
    }
    if record["reoperation"]:
        dialogs["reoperation (edit)"] = ReoperationDialog(
            db, surgeon, record["operation"], record["reoperation"], today=TODAY
        )
    return dialogs


def sign_query_print_dialogs(
    db: Database, record: dict[str, int], form: str, field: str
) -> tuple[dict[str, QDialog], str]:
    """The sign, unlock, query and print dialogs; ``form`` and ``field`` are the names the
    caller's language gives the operation form and its margin field. Also returns the text of
    the data query the demo raised (the user's words)."""
    from nclm_desktop.services.monitoring import queries
    from nclm_desktop.services.participant_record import get_summary
    from nclm_desktop.ui.query_dialogs import (
        AnswerQueryDialog,
        CorrectionReasonDialog,
        RaiseQueryDialog,
    )
    from nclm_desktop.ui.schedule_print import ScheduleReportDialog
    from nclm_desktop.ui.sign_dialog import SignDialog, UnlockDialog

    pi = demo_actor(db, "investigator")
    pid = record["participant"]
    sid = get_summary(db, pi, pid).study_id
    fields = [
        ("blood_loss_ml", "出血量" if field == "切缘" else "Blood loss"),
        ("margin_mm", field),
    ]
    asked = queries.list_queries(db, pi)
    assert asked, "the demo study raises data queries"
    operation = str(record["operation"])
    dialogs = {
        "sign casebook": SignDialog(db, pi, pid, sid),
        "sign form": SignDialog(db, pi, pid, sid, form="operation", record_id=operation, what=form),
        "unlock": UnlockDialog(db, pi, pid, sid),
        "raise query": RaiseQueryDialog(form, fields, "margin_mm", lambda *_: None),
        "answer query": AnswerQueryDialog(f"{form} · {field}", lambda *_: None),
        "reason with queries": CorrectionReasonDialog(form, [(asked[0], field)], set()),
        "schedule print": ScheduleReportDialog(db, pi, sid, today=lambda: TODAY),
        "operative print": ScheduleReportDialog(db, pi, sid, today=lambda: TODAY, key="operative"),
    }
    return dialogs, asked[0].text


def account_dialogs(db: Database, admin, investigator) -> dict[str, QDialog]:
    from nclm_desktop.ui.change_password import ChangePasswordDialog, ResetPasswordDialog
    from nclm_desktop.ui.idle_lock import LockDialog
    from nclm_desktop.ui.language_dialog import LanguageDialog
    from nclm_desktop.ui.login import FirstRunDialog, LoginDialog
    from tests.conftest import PASSWORD

    user = {"id": investigator.user_id, "username": investigator.username}
    return {
        "sign-in": LoginDialog(db),
        "first run": FirstRunDialog(db),
        "change password": ChangePasswordDialog(db, investigator, None, current=PASSWORD),
        "reset password": ResetPasswordDialog(db, admin, user, None),
        "language": LanguageDialog(db, investigator, investigator.user_id, investigator.username),
        "lock": LockDialog(investigator, None),
    }


def message_boxes(qtbot, owner: QWidget, study_id: str) -> dict[str, QWidget]:
    """The About box and the "print the schedule?" question, opened over ``owner`` (which
    the caller keeps: the boxes go with it)."""
    from PySide6.QtWidgets import QMessageBox

    from nclm_desktop.ui.about import show_about
    from nclm_desktop.ui.schedule_print import ask_print_schedule

    shown(qtbot, owner)
    show_about(owner)
    ask_print_schedule(owner, study_id, lambda _answer: None)
    return {
        "about": owner.findChild(QMessageBox, "about_dialog"),
        "print the schedule?": owner.findChild(QMessageBox, "ask_print_schedule"),
    }

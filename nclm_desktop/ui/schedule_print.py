"""Print a participant's visit schedule (English or Chinese) without leaving their record:
the Reports page's schedule report (built off the UI thread, previewed, printed or saved
and audited there) in a window of its own.

Offered from the participant window, at the end of an enrolment that planned visits and
after an operation re-planned them. The questions are small functions tests replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from ..models.db import Database
from ..services.permissions import Actor, Permission
from .reports_page import ReportsPage


def _t(text: str) -> str:
    return QCoreApplication.translate("SchedulePrint", text)


def default_language() -> str:
    """The interface language (i18n.install sets Qt's default locale to it)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def ask_print_schedule(
    parent: QWidget, study_id: str, answer: Callable[[str | None], None]
) -> None:
    """ "Print the schedule now?" without blocking: ``answer`` gets the language chosen, or
    None for not now."""
    box = QMessageBox(parent)
    box.setObjectName("ask_print_schedule")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Visit schedule"))
    box.setText(
        _t(
            "The follow-up visits of {study_id} are planned. Print the schedule for the patient?"
        ).format(study_id=study_id)
    )
    english = box.addButton(_t("Print in English"), QMessageBox.ButtonRole.AcceptRole)
    chinese = box.addButton("打印中文", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_t("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(chinese if default_language() == "zh_CN" else english)
    box.buttonClicked.connect(
        lambda clicked: answer(
            "en" if clicked is english else "zh_CN" if clicked is chinese else None
        )
    )
    box.open()


class ScheduleReportDialog(QDialog):
    """One participant's report (the visit schedule, or the operative report with
    ``key="operative"``), generated at once in the chosen language."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        study_id: str,
        lang: str | None = None,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        key: str = "schedule",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}_report_dialog")
        title = (
            _t("Operative report — {study_id}")
            if key == "operative"
            else _t("Visit schedule — {study_id}")
        )
        self.setWindowTitle(title.format(study_id=study_id))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page = ReportsPage(db, actor, self, today=today)
        self.page.preset(key, study_id=study_id, lang=lang or default_language())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        self.resize(1100, 720)
        self.page.generate()


def open_schedule_report(
    parent: QWidget | None,
    db: Database,
    actor: Actor,
    study_id: str,
    lang: str | None = None,
    key: str = "schedule",
) -> ScheduleReportDialog | None:
    """The participant's schedule (or, with ``key="operative"``, their latest operative
    report) in a window, in ``lang`` (default: the interface language)."""
    if not study_id or not actor.can(Permission.REPORTS):
        return None
    dialog = ScheduleReportDialog(db, actor, study_id, lang, parent, key=key)
    dialog.setWindowFlag(Qt.WindowType.Window, True)
    dialog.show()
    return dialog


def offer_schedule(parent: QWidget | None, db: Database, actor: Actor, study_id: str) -> None:
    """After visits were planned or re-planned: ask in the window the user works in, then
    open the schedule to print."""
    if parent is None or not study_id or not actor.can(Permission.REPORTS):
        return

    def answered(lang: str | None) -> None:
        if lang:
            open_schedule_report(parent, db, actor, study_id, lang)

    ask_print_schedule(parent, study_id, answered)

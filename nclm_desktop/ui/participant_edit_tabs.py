"""The participant's editable tabs (Identity, Enrolment, Baseline): the data dictionary's
forms in the one form builder's ``FormEditor``; each save goes through its service with the
reason the editor asks (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem

from ..forms import Form
from ..forms.catalogue import form
from ..models.db import Database
from ..services import participant_record as record
from ..services.baseline import BaselineInput, get_baseline, save_baseline
from ..services.permissions import Actor, Permission
from .field_queries import watch_queries
from .form_builder import FormEditor
from .form_inputs import display_text

IDENTITY = form("participant_identity")
PARTICIPANT = form("participant")
BASELINE = form("baseline_disease")
LINES = form("systemic_treatment")
# Who the participant is: the identity form with the participant's sex and birth date.
IDENTITY_EDIT = Form(
    "identity",
    IDENTITY.title,
    IDENTITY.table,
    (*IDENTITY.pick(("name", "hospital_record_number")), *PARTICIPANT.pick(("sex", "birth_date")))
    + IDENTITY.pick(("phone", "address")),
)
ENROLMENT_DATES = ("consent_date", "enrolment_date", "index_date")


def _t(text: str) -> str:
    return QCoreApplication.translate("ParticipantDetail", text)


def _dd(text: str) -> str:
    return QCoreApplication.translate("DataDictionary", text)


class IdentityTab(FormEditor):
    def __init__(self, db: Database, actor: Actor, pid: int, today: dt.date) -> None:
        self.db, self.actor, self.pid, self.today = db, actor, pid, today
        super().__init__(
            IDENTITY_EDIT,
            today=today,
            what=_t("the identity"),
            can_edit=actor.can(Permission.SCREEN_ENROL),
            save=self._store,
            load=lambda: asdict(record.get_identity(db, actor, pid)),
            name="identity",
        )
        watch_queries(self, db, actor, pid, {"participant_identity": pid, "participant": pid})

    def _store(self, values: dict[str, Any], _confirmed: frozenset[str], reason: str | None):
        view = record.IdentityView(
            **{k: values.get(k) for k in record.IdentityView.__annotations__}
        )
        record.update_identity(self.db, self.actor, self.pid, view, reason=reason, today=self.today)


class EnrolmentTab(FormEditor):
    """Consent and enrolment dates and, for the systemic-only cohort, the index date (the
    planned visits follow it)."""

    def __init__(self, db: Database, actor: Actor, pid: int, today: dt.date, cohort: str) -> None:
        self.db, self.actor, self.pid, self.today, self.cohort = db, actor, pid, today, cohort
        super().__init__(
            PARTICIPANT,
            ENROLMENT_DATES,
            today=today,
            what=_t("the enrolment dates"),
            can_edit=actor.can(Permission.SCREEN_ENROL),
            save=self._store,
            load=self._values,
            name="enrolment",
        )
        note = QLabel(
            _t(
                "Systemic-only cohort: start of systemic treatment for the liver metastases; "
                "moving it moves the planned visits."
            )
            if cohort == "systemic"
            else _t(
                "Hepatectomy cohort: the index date is the operation date, set by the "
                "operation record."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setObjectName("enrolment_message")
        self.layout().insertWidget(1, note)
        self.layout().insertWidget(3, self.message)
        watch_queries(self, db, actor, pid, {"participant": pid})

    def _values(self) -> dict[str, Any]:
        s = record.get_summary(self.db, self.actor, self.pid)
        return {name: getattr(s, name) for name in ENROLMENT_DATES}

    def set_editing(self, editing: bool) -> None:
        super().set_editing(editing)
        self.view.set_enabled("index_date", editing and self.cohort == "systemic")

    def _store(self, values: dict[str, Any], _confirmed: frozenset[str], reason: str | None):
        changes = record.update_enrolment_dates(
            self.db,
            self.actor,
            self.pid,
            consent_date=values["consent_date"],
            enrolment_date=values["enrolment_date"],
            index_date=values["index_date"] if self.cohort == "systemic" else None,
            reason=reason,
            today=self.today,
        )
        self.message.setText(
            _t("Saved. Visits planned {added}, moved {moved}, cancelled {cancelled}.").format(
                **changes
            )
        )


class BaselineTab(FormEditor):
    """The baseline form (the same definition the screening wizard asks) and, below it, the
    systemic treatment lines entered at enrolment."""

    def __init__(self, db: Database, actor: Actor, pid: int, today: dt.date) -> None:
        self.db, self.actor, self.pid, self.today = db, actor, pid, today
        self.lines = QTableWidget(0, len(LINES.fields))
        super().__init__(
            BASELINE,
            today=today,
            what=_t("the baseline data"),
            can_edit=actor.can(Permission.SCREEN_ENROL),
            save=self._store,
            load=self._values,
            name="baseline",
        )
        self.lines.setObjectName("systemic_lines_view")
        self.lines.setHorizontalHeaderLabels([_dd(f.label) for f in LINES.fields])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().setVisible(False)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines.setMinimumHeight(110)
        title = QLabel(_t("Systemic treatment lines"))
        title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.layout().insertWidget(2, title)
        self.layout().insertWidget(3, self.lines)
        self._show_lines()
        watch_queries(self, db, actor, pid, {"baseline_disease": pid})

    def _values(self) -> dict[str, Any] | None:
        view = get_baseline(self.db, self.actor, self.pid)
        return None if view is None else asdict(view)

    def load(self) -> None:
        super().load()
        if self.lines.objectName():  # built (the editor loads once before)
            self._show_lines()

    def _show_lines(self) -> None:
        rows = record.list_systemic_lines(self.db, self.actor, self.pid)
        self.lines.setRowCount(len(rows))
        for r, x in enumerate(rows):
            for c, f in enumerate(LINES.fields):
                value = getattr(x, f.name)
                text = "" if value in (None, False) else display_text(f, value)
                self.lines.setItem(r, c, QTableWidgetItem(text))

    def _store(self, values: dict[str, Any], _confirmed: frozenset[str], reason: str | None):
        names = BaselineInput.__dataclass_fields__
        baseline = BaselineInput(**{k: v for k, v in values.items() if k in names})
        save_baseline(self.db, self.actor, self.pid, baseline, reason=reason, today=self.today)

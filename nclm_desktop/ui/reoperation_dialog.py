"""Add or correct a reoperation: date, planned or not, reason; "during the index stay" is
derived from the operation's discharge date and shown live, never typed in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..models.db import Database
from ..services import surgery
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from ..services.surgery import ReoperationInput
from . import dialogs
from .surgery_forms import ChoiceInput, DateInput, FormPage, ParseError


def _t(text: str) -> str:
    return QCoreApplication.translate("ReoperationDialog", text)


class ReoperationDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        operation_id: int,
        reoperation_id: int | None = None,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.operation_id = operation_id
        self.reoperation_id = reoperation_id
        self.today = today or dt.date.today()
        self.setObjectName("reoperation_dialog")
        self.operation = surgery.get_operation(db, actor, operation_id)
        self.original: ReoperationInput | None = None
        if reoperation_id is not None:
            record = surgery.surgical_record(db, actor, self.operation.participant_id)
            for item in record.operations:
                for r in item.reoperations:
                    if r.id == reoperation_id:
                        self.original = r.as_input()
        self.setWindowTitle(
            _t("Edit reoperation") if reoperation_id is not None else _t("Add reoperation")
        )
        op = self.operation
        discharged = op.discharge_date.isoformat() if op.discharge_date else _t("not yet")
        self.form = FormPage(
            "",
            _t("Operation {date} · discharged {discharged}").format(
                date=op.operation_date.isoformat(), discharged=discharged
            ),
        )
        self.date = self.form.add_row(_t("Date *"), DateInput("reoperation_date"))
        self.planned = self.form.add_row(
            _t("Planned? *"),
            ChoiceInput(
                "planned",
                [(True, _t("Planned (e.g. second stage)")), (False, _t("Unplanned"))],
                blank=_t("— choose"),
            ),
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(2000)
        self.reason.setMinimumWidth(360)
        self.form.add_row(_t("Reason *"), self.reason)
        self.stay = QLabel()
        self.stay.setObjectName("during_index_stay")
        self.form.form.addRow(_t("During the index stay:"), self.stay)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("save")
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        caption = QLabel(self.form.subTitle())
        caption.setStyleSheet("color: #555;")
        layout.addWidget(caption)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.changed.connect(self._update)
        if self.original is not None:
            self.date.set_date(self.original.reoperation_date)
            self.planned.set_value(self.original.planned)
            self.reason.setText(self.original.reason)
        self._update()

    def collect(self) -> ReoperationInput:
        return ReoperationInput(self.date.date(), self.planned.value(), self.reason.text().strip())

    def _update(self) -> None:
        try:
            when = self.date.date()
        except ParseError:
            when = None
        if when is None:
            self.stay.setText("—")
            return
        op = self.operation
        inside = surgery.during_index_stay(when, op.operation_date, op.discharge_date)
        if inside is None:
            self.stay.setText(_t("unknown (no discharge date)"))
        else:
            self.stay.setText(_t("yes") if inside else _t("no"))

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            data = self.collect()
            surgery.validate_reoperation(
                data, operation_date=self.operation.operation_date, today=self.today
            )
            if self.reoperation_id is None:
                new_id = surgery.add_reoperation(
                    self.db, self.actor, self.operation_id, data, today=self.today
                )
            else:
                if data == self.original:
                    super().accept()
                    return
                why = dialogs.ask_reason(self, _t("the reoperation record"))
                if not why:
                    return
                surgery.update_reoperation(
                    self.db, self.actor, self.reoperation_id, data, why, today=self.today
                )
                new_id = self.reoperation_id
        except (ParseError, ValidationError) as exc:
            if exc.field in self.form.errors:
                self.form.show_error(exc.field, str(exc))
                widget = self.findChild(QWidget, exc.field)
                if widget is not None:
                    widget.setFocus()
            else:
                dialogs.show_error(self, str(exc))
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.saved.emit(new_id)
        super().accept()

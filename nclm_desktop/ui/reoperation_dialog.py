"""Add or correct a reoperation: date, planned or not, reason (the dictionary's reoperation
form); "during the index stay" is derived from the operation's discharge date and shown
live, never typed in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.crf.reoperation import FORM as REOPERATION
from ..models.db import Database
from ..services import surgery
from ..services.errors import ServiceError, ValidationError
from ..services.permissions import Actor
from ..services.surgery import ReoperationInput
from . import dialogs
from .form_builder import FormView


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
        caption = QLabel(
            _t("Operation {date} · discharged {discharged}").format(
                date=op.operation_date.isoformat(), discharged=discharged
            )
        )
        caption.setStyleSheet("color: #555;")
        self.form = FormView(REOPERATION, today=self.today)
        self.stay = QLabel()
        self.stay.setObjectName("during_index_stay")
        self.form.layout_.addRow(_t("During the index stay:"), self.stay)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Enter saves: the form's own buttons ("Keep this value") must not take the default.
        for button in self.form.findChildren(QPushButton):
            button.setAutoDefault(False)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("save")
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.changed.connect(self._update)
        if self.original is not None:
            self.form.set_values(self.original.values())
        self._update()

    def collect(self) -> ReoperationInput:
        values = self.form.values()
        return ReoperationInput(
            values["reoperation_date"], values["planned"], values["reason"] or ""
        )

    def _update(self) -> None:
        when = self.form.raw_values()["reoperation_date"]
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
        except ValidationError as exc:
            if not self.form.show_service_error(exc):
                dialogs.show_error(self, str(exc))
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.saved.emit(new_id)
        super().accept()

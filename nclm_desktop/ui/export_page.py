"""Export: the study's data with its dictionary (README, Export). The export runs off the UI
thread with a progress bar and a cancel button; refusals show under the form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.catalogue import all_forms
from ..models.db import Database
from ..services.errors import ServiceError
from ..services.permissions import Actor, Permission
from ..services.study_export import DERIVED, ExportOptions, check_request, export_study
from .page_heading import page_heading
from .tasks import Progress, run_in_background

FORMAT_LABELS = (
    ("csv", QT_TRANSLATE_NOOP("ExportPage", "CSV (UTF-8, one file per table)")),
    ("xlsx", QT_TRANSLATE_NOOP("ExportPage", "Excel workbook (.xlsx)")),
    ("dta", QT_TRANSLATE_NOOP("ExportPage", "Stata (.dta)")),
    ("sav", QT_TRANSLATE_NOOP("ExportPage", "SPSS (.sav)")),
)
DERIVED_TITLES = {
    "endpoints": QT_TRANSLATE_NOOP("ExportPage", "Endpoints (OS, intrahepatic RFS)"),
    "perioperative": QT_TRANSLATE_NOOP("ExportPage", "Perioperative outcomes"),
    "cci": QT_TRANSLATE_NOOP("ExportPage", "Comprehensive Complication Index per operation"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportPage", text)


class ExportPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self._bridge = Progress(self)  # closing the page cancels a running job
        self._bridge.step.connect(self._on_step)
        self._cancel = self._bridge.cancel

        title, intro = page_heading(
            _t("Export the study data"),
            _t(
                "One table per form, the derived endpoints and the data dictionary (also in "
                "REDCap's layout), with a README listing each file's SHA-256. Names, record "
                "numbers, phones and addresses are left out unless you export identified data."
            ),
        )

        self.folder = QLineEdit()
        self.folder.setObjectName("export_folder")
        self.folder.setPlaceholderText(_t("A new or empty folder"))
        choose = QPushButton(_t("Choose…"))
        choose.setObjectName("export_choose")
        choose.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)

        self.format = QComboBox()
        self.format.setObjectName("export_format")
        for code, label in FORMAT_LABELS:
            self.format.addItem(_t(label), code)

        self.forms = QListWidget()
        self.forms.setObjectName("export_forms")
        for name, form in all_forms().items():
            self._add_table(name, QCoreApplication.translate("DataDictionary", form.title))
        for name in DERIVED:
            self._add_table(name, _t(DERIVED_TITLES[name]))
        # Every table visible at once (about fifteen rows): no scrolling to untick one.
        rows = self.forms.sizeHintForRow(0) * self.forms.count()
        self.forms.setFixedHeight(rows + 2 * self.forms.frameWidth() + 4)

        self.shift = QCheckBox(_t("Shift each participant's dates by a random number of days"))
        self.shift.setObjectName("export_shift_dates")
        self.identified = QCheckBox(_t("Identified (names, record numbers, phones, addresses)"))
        self.identified.setObjectName("export_identified")
        self.reason = QLineEdit()
        self.reason.setObjectName("export_reason")
        self.reason.setPlaceholderText(_t("Why identified data must leave (kept in the audit)"))
        self.reason.setEnabled(False)
        self.identified.toggled.connect(self.reason.setEnabled)
        if not actor.can(Permission.IDENTIFIED_EXPORT):
            self.identified.setEnabled(False)
            self.identified.setToolTip(_t("Your role may export de-identified data only."))

        form = QFormLayout()
        form.addRow(_t("Folder"), folder_row)
        form.addRow(_t("Format"), self.format)
        form.addRow(_t("Tables"), self.forms)
        form.addRow("", self.shift)
        form.addRow("", self.identified)
        form.addRow(_t("Reason"), self.reason)

        self.message = QLabel()
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.start = QPushButton(_t("Export"))
        self.start.setObjectName("export_start")
        self.start.clicked.connect(self.run_export)
        self.cancel = QPushButton(_t("Cancel"))
        self.cancel.setObjectName("export_cancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel.set)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _add_table(self, name: str, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.forms.addItem(item)

    def _choose(self) -> None:
        parent = QFileDialog.getExistingDirectory(self, _t("Export into"))
        if parent:
            name = f"nclm-export-{dt.date.today().isoformat()}"
            self.folder.setText(str(Path(parent) / name))

    def options(self) -> ExportOptions:
        items = [self.forms.item(i) for i in range(self.forms.count())]
        chosen = [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]
        return ExportOptions(
            out=Path(self.folder.text().strip()),
            fmt=self.format.currentData(),
            identified=self.identified.isChecked(),
            reason=self.reason.text().strip() if self.identified.isChecked() else "",
            forms=tuple(chosen),
            shift_dates=self.shift.isChecked(),
        )

    def run_export(self) -> None:
        self._show("", error=False)
        if not self.folder.text().strip():
            self._show(_t("Choose the folder to export into."))
            return
        if not any(
            self.forms.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.forms.count())
        ):
            self._show(_t("Choose at least one table."))
            return
        options = self.options()
        try:
            check_request(self.actor, options)
        except ServiceError as exc:
            self._show(str(exc))
            return
        self._cancel.clear()
        self._busy(True)
        bridge, cancel = self._bridge, self._cancel
        run_in_background(
            lambda: export_study(
                self.db, self.actor, options, progress=bridge.step.emit, cancelled=cancel.is_set
            ),
            self._done,
            self._failed,
        )

    def _on_step(self, step: int, steps: int, name: str) -> None:
        self.progress.setRange(0, steps)
        self.progress.setValue(step)
        if name:
            self.message.setText(_t("Writing {table} …").format(table=name))

    def _done(self, result) -> None:
        self._busy(False)
        self.progress.setValue(self.progress.maximum())
        rows = sum(result.rows.values())
        self._show(
            _t("Exported {n} tables ({rows} rows) to {folder}").format(
                n=len(result.rows), rows=f"{rows:,}", folder=result.folder
            ),
            error=False,
        )

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        self.progress.setValue(0)
        if isinstance(exc, ServiceError):
            self._show(str(exc))
        else:
            self._show(_t("The export failed: {error}").format(error=exc))

    def _busy(self, busy: bool) -> None:
        self.start.setEnabled(not busy)
        self.cancel.setEnabled(busy)

    def _show(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color: #b00020;" if error and text else "")
        self.message.setText(text)

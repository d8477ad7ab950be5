"""Import: the export's tables or a filled template, checked and written all or nothing
(README, Import). A dry run or the import runs off the UI thread with a progress bar and a
cancel button; every error is listed in a table (file, row, column, message)."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..forms.catalogue import all_forms
from ..forms.errors import shown
from ..models.db import Database
from ..services.errors import ServiceError
from ..services.permissions import Actor
from ..services.study_import.reading import source_files
from ..services.study_import.run import check_request, import_study
from .page_heading import page_heading
from .table_models import Column, RecordTableModel
from .tasks import Progress, run_in_background

STEP_TITLES = {
    "people": QT_TRANSLATE_NOOP("ImportPage", "participants and screening"),
    "operation": QT_TRANSLATE_NOOP("ImportPage", "operations"),
    "complication": QT_TRANSLATE_NOOP("ImportPage", "complications"),
    "reoperation": QT_TRANSLATE_NOOP("ImportPage", "reoperations"),
    "visit": QT_TRANSLATE_NOOP("ImportPage", "visits"),
    "clinical_event": QT_TRANSLATE_NOOP("ImportPage", "clinical events"),
}
ENCODINGS = {  # reading.py's names of what a file was read as
    "utf-8": QT_TRANSLATE_NOOP("ImportPage", "UTF-8"),
    "utf-8 with BOM": QT_TRANSLATE_NOOP("ImportPage", "UTF-8 with a byte-order mark"),
    "GB18030": QT_TRANSLATE_NOOP("ImportPage", "GB18030 (GBK)"),
    "xlsx": QT_TRANSLATE_NOOP("ImportPage", "Excel workbook"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportPage", text)


def _table_title(name: str) -> str:
    form = all_forms().get(name)
    return QCoreApplication.translate("DataDictionary", form.title) if form else name


class _WholeTextModel(RecordTableModel):
    """A long message is cut at the column's edge: its whole text shows as a tooltip."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.display_text(index.row(), index.column())
        return super().data(index, role)


class ImportPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self._dry = True
        self._bridge = Progress(self)  # closing the page cancels a running job
        self._bridge.step.connect(self._on_step)
        self._cancel = self._bridge.cancel

        title, intro = page_heading(
            _t("Import study data"),
            _t(
                "A folder exported by this application (CSV or Excel), one of its CSV files, "
                "or a filled import template. Every value is checked like typed entry; any "
                "error and nothing is written. Run a dry run first to see every error."
            ),
        )

        self.source = QLineEdit()
        self.source.setObjectName("import_source")
        self.source.setPlaceholderText(_t("A folder, a .csv file or an .xlsx workbook"))
        choose_folder = QPushButton(_t("Folder…"))
        choose_folder.setObjectName("import_choose_folder")
        choose_folder.clicked.connect(self._choose_folder)
        choose_file = QPushButton(_t("File…"))
        choose_file.setObjectName("import_choose_file")
        choose_file.clicked.connect(self._choose_file)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(choose_folder)
        source_row.addWidget(choose_file)

        self.update_existing = QCheckBox(
            _t("Update records already in the database where the file differs")
        )
        self.update_existing.setObjectName("import_update")
        self.reason = QLineEdit()
        self.reason.setObjectName("import_reason")
        self.reason.setPlaceholderText(_t("Why the recorded data change (kept in the audit)"))
        self.reason.setEnabled(False)
        self.update_existing.toggled.connect(self.reason.setEnabled)

        form = QFormLayout()
        form.addRow(_t("Source"), source_row)
        form.addRow("", self.update_existing)
        form.addRow(_t("Reason"), self.reason)

        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.dry_run = QPushButton(_t("Dry run"))
        self.dry_run.setObjectName("import_dry_run")
        self.dry_run.setToolTip(_t("Check everything and list the errors; write nothing"))
        self.dry_run.clicked.connect(lambda: self.run_import(dry_run=True))
        self.start = QPushButton(_t("Import"))
        self.start.setObjectName("import_start")
        self.start.clicked.connect(lambda: self.run_import(dry_run=False))
        self.cancel = QPushButton(_t("Cancel"))
        self.cancel.setObjectName("import_cancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel.set)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.dry_run)
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)

        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.errors_model = _WholeTextModel(
            [
                Column("file", _t("File")),
                Column("row", _t("Row"), lambda v: str(v) if v else ""),
                Column("column", _t("Column")),
                Column("message", _t("Message"), shown),
            ],
            self,
        )
        self.errors = self._view("import_errors", self.errors_model)
        self.counts_model = RecordTableModel(
            [
                Column("table", _t("Table")),
                Column("created", _t("New")),
                Column("updated", _t("Updated")),
                Column("unchanged", _t("Unchanged")),
            ],
            self,
        )
        self.counts = self._view("import_counts", self.counts_model)
        self.files_model = _WholeTextModel(
            [
                Column("file", _t("File")),
                Column("table", _t("Table"), _table_title),
                Column("encoding", _t("Read as"), lambda v: _t(ENCODINGS.get(v, v or ""))),
                Column("sha256", _t("SHA-256 (recorded with each imported record)")),
            ],
            self,
        )
        self.files = self._view("import_files", self.files_model)
        # The errors and the counts each get the page's full height: a report may hold
        # thousands of errors, and eleven tables.
        self.results = QTabWidget()
        self.results.setObjectName("import_results")
        self.results.addTab(self.errors, _t("Errors"))
        self.results.addTab(self.counts, _t("Records per table"))
        self.results.addTab(self.files, _t("Files read"))
        self.save_errors_button = QPushButton(_t("Save the errors…"))
        self.save_errors_button.setObjectName("import_save_errors")
        self.save_errors_button.setToolTip(_t("The list as a CSV file, to correct the source"))
        self.save_errors_button.setEnabled(False)
        self.save_errors_button.clicked.connect(self._choose_errors_file)
        self.results.setCornerWidget(self.save_errors_button)
        self._errors: list = []

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)

    def _view(self, name: str, model: RecordTableModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return view

    def _choose_errors_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _t("Save the errors"), "import-errors.csv", _t("CSV (*.csv)")
        )
        if path:
            self.save_errors(Path(path))

    def save_errors(self, path: Path) -> None:
        """The errors of the last run as CSV (UTF-8 with BOM, so Excel reads Chinese)."""
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                out = csv.writer(fh)
                out.writerow(("file", "row", "column", "message"))
                out.writerows(
                    (e.file, e.row or "", e.column, shown(e.message)) for e in self._errors
                )
        except OSError as exc:
            self._show(_t("Cannot write {path}: {error}").format(path=path, error=exc.strerror))
            return
        self._show(
            _t("Saved {n} errors to {path}").format(n=f"{len(self._errors):,}", path=path),
            error=False,
        )

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _t("Import from the folder"))
        if folder:
            self.source.setText(folder)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _t("Import from the file"), "", _t("Tables (*.csv *.xlsx)")
        )
        if path:
            self.source.setText(path)

    def run_import(self, *, dry_run: bool) -> None:
        self._show("", error=False)
        text = self.source.text().strip()
        if not text:
            self._show(_t("Choose the folder or file to import."))
            return
        source = Path(text)
        if not source.exists():
            self._show(_t("{path}: no such file or folder.").format(path=source))
            return
        update = self.update_existing.isChecked()
        reason = self.reason.text().strip() if update else ""
        if update and not reason:
            self._show(_t("Updating recorded data needs a reason (kept in the audit trail)."))
            self.reason.setFocus()
            return
        try:
            check_request(self.actor, update, reason or None)
        except ServiceError as exc:
            self._show(str(exc))
            return
        self._cancel.clear()
        self._dry = dry_run
        self._busy(True)
        self.errors_model.set_rows([])
        self._errors = []
        self.save_errors_button.setEnabled(False)
        self.counts_model.set_rows([])
        self.files_model.set_rows([])
        self.message.setText(_t("Checking …") if dry_run else _t("Importing …"))
        bridge, cancel = self._bridge, self._cancel
        db, actor = self.db, self.actor

        def work():
            report = import_study(
                db,
                actor,
                source,
                dry_run=dry_run,
                update=update,
                reason=reason or None,
                progress=bridge.step.emit,
                cancel=cancel.is_set,
            )
            return report, source_files(source)

        run_in_background(
            work,
            self._done,
            self._failed,
        )

    def _on_step(self, step: int, steps: int, name: str) -> None:
        self.progress.setRange(0, steps)
        self.progress.setValue(step)
        if name:
            what = _t(STEP_TITLES[name]) if name in STEP_TITLES else name
            doing = _t("Checking {what} …") if self._dry else _t("Importing {what} …")
            self.message.setText(doing.format(what=what))

    def _done(self, result) -> None:
        report, files = result
        self._busy(False)
        self.files_model.set_rows(files)
        self.errors_model.set_rows(report.errors)
        self.counts_model.set_rows(
            [
                {
                    "table": _table_title(table),
                    "created": c.created,
                    "updated": c.updated,
                    "unchanged": c.unchanged,
                }
                for table, c in report.counts.items()
            ]
        )
        n = len(report.errors)
        self.results.setTabText(0, _t("Errors ({n})").format(n=f"{n:,}"))
        self.results.setCurrentIndex(0 if n else 1)
        self._errors = list(report.errors)
        self.save_errors_button.setEnabled(bool(n))
        if n:
            self.progress.setValue(0)
            self._show(
                _t("{n} errors: nothing was imported. Correct the file and run it again.").format(
                    n=f"{n:,}"
                )
            )
            return
        self.progress.setValue(self.progress.maximum())
        created = sum(c.created for c in report.counts.values())
        updated = sum(c.updated for c in report.counts.values())
        if report.dry_run:
            text = _t(
                "Dry run: no errors. {created} records would be created and {updated} "
                "updated; nothing was written."
            )
        else:
            text = _t("Imported: {created} records created and {updated} updated.")
        self._show(text.format(created=f"{created:,}", updated=f"{updated:,}"), error=False)

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        self.progress.setValue(0)
        if isinstance(exc, ServiceError):
            self._show(str(exc))
        else:
            self._show(_t("The import failed: {error}").format(error=exc))

    def _busy(self, busy: bool) -> None:
        self.dry_run.setEnabled(not busy)
        self.start.setEnabled(not busy)
        self.cancel.setEnabled(busy)

    def _show(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color: #b00020;" if error and text else "")
        self.message.setText(text)

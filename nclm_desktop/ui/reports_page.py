"""Reports: pick a report and its parameters, generate it off the UI thread, preview it
(QtPdf), print it or save it. Printing and saving leave the system, so both are audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..reports.casebook import build_casebook_report
from ..reports.complications import build_complications_report
from ..reports.operative import build_operative_report
from ..reports.schedule import build_schedule_report
from ..reports.screening_log import build_screening_log_report
from ..reports.worklist import build_worklist_report
from ..services import report_data
from ..services.errors import ServiceError
from ..services.exports import audit_export, write_export
from ..services.participants import list_participants
from ..services.permissions import Actor
from ..services.report_data.casebook import casebook_data
from . import dialogs
from .date_input import DateInput
from .form_feedback import ErrorLine, ParseError
from .i18n import current_language
from .tasks import run_in_background


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str
    participant: bool = False  # needs a study ID
    date_range: bool = False  # needs from/to
    optional_range: bool = False  # from/to may be left out (whole period)


def report_kinds() -> list[ReportKind]:
    return [
        ReportKind("operative", _t("Operative report"), participant=True),
        ReportKind("complications", _t("Complications and morbidity (M&M)"), date_range=True),
        ReportKind("schedule", _t("Visit schedule for the patient"), participant=True),
        ReportKind("worklist", _t("Coordinator worklist"), date_range=True),
        ReportKind("screening_log", _t("Screening log"), date_range=True, optional_range=True),
        ReportKind("casebook", _t("Participant casebook"), participant=True),
    ]


# --- dialogs tests replace (monkeypatch) -------------------------------------------------------


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, _t("Save report"), suggested, _t("PDF files (*.pdf)")
    )
    return path or None


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render each page as an image at the printer's resolution; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_t("The printer could not be started."))
    try:
        dpi = min(printer.resolution(), 300)  # enough for text; keeps memory in check
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image: QImage = document.render(index, size)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                target.x(),
                target.y(),
                image.scaled(
                    scaled,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                ),
            )
        return document.pageCount()
    finally:
        painter.end()


# --- the page -------------------------------------------------------------------------------


class ReportsPage(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.today = today
        self.kinds = report_kinds()
        self.pdf: bytes | None = None
        self.export_name = ""
        self.suggested_name = ""
        self._buffer: QBuffer | None = None
        self.busy_running = False
        # Bumped whenever the inputs change: a report generated for older inputs is dropped.
        self._generation = 0

        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        for k in self.kinds:
            self.kind.addItem(k.title, k.key)
        self.study_id = QLineEdit()
        self.study_id.setObjectName("study_id")
        self.study_id.setPlaceholderText("NCLM-H-001")
        self.study_id.returnPressed.connect(self.generate)
        self.lang = QComboBox()
        self.lang.setObjectName("lang")
        self.lang.addItem(self.tr("English"), "en")
        self.lang.addItem("中文（简体）", "zh_CN")
        # Every report prints in either language; the user's own is the default.
        self.lang.setCurrentIndex(max(0, self.lang.findData(current_language())))
        self.whole_period = QCheckBox(self.tr("All screenings"))
        self.whole_period.setObjectName("whole_period")
        self.whole_period.setChecked(True)
        self.whole_period.toggled.connect(self._update_fields)
        self.date_from = DateInput("date_from")
        self.date_to = DateInput("date_to")
        self.input_error = ErrorLine("report_input_error", wrap=True)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("generate_report")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print_report")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setObjectName("save_report")
        self.save_button.clicked.connect(self.save_report)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Report"), self.kind)
        self.form.addRow(self.tr("Participant"), self.study_id)
        self.form.addRow(self.tr("Language"), self.lang)
        self.form.addRow("", self.whole_period)
        self.form.addRow(self.tr("From"), self.date_from)
        self.form.addRow(self.tr("To"), self.date_to)
        self.form.addRow("", self.input_error)
        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addWidget(self.generate_button)
        side.addWidget(self.busy)
        side.addWidget(self.status)
        side.addStretch(1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.print_button)
        out_row.addWidget(self.save_button)
        side.addLayout(out_row)
        panel = QFrame()
        panel.setObjectName("report_parameters")
        panel.setLayout(side)
        panel.setFixedWidth(330)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setStyleSheet("QPdfView { background: #8a939c; }")

        # Nothing is shown unless it is the report for the inputs on the left.
        self.placeholder = QLabel(self.tr("Choose the report and press Generate to preview it."))
        self.placeholder.setObjectName("preview_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("background: #8a939c; color: white; font-size: 15px;")
        self.preview = QStackedWidget()
        self.preview.addWidget(self.placeholder)
        self.preview.addWidget(self.view)

        body = QHBoxLayout(self)
        body.addWidget(panel)
        body.addWidget(self.preview, 1)
        self.setTabOrder(self.kind, self.study_id)
        self.setTabOrder(self.study_id, self.lang)
        self.setTabOrder(self.lang, self.whole_period)
        self.setTabOrder(self.whole_period, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.generate_button)
        self.setTabOrder(self.generate_button, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)

        self._load_study_ids()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        # Any change of what is asked for: the preview no longer matches it.
        for signal in (
            self.kind.currentIndexChanged,
            self.study_id.textChanged,
            self.lang.currentIndexChanged,
            self.whole_period.toggled,
            self.date_from.changed,
            self.date_to.changed,
        ):
            signal.connect(self.clear_preview)
        self._set_busy(False)

    # --- parameters ------------------------------------------------------------------------

    def preset(self, key: str, *, study_id: str = "", lang: str | None = None) -> None:
        """Ask for one participant's report (e.g. from the participant window): the report
        and the participant are fixed, the language may still be changed."""
        self.kind.setCurrentIndex(self.kind.findData(key))
        self.study_id.setText(study_id)
        if lang is not None and self.lang.findData(lang) >= 0:
            self.lang.setCurrentIndex(self.lang.findData(lang))
        self.kind.setEnabled(False)
        self.study_id.setReadOnly(True)

    def current_kind(self) -> ReportKind:
        return self.kinds[self.kind.currentIndex()]

    def _load_study_ids(self) -> None:
        try:
            ids = [r.study_id for r in list_participants(self.db, self.actor) if r.study_id]
        except ServiceError:
            ids = []
        completer = QCompleter(ids, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.study_id.setCompleter(completer)

    def _default_range(self, key: str) -> tuple[dt.date, dt.date]:
        today = self.today()
        if key == "complications":  # the previous calendar month, for the monthly M&M
            last = today.replace(day=1) - dt.timedelta(days=1)
            return last.replace(day=1), last
        if key == "worklist":  # the next four weeks
            return today, today + dt.timedelta(days=27)
        return today.replace(month=1, day=1), today

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        start, end = self._default_range(kind.key)
        self.date_from.set_date(start)
        self.date_to.set_date(end)
        self._update_fields()

    def _update_fields(self) -> None:
        kind = self.current_kind()
        for widget, shown in (
            (self.study_id, kind.participant),
            (self.whole_period, kind.optional_range),
            (self.date_from, kind.date_range),
            (self.date_to, kind.date_range),
        ):
            self.form.setRowVisible(widget, shown)
        dates_on = kind.date_range and not (kind.optional_range and self.whole_period.isChecked())
        self.date_from.setEnabled(dates_on)
        self.date_to.setEnabled(dates_on)

    def _dates(self) -> tuple[dt.date | None, dt.date | None]:
        kind = self.current_kind()
        if not kind.date_range or (kind.optional_range and self.whole_period.isChecked()):
            return None, None
        return self.date_from.date_or_none(), self.date_to.date_or_none()

    def _input_problem(self) -> tuple[QWidget, str] | None:
        """The first input that keeps a report from being made, with the reason."""
        kind = self.current_kind()
        if kind.participant and not self.study_id.text().strip():
            return self.study_id, self.tr("Enter the participant's study ID.")
        if not self.date_from.isEnabled() or not kind.date_range:
            return None
        for widget, label in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            try:
                if widget.date() is None:
                    return widget, self.tr("Enter the {label} date.").format(label=label)
            except ParseError as err:
                return widget, f"{label}: {err}"
        return None

    def _job(self) -> tuple[Callable[[], bytes], str, str]:
        """The work to run in the background, the audit name and a suggested file name."""
        kind = self.current_kind()
        db, actor = self.db, self.actor
        study_id = self.study_id.text().strip()
        date_from, date_to = self._dates()
        lang = self.lang.currentData()
        today = self.today()
        span = f"{date_from}_{date_to}" if date_from else "all"
        if kind.key == "operative":
            return (
                lambda: build_operative_report(
                    report_data.operative_report_data(db, actor, study_id), lang=lang
                ),
                f"report operative {study_id}",
                f"operative-{study_id}-{lang}.pdf",
            )
        if kind.key == "schedule":
            return (
                lambda: build_schedule_report(
                    report_data.schedule_report_data(db, actor, study_id, lang)
                ),
                f"report schedule {study_id}",
                f"schedule-{study_id}-{lang}.pdf",
            )
        if kind.key == "casebook":
            return (
                lambda: build_casebook_report(casebook_data(db, actor, study_id, lang)),
                f"report casebook {study_id}",
                f"casebook-{study_id}-{lang}.pdf",
            )
        if kind.key == "complications":
            return (
                lambda: build_complications_report(
                    report_data.complications_report_data(db, actor, date_from, date_to),
                    lang=lang,
                ),
                "report complications",
                f"complications-{span}-{lang}.pdf",
            )
        if kind.key == "worklist":
            return (
                lambda: build_worklist_report(
                    report_data.worklist_data(db, actor, date_from, date_to, today), lang=lang
                ),
                "report worklist",
                f"worklist-{span}-{lang}.pdf",
            )
        return (
            lambda: build_screening_log_report(
                report_data.screening_log_data(db, actor, date_from, date_to), lang=lang
            ),
            "report screening log",
            f"screening-log-{span}-{lang}.pdf",
        )

    # --- generating -------------------------------------------------------------------------

    def generate(self) -> None:
        if self.busy_running:
            return
        kind = self.current_kind()
        problem = self._input_problem()
        self.input_error.show_message(problem[1] if problem else None)
        if problem is not None:
            self.clear_preview()
            problem[0].setFocus()
            return
        work, name, filename = self._job()
        self.clear_preview()  # never show the last report while the next one is made
        generation = self._generation
        self._set_busy(True)
        self.status.setText(self.tr("Generating {title}…").format(title=kind.title))
        run_in_background(
            work,
            lambda pdf: self._show(pdf, name, filename, generation),
            lambda exc: self._failed(exc, generation),
            owner=self,
        )

    def clear_preview(self, *_: object) -> None:
        """Empty the preview; Print and Save wait for a new report."""
        self._generation += 1
        self.pdf = None
        self.export_name = self.suggested_name = ""
        self.document.close()
        self.preview.setCurrentWidget(self.placeholder)
        if self._buffer is not None:
            self._buffer.deleteLater()
            self._buffer = None
        if self.busy_running:  # the report being made is for the old inputs
            self.busy_running = False
        self._set_busy(False)
        self.status.clear()

    def _set_busy(self, busy: bool) -> None:
        self.busy_running = busy
        self.busy.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        has_pdf = self.pdf is not None and not busy
        self.print_button.setEnabled(has_pdf)
        self.save_button.setEnabled(has_pdf)

    def _show(self, pdf: bytes, name: str, filename: str, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # made for inputs changed since
        self.pdf = pdf
        self.export_name = name
        self.suggested_name = filename
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer  # the document reads from it lazily
        self.document.load(buffer)
        self.preview.setCurrentWidget(self.view)
        if old is not None:
            old.deleteLater()
        self._set_busy(False)
        self.status.setText(
            self.tr("{pages} page(s). Print or save it with the buttons below.").format(
                pages=self.document.pageCount()
            )
        )

    def _failed(self, exc: Exception, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        self.clear_preview()
        self.status.setText(self.tr("The report was not generated."))
        if isinstance(exc, ServiceError):
            dialogs.show_error(self, str(exc))
        else:
            dialogs.show_error(
                self, self.tr("The report could not be generated: {error}").format(error=exc)
            )

    # --- output -----------------------------------------------------------------------------

    def save_report(self) -> None:
        if self.pdf is None:
            return
        path = ask_save_path(self, self.suggested_name)
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:  # audited first: no file is left if the audit event cannot be written
            write_export(self.db, self.actor, self.export_name, Path(path), self.pdf)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.status.setText(self.tr("Saved to {path}").format(path=path))

    def print_report(self) -> None:
        if self.pdf is None:
            return
        printer = ask_printer(self)
        if printer is None:
            return
        where = printer.outputFileName() or printer.printerName() or "printer"
        try:  # audited first, as every export
            audit_export(self.db, self.actor, f"{self.export_name} (printed)", where)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        try:
            pages = print_document(self.document, printer)
        except OSError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.status.setText(
            self.tr("{pages} page(s) sent to {printer}").format(pages=pages, printer=where)
        )

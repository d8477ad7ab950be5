"""Outcomes: the study analysis, computed off the UI thread, with its figures, and the
outcomes report (PDF) to print or save, laid out off the UI thread too. Printing and saving
reuse the Reports page's dialogs and page renderer and are audited as exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPixmap, QTextOption
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.audit_trail import record_export
from ..services.permissions import Actor
from . import dialogs, reports_page
from .i18n import current_language
from .tasks import run_in_background

if TYPE_CHECKING:
    from ..analysis.job import AnalysisOutput


def compute(db: Database, actor: Actor) -> AnalysisOutput:
    """Runs on a worker thread; the analysis itself runs in a child process."""
    from ..analysis.job import run_study_analysis_in_child
    from ..reports.language import catalogue

    target = db.url.render_as_string(hide_password=False)
    # The figures in the interface language, as on the screen and in the report.
    return run_study_analysis_in_child(target, actor, catalogue(current_language()))


def build_report(output: AnalysisOutput, actor: Actor, lang: str = "en") -> bytes:
    """Runs on a worker thread: lays out the PDF from the analysis already computed, in
    ``lang`` (the page passes the interface language)."""
    from ..reports.outcomes import build_outcomes_report
    from ..services.outcomes import outcomes_report_meta

    figures = {f.name: f.png for f in output.figures}
    return build_outcomes_report(output.results, figures, outcomes_report_meta(actor), lang)


# Tab titles of the analysis figures, by the figure's name (the analysis keeps English).
FIGURE_TITLES = {
    "km-overall-survival": QT_TRANSLATE_NOOP("OutcomesPage", "Overall survival"),
    "km-intrahepatic-rfs": QT_TRANSLATE_NOOP(
        "OutcomesPage", "Intrahepatic recurrence-free survival"
    ),
    "km-overall-survival-matched": QT_TRANSLATE_NOOP(
        "OutcomesPage", "Overall survival, propensity-matched cohort"
    ),
    "love-plot": QT_TRANSLATE_NOOP("OutcomesPage", "Covariate balance (Love plot)"),
}


class _FittedImage(QLabel):
    """Shows a figure as large as its pane allows, keeping its aspect ratio."""

    def __init__(self, pixmap: QPixmap) -> None:
        super().__init__()
        self._pixmap = pixmap
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 150)
        # Ignored: the scaled pixmap must not become the label's minimum size, or the pane
        # could grow but never shrink back.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: white;")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.setPixmap(
            self._pixmap.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class OutcomesPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.output: AnalysisOutput | None = None
        self.pdf: bytes | None = None
        self._pending: str | None = None  # "print" or "save", waiting for the PDF
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.run_button = QPushButton(self.tr("Run analysis"))
        self.run_button.setObjectName("run_analysis")
        self.run_button.clicked.connect(self.run)
        self.print_button = QPushButton(self.tr("Print report…"))
        self.print_button.setObjectName("print_outcomes_report")
        self.print_button.clicked.connect(lambda: self._with_pdf("print"))
        self.save_button = QPushButton(self.tr("Save report as PDF…"))
        self.save_button.setObjectName("save_outcomes_report")
        self.save_button.clicked.connect(lambda: self._with_pdf("save"))
        self.status = QLabel()
        self.status.setObjectName("analysis_status")
        self.status.setWordWrap(True)
        self.summary = QTextBrowser()
        self.summary.setObjectName("analysis_summary")
        # Break lines between words only ("Hepatectomy", never "Hepatectom y").
        self.summary.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.figures = QTabWidget()
        self.figures.setObjectName("analysis_figures")
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("outcomes_splitter")
        self.splitter.addWidget(self.summary)
        self.splitter.addWidget(self.figures)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # The figures' size policy is Ignored (see _FittedImage), so give the panes their
        # share explicitly: text 45 %, figures 55 %, kept in proportion on resize.
        self.splitter.setSizes([450, 550])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._set_report_buttons()

    def _set_report_buttons(self) -> None:
        ready = self.output is not None and self._pending is None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.output is None and self.run_button.isEnabled():
            self.run()

    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.output, self.pdf = None, None
        self._set_report_buttons()
        self.status.setText(self.tr("Computing the analysis…"))
        run_in_background(lambda: compute(self.db, self.actor), self._done, self._failed)

    def _done(self, output: AnalysisOutput) -> None:
        self.output = output
        self.run_button.setEnabled(True)
        self._set_report_buttons()
        self.status.setText(
            self.tr("Analysis of {h} hepatectomy and {s} systemic-only participants.").format(
                h=output.n_hepatectomy, s=output.n_systemic
            )
        )
        self.summary.setHtml(output.html)
        self.figures.clear()
        for figure in output.figures:
            pixmap = QPixmap()
            pixmap.loadFromData(figure.png, "PNG")
            image = _FittedImage(pixmap)
            image.setObjectName(f"figure_{figure.name}")
            title = FIGURE_TITLES.get(figure.name)
            self.figures.addTab(image, self.tr(title) if title else figure.title)

    def _failed(self, exc: Exception) -> None:
        self.run_button.setEnabled(True)
        self._set_report_buttons()
        self.status.setText(self.tr("The analysis failed: {e}").format(e=exc))

    # --- the report ---------------------------------------------------------------------

    def _with_pdf(self, action: str) -> None:
        """Lay out the PDF once (off the UI thread), then print or save it."""
        if self.output is None:
            return
        if self.pdf is not None:
            self._act(action)
            return
        self._pending = action
        self._set_report_buttons()
        self.status.setText(self.tr("Laying out the outcomes report…"))
        output = self.output
        lang = current_language()  # the report in the user's language
        run_in_background(
            lambda: build_report(output, self.actor, lang), self._pdf_ready, self._pdf_failed
        )

    def _pdf_ready(self, pdf: bytes) -> None:
        action, self._pending = self._pending, None
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        old, self._buffer = self._buffer, buffer  # the document reads from it lazily
        self.document.load(buffer)
        if old is not None:
            old.deleteLater()
        self._set_report_buttons()
        self.status.setText(
            self.tr("Outcomes report: {pages} page(s).").format(pages=self.document.pageCount())
        )
        if action:
            self._act(action)

    def _pdf_failed(self, exc: Exception) -> None:
        self._pending = None
        self._set_report_buttons()
        self.status.setText(self.tr("The report could not be laid out: {e}").format(e=exc))

    def _act(self, action: str) -> None:
        if action == "save":
            self.save_report()
        else:
            self.print_report()

    def save_report(self) -> None:
        path = reports_page.ask_save_path(self, "outcomes-report.pdf")
        if not path or self.pdf is None:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            dialogs.show_error(
                self,
                self.tr("Cannot write {path}: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return
        record_export(self.db, self.actor, "report outcomes", str(Path(path).resolve()))
        self.status.setText(self.tr("Saved to {path}").format(path=path))

    def print_report(self) -> None:
        printer = reports_page.ask_printer(self)
        if printer is None:
            return
        try:
            pages = reports_page.print_document(self.document, printer)
        except OSError as exc:
            dialogs.show_error(self, str(exc))
            return
        where = printer.outputFileName() or printer.printerName() or "printer"
        record_export(self.db, self.actor, "report outcomes (printed)", where)
        self.status.setText(
            self.tr("{pages} page(s) sent to {printer}").format(pages=pages, printer=where)
        )

"""Outcomes: the study analysis, computed off the UI thread, with KM figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.permissions import Actor
from .tasks import run_in_background

if TYPE_CHECKING:
    from ..analysis.job import AnalysisOutput


def compute(db: Database, actor: Actor) -> AnalysisOutput:
    """Runs on a worker thread; the analysis itself runs in a child process."""
    from ..analysis.job import run_study_analysis_in_child

    target = db.url.render_as_string(hide_password=False)
    return run_study_analysis_in_child(target, actor)


class _FittedImage(QLabel):
    """Shows a figure as large as fits, keeping its aspect ratio."""

    def __init__(self, pixmap: QPixmap) -> None:
        super().__init__()
        self._pixmap = pixmap
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 150)

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
        self.run_button = QPushButton(self.tr("Run analysis"))
        self.run_button.setObjectName("run_analysis")
        self.run_button.clicked.connect(self.run)
        self.status = QLabel()
        self.status.setObjectName("analysis_status")
        self.summary = QTextBrowser()
        self.summary.setObjectName("analysis_summary")
        self.figures = QTabWidget()
        self.figures.setObjectName("analysis_figures")
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.status, 1)
        body = QHBoxLayout()
        body.addWidget(self.summary, 3)
        body.addWidget(self.figures, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.output is None and self.run_button.isEnabled():
            self.run()

    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Computing the analysis…"))
        run_in_background(lambda: compute(self.db, self.actor), self._done, self._failed)

    def _done(self, output: AnalysisOutput) -> None:
        self.output = output
        self.run_button.setEnabled(True)
        self.status.setText(
            self.tr("Analysis of {h} hepatectomy and {s} systemic-only participants.").format(
                h=output.n_hepatectomy, s=output.n_systemic
            )
        )
        self.summary.setHtml(output.html)
        self.figures.clear()
        for title, png in output.figures:
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self.figures.addTab(_FittedImage(pixmap), title)

    def _failed(self, exc: Exception) -> None:
        self.run_button.setEnabled(True)
        self.status.setText(self.tr("The analysis failed: {e}").format(e=exc))

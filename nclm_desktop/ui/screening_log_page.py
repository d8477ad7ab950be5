"""Screening log: every screening with its outcome and reasons, and the study flow diagram."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.permissions import Actor, Permission
from ..services.recorded_texts import shown_reason
from ..services.screening_log import FlowCounts, ScreeningLogRow, flow_counts, screening_log
from .table_models import Column, RecordTableModel, SearchFilterProxy, configure_table


def _t(text: str) -> str:
    return QCoreApplication.translate("ScreeningLog", text)


# Short names of the criteria for the log and the diagram (the protocol text is long).
CRITERION_SHORT = {
    "inc_nclm_confirmed": QT_TRANSLATE_NOOP("DataDictionary", "NCLM not confirmed"),
    "inc_ecog": QT_TRANSLATE_NOOP("DataDictionary", "ECOG above 2"),
    "inc_disease_pattern": QT_TRANSLATE_NOOP("DataDictionary", "No eligible disease pattern"),
    "inc_r0": QT_TRANSLATE_NOOP("DataDictionary", "Not R0-resectable"),
    "inc_liver_function": QT_TRANSLATE_NOOP(
        "DataDictionary", "Liver function (Child-Pugh / remnant)"
    ),
    "inc_no_contraindication": QT_TRANSLATE_NOOP("DataDictionary", "Contraindication to surgery"),
    "inc_expected_survival": QT_TRANSLATE_NOOP("DataDictionary", "Expected survival < 6 months"),
    "inc_consent": QT_TRANSLATE_NOOP("DataDictionary", "No consent"),
    "exc_age": QT_TRANSLATE_NOOP("DataDictionary", "Age outside 18–70"),
    "exc_distant_metastasis": QT_TRANSLATE_NOOP(
        "DataDictionary", "Metastasis beyond liver and bone"
    ),
    "exc_progression": QT_TRANSLATE_NOOP("DataDictionary", "Progression after systemic treatment"),
    "exc_local_liver_therapy": QT_TRANSLATE_NOOP("DataDictionary", "Prior local liver therapy"),
    "exc_pregnancy": QT_TRANSLATE_NOOP("DataDictionary", "Pregnant or breastfeeding"),
    "exc_other_malignancy_mental": QT_TRANSLATE_NOOP(
        "DataDictionary", "Other malignancy / mental illness"
    ),
    "exc_understanding": QT_TRANSLATE_NOOP("DataDictionary", "Cannot understand the study"),
}
OUTCOME_LABELS = {
    "enrolled": QT_TRANSLATE_NOOP("DataDictionary", "Enrolled"),
    "eligible": QT_TRANSLATE_NOOP("DataDictionary", "Eligible, not enrolled"),
    "not_eligible": QT_TRANSLATE_NOOP("DataDictionary", "Not eligible"),
    "incomplete": QT_TRANSLATE_NOOP("DataDictionary", "Incomplete"),
}
COHORT_LABELS = {
    "hepatectomy": QT_TRANSLATE_NOOP("DataDictionary", "Hepatectomy"),
    "systemic": QT_TRANSLATE_NOOP("DataDictionary", "Systemic only"),
    "": "",
}


class LogTableModel(RecordTableModel):
    """The full reasons of a screen failure as the row's tooltip."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return shown_reason(self.row_data(index.row()).reasons) or None
        return super().data(index, role)


def log_columns() -> list[Column]:
    # Few distinct reasons among many rows: each is put in the user's language once, with
    # the headers (a language switch builds new columns).
    reasons = cache(shown_reason)
    return [
        Column("screening_date", _t("Date")),
        Column("screener", _t("Screener")),
        Column("study_id", _t("Study ID")),
        Column("name", _t("Name")),
        Column("age", _t("Age")),
        Column("outcome", _t("Outcome"), lambda v: _t(OUTCOME_LABELS.get(v, v))),
        Column("cohort", _t("Cohort"), lambda v: _t(COHORT_LABELS.get(v or "", v or ""))),
        Column("reasons", _t("Reasons"), reasons),
    ]


class FlowDiagram(QWidget):
    """Screened -> not eligible (by reason) / eligible -> enrolled, per cohort."""

    BOX_W = 170
    BOX_H = 46

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flow_diagram")
        self.counts: FlowCounts | None = None
        self.setMinimumHeight(250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: FlowCounts) -> None:
        self.counts = counts
        reasons = ", ".join(
            f"{_t(CRITERION_SHORT.get(cid, cid))} {n}" for cid, n in counts.by_reason
        )
        self.setAccessibleDescription(
            _t(
                "Screened {s}; not eligible {ne} ({reasons}); eligible {e}; enrolled {en}: "
                "hepatectomy {h}, systemic only {sy}; awaiting enrolment {a}"
            ).format(
                s=counts.screened,
                ne=counts.not_eligible,
                reasons=reasons,
                e=counts.eligible,
                en=counts.enrolled,
                h=counts.enrolled_by_cohort.get("hepatectomy", 0),
                sy=counts.enrolled_by_cohort.get("systemic", 0),
                a=counts.awaiting_enrolment,
            )
        )
        if counts.several_reasons:
            self.setAccessibleDescription(
                self.accessibleDescription() + " " + self.several_reasons_note(counts)
            )
        self.setToolTip(self.accessibleDescription())
        self.setMinimumHeight(max(250, int(self._failed_box_bottom(counts)) + 10))
        self.update()

    @staticmethod
    def several_reasons_note(counts: FlowCounts) -> str:
        return _t("The reasons add up to {r} for {n} people: one person can have several.").format(
            r=counts.reasons_total, n=counts.not_eligible
        )

    LINE_H = 17
    SHOWN_REASONS = 6

    def _failed_box_height(self, c: FlowCounts) -> float:
        n = len(c.by_reason)
        lines = max(min(n, self.SHOWN_REASONS), 1) + (n > self.SHOWN_REASONS)
        return 30 + self.LINE_H * (lines + 2 * c.several_reasons)

    def _failed_box_bottom(self, c: FlowCounts) -> float:
        return 16 + self.BOX_H + 40 + self._failed_box_height(c)

    def _box(self, p: QPainter, rect: QRectF, title: str, n: int, colour: str) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        p.fillPath(path, QColor(colour))
        p.setPen(QPen(QColor("#5f6b76"), 1.2))
        p.drawPath(path)
        p.setPen(QColor("#1d2733"))
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.drawText(
            rect.adjusted(6, 4, -6, -4),
            Qt.AlignmentFlag.AlignCenter,
            f"{title}\nn = {n}",
        )
        font.setBold(False)
        p.setFont(font)

    def _arrow(self, p: QPainter, a: QPointF, b: QPointF) -> None:
        p.setPen(QPen(QColor("#5f6b76"), 1.5))
        p.drawLine(a, b)
        direction = b - a
        length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1)
        ux, uy = direction.x() / length, direction.y() / length
        left = QPointF(b.x() - 8 * ux + 4 * uy, b.y() - 8 * uy - 4 * ux)
        right = QPointF(b.x() - 8 * ux - 4 * uy, b.y() - 8 * uy + 4 * ux)
        p.setBrush(QColor("#5f6b76"))
        p.drawPolygon(QPolygonF([b, left, right]))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#fbfcfd"))
        c = self.counts
        if c is None:
            return
        w, h = self.BOX_W, self.BOX_H
        gap = max((self.width() - 20 - 4 * w) / 3, 30)
        xs = [10 + i * (w + gap) for i in range(4)]
        top = 16.0
        screened = QRectF(xs[0], top, w, h)
        eligible = QRectF(xs[1], top, w, h)
        enrolled = QRectF(xs[2], top, w, h)
        hep = QRectF(xs[3], top - 8, w, h)
        sys_ = QRectF(xs[3], top + h + 4, w, h)
        waiting = QRectF(xs[2], top + h + 40, w, h)
        self._box(p, screened, _t("Screened"), c.screened, "#e3edf7")
        self._box(p, eligible, _t("Eligible"), c.eligible, "#e6f4ea")
        self._box(p, enrolled, _t("Enrolled"), c.enrolled, "#d4edda")
        self._box(p, hep, _t("Hepatectomy"), c.enrolled_by_cohort.get("hepatectomy", 0), "#d4edda")
        self._box(p, sys_, _t("Systemic only"), c.enrolled_by_cohort.get("systemic", 0), "#d4edda")
        self._box(p, waiting, _t("Awaiting enrolment"), c.awaiting_enrolment, "#fff8e1")
        mid = top + h / 2
        self._arrow(p, QPointF(screened.right(), mid), QPointF(eligible.left(), mid))
        self._arrow(p, QPointF(eligible.right(), mid), QPointF(enrolled.left(), mid))
        self._arrow(p, QPointF(enrolled.right(), mid), QPointF(hep.left(), hep.center().y()))
        self._arrow(p, QPointF(enrolled.right(), mid), QPointF(sys_.left(), sys_.center().y()))
        self._arrow(
            p,
            QPointF(eligible.center().x(), eligible.bottom()),
            QPointF(waiting.left(), waiting.center().y()),
        )

        # Not eligible: a box under "Screened" listing the failed criteria and their counts.
        reasons = list(c.by_reason)
        line_h = self.LINE_H
        shown = reasons[: self.SHOWN_REASONS]
        box_h = self._failed_box_height(c)
        failed = QRectF(xs[0], top + h + 40, w + gap * 0.7 + w * 0.4, box_h)
        self._arrow(
            p,
            QPointF(screened.center().x(), screened.bottom()),
            QPointF(screened.center().x(), failed.top()),
        )
        path = QPainterPath()
        path.addRoundedRect(failed, 6, 6)
        p.fillPath(path, QColor("#fdecee"))
        p.setPen(QPen(QColor("#5f6b76"), 1.2))
        p.drawPath(path)
        font = QFont(p.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#1d2733"))
        p.drawText(
            QRectF(failed.left() + 8, failed.top() + 5, failed.width() - 16, line_h + 4),
            Qt.AlignmentFlag.AlignLeft,
            _t("Not eligible  n = {n}").format(n=c.not_eligible),
        )
        font.setBold(False)
        p.setFont(font)
        y = failed.top() + 26
        if not reasons:
            p.drawText(QPointF(failed.left() + 10, y + 12), _t("none"))
        for cid, n in shown:
            p.drawText(
                QRectF(failed.left() + 10, y, failed.width() - 60, line_h),
                Qt.AlignmentFlag.AlignLeft,
                _t(CRITERION_SHORT.get(cid, cid)),
            )
            p.drawText(
                QRectF(failed.right() - 50, y, 40, line_h), Qt.AlignmentFlag.AlignRight, str(n)
            )
            y += line_h
        if len(reasons) > self.SHOWN_REASONS:
            p.drawText(QPointF(failed.left() + 10, y + 12), _t("… and other reasons"))
            y += line_h
        if c.several_reasons:
            font.setItalic(True)
            p.setFont(font)
            p.drawText(
                QRectF(failed.left() + 10, y + 2, failed.width() - 20, 2 * line_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                _t("One person can have several reasons ({r} in all).").format(r=c.reasons_total),
            )
        p.end()


class ScreeningLogPage(QWidget):
    participant_opened = Signal(int)
    new_screening_requested = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.rows: list[ScreeningLogRow] = []
        self.model = LogTableModel(log_columns(), self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome_filter")
        self.outcome.addItem(self.tr("All outcomes"), None)
        for key, label in OUTCOME_LABELS.items():
            self.outcome.addItem(_t(label), key)
        self.outcome.currentIndexChanged.connect(self._apply_outcome)
        self.search = QLineEdit()
        self.search.setObjectName("log_filter")
        self.search.setPlaceholderText(self.tr("Filter by screener, study ID, reason …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_count)
        self.count_label = QLabel()
        self.count_label.setObjectName("log_count")
        self.new_button = QPushButton(self.tr("New screening…"))
        self.new_button.setObjectName("new_screening")
        self.new_button.setEnabled(actor.can(Permission.SCREEN_ENROL))
        self.new_button.clicked.connect(self.new_screening_requested)

        self.diagram = FlowDiagram()
        self.table = QTableView()
        self.table.setObjectName("screening_log_table")
        self.table.setModel(self.proxy)
        configure_table(self.table, sort_column=0, order=Qt.SortOrder.DescendingOrder)
        for col, width in enumerate((95, 130, 105, 140, 45, 150, 110)):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(self._open)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Outcome")))
        top.addWidget(self.outcome)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        title = QLabel(self.tr("Study flow (each participant's latest screening)"))
        title.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.diagram)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.rows = screening_log(self.db, self.actor)
        self.diagram.set_counts(flow_counts(self.rows))
        self._apply_outcome()

    def _apply_outcome(self) -> None:
        wanted = self.outcome.currentData()
        self.model.set_rows([r for r in self.rows if wanted is None or r.outcome == wanted])
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(shown=self.proxy.rowCount(), total=len(self.rows))
        )

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_data(self.proxy.mapToSource(index).row())
        self.participant_opened.emit(row.participant_id)

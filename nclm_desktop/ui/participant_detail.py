"""Participant detail view: identity (not for monitors), screening (read-only), baseline,
then the tabs other features register in ``participant_tabs``. Edits ask for a reason."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..forms.catalogue import form
from ..forms.errors import shown
from ..models.db import Database
from ..services import participant_record as record
from ..services.errors import ServiceError
from ..services.permissions import Actor, Permission
from . import dialogs
from .change_notice import Changes, change_notice
from .form_inputs import dictionary_text, display_text
from .participant_edit_tabs import BaselineTab, EnrolmentTab, IdentityTab
from .participant_label import who_text, window_title
from .participant_tabs import participant_tabs
from .screening_pages.outcome_pages import (
    STATUS_BACKGROUND,
    VERDICT_TEXT,
    criterion_text,
    result_item,
)
from .signoff_tab import CasebookBanner
from .window_size import fit_to_content


def _t(text: str) -> str:
    return QCoreApplication.translate("ParticipantDetail", text)


SCREENING = form("screening")


def _screening_value(key: str, value: Any, values: dict[str, Any]) -> str:
    """A recorded screening value as the dictionary formats it (a laboratory value in the
    unit it was typed in; choice labels in the user's language)."""
    f = SCREENING[key]
    return display_text(f, value, unit=values.get(f.unit_field) if f.unit_field else None)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return ", ".join(str(v).replace("_", " ") for v in value) or "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("_", " ")


class ScreeningTab(QScrollArea):
    def __init__(self, db: Database, actor: Actor, pid: int) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        view = record.get_screening(db, actor, pid)
        if view is None:
            layout.addWidget(QLabel(_t("No screening recorded.")))
            self.setWidget(inner)
            return
        headline = QLabel(
            _t("{verdict} — screened on {date} by {who}").format(
                verdict=_t(VERDICT_TEXT.get(view.verdict, view.verdict)),
                date=view.screening_date.isoformat(),
                who=view.screener,
            )
            + (
                _t(" — disease pattern {n}").format(n=view.disease_pattern)
                if view.disease_pattern
                else ""
            )
        )
        headline.setObjectName("screening_verdict")
        headline.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout.addWidget(headline)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        items = [(k, v) for k, v in view.values.items() if not k.endswith("_unit")]
        half = (len(items) + 1) // 2
        for i, (key, value) in enumerate(items):
            value_text = _screening_value(key, value, view.values)
            col = 0 if i < half else 2
            row = i if i < half else i - half
            label = QLabel(dictionary_text(SCREENING[key].label))
            label.setStyleSheet("color: #555;")
            value_label = QLabel(value_text)
            value_label.setObjectName(f"screening_{key}")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, row, col)
            grid.addWidget(value_label, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        table = QTableWidget(len(view.criteria), 3)
        table.setObjectName("screening_criteria")
        table.setHorizontalHeaderLabels([_t("Criterion"), _t("Result"), _t("Reason")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for r, c in enumerate(view.criteria):
            for col, text in enumerate((criterion_text(c.id, c.text_en), "", shown(c.reason))):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(STATUS_BACKGROUND[c.status]))
                table.setItem(r, col, item)
            table.setItem(r, 1, result_item(table.style(), c.kind, c.status))
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.criteria_table = table
        layout.addWidget(table)
        layout.addStretch(1)
        self.setWidget(inner)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        table = getattr(self, "criteria_table", None)
        if table is not None:
            # The page scrolls, not the table: size it to all its rows.
            table.resizeRowsToContents()
            rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
            table.setFixedHeight(rows + table.horizontalHeader().height() + 4)


class ParticipantDetail(QDialog):
    """A window per participant; tabs are built once, when it opens."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.pid = db, actor, participant_id
        self.today = today or dt.date.today()
        self.setObjectName("participant_detail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 720)
        self.header = QLabel()
        self.header.setObjectName("detail_header")
        self.header.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px;")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Before the tabs: it hears of a lock or unlock first (ui/signoff_tab.py).
        self.banner = CasebookBanner(db, actor, participant_id)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("participant_tabs")
        if actor.can(Permission.VIEW_IDENTITY):
            self.identity_tab = IdentityTab(db, actor, participant_id, self.today)
            self.identity_tab.saved.connect(self._refresh_header)
            self.tabs.addTab(self._top(self.identity_tab), self.tr("Identity"))
        else:
            self.identity_tab = None
        summary = record.get_summary(db, actor, participant_id)
        self.enrolment_tab = None
        if summary.study_id:
            self.enrolment_tab = EnrolmentTab(db, actor, participant_id, self.today, summary.cohort)
            self.enrolment_tab.saved.connect(self._refresh_header)
            self.tabs.addTab(self._top(self.enrolment_tab), self.tr("Enrolment"))
        self.tabs.addTab(ScreeningTab(db, actor, participant_id), self.tr("Screening"))
        self.baseline_tab = BaselineTab(db, actor, participant_id, self.today)
        self.tabs.addTab(self._top(self.baseline_tab), self.tr("Baseline"))
        for tab in participant_tabs():
            if actor.can(tab.permission):
                widget = tab.factory(db, actor, participant_id, self)
                widget.setObjectName(f"tab_{tab.key}")
                self.tabs.addTab(widget, tab.title)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.clicked.connect(self.close)
        self.print_schedule_button = QPushButton(self.tr("Print visit schedule…"))
        self.print_schedule_button.setObjectName("print_schedule")
        self.print_schedule_button.setToolTip(
            self.tr("The patient's follow-up visits, in English or Chinese, to print or save")
        )
        self.print_schedule_button.clicked.connect(self.print_schedule)
        self.print_operative_button = QPushButton(self.tr("Print operative report…"))
        self.print_operative_button.setObjectName("print_operative")
        self.print_operative_button.setToolTip(
            self.tr("The latest operation's report, in the interface language, to print or save")
        )
        self.print_operative_button.clicked.connect(self.print_operative)
        self.schedule_dialog: QDialog | None = None
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_schedule_button)
        bottom.addWidget(self.print_operative_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._refresh_header()
        self.banner.attach(self)
        fit_to_content(self)  # the tabs' content, within the screen
        change_notice().changed.connect(self._on_changes)

    # What each form shows; a form being edited keeps what is typed.
    FORM_PARTS = {
        "identity_tab": ("identity", "participant"),
        "enrolment_tab": ("participant",),
        "baseline_tab": ("baseline",),
    }

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(self.pid):
            return
        if changes.touches(self.pid, "participant", "identity", "signature"):
            self._refresh_header()
        for name, parts in self.FORM_PARTS.items():
            form = getattr(self, name, None)
            if form is not None and not form.editing and changes.touches(self.pid, *parts):
                form.load()

    def show_tab(self, key: str) -> bool:
        """Bring a tab forward by its key: identity, enrolment, screening, baseline, or a
        registered tab's key (participant_tabs). False when this user has no such tab."""
        own = {
            "identity": self.identity_tab,
            "enrolment": self.enrolment_tab,
            "baseline": self.baseline_tab,
        }
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            inner = page.widget() if isinstance(page, QScrollArea) else page
            if (
                page.objectName() == f"tab_{key}"
                or (own.get(key) is not None and inner is own[key])
                or (key == "screening" and isinstance(page, ScreeningTab))
            ):
                self.tabs.setCurrentIndex(i)
                return True
        return False

    @staticmethod
    def _top(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        return area

    @Slot()
    def _refresh_header(self) -> None:
        s = record.get_summary(self.db, self.actor, self.pid)
        label = record.get_label(self.db, self.actor, self.pid)
        born = (
            _show(label.birth_date)
            if label.birth_date
            else (str(label.birth_year) if label.birth_year else "—")
        )
        parts = [
            {"hepatectomy": self.tr("hepatectomy"), "systemic": self.tr("systemic only")}.get(
                s.cohort, ""
            ),
            display_text(form("participant")["status"], s.status),
            display_text(form("participant")["sex"], s.sex, empty=""),
            self.tr("born {date}").format(date=born),
        ]
        if s.consent_date:
            parts.append(self.tr("consent {date}").format(date=_show(s.consent_date)))
        if s.enrolment_date:
            parts.append(self.tr("enrolled {date}").format(date=_show(s.enrolment_date)))
        if s.index_date:
            parts.append(self.tr("index date {date}").format(date=_show(s.index_date)))
        # Who first (the person on screen must be unmistakable), then the study facts.
        self.header.setText(who_text(label) + "\n" + "  ·  ".join(p for p in parts if p))
        self.setWindowTitle(self.tr("Participant {who}").format(who=window_title(label)))
        self.study_id = s.study_id
        self.print_schedule_button.setEnabled(
            bool(s.study_id and s.index_date) and self.actor.can(Permission.REPORTS)
        )
        self.print_operative_button.setVisible(s.cohort == "hepatectomy")
        self.print_operative_button.setEnabled(
            bool(s.study_id and s.index_date) and self.actor.can(Permission.REPORTS)
        )
        self.changed.emit()

    def print_schedule(self) -> None:
        from .schedule_print import open_schedule_report  # loads QtPdf only when asked

        self.schedule_dialog = open_schedule_report(self, self.db, self.actor, self.study_id)

    def print_operative(self) -> None:
        from .schedule_print import open_schedule_report  # loads QtPdf only when asked

        self.schedule_dialog = open_schedule_report(
            self, self.db, self.actor, self.study_id, key="operative"
        )


def open_participant_detail(
    main_window: Any, participant_id: int, tab: str | None = None
) -> ParticipantDetail | None:
    """The participant's window; ``tab`` (a key of ParticipantDetail.show_tab) in front."""
    try:
        view = ParticipantDetail(
            main_window.db, main_window.actor, participant_id, parent=main_window
        )
    except ServiceError as exc:
        dialogs.show_error(main_window, str(exc))
        return None
    view.setWindowFlag(Qt.WindowType.Window, True)
    if tab:
        view.show_tab(tab)
    view.show()
    return view

"""Data queries: the study's list with filters and, by role, Answer / Close / Re-open
(docs/ARCHITECTURE.md §3). The services decide; the buttons only mirror what they allow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..forms.catalogue import all_forms
from ..models.db import Database
from ..services.errors import UserError
from ..services.monitoring import auto_queries, queries
from ..services.monitoring.queries import QueryRow
from ..services.monitoring.roles import RAISERS, SITE
from ..services.permissions import Actor
from ..services.recorded_texts import shown_text
from . import dialogs
from .change_notice import Changes, change_notice
from .form_inputs import dictionary_text
from .query_dialogs import AnswerQueryDialog, query_line, state_text
from .table_models import Column, RecordTableModel, SearchFilterProxy, configure_table
from .tasks import run_in_background


def _t(text: str) -> str:
    return QCoreApplication.translate("QueriesPage", text)


# The state filter: a code (None: every state; "active": open or answered) and its label.
STATE_FILTERS = (
    ("active", QT_TRANSLATE_NOOP("QueriesPage", "Open or answered")),
    ("open", QT_TRANSLATE_NOOP("QueriesPage", "Open only")),
    ("answered", QT_TRANSLATE_NOOP("QueriesPage", "Answered only")),
    ("closed", QT_TRANSLATE_NOOP("QueriesPage", "Closed only")),
    (None, QT_TRANSLATE_NOOP("QueriesPage", "All states")),
)


def query_columns() -> list[Column]:
    return [
        Column("id", "#"),
        Column("study_id", _t("Study ID")),
        Column("form", _t("Form")),
        Column("field", _t("Field")),
        Column("text", _t("Query")),
        Column("state", _t("State")),
        Column("raised_by", _t("Raised by")),
        Column("raised", _t("Raised")),
        Column("age", _t("Age (days)"), tip=_t("Days since the query was raised")),
        Column("answer", _t("Answer")),
    ]


# The form column holds a form's whole name ("Eligibility screening").
COLUMN_WIDTHS = {"id": 45, "study_id": 95, "form": 150, "field": 150, "text": 250,
                 "state": 75, "raised_by": 85, "raised": 85, "age": 80}  # fmt: skip


def field_label(form: str, field: str) -> str:
    """The field's label from the data dictionary, in the user's language."""
    found = all_forms().get(form)
    if found is None or field not in found:
        return field
    return dictionary_text(found[field].label)


def form_title(form: str) -> str:
    found = all_forms().get(form)
    return dictionary_text(found.title) if found else form


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def shown_queries(rows: list[QueryRow], now: dt.datetime) -> list[dict[str, Any]]:
    """Service rows as the list shows them (labels translated, the age at ``now``); each
    label is looked up once per form and field, not once per row."""
    labels: dict[tuple[str, str], tuple[str, str]] = {}
    states = {state: state_text(state) for state in queries.STATES}
    out = []
    for q in rows:
        key = (q.form, q.field)
        if key not in labels:
            labels[key] = (form_title(q.form), field_label(q.form, q.field))
        raised = _utc(q.raised_utc)
        out.append(
            {
                "query": q,
                "id": q.id,
                "study_id": q.study_id or "",
                "form": labels[key][0],
                "field": labels[key][1],
                "text": shown_text(q.text),
                "state": states.get(q.state, q.state),
                "raised_by": q.raised_by,
                "raised": raised.astimezone().date().isoformat(),
                "age": max(0, (now - raised).days),
                "answer": q.answer or "",
            }
        )
    return out


def may_answer(actor: Actor, q: QueryRow) -> bool:
    return actor.role in SITE and q.state == "open"


def _raiser_or_investigator(actor: Actor, q: QueryRow) -> bool:
    return actor.role == "investigator" or (actor.role in RAISERS and actor.username == q.raised_by)


def may_close(actor: Actor, q: QueryRow) -> bool:
    return q.state != "closed" and _raiser_or_investigator(actor, q)


def may_reopen(actor: Actor, q: QueryRow) -> bool:
    return q.state != "open" and _raiser_or_investigator(actor, q)


class QueriesPage(QWidget):
    participant_opened = Signal(int)

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self._all: list[QueryRow] = []
        self._shown: list[dict[str, Any]] = []  # _all as shown, computed once per load
        self._generation = 0
        self.model = RecordTableModel(query_columns(), self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.state_filter = QComboBox()
        self.state_filter.setObjectName("query_state")
        for code, label in STATE_FILTERS:
            self.state_filter.addItem(_t(label), code)
        self.form_filter = QComboBox()
        self.form_filter.setObjectName("query_form")
        self.form_filter.addItem(_t("All forms"), None)
        for name, form in sorted(all_forms().items(), key=lambda i: dictionary_text(i[1].title)):
            self.form_filter.addItem(dictionary_text(form.title), name)
        self.age_filter = QSpinBox()
        self.age_filter.setObjectName("query_min_age")
        self.age_filter.setRange(0, 3650)
        self.age_filter.setPrefix(_t("at least "))
        self.age_filter.setSuffix(_t(" days old"))
        self.age_filter.setSpecialValueText(_t("any age"))
        self.search = QLineEdit()
        self.search.setObjectName("query_filter")
        self.search.setPlaceholderText(_t("Filter by study ID, field, text …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_count)
        for combo in (self.state_filter, self.form_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.age_filter.valueChanged.connect(self._apply_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("query_count")

        self.table = QTableView()
        self.table.setObjectName("queries_table")
        self.table.setModel(self.proxy)
        configure_table(self.table, 0)
        for col, c in enumerate(self.model.columns):
            if c.key in COLUMN_WIDTHS:
                self.table.setColumnWidth(col, COLUMN_WIDTHS[c.key])
        self.table.activated.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.answer_button = self._button("answer_query", _t("Answer…"), self.answer)
        self.close_button = self._button("close_query", _t("Close query"), self.close_query)
        self.reopen_button = self._button("reopen_query", _t("Re-open"), self.reopen)
        self.open_button = self._button(
            "open_participant", _t("Open participant"), self.open_selected
        )
        self.checks_button = self._button("run_checks", _t("Run data checks"), self.run_checks)
        self.checks_button.setToolTip(
            _t(
                "Raise a query for each visit whose window ended without it, each required "
                "value left empty and each visit outside its window (never the same twice)"
            )
        )
        self.checks_button.setVisible(actor.role in RAISERS)
        self.answer_button.setToolTip(_t("The site answers an open query (not the monitor)"))
        self.close_button.setToolTip(_t("Who raised the query, or the investigator, closes it"))

        filters = QHBoxLayout()
        for label, widget in (
            (_t("&State:"), self.state_filter),
            (_t("&Form:"), self.form_filter),
            (_t("A&ge:"), self.age_filter),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.answer_button, self.close_button, self.reopen_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.checks_button)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._load_on_show = not load
        if load:
            self.refresh()
        self._update_actions()
        change_notice().changed.connect(self._on_changes)

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- loading -------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(None, "monitoring", "participant"):
            if self.isVisible():
                self.load_in_background()
            else:
                self._load_on_show = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._load_on_show:
            self._load_on_show = False
            QTimer.singleShot(0, self, self.load_in_background)

    def _load(self) -> tuple[list[QueryRow], list[dict[str, Any]]]:
        rows = queries.list_queries(self.db, self.actor)
        return rows, shown_queries(rows, dt.datetime.now(dt.UTC))

    def _loaded(self, generation: int, result: tuple[list, list]) -> None:
        if generation == self._generation and shiboken6.isValid(self.model):
            self._all, self._shown = result
            self._apply_filters()

    def refresh(self) -> None:
        """Load now (after the user's own action: the list shows its result at once)."""
        self._generation += 1
        self._loaded(self._generation, self._load())

    def load_in_background(self) -> None:
        """Load off the UI thread (thousands of queries); only the newest load is shown."""
        self._generation += 1
        generation = self._generation
        run_in_background(
            self._load,
            lambda result: self._loaded(generation, result),
            self._load_failed,
        )

    def run_checks(self) -> None:
        """The automatic checks over the whole study, off the UI thread (seconds at 10,000
        participants); the list reloads when the change notice arrives."""
        self.checks_button.setEnabled(False)
        self.count_label.setText(_t("Running the data checks …"))
        run_in_background(
            lambda: auto_queries.run_checks(self.db, self.actor),
            self._checks_done,
            self._checks_failed,
        )

    def _checks_done(self, raised: int) -> None:
        self.checks_button.setEnabled(True)
        self.refresh()
        self.count_label.setText(_t("Data checks raised {n} new queries.").format(n=raised))

    def _checks_failed(self, exc: Exception) -> None:
        self.checks_button.setEnabled(True)
        self.count_label.setText(str(exc))

    def _load_failed(self, exc: Exception) -> None:
        self.count_label.setText(str(exc))

    def _apply_filters(self) -> None:
        """State, form and age choose the rows; the text filter narrows them as you type."""
        keep = self.selected()
        state = self.state_filter.currentData()
        form = self.form_filter.currentData()
        min_age = self.age_filter.value()
        rows = [
            d
            for d in self._shown
            if (
                state is None
                or d["query"].state == state
                or (state == "active" and d["query"].state != "closed")
            )
            and (form is None or d["query"].form == form)
            and d["age"] >= min_age
        ]
        self.model.set_rows(rows)
        self._update_count()
        if keep is not None:
            self.select(keep.id)
        self._update_actions()

    def _update_count(self) -> None:
        self.count_label.setText(
            _t("{shown} of {total}").format(shown=self.proxy.rowCount(), total=len(self._all))
        )

    # -- selection and actions ---------------------------------------------------------
    def selected(self) -> QueryRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_data(self.proxy.mapToSource(rows[0]).row())["query"]

    def select(self, query_id: int) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(r, 0)) == str(query_id):
                self.table.selectRow(r)
                return True
        return False

    def _update_actions(self, *_: Any) -> None:
        q = self.selected()
        self.answer_button.setEnabled(q is not None and may_answer(self.actor, q))
        self.close_button.setEnabled(q is not None and may_close(self.actor, q))
        self.reopen_button.setEnabled(q is not None and may_reopen(self.actor, q))
        self.open_button.setEnabled(q is not None)

    def _run(self, action: Any, *args: Any) -> bool:
        try:
            action(self.db, self.actor, *args)
        except UserError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.refresh()
        return True

    def answer(self) -> None:
        q = self.selected()
        if q is None:
            return
        summary = _t("{study_id} · {form}\n{line}\nRaised by {who} on {date}.").format(
            study_id=q.study_id or "",
            form=form_title(q.form),
            line=query_line(q, field_label(q.form, q.field)),
            who=q.raised_by,
            date=_utc(q.raised_utc).astimezone().date().isoformat(),
        )
        dialog = AnswerQueryDialog(
            summary, lambda text: queries.answer_query(self.db, self.actor, q.id, text), self
        )
        if dialog.exec():
            self.refresh()

    def close_query(self) -> None:
        if (q := self.selected()) is not None:
            self._run(queries.close_query, q.id)

    def reopen(self) -> None:
        if (q := self.selected()) is not None:
            self._run(queries.reopen_query, q.id)

    def open_selected(self) -> None:
        if (q := self.selected()) is not None:
            self.participant_opened.emit(q.participant_id)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_data(self.proxy.mapToSource(index).row())
        self.participant_opened.emit(row["query"].participant_id)

"""The participant's surgery tab: operation summary, complications with grades and the CCI,
reoperations and the perioperative outcome flags (computed by clinical rules, never typed).

Surgeons and investigators get the buttons that open the wizards; coordinators and monitors
see the same record read-only (and the services refuse their writes anyway).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..forms.crf.operation import FORM as OPERATION
from ..forms.crf.operation_team import FORM as TEAM
from ..forms.errors import shown
from ..models.db import Database
from ..services import surgery
from ..services.errors import ServiceError
from ..services.permissions import Actor
from ..services.surgery import OperationRecord, SurgicalRecord
from . import dialogs
from .change_notice import Changes, change_notice
from .field_flag import FlaggedTableModel
from .field_grid import FieldGrid
from .field_queries import watch_queries, watch_record_queries
from .form_inputs import display_text
from .i18n import localized
from .segment_map import SegmentMap
from .table_models import Column, RecordTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("SurgicalRecord", text)


def _dd(text: str) -> str:
    return QCoreApplication.translate("DataDictionary", text)


# Shown beside the date, approach, surgeons, resection and segments, in this order.
SUMMARY_FIELDS = (
    "major",
    "anatomical",
    "duration_min",
    "blood_loss_ml",
    "transfusion_units",
    "pringle_count",
    "pringle_total_min",
    "lesions_resected",
    "largest_lesion_mm",
    "margin_mm",
    "r_status",
    "pathology_confirms_npc",
    "periop_radiotherapy",
    "periop_chemotherapy",
)


def _field(name: str, value: Any) -> tuple[str, str]:
    """A row of the summary: its formatted value (the same text the operative report
    prints, with choice labels translated)."""
    return name, display_text(OPERATION[name], value)


def summary_rows() -> list[tuple[str, Any, str]]:
    """The summary grid's rows in order: (name, dictionary field or None, caption)."""
    names = ["operation_date", "surgeons", "approach", "resection_name", "segments"]
    names += [*SUMMARY_FIELDS, "discharge_date", "length_of_stay", "notes"]
    rows: list[tuple[str, Any, str]] = []
    for name in names:
        if name == "length_of_stay":  # computed from the dates, not a field
            rows.append((name, None, _t("Length of stay")))
            continue
        field = (TEAM if name == "surgeons" else OPERATION)[name]
        rows.append((name, field, _dd(field.label)))
    return rows


FLAGS = (
    ("morbidity_90d", QT_TRANSLATE_NOOP("SurgicalRecord", "90-day morbidity")),
    ("major_morbidity_90d",
     QT_TRANSLATE_NOOP("SurgicalRecord", "Major morbidity (Clavien-Dindo ≥ IIIa)")),
    ("mortality_30d", QT_TRANSLATE_NOOP("SurgicalRecord", "30-day mortality")),
    ("mortality_90d", QT_TRANSLATE_NOOP("SurgicalRecord", "90-day mortality")),
    ("unplanned_reoperation_index_stay",
     QT_TRANSLATE_NOOP("SurgicalRecord", "Unplanned reoperation during the index stay")),
)  # fmt: skip


def complication_columns() -> list[Column]:
    return [
        Column("onset_date", _t("Onset")),
        Column("pod", _t("POD")),
        Column("category", _t("Complication")),
        Column("grade", _t("Clavien-Dindo")),
        Column("isgls", _t("ISGLS")),
        Column("treatment", _t("Treatment")),
        Column("resolved_date", _t("Resolved")),
    ]


def reoperation_columns() -> list[Column]:
    return [
        Column("reoperation_date", _t("Date")),
        Column("kind", _t("Planned?")),
        Column("during_index_stay", _t("During index stay")),
        Column("reason", _t("Reason")),
    ]


def _table(name: str, model: RecordTableModel, widths: tuple[int, ...]) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    _fit_rows(table, 0)
    return table


def _fit_rows(table: QTableView, rows: int, shown_min: int = 2, shown_max: int = 8) -> None:
    """Height for the rows there are (the page scrolls, so tables need not)."""
    shown = max(shown_min, min(shown_max, rows))
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + shown * 24 + 2 * table.frameWidth() + 6)


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


class SurgicalRecordTab(QWidget):
    """Shows one participant's surgical record; opens the wizards for those who may write."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        participant_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.participant_id = participant_id
        self.today = today
        self.record: SurgicalRecord | None = None
        self.current: OperationRecord | None = None
        self.active_dialog: QDialog | None = None
        self.writable = False
        self.setObjectName("surgical_record")
        self._build()
        # Data queries (monitor, investigator): on the operation's fields and the rows.
        self.summary_queries = watch_queries(self.summary, db, actor, participant_id, {})
        self.row_queries = [
            watch_record_queries(table, model, form, db, actor, participant_id)
            for table, model, form in (
                (self.complications_table, self.complication_model, "complication"),
                (self.reoperations_table, self.reoperation_model, "reoperation"),
            )
        ]
        self.refresh()
        change_notice().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.participant_id, "surgery", "participant", "events", "signature"):
            self.refresh()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("surgery_title")
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.read_only_note = QLabel()
        self.read_only_note.setObjectName("read_only_note")
        self.read_only_note.setStyleSheet(
            "background: #eef2f7; border: 1px solid #c9d3e0; padding: 4px 8px; color: #334;"
        )
        self.selector = QComboBox()
        self.selector.setObjectName("operation_selector")
        self.selector.currentIndexChanged.connect(self._select)
        self.record_button = _button(_t("Record operation…"), "record_operation")
        self.edit_button = _button(_t("Edit operation…"), "edit_operation")
        self.record_button.clicked.connect(self.open_operation_wizard)
        self.edit_button.clicked.connect(lambda: self.open_operation_wizard(edit=True))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.selector)
        top.addStretch(1)
        top.addWidget(self.record_button)
        top.addWidget(self.edit_button)

        self.empty = QLabel()
        self.empty.setObjectName("no_operation")
        self.empty.setStyleSheet("color: #666; font-size: 14px; padding: 24px;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Operation summary: label/value grid beside a read-only segment map.
        self.summary_box = QGroupBox(_t("Operation"))
        self.summary = FieldGrid(OPERATION, summary_rows())
        self.summary.setObjectName("operation_summary")
        self.summary.rows["resection_name"].value.setStyleSheet("font-weight: 600;")
        self.mini_map = SegmentMap()
        self.mini_map.setObjectName("segments_view")
        self.mini_map.setReadOnly(True)
        self.mini_map.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mini_map.setMinimumSize(240, 155)
        self.mini_map.setMaximumSize(300, 190)
        summary_row = QHBoxLayout(self.summary_box)
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.mini_map, 0, Qt.AlignmentFlag.AlignTop)

        # Complications.
        self.complications_box = QGroupBox(_t("Complications"))
        self.complication_model = FlaggedTableModel(complication_columns(), self)
        self.complications_table = _table(
            "complications_table", self.complication_model, (112, 64, 260, 100, 55, 220)
        )
        self.complications_table.activated.connect(self._complication_activated)
        self.cci_label = QLabel()
        self.cci_label.setObjectName("cci_value")
        self.cci_label.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.add_complication_button = _button(_t("Add complication…"), "add_complication")
        self.edit_complication_button = _button(_t("Edit complication…"), "edit_complication")
        self.add_complication_button.clicked.connect(lambda: self.open_complication_wizard())
        self.edit_complication_button.clicked.connect(self._edit_selected_complication)
        row = QHBoxLayout()
        row.addWidget(self.cci_label)
        row.addStretch(1)
        row.addWidget(self.add_complication_button)
        row.addWidget(self.edit_complication_button)
        column = QVBoxLayout(self.complications_box)
        column.addWidget(self.complications_table)
        column.addLayout(row)

        # Reoperations.
        self.reoperations_box = QGroupBox(_t("Reoperations"))
        self.reoperation_model = FlaggedTableModel(reoperation_columns(), self)
        self.reoperations_table = _table(
            "reoperations_table", self.reoperation_model, (112, 90, 130)
        )
        self.reoperations_table.activated.connect(self._reoperation_activated)
        self.add_reoperation_button = _button(_t("Add reoperation…"), "add_reoperation")
        self.edit_reoperation_button = _button(_t("Edit reoperation…"), "edit_reoperation")
        self.add_reoperation_button.clicked.connect(lambda: self.open_reoperation_dialog())
        self.edit_reoperation_button.clicked.connect(self._edit_selected_reoperation)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_reoperation_button)
        row.addWidget(self.edit_reoperation_button)
        column = QVBoxLayout(self.reoperations_box)
        column.addWidget(self.reoperations_table)
        column.addLayout(row)

        # Perioperative outcome flags.
        self.outcomes_box = QGroupBox(_t("Perioperative outcomes (computed)"))
        grid = QGridLayout(self.outcomes_box)
        grid.setHorizontalSpacing(16)
        self.flags: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(FLAGS):
            value = QLabel()
            value.setObjectName(f"flag_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setMinimumWidth(48)
            self.flags[key] = value
            grid.addWidget(QLabel(_t(text)), i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.outcome_note = QLabel()
        self.outcome_note.setObjectName("outcome_note")
        self.outcome_note.setWordWrap(True)
        self.outcome_note.setStyleSheet("color: #666;")
        grid.addWidget(self.outcome_note, 3, 0, 1, 4)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.addLayout(top)
        self.body_layout.addWidget(self.read_only_note)
        self.body_layout.addWidget(self.empty)
        for box in (
            self.summary_box,
            self.complications_box,
            self.reoperations_box,
            self.outcomes_box,
        ):
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.record = surgery.surgical_record(self.db, self.actor, self.participant_id)
        except ServiceError as exc:
            self.title.setText(str(exc))
            return
        rec = self.record
        self.title.setText(_t("Surgery — {sid}").format(sid=rec.study_id))
        keep = self.selector.currentIndex()
        self.selector.blockSignals(True)
        self.selector.clear()
        for item in rec.operations:
            op = item.operation
            name = localized(op.resection_name, op.resection_name_zh)
            self.selector.addItem(f"{op.operation_date.isoformat()} · {name}", op.id)
        self.selector.setVisible(len(rec.operations) > 1)
        self.selector.setCurrentIndex(keep if 0 <= keep < len(rec.operations) else 0)
        self.selector.blockSignals(False)
        self._apply_permissions()
        self._select(self.selector.currentIndex())

    def _apply_permissions(self) -> None:
        rec = self.record
        assert rec is not None
        if rec.cohort != "hepatectomy":
            note = _t("Systemic-only participant: no operation is recorded in this study.")
        elif rec.locked:
            note = _t("This record is locked (signed); an investigator must unlock it to edit.")
        elif not rec.can_edit:
            note = _t("Read-only: your role may view but not change surgical data.")
        else:
            note = ""
        self.read_only_note.setText(note)
        self.read_only_note.setVisible(bool(note))
        writable = rec.can_edit and rec.cohort == "hepatectomy"
        has_op = bool(rec.operations)
        self.writable = writable and has_op
        self.record_button.setVisible(writable and rec.status == "enrolled")
        self.record_button.setText(
            _t("Record another operation…") if has_op else _t("Record operation…")
        )
        for button in (
            self.edit_button,
            self.add_complication_button,
            self.edit_complication_button,
            self.add_reoperation_button,
            self.edit_reoperation_button,
        ):
            button.setVisible(writable and has_op)

    def _select(self, index: int) -> None:
        rec = self.record
        if rec is None:
            return
        self.current = rec.operations[index] if 0 <= index < len(rec.operations) else None
        has_op = self.current is not None
        for box in (
            self.summary_box,
            self.complications_box,
            self.reoperations_box,
            self.outcomes_box,
        ):
            box.setVisible(has_op)
        self.empty.setVisible(not has_op)
        self.empty.setText(_t("No operation recorded yet."))
        if self.current is not None:
            self._show(self.current)

    def _show(self, item: OperationRecord) -> None:
        op = item.operation
        stay = op.length_of_stay_days
        pairs = [_field(name, getattr(op, name)) for name in ("operation_date", "approach")]
        pairs += [("resection_name", localized(op.resection_name, op.resection_name_zh))]
        pairs += [_field("segments", op.segments), ("surgeons", op.surgeon_names or "—")]
        pairs += [_field(name, getattr(op, name)) for name in SUMMARY_FIELDS]
        pairs += [
            (
                "discharge_date",
                OPERATION["discharge_date"].format(op.discharge_date, empty=_t("not yet")),
            ),
            ("length_of_stay", _t("{n} days").format(n=stay) if stay is not None else "—"),
        ]
        pairs.append(_field("notes", op.notes))
        for key, value in pairs:
            self.summary.set_value(key, value)
        self.summary_queries.show_records({"operation": op.id})
        self.mini_map.setSegments(op.segments)

        self.complication_model.set_rows(
            [self._complication_row(c, op) for c in item.complications]
        )
        count = len(item.complications)
        _fit_rows(self.complications_table, count)
        self.cci_label.setText(
            _t("Comprehensive Complication Index: {cci:.1f}  ({n} complication(s))").format(
                cci=item.cci, n=count
            )
        )
        self.reoperation_model.set_rows(
            [
                {
                    "id": r.id,
                    "reoperation_date": r.reoperation_date,
                    "kind": _t("planned") if r.planned else _t("unplanned"),
                    "during_index_stay": r.during_index_stay,
                    "reason": r.reason,
                }
                for r in item.reoperations
            ]
        )
        _fit_rows(self.reoperations_table, len(item.reoperations), shown_min=1)
        self._show_flags(item)

    @staticmethod
    def _complication_row(c: surgery.ComplicationRow, op: surgery.OperationSummary) -> dict:
        t = c.treatment
        parts = []
        if t.died:
            parts.append(_t("death"))
        if t.icu:
            parts.append(_t("ICU ({kind} organ)").format(kind=_t(t.organ_dysfunction or "")))
        if t.intervention == "under_ga":
            parts.append(_t("intervention under GA"))
        elif t.intervention == "without_ga":
            parts.append(_t("intervention without GA"))
        for flag, text in (
            (t.other_drugs, QT_TRANSLATE_NOOP("SurgicalRecord", "drugs")),
            (t.transfusion, QT_TRANSLATE_NOOP("SurgicalRecord", "transfusion")),
            (t.tpn, QT_TRANSLATE_NOOP("SurgicalRecord", "TPN")),
        ):
            if flag:
                parts.append(_t(text))
        label = _t(c.category_label) + (f": {c.other_text}" if c.other_text else "")
        grade = c.grade_label + (" *" if c.grade_override_reason else "")
        return {
            "id": c.id,
            "onset_date": c.onset_date,
            "pod": c.postoperative_day,
            "category": label,
            "grade": grade,
            "isgls": c.isgls_grade or "—",
            "treatment": c.treatment_text or (", ".join(parts) or _t("none beyond grade I")),
            "resolved_date": c.resolved_date
            or (_t("died {d}").format(d=c.death_date.isoformat()) if c.death_date else ""),
        }

    def _show_flags(self, item: OperationRecord) -> None:
        out = item.outcomes
        for key, label in self.flags.items():
            value: Any = getattr(out, key) if out is not None else None
            label.setText("—" if value is None else (_t("yes") if value else _t("no")))
            colour = "#f3d7d3; color: #7a2a22" if value else "#e3efe3; color: #2d5a2d"
            label.setStyleSheet(
                f"background: {colour}; border-radius: 3px; padding: 1px 8px; font-weight: 600;"
                if value is not None
                else ""
            )
        if item.outcome_problem:
            self.outcome_note.setText(
                _t("Outcomes cannot be computed: {why}").format(why=shown(item.outcome_problem))
            )
        else:
            self.outcome_note.setText(
                _t(
                    "Computed from the dates above by the protocol rules: morbidity within 90 "
                    "days of the operation; mortality within 30 / 90 days; grade * = chosen "
                    "against the proposal, with a reason."
                )
            )

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.refresh()

    def open_operation_wizard(self, edit: bool = False) -> None:
        from .operation_wizard import OperationWizard

        op_id = self.current.operation.id if edit and self.current else None
        try:
            wizard = OperationWizard(
                self.db, self.actor, self.participant_id, op_id, today=self.today, parent=self
            )
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._open(wizard)

    def open_complication_wizard(self, complication_id: int | None = None) -> None:
        from .complication_wizard import ComplicationWizard

        if self.current is None:
            return
        wizard = ComplicationWizard(
            self.db,
            self.actor,
            self.current.operation.id,
            complication_id,
            today=self.today,
            parent=self,
        )
        self._open(wizard)

    def open_reoperation_dialog(self, reoperation_id: int | None = None) -> None:
        from .reoperation_dialog import ReoperationDialog

        if self.current is None:
            return
        dialog = ReoperationDialog(
            self.db,
            self.actor,
            self.current.operation.id,
            reoperation_id,
            today=self.today,
            parent=self,
        )
        self._open(dialog)

    def _selected_id(self, table: QTableView, model: RecordTableModel) -> int | None:
        index = table.currentIndex()
        if not index.isValid():
            return None
        return model.row_data(index.row())["id"]

    def _edit_selected_complication(self) -> None:
        cid = self._selected_id(self.complications_table, self.complication_model)
        if cid is None:
            dialogs.show_info(self, _t("Select a complication in the table first."))
            return
        self.open_complication_wizard(cid)

    def _edit_selected_reoperation(self) -> None:
        rid = self._selected_id(self.reoperations_table, self.reoperation_model)
        if rid is None:
            dialogs.show_info(self, _t("Select a reoperation in the table first."))
            return
        self.open_reoperation_dialog(rid)

    def _complication_activated(self, index: QModelIndex) -> None:
        if self.writable:
            self.open_complication_wizard(self.complication_model.row_data(index.row())["id"])

    def _reoperation_activated(self, index: QModelIndex) -> None:
        if self.writable:
            self.open_reoperation_dialog(self.reoperation_model.row_data(index.row())["id"])

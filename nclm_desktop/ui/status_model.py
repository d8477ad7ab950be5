"""The status dashboard's table model: virtual over the participant order. When the view
asks for a row not fetched yet, the rows from there down (a page, less those already here)
come from the service in one call (services/monitoring/status.py): a screen of a
10,000-participant study is one call, not the study."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..models.db import Database
from ..services.errors import ServiceError
from ..services.monitoring.status import (
    PAGE_SIZE,
    Cell,
    StatusColumn,
    StatusRow,
    participant_order,
    status_columns,
    status_rows,
)
from ..services.permissions import Actor
from .form_inputs import dictionary_text

Index = QModelIndex | QPersistentModelIndex
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's state code
CACHED_ROWS = 2000  # rows kept; the oldest fetched are dropped first


def _t(text: str) -> str:
    return QCoreApplication.translate("StatusDashboard", text)


# Okabe & Ito's colour-blind-safe palette; each state also has its letter, so no one needs
# to tell the colours apart. (background, text)
STATE_COLOURS = {
    "empty": ("#f2f2f2", "#8a8a8a"),
    "incomplete": ("#f0e442", "#000000"),
    "complete": ("#56b4e9", "#000000"),
    "verified": ("#009e73", "#ffffff"),
    "locked": ("#0072b2", "#ffffff"),
    "query": ("#d55e00", "#ffffff"),
}
STATE_NAMES = {
    "empty": QT_TRANSLATE_NOOP("StatusDashboard", "Empty"),
    "incomplete": QT_TRANSLATE_NOOP("StatusDashboard", "Incomplete"),
    "complete": QT_TRANSLATE_NOOP("StatusDashboard", "Complete"),
    "verified": QT_TRANSLATE_NOOP("StatusDashboard", "Verified (SDV)"),
    "locked": QT_TRANSLATE_NOOP("StatusDashboard", "Locked (signed)"),
    "query": QT_TRANSLATE_NOOP("StatusDashboard", "Open query"),
}
STATE_MEANINGS = {
    "empty": QT_TRANSLATE_NOOP("StatusDashboard", "Nothing recorded yet"),
    "incomplete": QT_TRANSLATE_NOOP("StatusDashboard", "A required field is left empty"),
    "complete": QT_TRANSLATE_NOOP("StatusDashboard", "Every required field is recorded"),
    "verified": QT_TRANSLATE_NOOP(
        "StatusDashboard", "Every record verified against the source, unchanged since"
    ),
    "locked": QT_TRANSLATE_NOOP("StatusDashboard", "The casebook is signed and locked"),
    "query": QT_TRANSLATE_NOOP("StatusDashboard", "A data query on this form is open"),
}
# One letter per state, shown in the cell (translated: 空 缺 完 核 锁 疑).
STATE_LETTERS = {
    "empty": QT_TRANSLATE_NOOP("StatusDashboard", "–"),
    "incomplete": QT_TRANSLATE_NOOP("StatusDashboard", "I"),
    "complete": QT_TRANSLATE_NOOP("StatusDashboard", "C"),
    "verified": QT_TRANSLATE_NOOP("StatusDashboard", "V"),
    "locked": QT_TRANSLATE_NOOP("StatusDashboard", "L"),
    "query": QT_TRANSLATE_NOOP("StatusDashboard", "Q"),
}
# Short headers (the full name is the header's tooltip), so every column fits.
SHORT_TITLES = {
    "screening": QT_TRANSLATE_NOOP("StatusDashboard", "Screen."),
    "enrolment": QT_TRANSLATE_NOOP("StatusDashboard", "Enrol."),
    "baseline": QT_TRANSLATE_NOOP("StatusDashboard", "Baseline"),
    "systemic": QT_TRANSLATE_NOOP("StatusDashboard", "Systemic"),
    "operation": QT_TRANSLATE_NOOP("StatusDashboard", "Oper."),
    "complications": QT_TRANSLATE_NOOP("StatusDashboard", "Compl."),
    "reoperations": QT_TRANSLATE_NOOP("StatusDashboard", "Reop."),
    "events": QT_TRANSLATE_NOOP("StatusDashboard", "Events"),
}
VISIT_STATUS = {
    "planned": QT_TRANSLATE_NOOP("StatusDashboard", "planned"),
    "done": QT_TRANSLATE_NOOP("StatusDashboard", "done"),
    "missed": QT_TRANSLATE_NOOP("StatusDashboard", "missed"),
    "cancelled": QT_TRANSLATE_NOOP("StatusDashboard", "cancelled"),
}


def column_title(column: StatusColumn) -> str:
    if column.visit:
        return _t("M{month}").format(month=column.month)
    return _t(SHORT_TITLES.get(column.key, column.title))


def column_tip(column: StatusColumn) -> str:
    if column.visit:
        return _t("Follow-up visit at month {month}").format(month=column.month)
    return _t(column.title)


def cell_tip(column: StatusColumn, cell: Cell, study_id: str) -> str:
    """What the cell stands for, in words: the state, the records, what is missing."""
    name = _t("Visit {code}").format(code=column.visit) if column.visit else _t(column.title)
    lines = [f"{study_id} · {name}: {_t(STATE_NAMES[cell.state])}"]
    if cell.visit_status:
        lines.append(
            _t("Visit {status}, {date}").format(
                status=_t(VISIT_STATUS.get(cell.visit_status, cell.visit_status)),
                date=cell.visit_date.isoformat() if cell.visit_date else "—",
            )
        )
    if cell.records:
        lines.append(_t("{n} record(s), {v} verified").format(n=cell.records, v=cell.verified))
    if cell.open_queries:
        lines.append(_t("{n} open data query(ies)").format(n=cell.open_queries))
    if cell.missing:
        shown = ", ".join(dictionary_text(m) for m in cell.missing[:6])
        more = len(cell.missing) - 6
        lines.append(
            _t("Missing: {fields}").format(fields=shown) + (f" (+{more})" if more > 0 else "")
        )
    lines.append(_t("Click or press Enter to open."))
    return "\n".join(lines)


class StatusModel(QAbstractTableModel):
    """Rows = the participants in the list's order; columns = status_columns()."""

    def __init__(self, db: Database, actor: Actor, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.columns = status_columns()
        self.ids: list[int] = []
        self.study_id_text = ""
        self.state: str | None = None
        self._rows: OrderedDict[int, StatusRow | None] = OrderedDict()  # row number -> row
        self.pages_loaded = 0  # for tests and the bench: how many fetches were made
        self._brushes = {
            s: (QBrush(QColor(bg)), QBrush(QColor(fg))) for s, (bg, fg) in STATE_COLOURS.items()
        }
        self._letters = {s: _t(letter) for s, letter in STATE_LETTERS.items()}

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """The order again (after a change or a new filter); pages are fetched as shown."""
        ids = participant_order(self.db, self.actor, study_id=self.study_id_text, state=self.state)
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self.endResetModel()

    def set_filter(self, study_id_text: str, state: str | None) -> None:
        self.study_id_text, self.state = study_id_text, state
        self.reload()

    def row(self, r: int) -> StatusRow | None:
        """One participant's row; the first miss fetches it and the page below it (the view
        paints from the top, so a screen is one fetch)."""
        if not 0 <= r < len(self.ids):
            return None
        if r not in self._rows:
            numbers = [
                i for i in range(r, min(r + PAGE_SIZE, len(self.ids))) if i not in self._rows
            ]
            wanted = [self.ids[i] for i in numbers]
            try:
                rows = status_rows(self.db, self.actor, wanted)
            except ServiceError:  # e.g. the shared server is away: blank now, asked again
                return None
            found = {row.participant_id: row for row in rows}
            for i, pid in zip(numbers, wanted, strict=True):
                self._rows[i] = found.get(pid)
            self.pages_loaded += 1
            while len(self._rows) > CACHED_ROWS:
                self._rows.popitem(last=False)
        return self._rows[r]

    def state_at(self, r: int, column: int) -> str | None:
        row = self.row(r)
        return row.cells[column].state if row is not None else None

    # -- the model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            STATE_ROLE,
        ):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        cell = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._letters[cell.state]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[cell.state][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[cell.state][1]
        if role == STATE_ROLE:
            return cell.state
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _t(STATE_NAMES[cell.state])
        return cell_tip(
            self.columns[index.column()], cell, row.study_id or f"#{row.participant_id}"
        )

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return column_tip(column)
            return None
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(118, 24)  # the header never reads every row to size itself
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row(section)
        if row is None:
            return None
        shown = row.study_id or f"#{row.participant_id}"
        if role == Qt.ItemDataRole.ToolTipRole:
            who = row.study_id or _t("no study ID (#{id})").format(id=row.participant_id)
            return _t("{who}: {status}{locked}").format(
                who=who,
                status=row.status.replace("_", " "),
                locked=_t(", locked (signed)") if row.locked else "",
            )
        return shown

"""Labels and colours of visit states and event kinds, shared by the follow-up screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from ..forms.catalogue import form
from .form_inputs import dictionary_text
from .table_models import Index, RecordTableModel

CONTEXT = "Followup"

# Order of the chips in a calendar day and of the legend.
CALENDAR_STATES = ("overdue", "due", "planned", "done", "missed")
STATE_COLOURS = {
    "planned": QColor("#3f6a9e"),
    "due": QColor("#d98200"),
    "overdue": QColor("#c62828"),
    "done": QColor("#2e7d32"),
    "missed": QColor("#6b6b6b"),
    "cancelled": QColor("#a8a8a8"),
}
# Chip text and background meet WCAG 2.x AA contrast for normal text (4.5:1, success
# criterion 1.4.3); tests/followup/test_calendar_lists.py computes every pair. Orange keeps
# its hue with dark text (white on it is only 2.9:1). Chips of the neighbouring months are
# outlined instead of faded: a transparent fill would lose the contrast.
CHIP_TEXT_ON_FILL = {"due": QColor("#1a1a1a")}
CHIP_TEXT_OUTLINED = {"due": QColor("#8a4f00"), "missed": QColor("#5e5e5e")}
OUTLINED_CHIP_FILL = QColor("white")


@dataclass(frozen=True)
class ChipStyle:
    fill: QColor
    text: QColor
    border: QColor | None = None


def chip_style(state: str, in_month: bool = True) -> ChipStyle:
    """Colours of a calendar chip: filled in the shown month, outlined outside it."""
    colour = STATE_COLOURS[state]
    if in_month:
        return ChipStyle(colour, CHIP_TEXT_ON_FILL.get(state, QColor("white")))
    return ChipStyle(OUTLINED_CHIP_FILL, CHIP_TEXT_OUTLINED.get(state, colour), colour)


STATE_LABELS = {
    "planned": QT_TRANSLATE_NOOP("Followup", "planned"),
    "due": QT_TRANSLATE_NOOP("Followup", "due now"),
    "overdue": QT_TRANSLATE_NOOP("Followup", "overdue"),
    "done": QT_TRANSLATE_NOOP("Followup", "done"),
    "missed": QT_TRANSLATE_NOOP("Followup", "missed"),
    "cancelled": QT_TRANSLATE_NOOP("Followup", "cancelled"),
}


def t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_label(state: str) -> str:
    return t(STATE_LABELS.get(state, state))


def event_label(kind: str) -> str:
    """The clinical_event form's label of an event kind, translated."""
    return dictionary_text(form("clinical_event")["kind"].choice_label(kind))


class StateTableModel(RecordTableModel):
    """A RecordTableModel whose "state" column shows the state's colour as a swatch."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.isValid()
            and self.columns[index.column()].key == "state"
        ):
            row = self.row_data(index.row())
            state = row["state"] if isinstance(row, dict) else getattr(row, "state", "")
            return STATE_COLOURS.get(state)
        return super().data(index, role)

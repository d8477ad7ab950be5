"""Labels and colours of visit states and event kinds, shared by the follow-up screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

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
EVENT_LABELS = {
    "intrahepatic_recurrence": QT_TRANSLATE_NOOP("Followup", "Intrahepatic recurrence"),
    "extrahepatic_recurrence": QT_TRANSLATE_NOOP("Followup", "Extrahepatic recurrence"),
    "local_regional_recurrence": QT_TRANSLATE_NOOP("Followup", "Local/regional recurrence"),
    "death": QT_TRANSLATE_NOOP("Followup", "Death"),
    "last_contact_alive": QT_TRANSLATE_NOOP("Followup", "Last contact alive"),
    "withdrawal": QT_TRANSLATE_NOOP("Followup", "Withdrawal"),
    "lost_to_follow_up": QT_TRANSLATE_NOOP("Followup", "Lost to follow-up"),
}
IMAGING_LABELS = {
    "no_recurrence": QT_TRANSLATE_NOOP("Followup", "No recurrence"),
    "intrahepatic_recurrence": QT_TRANSLATE_NOOP("Followup", "Intrahepatic recurrence"),
    "indeterminate": QT_TRANSLATE_NOOP("Followup", "Indeterminate"),
    "not_done": QT_TRANSLATE_NOOP("Followup", "Not done"),
}
CONFIRMED_LABELS = {
    "imaging": QT_TRANSLATE_NOOP("Followup", "imaging"),
    "pathology": QT_TRANSLATE_NOOP("Followup", "pathology"),
    "clinical": QT_TRANSLATE_NOOP("Followup", "clinical"),
}


def t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_label(state: str) -> str:
    return t(STATE_LABELS.get(state, state))


def event_label(kind: str) -> str:
    return t(EVENT_LABELS.get(kind, kind))


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

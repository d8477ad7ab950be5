"""A read-only grid of captioned values (a detail tab's summary of a saved record): the
captions are FlagCaptions and the grid a FlaggedFields, so the one data-query mechanism
(ui/field_queries.py) flags and raises on it as on an editable form."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ..forms import Field, Form
from .field_flag import FlagCaption, FlaggedFields


class GridRow:
    def __init__(self, name: str, field: Field | None, label: str) -> None:
        self.field = field  # None: a value the dictionary does not define (computed)
        self.label = label
        self.caption = FlagCaption(label)
        self.caption.setStyleSheet("color: #555;")
        self.value = QLabel()
        self.value.setObjectName(f"summary_{name}")
        self.value.setWordWrap(True)
        # Selectable by keyboard too: Tab reaches each value (and its field's shortcuts).
        self.value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.caption.setBuddy(self.value)


class FieldGrid(QWidget, FlaggedFields):
    """``rows`` (name, field or None, caption) of ``form`` in two label/value columns."""

    def __init__(
        self,
        form: Form,
        rows: Sequence[tuple[str, Field | None, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form_def = form
        self._field_actions: list[tuple[str, Callable[[str], None]]] = []
        self.rows: dict[str, GridRow] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(3)
        half = (len(rows) + 1) // 2
        for i, (name, field, label) in enumerate(rows):
            col, line = (0, i) if i < half else (2, i - half)
            row = self.rows[name] = GridRow(name, field, label)
            grid.addWidget(row.caption, line, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.value, line, col + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def menu_widgets(self, name: str) -> list[QWidget]:
        return [self.rows[name].caption, self.rows[name].value]

    def widget(self, name: str) -> QWidget:
        return self.rows[name].value

    def value(self, name: str) -> QLabel:
        return self.rows[name].value

    def set_value(self, name: str, text: str) -> None:
        self.rows[name].value.setText(text)

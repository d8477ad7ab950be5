"""The data-query dialogs (docs/ARCHITECTURE.md §3): raise a query on a field, answer one,
and the reason for a change that may answer the record's open queries.

Each dialog hands what was typed to a ``submit`` callback (the service call); a refusal shows
inline under the text and the dialog stays open, so nothing is lost and nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..services.errors import UserError
from ..services.monitoring.queries import QueryRow
from ..services.recorded_texts import shown_text
from .form_feedback import ErrorLine


def _t(text: str) -> str:
    return QCoreApplication.translate("QueryDialogs", text)


STATE_LABELS = {
    "open": QT_TRANSLATE_NOOP("QueryDialogs", "open"),
    "answered": QT_TRANSLATE_NOOP("QueryDialogs", "answered"),
    "closed": QT_TRANSLATE_NOOP("QueryDialogs", "closed"),
}


def state_text(state: str) -> str:
    return _t(STATE_LABELS.get(state, state))


def query_line(q: QueryRow, label: str) -> str:
    """One query as a line of text: "#3 Blood loss (open): Source says 540 mL?"."""
    return _t("#{id} {field} ({state}): {text}").format(
        id=q.id, field=label, state=state_text(q.state), text=shown_text(q.text)
    )


class TextDialog(QDialog):
    """What the query dialogs share: an explanation, optional widgets, a text box and its
    inline error line, OK and Cancel. ``submit(text)`` does the work; a UserError it
    raises is shown under the text."""

    def __init__(
        self,
        title: str,
        intro: str,
        prompt: str,
        *,
        name: str,
        submit: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_dialog")
        self.setWindowTitle(title)
        self._submit = submit
        self.intro = QLabel(intro)
        self.intro.setObjectName(f"{name}_intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.extra = QVBoxLayout()
        caption = QLabel(prompt)
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"{name}_text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(80)
        caption.setBuddy(self.text)
        self.error = ErrorLine(name, wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName(f"{name}_ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(f"{name}_cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.extra)
        layout.addWidget(caption)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 320)
        self.text.setFocus()

    def submit(self) -> None:
        try:
            self._submit(self.text.toPlainText())
        except UserError as exc:
            self.error.show_message(str(exc))
            self.text.setFocus()
            return
        self.accept()


class RaiseQueryDialog(TextDialog):
    """A monitor's question on one field; ``fields`` are (name, label) to choose from."""

    def __init__(
        self,
        record: str,
        fields: Sequence[tuple[str, str]],
        chosen: str | None,
        submit: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        self.field = QComboBox()
        super().__init__(
            _t("Raise a data query"),
            _t(
                "Ask the site about one value of {record}. They answer; you close the query."
            ).format(record=record),
            _t("&Question:"),
            name="raise_query",
            submit=lambda text: submit(self.field.currentData(), text),
            parent=parent,
        )
        self.field.setObjectName("query_field")
        for name, label in fields:
            self.field.addItem(label, name)
        if chosen is not None and (i := self.field.findData(chosen)) >= 0:
            self.field.setCurrentIndex(i)
        caption = QLabel(_t("&Field:"))
        caption.setBuddy(self.field)
        self.extra.addWidget(caption)
        self.extra.addWidget(self.field)


class AnswerQueryDialog(TextDialog):
    """The site's answer to one open query."""

    def __init__(
        self, summary: str, submit: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            _t("Answer a data query"),
            summary
            + "\n\n"
            + _t(
                "If the value is wrong, correct it in its form instead: the reason for the "
                "change offers this query, and saving answers it."
            ),
            _t("&Answer:"),
            name="answer_query",
            submit=submit,
            parent=parent,
        )


class CorrectionReasonDialog(TextDialog):
    """The reason for changing saved data, offering the record's open queries: each one
    ticked is cited in the audit reason and answered by the change."""

    def __init__(
        self,
        what: str,
        open_queries: Sequence[tuple[QueryRow, str]],
        ticked: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _t("Reason for change"),
            _t("Why is {what} being changed? The reason is kept in the audit trail.").format(
                what=what
            ),
            _t("&Reason:"),
            name="reason",
            submit=self._check,
            parent=parent,
        )
        self.reason = ""
        self.boxes: dict[int, QCheckBox] = {}
        self.extra.addWidget(QLabel(_t("This change answers the open queries ticked:")))
        for q, label in open_queries:
            box = QCheckBox(query_line(q, label))
            box.setObjectName(f"cite_query_{q.id}")
            box.setChecked(q.field in ticked)
            self.extra.addWidget(box)
            self.boxes[q.id] = box

    def _check(self, text: str) -> None:
        from ..forms import ValidationError

        text = text.strip()
        if not text:
            raise ValidationError("reason", _t("Please enter the reason."))
        self.reason = text

    def cited(self) -> list[int]:
        return [qid for qid, box in self.boxes.items() if box.isChecked()]

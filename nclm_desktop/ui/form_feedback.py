"""One look for field errors everywhere: a red line with an icon right under the field,
plus the short list of what still stops a wizard page ("Still needed: Name, Birth date"),
each entry a link that puts the cursor in that field. Modal message boxes are kept for
errors that belong to no field (a database error, a permission refused).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

ERROR_RED = "#b00020"
_ICON = 14  # px: the round "!" drawn left of the message


def t(text: str) -> str:
    return QCoreApplication.translate("FormFeedback", text)


class ParseError(ValueError):
    """What was typed cannot be read as a value; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ErrorLine(QLabel):
    """The inline error of one field (objectName ``<field>_error``): red text after a red
    round "!" icon; hidden while there is nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None, *, wrap: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_error")
        # Wrap only where the row is as wide as the page: in a narrow field column a wrapped
        # line would be squeezed under a date input.
        self.setWordWrap(wrap)
        self.setStyleSheet(f"color: {ERROR_RED};")
        self.setIndent(0)
        self.setContentsMargins(_ICON + 6, 0, 0, 0)
        self.setMinimumHeight(_ICON + 2)
        self.setAccessibleName(t("Error"))
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max(0, (self.fontMetrics().height() - _ICON) // 2)
        circle = QRectF(1, top + 1, _ICON - 1, _ICON - 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ERROR_RED))
        painter.drawEllipse(circle)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(_ICON - 3)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, "!")
        painter.end()


class MissingFields(QWidget):
    """ "Still needed before Next:" over one link-like button per field (objectName
    ``missing_<field>``); clicking one calls ``go_to(field)``. Hidden when nothing is missing.
    One entry a line, so long labels are never cut."""

    def __init__(self, go_to: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing_fields")
        self.go_to = go_to
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 4, 0, 0)
        self.column.setSpacing(0)
        self.heading = ErrorLine("missing_fields_heading")
        self.heading.setObjectName("missing_fields_heading")
        self.heading.setText(t("Still needed before Next:"))
        self.heading.show()
        self.column.addWidget(self.heading)
        self.entries: list[tuple[str, str]] = []
        self.hide()

    def set_entries(self, entries: Sequence[tuple[str, str]]) -> None:
        """(field name, text) pairs in the order of the form."""
        entries = list(entries)
        if entries == self.entries:
            return
        self.entries = entries
        while self.column.count() > 1:  # the heading stays
            item = self.column.takeAt(1)
            if item.widget():
                item.widget().hide()  # gone now, not at the next event loop turn
                item.widget().setObjectName("")
                item.widget().deleteLater()
        for name, text in entries:
            link = QPushButton(text)
            link.setObjectName(f"missing_{name}")
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the form
            link.setStyleSheet(
                f"QPushButton {{ color: {ERROR_RED}; text-decoration: underline; border: none;"
                f" padding: 1px 0 1px {_ICON + 6}px; text-align: left; }}"
            )
            link.clicked.connect(lambda _=False, n=name: self.go_to(n))
            self.column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
            link.show()  # now: a layout shows a late child only at the next event loop turn
        self.setVisible(bool(entries))

    def summary(self) -> str:
        return ", ".join(text for _, text in self.entries)


class _EnabledWatcher(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.EnabledChange:
            self.callback()
        return False


def watch_enabled(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever ``widget`` is enabled or disabled."""
    _EnabledWatcher(widget, callback)


def required_label(text: str, required: bool) -> str:
    """The form label: a required field that can be filled now is marked with " *"."""
    return f"{text} *" if required else text


def focus_field(widget: QWidget) -> None:
    """Put the cursor in a field; for a group (check boxes) its first focusable child."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isEnabled():
            child.setFocus(Qt.FocusReason.OtherFocusReason)
            return


def show_inline(root: QWidget, field: str, message: str) -> bool:
    """Show ``message`` in the error line of ``field`` inside ``root`` and put the cursor in
    the field. The line is ``<field>_error``, else the one whose name is the longest prefix
    of the field (a findings row ``death_error`` serves ``death_date`` and ``death_cause``).
    False when the field has no error line here (the caller then shows a message box)."""
    lines = {line.objectName()[: -len("_error")]: line for line in root.findChildren(ErrorLine)}
    owner = max(
        (n for n in lines if field == n or field.startswith(n + "_")), key=len, default=None
    )
    if owner is None:
        return False
    lines[owner].show_message(message)
    widget = root.findChild(QWidget, field)
    if widget is not None and widget.isEnabled():
        focus_field(widget)
    return True


def clear_inline(root: QWidget) -> None:
    for line in root.findChildren(ErrorLine):
        if line.objectName() != "missing_fields_heading":
            line.show_message(None)

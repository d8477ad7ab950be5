"""The clipping checks (tests/i18n/clipping.py) see a cut text of each kind and pass one
shown whole: a window built to clip each kind on purpose."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tests.i18n.clipping import clipped

LONG = "A text far longer than the narrow room it is given here"


def _window(qtbot, *widgets: QWidget, size: tuple[int, int] = (300, 400)) -> QWidget:
    window = QWidget()
    window.setObjectName("probe")
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.resize(QSize(*size))
    window.show()
    qtbot.waitExposed(window)
    return window


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    return widget


def test_each_kind_of_cut_text_is_reported(qtbot):
    label = _named(QLabel(LONG), "label")
    label.setMaximumWidth(80)
    button = _named(QPushButton(LONG), "button")
    button.setMaximumWidth(80)
    box = _named(QCheckBox(LONG), "check")
    box.setMaximumWidth(80)
    group = _named(QGroupBox(LONG), "group")
    group.setMaximumWidth(80)
    edit = _named(QLineEdit(), "edit")
    edit.setPlaceholderText(LONG)
    edit.setMaximumWidth(80)
    combo = _named(QComboBox(), "combo")
    combo.addItems(["short", LONG])
    combo.setMaximumWidth(80)
    table = _named(QTableView(), "table")
    model = QStandardItemModel(1, 1, table)
    model.setHorizontalHeaderLabels([LONG])
    table.setModel(model)
    table.setColumnWidth(0, 40)
    tabs = _named(QTabWidget(), "tabs")
    for i in range(6):
        tabs.addTab(QWidget(), f"{LONG} {i}")
    tabs.setMaximumWidth(120)
    window = _window(qtbot, label, button, box, group, edit, combo, table, tabs)

    found = clipped(window, "probe")
    named = {c.widget.split(" ")[0].split("/")[0] for c in found}
    assert {"label", "button", "check", "group", "edit", "combo", "table", "tabs"} <= named, (
        "\n".join(map(str, found))
    )
    message = next(str(c) for c in found if c.widget.startswith("label"))
    assert message.startswith(f"[probe] label (QLabel): {LONG!r} needs width ")


def test_a_wrapped_label_cut_at_the_bottom_and_a_window_beyond_the_screen(qtbot):
    wrapped = _named(QLabel(" ".join([LONG] * 6)), "wrapped")
    wrapped.setWordWrap(True)
    wrapped.setFixedHeight(20)
    tall = _named(QWidget(), "tall")
    tall.setMinimumSize(200, 900)
    window = _window(qtbot, wrapped, tall, size=(300, 900))
    found = [str(c) for c in clipped(window, "probe")]
    assert any(c.startswith("[probe] wrapped (QLabel)") and "needs height" in c for c in found)
    assert any("minimum size" in c and "screen 1366x728" in c for c in found)


def test_a_label_wider_than_its_container(qtbot):
    """The container holds its width below what its rows need (a fixed width, a label with a
    minimum width of its own): the label keeps its width and its right part is never painted."""
    inner = _named(QLabel(LONG), "inner")
    inner.setMinimumWidth(inner.sizeHint().width())
    box = QWidget()
    box.setFixedWidth(120)
    QVBoxLayout(box).addWidget(inner)
    window = _window(qtbot, box, size=(600, 200))
    found = [str(c) for c in clipped(window, "probe")]
    assert inner.width() >= inner.sizeHint().width()
    assert any(
        c.startswith("[probe] inner (QLabel)") and "cut by its container" in c for c in found
    )


def test_texts_shown_whole_pass(qtbot):
    label = QLabel(LONG)
    edit = QLineEdit()
    edit.setPlaceholderText("short")
    combo = QComboBox()
    combo.addItems(["short", LONG])
    window = _window(qtbot, label, QPushButton(LONG), edit, combo, size=(600, 300))
    assert clipped(window, "probe") == []

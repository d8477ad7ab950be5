"""The Couinaud segment map widget on its own: mouse, keyboard, signal, accessibility."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from nclm_desktop.ui.segment_map import SEGMENTS, SegmentMap


def make(qtbot) -> SegmentMap:
    widget = SegmentMap()
    qtbot.addWidget(widget)
    widget.resize(480, 310)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_every_segment_is_clickable_at_its_number(qtbot):
    widget = make(qtbot)
    for seg in SEGMENTS:
        assert widget.segment_at(widget.segment_center(seg)) == seg
    with qtbot.waitSignal(widget.segmentsChanged) as signal:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.segment_center(7))
    assert signal.args == [[7]]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.segment_center(7))
    assert widget.segments() == []


def test_outside_the_liver_toggles_nothing(qtbot):
    widget = make(qtbot)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().bottomRight())
    assert widget.segments() == []


def test_number_keys_toggle_and_space_toggles_the_focused_segment(qtbot):
    widget = make(qtbot)
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(widget, key)
    assert widget.segments() == [2, 3, 4]
    assert widget.focused_segment() == 4
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.segments() == [2, 3]


def test_arrow_keys_move_between_neighbouring_segments(qtbot):
    widget = make(qtbot)
    qtbot.keyClick(widget, Qt.Key.Key_7)  # focus on 7 (and select it)
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.focused_segment() == 6
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.focused_segment() == 5
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    assert widget.focused_segment() == 8
    qtbot.keyClick(widget, Qt.Key.Key_Left)
    assert widget.focused_segment() == 7
    qtbot.keyClick(widget, Qt.Key.Key_Left)  # nothing further left: stays
    assert widget.focused_segment() == 7
    assert widget.segments() == [7]  # moving never toggles


def test_enter_is_left_to_the_dialog(qtbot):
    widget = make(qtbot)
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    widget.keyPressEvent(event)
    assert not event.isAccepted()


def test_accessible_name_and_description_follow_the_selection(qtbot):
    widget = make(qtbot)
    assert widget.accessibleName() == "Couinaud segment map"
    widget.setSegments([5, 6, 7, 8])
    assert "Selected segments: 5, 6, 7, 8" in widget.accessibleDescription()
    assert widget.objectName() == "segments"


def test_read_only_map_ignores_input(qtbot):
    widget = make(qtbot)
    widget.setSegments([2, 3])
    widget.setReadOnly(True)
    qtbot.keyClick(widget, Qt.Key.Key_5)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.segment_center(2))
    assert widget.segments() == [2, 3]

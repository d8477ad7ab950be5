"""A long session must not crash: shiboken6 6.12.0 drops references to None/True/False on
CPython 3.11 (see nclm_desktop/ui/qt_compat.py)."""

from __future__ import annotations

import os
import subprocess
import sys

LONG_SESSION = """
import nclm_desktop.ui  # applies the work-around, as every window does
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    changed = Signal(int)

app = QApplication([])
label = QLabel("x")
emitter = Emitter()
for i in range(20000):  # far more than the ~5,000 references None has at start
    label.repaint()  # void: returns None
    emitter.changed.emit(i)  # returns a bool
print("survived")
"""


def test_twenty_thousand_void_calls_and_emits_do_not_abort():
    out = subprocess.run(
        [sys.executable, "-c", LONG_SESSION],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "survived" in out.stdout

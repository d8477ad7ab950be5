"""Child process of test_background_gc_thread.py: windows are closed while background jobs
run, again and again. Exits 0 and prints "ok" when it survives; a Qt object destroyed on a
worker thread ends it with a segmentation fault instead."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from nclm_desktop.ui.tasks import run_in_background, wait_for_background


class ClosedWindow(QWidget):
    """A window the user closed: no parent (Python owns it), a timer still running and a
    table of its own callbacks (a reference cycle: only the cyclic collector frees it)."""

    def __init__(self) -> None:
        super().__init__()
        self.debounce = QTimer(self)
        self.debounce.start(2)
        self.actions = {"refresh": self.refresh}

    def refresh(self) -> None:
        pass


def build() -> int:
    """Stands in for a PDF build: many small containers, as reportlab's layout makes."""
    rows = [[i, str(i)] for i in range(150_000)]
    return len(rows)


def main(rounds: int) -> None:
    app = QApplication.instance() or QApplication([])
    results: list[int] = []
    for _ in range(rounds):
        for _ in range(20):
            ClosedWindow()  # garbage at once, freed by whichever thread collects next
        run_in_background(build, results.append, lambda exc: print(exc, file=sys.stderr))
        wait_for_background()
        for _ in range(3):  # the closed windows' timers are due: Qt fires what is registered
            app.processEvents()
    assert len(results) == rounds, results
    print("ok")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

"""Child process of test_background_gc_thread.py: the user closes dialogs while background
jobs run, again and again. Prints "ok" and exits 0 when it survives; a Qt object destroyed
on a worker thread ends it with a segmentation fault instead.

The dialogs are the app's own: each keeps a callback that names itself (a reference cycle,
so only the cyclic collector frees it once closed and dropped) and, shown, runs timers on
the UI thread (its text field's cursor) — the objects the i18n suite's crash freed."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from nclm_desktop.ui.query_dialogs import CorrectionReasonDialog, RaiseQueryDialog
from nclm_desktop.ui.tasks import run_in_background, wait_for_background


def build() -> int:
    """The job's allocations as a PDF layout makes them: many small containers, enough to
    start Python's collector on the worker thread."""
    rows = [[i, str(i)] for i in range(150_000)]
    return len(rows)


def close_dialogs() -> None:
    fields = [("margin_mm", "Margin")]
    for _ in range(5):
        for dialog in (
            RaiseQueryDialog("the operation", fields, "margin_mm", lambda *_: None),
            CorrectionReasonDialog("the margin", [], set()),
        ):
            dialog.show()
            dialog.close()


def main(rounds: int) -> None:
    app = QApplication.instance() or QApplication([])
    results: list[int] = []
    for _ in range(rounds):
        close_dialogs()
        app.processEvents()
        run_in_background(build, results.append, lambda exc: print(exc, file=sys.stderr))
        wait_for_background()
        for _ in range(3):  # timers due: Qt fires every one still registered
            app.processEvents()
    assert len(results) == rounds, results
    print("ok")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

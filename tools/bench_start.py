"""Child process of bench.py: time from interpreter start to the main window shown."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from nclm_desktop.models.db import open_database
    from nclm_desktop.services.permissions import Actor
    from nclm_desktop.ui.main_window import MainWindow

    app = QApplication([])
    db = open_database(sys.argv[1])
    window = MainWindow(db, Actor(2, "pi", "investigator", "Bench"), lock_minutes=0)
    window.show()
    window.grab()  # renders the window now, before the event loop fills the list
    # Wall-clock instant the window is shown; the parent subtracts its spawn instant, so
    # interpreter start-up and imports are included.
    shown = time.time()
    # The participants list fills right after the first paint.
    page = window.pages.get("participants")
    while page is not None and page.model.rowCount() == 0:
        app.processEvents()
    print(f"{shown} {time.time()}", flush=True)
    db.dispose()


if __name__ == "__main__":
    main()

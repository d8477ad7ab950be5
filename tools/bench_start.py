"""Child process of bench.py: interpreter start to the main window shown and to the
participants list filled; with ``--memory`` it then runs the outcome analysis and reports
the process's peak resident memory.

Prints one line: ``<shown epoch> <filled epoch> <peak MB> <analysis child peak MB>``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_rss_mb() -> float:
    """VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's size at fork()."""
    from nclm_desktop.analysis.job import peak_memory_mb

    peak = peak_memory_mb()
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--user", default="pi")
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from nclm_desktop.models import User
    from nclm_desktop.models.db import open_database
    from nclm_desktop.services.permissions import Actor
    from nclm_desktop.ui.main_window import MainWindow

    app = QApplication([])
    db = open_database(args.db, wait_for_check=False)  # as the application window opens it
    with db.session() as s:  # the signed-in user (login itself is not timed: argon2 by design)
        user = s.scalars(select(User).where(User.username == args.user)).one()
        actor = Actor(user.id, user.username, user.role, user.display_name)
    window = MainWindow(db, actor, lock_minutes=0)
    window.show()
    window.grab()  # renders the window now, before the event loop fills the list
    # Wall-clock instant; the parent subtracts its spawn instant, so interpreter start-up and
    # imports are included.
    shown = time.time()
    page = window.pages["participants"]
    filled: list[float] = []

    def on_filled() -> None:
        if filled:
            return
        page.table.viewport().repaint()  # the rows are on screen, not only in the model
        filled.append(time.time())
        QTimer.singleShot(0, app.quit)

    # The page fills its list right after the first paint (a zero timer); wait for it
    # without spinning processEvents.
    page.model.modelReset.connect(on_filled)
    if page.model.rowCount():
        on_filled()
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    peak_mb = child_mb = 0.0
    if args.memory:
        # As the Outcomes page does: the analysis in a child process.
        from nclm_desktop.analysis.job import run_study_analysis_in_child

        output = run_study_analysis_in_child(args.db, actor)
        peak_mb = peak_rss_mb()
        child_mb = output.peak_memory_mb or 0.0
    print(f"{shown} {filled[0] if filled else 0.0} {peak_mb:.1f} {child_mb:.1f}", flush=True)
    db.dispose()
    sys.exit(0)


if __name__ == "__main__":
    main()

"""A dialog closed while a background job runs is destroyed on the UI thread, never on the
worker (ui/tasks.py). Python's cyclic collector runs on whichever thread allocates: before
the fix, a worker building a report freed closed windows on its own thread, their timers
stayed registered with the UI thread and the next one fired into freed memory (a
segmentation fault; the i18n suite crashed so in 4 runs of 8). The scenario runs in a child
process, so a crash fails this test instead of ending pytest."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from nclm_desktop.ui.tasks import Progress, run_in_background, wait_for_background

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("closed_window_during_job.py")


def test_windows_closed_during_jobs_do_not_crash_the_application() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(CHILD), "30"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stderr[-3000:]}"
    assert run.stdout.strip().endswith("ok")


def test_the_collector_runs_on_the_ui_thread_only_while_a_job_runs(qtbot: Any) -> None:
    """The mechanism's contract: a collection a worker's allocations would start does not
    happen on the worker; the UI thread collects meanwhile; afterwards all is as before."""
    assert wait_for_background(5000)  # no other test's job still running
    assert gc.isenabled()
    threads: list[str] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    release = threading.Event()

    def work() -> int:
        rows = [[i] for i in range(50_000)]  # enough to start several collections
        release.wait(5)
        return len(rows)

    got: list[int] = []
    gc.callbacks.append(seen)
    try:
        run_in_background(work, got.append, lambda exc: None)
        assert not gc.isenabled()  # switched off before the worker starts
        qtbot.wait(300)  # the UI thread's timer collects what the worker left
        release.set()
        qtbot.waitUntil(lambda: got == [50_000], timeout=5000)
    finally:
        gc.callbacks.remove(seen)
    assert wait_for_background(5000)
    main = threading.main_thread().name
    assert threads, "nothing was collected at all"
    assert set(threads) == {main}, threads
    assert gc.isenabled()


def test_progress_reaches_the_page_and_stops_with_it(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    page = QLabel()
    bridge = Progress(page)
    steps: list[tuple[int, int, str]] = []
    bridge.step.connect(lambda d, t, w: steps.append((d, t, w)))
    run_in_background(lambda: bridge.step.emit(1, 2, "participant"), lambda _: None, print)
    qtbot.waitUntil(lambda: steps == [(1, 2, "participant")], timeout=5000)
    assert not bridge.cancel.is_set()
    page.deleteLater()
    qtbot.waitUntil(bridge.cancel.is_set, timeout=5000)

"""Run heavy work (PDFs, analysis, backups) off the UI thread; results come back on it."""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the UI thread, shown to the user there
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._tell(self.signals.failed, exc)
        else:
            self._tell(self.signals.done, result)

    def _tell(self, signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the application quit while the job ran
            signal.emit(value)


class Progress(QObject):
    """Carries a worker thread's progress (done, total, what) to the UI thread: a signal
    emitted from the job is queued to the receiver's thread. ``cancel`` is set when the user
    cancels or when ``page`` is closed, so a job polling it stops."""

    step = Signal(int, int, str)

    def __init__(self, page: QObject) -> None:
        super().__init__(page)
        self.cancel = threading.Event()
        cancel = self.cancel  # not self: the bridge goes with the page
        page.destroyed.connect(lambda *_: cancel.set())


_running: set[_Job] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None = None,
) -> _Job:
    """Start ``fn`` on the global thread pool; callbacks run on the UI thread, and not at all
    when the widget that asked (a bound method's object, or ``owner`` for a lambda) is gone."""
    job = _Job(fn)
    job.setAutoDelete(False)
    _running.add(job)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        for asker in (owner, getattr(callback, "__self__", None)):
            if isinstance(asker, QObject) and not shiboken6.isValid(asker):
                return  # the page that asked was closed while the job ran: nobody to tell
        callback(value)

    job.signals.done.connect(lambda r: finish(on_done, r))
    job.signals.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(job)
    return job


def wait_for_background(timeout_ms: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

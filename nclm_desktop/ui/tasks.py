"""Run heavy work (PDFs, analysis, backups) off the UI thread; results come back on it.

Qt objects must be created, used and destroyed on the thread they live on. Python does not
know that: its cyclic garbage collector runs on whichever thread happens to allocate, so a
worker building a PDF could free a closed window (a reference cycle of widgets and
lambdas) on the worker thread; the widget's timers then stay registered with the UI
thread's event loop and the next one fired into freed memory (a segmentation fault). Hence
(docs/ARCHITECTURE.md, "Background work"):

- while a job runs, the collector is switched off and the UI thread collects instead, on a
  timer, as Python's thresholds would have;
- workers hold nothing Qt: they report through one relay object that lives on the UI thread
  for the whole run, by job number; the job's function, its result and its callbacks stay
  in a table only the UI thread empties, so no last reference is dropped on a worker.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, Slot

COLLECT_EVERY_MS = 100  # how often the UI thread collects while the collector is off


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None]
    owner: QObject | None
    outcome: Any = None
    failed: bool = False


_jobs: dict[int, _Job] = {}
_progress: weakref.WeakValueDictionary[int, Progress] = weakref.WeakValueDictionary()
_numbers = itertools.count(1)
_lock = threading.Lock()  # guards _active and the collector switch
_active = 0  # jobs started and not yet returned from their worker
_switched_off = False  # the collector was on when the first of them started


class _Relay(QObject):
    """The one QObject workers emit on. It is created on the UI thread as a child of the
    application, so the signals are queued to the UI thread and it outlives every job."""

    finished = Signal(int)
    stepped = Signal(int, int, int, str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.finished.connect(self._finished)
        self.stepped.connect(self._stepped)
        self.collector = QTimer(self)
        self.collector.setInterval(COLLECT_EVERY_MS)
        self.collector.timeout.connect(self._collect)

    @Slot(int)
    def _finished(self, number: int) -> None:
        job = _jobs.pop(number, None)
        if job is None:
            return
        callback = job.on_error if job.failed else job.on_done
        for asker in (job.owner, getattr(callback, "__self__", None)):
            if isinstance(asker, QObject) and not shiboken6.isValid(asker):
                return  # the page that asked was closed while the job ran: nobody to tell
        callback(job.outcome)

    @Slot()
    def _collect(self) -> None:
        if _switch_on_if_idle():  # the last job returned: the collector is on again
            self.collector.stop()
            return
        _collect_young()

    @Slot(int, int, int, str)
    def _stepped(self, number: int, done: int, total: int, what: str) -> None:
        progress = _progress.get(number)
        if progress is not None:
            progress.deliver(done, total, what)


_the_relay: _Relay | None = None


def _relay() -> _Relay:
    """The relay, made on first use (always on the UI thread: jobs start there)."""
    global _the_relay
    if _the_relay is None or not shiboken6.isValid(_the_relay):
        app = QCoreApplication.instance()
        assert app is not None, "background jobs need the application"
        _the_relay = _Relay(app)
    return _the_relay


def _collect_young() -> None:
    """What the automatic collector would do now, done on the UI thread."""
    counts, limits = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > limits[generation]:
            gc.collect(generation)
            return


def _job_started(relay: _Relay) -> None:
    global _active, _switched_off
    with _lock:
        if _active == 0 and gc.isenabled():
            gc.disable()
            _switched_off = True
        _active += 1
    if _switched_off and not relay.collector.isActive():
        relay.collector.start()


def _job_returned() -> None:
    """Called by the worker as the last thing it does. It does not switch the collector on:
    the worker still allocates on its way back to the pool."""
    global _active
    with _lock:
        _active -= 1


def _switch_on_if_idle() -> bool:
    """On the UI thread: the collector back on once no job runs; True when it is on."""
    global _switched_off
    with _lock:
        if _active == 0 and _switched_off:
            _switched_off = False
            gc.enable()
        return not _switched_off


def _work(number: int) -> None:
    """The worker's side of a job: run it, keep the outcome in the table, tell the relay."""
    try:
        job = _jobs[number]
        try:
            job.outcome = job.fn()
        except Exception as exc:  # handed to the UI thread, shown to the user there
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            job.outcome, job.failed = exc, True
        del job
        relay = _the_relay
        if relay is not None and shiboken6.isValid(relay):
            with contextlib.suppress(RuntimeError):  # the application quit meanwhile
                relay.finished.emit(number)
    finally:
        _job_returned()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None = None,
) -> int:
    """Start ``fn`` on the global thread pool; callbacks run on the UI thread, and not at all
    when the widget that asked (a bound method's object, or ``owner`` for a lambda) is gone.
    Returns the job's number."""
    relay = _relay()
    number = next(_numbers)
    _jobs[number] = _Job(fn, on_done, on_error, owner)
    _job_started(relay)
    # A plain callable: the pool wraps it in a runnable it deletes itself, on the worker;
    # the callable holds a number only.
    QThreadPool.globalInstance().start(functools.partial(_work, number))
    return number


class _Step:
    """``progress.step.emit(done, total, what)`` from a worker; ``.connect(slot)`` on the UI
    thread (the shape of a Qt signal, carried by the relay)."""

    def __init__(self, number: int) -> None:
        self._number = number
        self._slots: list[Callable[[], Callable[[int, int, str], None] | None]] = []

    def connect(self, slot: Callable[[int, int, str], None]) -> None:
        # A page's method is held weakly: the page keeps its Progress, not the reverse.
        held = weakref.WeakMethod(slot) if hasattr(slot, "__self__") else (lambda: slot)
        self._slots.append(held)  # type: ignore[arg-type]

    def emit(self, done: int, total: int, what: str) -> None:
        relay = _the_relay
        if relay is not None and shiboken6.isValid(relay):
            relay.stepped.emit(self._number, done, total, what)


class Progress:
    """Carries a worker thread's progress (done, total, what) to the UI thread through the
    relay. ``cancel`` is set when the user cancels or when ``page`` is closed, so a job
    polling it stops. The page keeps this object; workers reach the page only by number."""

    def __init__(self, page: QObject) -> None:
        _relay()
        self.cancel = threading.Event()
        self.step = _Step(next(_numbers))
        _progress[self.step._number] = self
        cancel = self.cancel  # not self: this object goes with the page
        page.destroyed.connect(lambda *_: cancel.set())

    def deliver(self, done: int, total: int, what: str) -> None:
        for held in self.step._slots:
            slot = held()
            if slot is None:
                return
            receiver = getattr(slot, "__self__", None)
            if isinstance(receiver, QObject) and not shiboken6.isValid(receiver):
                return  # the page was closed meanwhile
            slot(done, total, what)


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """On the UI thread: every job returned (and the collector is on again) in time."""
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if done:
        _switch_on_if_idle()
    return done

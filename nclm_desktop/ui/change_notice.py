"""The application's one change notice: every committed write reaches the views as
``change_notice().changed(Changes)`` (compare Anki's ``operation_did_execute``).

The services announce each commit (``services/changes.py``); this QObject carries the
announcement to the UI thread, merges what arrives within MERGE_MS (a wizard's save, a
background import) into one ``Changes``, and emits it once. Views connect a
method of theirs (so Qt drops the connection when the view is deleted) and refresh what
they show when ``changes.touches(...)`` says it concerns them::

    change_notice().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.participant_id, "surgery", "visits"):
            self.refresh()
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from ..services import changes as service_changes
from ..services.changes import Changes

__all__ = ["ChangeNotice", "Changes", "change_notice"]

# Writes within this many milliseconds reach the views as one notice (a background import
# of thousands of rows must not refresh the lists thousands of times).
MERGE_MS = 50


class ChangeNotice(QObject):
    changed = Signal(object)  # Changes
    _arrived = Signal(object)  # from whichever thread wrote

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = Changes()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MERGE_MS)
        self._timer.timeout.connect(self._emit)
        self._arrived.connect(self._queue, Qt.ConnectionType.QueuedConnection)

    def publish(self, changes: Changes) -> None:
        """Thread-safe: called by the services after each commit."""
        self._arrived.emit(changes)

    @Slot(object)
    def _queue(self, changes: Changes) -> None:
        self._pending = self._pending | changes
        if not self._timer.isActive():  # a steady stream still gets a notice every MERGE_MS
            self._timer.start()

    @Slot()
    def _emit(self) -> None:
        changes, self._pending = self._pending, Changes()
        if changes:
            self.changed.emit(changes)


_notice: ChangeNotice | None = None


def change_notice() -> ChangeNotice:
    """The one notifier, created on first use (in the UI thread) and kept with the app."""
    global _notice
    if _notice is None:
        _notice = ChangeNotice(QCoreApplication.instance())
        service_changes.listen(_notice.publish)
    return _notice

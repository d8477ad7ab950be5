"""A page closed while its background job runs is not called back (it no longer exists)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QLabel

from nclm_desktop.ui.tasks import run_in_background, wait_for_background


class _Page(QLabel):
    def done(self, value: Any) -> None:
        self.setText(str(value))  # would raise "already deleted" on a destroyed page


def test_a_closed_page_gets_no_callback(qtbot: Any) -> None:
    page = _Page()
    release = threading.Event()
    called: list[Any] = []
    run_in_background(lambda: release.wait(5) and 42, page.done, called.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page))
    release.set()
    assert wait_for_background(5000)
    qtbot.wait(50)  # let the queued result reach the UI thread
    assert called == []


def test_a_lambda_of_a_closed_page_is_not_called_either(qtbot: Any) -> None:
    """A callback written as a lambda names its page as ``owner`` (the reports' preview
    failed with "already deleted" when its dialog closed while the report was made)."""
    page = _Page()
    release = threading.Event()
    called: list[Any] = []

    def boom() -> int:
        release.wait(5)
        raise ValueError("no such participant")

    run_in_background(boom, lambda v: page.done(v), lambda e: called.append(e), owner=page)
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page))
    release.set()
    assert wait_for_background(5000)
    qtbot.wait(50)
    assert called == []


def test_a_live_page_gets_its_result(qtbot: Any) -> None:
    page = _Page()
    qtbot.addWidget(page)
    run_in_background(lambda: 7, page.done, lambda exc: None)
    qtbot.waitUntil(lambda: page.text() == "7")


def _alive(obj: Any) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)

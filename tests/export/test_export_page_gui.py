"""The Export page: runs off the UI thread with progress, cancels cleanly, shows refusals
inline; identified export only offered to roles that may."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from nclm_desktop.ui.export_page import ExportPage
from nclm_desktop.ui.tasks import wait_for_background


def page_for(qtbot, db, actor) -> ExportPage:
    page = ExportPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_export_page_writes_the_folder_in_the_background(qtbot, study, pi, tmp_path):
    page = page_for(qtbot, study, pi)
    out = tmp_path / "from-the-page"
    page.folder.setText(str(out))
    page.format.setCurrentIndex(page.format.findData("xlsx"))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert page.cancel.isEnabled() and not page.start.isEnabled()
    qtbot.waitUntil(lambda: "Exported" in page.message.text(), timeout=60000)
    assert (out / "study.xlsx").is_file() and (out / "README.txt").is_file()
    assert page.progress.value() == page.progress.maximum() > 0
    assert page.start.isEnabled() and not page.cancel.isEnabled()
    shots = Path(os.environ.get("NCLM_SHOTS", tmp_path))
    page.grab().save(str(shots / "export_page.png"))


def test_refusals_show_under_the_form_and_write_nothing(qtbot, study, pi, tmp_path):
    page = page_for(qtbot, study, pi)
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert "Choose the folder" in page.message.text()
    page.folder.setText(str(tmp_path / "e"))
    page.identified.setChecked(True)
    assert page.reason.isEnabled()
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert "needs a reason" in page.message.text()
    assert not (tmp_path / "e").exists()


def test_cancel_leaves_nothing(qtbot, study, pi, tmp_path):
    page = page_for(qtbot, study, pi)
    page.folder.setText(str(tmp_path / "e"))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.start.isEnabled(), timeout=60000)
    wait_for_background()
    assert "cancelled" in page.message.text()
    assert not any(p.name.startswith((".nclm-export-", "e")) for p in tmp_path.iterdir())


def test_a_monitor_is_not_offered_identified_data(qtbot, study, monitor_actor):
    page = page_for(qtbot, study, monitor_actor)
    assert not page.identified.isEnabled()

"""The version and build date: `--version` and Help → About say the same (README, "Installer")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from nclm_desktop import __version__, build_info, paths
from nclm_desktop.ui.main_window import MainWindow


@pytest.fixture
def packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A package folder as the bundle has it, with the build date the spec writes."""
    (tmp_path / build_info.BUILD_INFO_FILE).write_text("2026-11-30\n", encoding="utf-8")
    monkeypatch.setattr(paths, "package_dir", lambda: tmp_path)
    return "2026-11-30"


def test_version_from_source_names_no_build_date() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "nclm_desktop", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.strip() == f"nclm-desktop {__version__} (run from source)"


def test_version_line_of_a_packaged_build(packaged: str) -> None:
    assert build_info.version_line() == f"{__version__} (built {packaged})"


def test_about_dialog_shows_version_and_build_date(qtbot, db, investigator, packaged) -> None:
    window = MainWindow(db, investigator, lock_minutes=0)
    qtbot.addWidget(window)
    window.show()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    about = next(a for m in menus for a in m.actions() if a.objectName() == "about")
    assert about.text() == "About NCLM Desktop"
    about.trigger()
    box = window.findChild(QMessageBox, "about_dialog")
    assert box is not None and box.isVisible()
    assert __version__ in box.text() and packaged in box.text()
    box.close()

"""Help → About: the version and build date (the same line as `nclm-desktop --version`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__
from ..build_info import build_date


def _t(text: str) -> str:
    return QCoreApplication.translate("About", text)


def about_text(parent: QWidget) -> str:
    built = build_date()
    when = (
        _t("Built on {date}.").format(date=built)
        if built
        else _t("Running from source (not a packaged build).")
    )
    return _t(
        "<b>NCLM Desktop</b> {version}<br>{when}<br><br>Case management for the NCLM "
        "hepatectomy study. Works offline; the study database stays on this computer "
        "or your site's server."
    ).format(version=__version__, when=when)


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setObjectName("about_dialog")
    box.setWindowTitle(_t("About NCLM Desktop"))
    box.setText(about_text(parent))
    box.open()

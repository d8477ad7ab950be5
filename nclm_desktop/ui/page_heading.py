"""The title and the explaining paragraph at the top of a task page (export, import)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def page_heading(title: str, intro: str) -> tuple[QLabel, QLabel]:
    heading = QLabel(title)
    heading.setStyleSheet("font-size: 16px; font-weight: bold;")
    text = QLabel(intro)
    text.setWordWrap(True)
    return heading, text

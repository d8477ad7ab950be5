"""A wizard's subtitle shown whole.

QWizard sizes its header to two lines of the subtitle's font on each page, whatever the
subtitle holds: a third line (a long instruction under the participant line, README
"Languages") is cut off, and so are the descenders of the second line when two wrapped lines
are a pixel taller than twice the line spacing. ``fit_subtitles`` lets the header grow to the
height the subtitle needs at the width it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget, QWizard

_NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX


class _SubtitleFit(QObject):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.header: QWidget | None = None
        wizard.installEventFilter(self)
        wizard.currentIdChanged.connect(self.fit)

    def _subtitle_label(self) -> QLabel | None:
        """The wizard's own subtitle label: the one showing the current page's subtitle
        outside the page."""
        page = self.wizard.currentPage()
        if page is None or not page.subTitle():
            return None
        for label in self.wizard.findChildren(QLabel):
            if label.text() == page.subTitle() and not page.isAncestorOf(label):
                return label
        return None

    def fit(self) -> None:
        label = self._subtitle_label()
        if label is None or label.width() <= 0:
            return
        header = label.parentWidget()
        if header is not self.header:  # created with the first page that has a subtitle
            self.header = header
            header.installEventFilter(self)
        need = label.heightForWidth(label.width())
        if label.minimumHeight() < need:
            label.setMinimumHeight(need)
            header.setMaximumHeight(_NO_LIMIT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Qt re-limits the header when a page or its subtitle changes (a layout request) and
        # the subtitle rewraps when the window is resized.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


def fit_subtitles(wizard: QWizard) -> None:
    """Keep every page's subtitle of ``wizard`` whole (Classic and Modern styles)."""
    wizard._subtitle_fit = _SubtitleFit(wizard)

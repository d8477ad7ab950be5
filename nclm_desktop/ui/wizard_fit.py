"""A wizard page and its subtitle shown whole (README "Languages": nothing clipped).

QWizard sizes its header to two lines of the subtitle's font on each page, whatever the
subtitle holds: a third line (a long instruction under the participant line) is cut off, and
so are the descenders of the second line when two wrapped lines are a pixel taller than twice
the line spacing. It also sets the window's minimum size for a page before that page is laid
out, so a page wider than the one before can open cut at its right edge. ``fit_pages`` lets
the header grow to the height its subtitle needs at its width, and the window grow to the
current page's minimum size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget, QWizard

_NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX


class _PageFit(QObject):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.header: QWidget | None = None
        self.fitting = False  # a resize made here sends events back here
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

    def _fit_subtitle(self) -> None:
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

    def _fit_page(self) -> None:
        page = self.wizard.currentPage()
        if page is None or not page.isVisible():
            return
        need = page.minimumSizeHint()
        wider = max(0, need.width() - page.width())
        taller = max(0, need.height() - page.height())
        if wider or taller:
            self.wizard.resize(self.wizard.width() + wider, self.wizard.height() + taller)

    def fit(self) -> None:
        if self.fitting:
            return
        self.fitting = True
        try:
            self._fit_subtitle()
            self._fit_page()
        finally:
            self.fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Qt re-limits the header when a page or its subtitle changes (a layout request) and
        # the subtitle rewraps when the window is resized.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


def fit_pages(wizard: QWizard) -> None:
    """Keep every page of ``wizard`` and its subtitle whole (Classic and Modern styles)."""
    wizard._page_fit = _PageFit(wizard)

"""The Outcomes page (issues 11 and 17): NR for open limits, figures fill their pane, and the
outcomes report printed or saved from the page, laid out off the UI thread and audited."""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from nclm_desktop.models.audit import AuditEvent
from nclm_desktop.ui import outcomes_page, reports_page
from tests.analysis.test_study_dataset import _study


def _shots(tmp_path: Path) -> Path:
    """Where to keep the screenshot: $NCLM_SHOTS to look at it, else the test's tmp_path."""
    path = Path(os.environ.get("NCLM_SHOTS") or tmp_path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_outcomes_page_figures_fill_the_pane_and_the_report_is_saved(
    qtbot, db, investigator, tmp_path, monkeypatch
):
    _study(db, investigator)
    page = outcomes_page.OutcomesPage(db, investigator)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert not page.save_button.isEnabled()  # nothing to print before the analysis
    qtbot.waitUntil(lambda: page.output is not None, timeout=120000)
    qtbot.wait(50)

    # NR instead of "4.8–-" wherever a limit is open.
    html = page.output.html
    assert "–-" not in html and "to -" not in html
    text = page.summary.toPlainText()
    assert "χ²" in text and "df = 1" in text

    # The figure fills its pane (at least 90 % of the width or the height it has).
    image = page.figures.currentWidget()
    pixmap = image.pixmap()
    pane = image.size()
    assert pixmap.width() >= 0.9 * pane.width() or pixmap.height() >= 0.9 * pane.height()
    assert pane.width() >= 0.4 * page.width()
    page.grab().save(str(_shots(tmp_path) / "outcomes-1366x768.png"))

    target = tmp_path / "outcomes.pdf"
    monkeypatch.setattr(reports_page, "ask_save_path", lambda parent, name: str(target))
    qtbot.mouseClick(page.save_button, qtbot_left())
    qtbot.waitUntil(target.exists, timeout=60000)
    pages = PdfReader(str(target)).pages
    assert "Overall survival" in "".join(p.extract_text() for p in pages)
    with db.session() as s:
        exports = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [(e.entity, Path(e.new_value)) for e in exports] == [("report outcomes", target)]


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton

"""Nothing clipped at 1366x768 in English or Chinese (README "Languages"): every page of the
main window, every tab of the participant window, every wizard page and every dialog, each
at the size it gets on a 1366x768 screen less the taskbar, is checked by tests/i18n/clipping.py
with the bundled CJK font (the one the app registers at start-up)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from nclm_desktop.ui import i18n
from nclm_desktop.ui.app import register_report_font
from tests.i18n.clipping import AVAILABLE, clipped
from tests.i18n.walk import (
    TODAY,
    account_dialogs,
    demo_actor,
    message_boxes,
    page_states,
    record_dialogs,
    record_wizards,
    settle,
    shown,
    sign_query_print_dialogs,
    tab_states,
    wizard_states,
)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp) -> Iterator[str]:
    """The interface in one language, measured in the font the app paints Chinese with."""
    assert register_report_font(), "the bundled CJK font did not load"
    assert i18n.install(request.param) == request.param
    try:
        yield request.param
    finally:
        i18n.install("en")


def _report(clips: Iterable) -> str:
    lines = sorted({str(c) for c in clips})
    return f"{len(lines)} clipped text(s):\n" + "\n".join(lines)


def _tabs_clipped(window: QWidget, where: str, part: QWidget | None = None) -> list:
    """Clipped texts of ``window`` with each tab of ``part`` (default: all of it) current."""
    found = []
    for tab, _ in tab_states(part or window):
        found += clipped(window, f"{where} / {tab}" if tab else where)
    return found


@pytest.mark.parametrize("role", ["investigator", "admin"])
def test_main_window_pages(qtbot, demo_db, language, role):
    from nclm_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_db, demo_actor(demo_db, role), lock_minutes=0)
    shown(qtbot, window, AVAILABLE)
    found, pages = [], 0
    for key, page in page_states(qtbot, window):
        found += _tabs_clipped(window, f"{language} main/{key}", page)
        pages += 1
    assert pages >= (1 if role == "admin" else 5)
    assert not found, _report(found)


def test_participant_window_tabs(qtbot, demo_db, record, language):
    from nclm_desktop.ui.participant_detail import ParticipantDetail
    from nclm_desktop.ui.window_size import fit_to_content

    actor = demo_actor(demo_db, "investigator")
    window = ParticipantDetail(demo_db, actor, record["participant"], today=TODAY)
    fit_to_content(window, QRect(0, 0, AVAILABLE.width(), AVAILABLE.height()))
    shown(qtbot, window, None)
    assert window.tabs.count() >= 6
    found = _tabs_clipped(window, f"{language} participant")
    assert not found, _report(found)


def test_wizard_pages(qtbot, demo_db, record, language):
    found = []
    for where, wizard in record_wizards(demo_db, record).items():
        shown(qtbot, wizard, None)
        for page in wizard_states(wizard):
            found += _tabs_clipped(wizard, f"{language} {where} wizard {page}")
    assert not found, _report(found)


def test_dialogs(qtbot, demo_db, record, language):
    names = ("手术", "切缘") if language == "zh_CN" else ("Operation", "Margin")
    signing, _ = sign_query_print_dialogs(demo_db, record, *names)
    admin, investigator = demo_actor(demo_db, "admin"), demo_actor(demo_db, "investigator")
    dialogs = {
        **record_dialogs(demo_db, record),
        **signing,
        **account_dialogs(demo_db, admin, investigator),
    }
    found = []
    for where, dialog in dialogs.items():
        settle(qtbot, shown(qtbot, dialog, None))
        found += _tabs_clipped(dialog, f"{language} {where} dialog")
    owner = QWidget()
    for where, box in message_boxes(qtbot, owner, "NCLM-H-001").items():
        assert box is not None and box.isVisible(), where
        found += clipped(box, f"{language} {where} box")
    assert not found, _report(found)


def test_a_long_database_path_is_elided_not_clipped(qtbot, tmp_path, migrated_template, language):
    """The one allowed cut (clipping.ALLOWED): a deep path no longer widens the main window
    past the screen or runs off its edge; the status bar shows both ends, the tooltip all."""
    import shutil

    from nclm_desktop.models.db import open_database
    from nclm_desktop.services import accounts
    from nclm_desktop.ui.main_window import MainWindow

    deep = tmp_path.joinpath("hepatobiliary-surgery-shared-drive", "nasopharyngeal-carcinoma-"
                             "liver-metastases-study", "data", "nclm-study-database-copy.db")  # fmt: skip
    deep.parent.mkdir(parents=True)
    shutil.copy(migrated_template, deep)
    db = open_database(deep)
    try:
        actor = accounts.create_first_admin(db, "admin", "Administrator", "correct-horse-42")
        window = shown(qtbot, MainWindow(db, actor, lock_minutes=0), AVAILABLE)
        label = window.db_label
        assert str(deep) in label.toolTip() and str(deep) in label.text()
        assert label.width() < label.sizeHint().width()  # it is elided, not given its width
        assert label.geometry().right() < window.width()
        assert clipped(window, f"{language} main, long path") == []
    finally:
        db.dispose()

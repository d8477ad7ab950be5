"""The sign-in dialog paints first and the database opens behind it (README, "Start-up"):
the real start-up path (ui/app.SessionController without a database) driven like a user."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from nclm_desktop.models import db as db_module
from nclm_desktop.ui import app as app_module
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.login import FirstRunDialog, LoginDialog, describe_target
from tests.conftest import PASSWORD


@pytest.fixture
def user(qtbot, monkeypatch):
    """Answers each dialog once it can be answered: ``answers`` maps a dialog class to the
    fields to type; ``seen`` the dialogs offered; ``at_open`` what was on screen when the
    database began to open (painted sign-in dialogs: OK enabled?, their message)."""
    state: dict = {"answers": {}, "seen": [], "at_open": []}
    real_open = db_module.open_database

    def open_database(*args, **kwargs):
        state["at_open"] += [
            (w.ok_button().isEnabled(), w.message.text())
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible() and w._painted
        ]
        return real_open(*args, **kwargs)

    def run(dialog: QDialog) -> bool:
        state["seen"].append(dialog)
        dialog.show()
        # Wait until the database is open (OK enabled) or the dialog ended itself.
        qtbot.waitUntil(
            lambda: (
                dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
                or not dialog.isVisible()
            ),
            timeout=20000,
        )
        if not dialog.isVisible():
            return bool(dialog.result())
        fields = state["answers"].get(type(dialog))
        if fields is None:
            dialog.reject()
            return False
        for name, text in fields.items():
            getattr(dialog, name).setText(text)
        dialog.submit()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(app_module, "run_dialog", run)
    monkeypatch.setattr(db_module, "open_database", open_database)
    return state


def _finish(controller: app_module.SessionController) -> None:
    if controller.window is not None:
        controller.window.shutdown()
        controller.window.close()
    if controller.db is not None:
        controller.db.dispose()


def test_sign_in_paints_before_the_database_opens_then_signs_in(qtbot, db, db_path, surgeon, user):
    db.dispose()
    user["answers"][LoginDialog] = {"username": surgeon.username, "password": PASSWORD}
    controller = app_module.SessionController(None, str(db_path))
    try:
        assert controller.start()
        (dialog,) = user["seen"]
        assert isinstance(dialog, LoginDialog)
        # On screen, OK disabled, before the database began to open; then signed in.
        assert user["at_open"] == [(False, "Opening the database…")]
        assert str(db_path) in dialog.heading.text()
        assert controller.db is not None and controller.window.actor.username == "zchen"
    finally:
        _finish(controller)


def test_an_empty_database_asks_for_the_administrator_after_the_paint(qtbot, tmp_path, user):
    path = tmp_path / "new.db"
    user["answers"][FirstRunDialog] = {
        "username": "admin", "display_name": "Site Administrator",
        "password": PASSWORD, "password_again": PASSWORD,
    }  # fmt: skip
    user["answers"][LoginDialog] = {"username": "admin", "password": PASSWORD}
    controller = app_module.SessionController(None, str(path))
    try:
        assert controller.start()
        kinds = [type(d) for d in user["seen"]]
        assert kinds == [LoginDialog, FirstRunDialog, LoginDialog]
        assert controller.window.actor.role == "admin"
    finally:
        _finish(controller)


def test_a_file_that_is_no_database_ends_with_one_message(qtbot, tmp_path, user, monkeypatch):
    path = tmp_path / "notes.db"
    path.write_text("not a database")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, m, _t=None: shown.append(m))
    controller = app_module.SessionController(None, str(path))
    assert not controller.start()
    assert controller.exit_code == 2 and controller.db is None
    assert len(shown) == 1 and "not an NCLM Desktop database" in shown[0]
    assert path.read_text() == "not a database"
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("postgresql+psycopg://nclm:secret@ward-server/nclm",
         "postgresql+psycopg://nclm:***@ward-server/nclm"),
        ("postgresql://ward-server/nclm", "postgresql://ward-server/nclm"),
    ],
)  # fmt: skip
def test_the_server_named_before_opening_hides_the_password(target: str, shown: str) -> None:
    from nclm_desktop.models.db import Database, create_db_engine, to_url

    assert describe_target(target) == shown
    url = to_url(target)
    assert Database(create_db_engine(url), url).describe() == shown  # what it says once open


def test_a_file_is_named_by_its_absolute_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert describe_target("study.db") == str(tmp_path / "study.db")

"""GUI start-up: sign-in (painted first), database, first-run administrator, main window,
switch user.

The sign-in dialog is on screen before SQLAlchemy, the ORM and the services load: the
database opens right after its first frame (README, "Start-up").
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from ..services.permissions import Actor

if TYPE_CHECKING:
    from ..models.db import Database

SMOKE_ACTOR = Actor(0, "smoke-test", "investigator", "Smoke test")
FIRST_RUN = 2  # the sign-in dialog's result when the database it opened has no users yet


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NCLM Desktop")
    app.setOrganizationName("NCLM Study")
    app.setApplicationDisplayName("NCLM Desktop")
    from PySide6.QtGui import QIcon

    from .. import paths

    app.setWindowIcon(QIcon(str(paths.resource("icons", "nclm-desktop.svg"))))
    register_report_font()
    from . import i18n  # loads translators only for zh_CN

    i18n.install(i18n.start_language())
    return app


def register_report_font() -> list[str]:
    """The font the PDFs embed, so Chinese names show in Qt too on machines without one."""
    from PySide6.QtGui import QFontDatabase

    from .. import paths

    font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", "wqy-microhei.ttc")))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def run_dialog(dialog) -> bool:
    """Show a modal start-up dialog; True when accepted. Tests replace it to drive the dialog."""
    return bool(dialog.exec())


class SessionController:
    """Sign-in → main window → (switch user) → sign-in again."""

    def __init__(self, db: Database | None, target: str = "") -> None:
        """``db=None``: the first sign-in dialog opens ``target`` once it is painted."""
        self.db = db
        self.target = target
        self.window = None
        self.last_username = ""
        self.exit_code = 0  # 2 when the database could not be opened
        self.database_opened: Callable[[Database], None] | None = None

    def start(self) -> bool:
        from .login import FirstRunDialog, LoginDialog, describe_target

        chosen, username = None, self.last_username
        while True:  # picking another language reopens the dialog in it
            if self.db is None:
                login = LoginDialog(None, where=describe_target(self.target))
                login.first_painted.connect(lambda dialog=login: self._open_behind(dialog))
            else:
                from ..services import accounts

                if not accounts.has_users(self.db):
                    first = FirstRunDialog(self.db)
                    if not run_dialog(first):
                        return False
                login = LoginDialog(self.db, username=username)
            accepted = run_dialog(login)
            if login.result() == FIRST_RUN:
                return self.start()  # the database opened empty: the administrator account first
            chosen, username = login.chosen_language or chosen, login.username.text()
            if login.chosen_language is None:
                break
        if not accepted or login.result_actor is None:
            return False
        self.use_language(login.result_actor, chosen)
        self.open_main(login.result_actor)
        return True

    def _open_behind(self, login) -> None:
        """Open the database behind the painted sign-in dialog, then let it sign in."""
        from ..models.db import DatabaseError, open_database
        from ..services import accounts

        try:
            # The dialog does not wait for quick_check (seconds on a large study); writes do.
            self.db = open_database(self.target, wait_for_check=False)
        except DatabaseError as exc:
            from .dialogs import show_error

            show_error(login, str(exc))
            self.exit_code = 2
            login.reject()
            return
        if self.database_opened is not None:
            self.database_opened(self.db)
        if accounts.has_users(self.db):
            login.set_database(self.db)
        else:
            login.done(FIRST_RUN)

    def use_language(self, actor: Actor, chosen: str | None) -> None:
        """A language picked at sign-in becomes the user's setting; else their setting rules
        (unless --lang / NCLM_LANG fixes it for this run)."""
        from ..services import settings
        from ..services.errors import ServiceError
        from . import i18n

        if chosen is not None:
            # kept for this session only when it cannot be saved (say a read-only database)
            with suppress(ServiceError):
                settings.set_user_language(self.db, actor, actor.user_id, chosen)
        elif not i18n.forced_language():
            i18n.install(settings.user_language(self.db, actor.user_id) or i18n.system_language())

    def open_main(self, actor: Actor) -> None:
        from .main_window import MainWindow

        self.last_username = actor.username
        self.window = MainWindow(self.db, actor)
        self.window.switch_user_requested.connect(self.switch_user)
        self.window.sign_out_requested.connect(self.switch_user)  # same clean end, then sign-in
        self.window.show()

    def switch_user(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from ..services import accounts

        if self.window is not None:
            accounts.record_session_event(self.db, self.window.actor, "logout")
            self.window.shutdown()
            for widget in QApplication.topLevelWidgets():
                if widget is not self.window and widget.isVisible():
                    widget.close()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.last_username = ""
        QTimer.singleShot(0, lambda: self.start() or QApplication.quit())


def _end_if_damaged(app, db: Database) -> None:
    """quick_check runs while the sign-in dialog is up: a damaged file ends the session with
    the message naming the restore command (no write reaches it meanwhile)."""
    from PySide6.QtCore import QTimer

    from ..forms.errors import shown
    from ..models.db_files import FileCheckError

    health = db.health
    if health is None:
        return
    timer = QTimer(app)
    timer.setInterval(200)

    def poll() -> None:
        if not health.finished:
            return
        timer.stop()
        try:
            health.wait()
        except FileCheckError as exc:
            from .dialogs import show_error

            show_error(None, shown(exc.text))
            app.exit(2)

    timer.timeout.connect(poll)
    timer.start()


def run_gui(target: str, smoke_test: str | None = None) -> int:
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    if smoke_test:
        return _smoke_test(app, target, Path(smoke_test))
    app.setQuitOnLastWindowClosed(False)
    controller = SessionController(None, target)
    controller.database_opened = lambda db: _end_if_damaged(app, db)
    app.lastWindowClosed.connect(lambda: controller.window is None or app.quit())
    try:
        if not controller.start():
            return controller.exit_code
        app.setQuitOnLastWindowClosed(True)
        return app.exec()
    finally:
        if controller.db is not None:
            controller.db.dispose()


def _smoke_test(app, target: str, shot: Path) -> int:
    """The main window without sign-in, painted and saved (`--smoke-test`)."""
    from ..models.db import DatabaseError, open_database
    from .main_window import MainWindow

    try:
        db = open_database(target)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    window = MainWindow(db, SMOKE_ACTOR, lock_minutes=0)
    window.show()
    app.processEvents()
    ok = window.grab().save(str(shot))
    window.shutdown()
    window.close()
    db.dispose()
    return 0 if ok else 1

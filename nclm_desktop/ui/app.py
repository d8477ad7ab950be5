"""GUI start-up: database, first-run administrator, sign-in, main window, switch user."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from ..models.db import Database, DatabaseError, open_database
from ..models.db_files import FileCheckError
from ..services.permissions import Actor

SMOKE_ACTOR = Actor(0, "smoke-test", "investigator", "Smoke test")


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

    def __init__(self, db: Database) -> None:
        self.db = db
        self.window = None
        self.last_username = ""

    def start(self) -> bool:
        from ..services import accounts
        from .login import FirstRunDialog, LoginDialog

        if not accounts.has_users(self.db):
            first = FirstRunDialog(self.db)
            if not run_dialog(first):
                return False
        chosen, username = None, self.last_username
        while True:  # picking another language reopens the dialog in it
            login = LoginDialog(self.db, username=username)
            accepted = run_dialog(login)
            chosen, username = login.chosen_language or chosen, login.username.text()
            if login.chosen_language is None:
                break
        if not accepted or login.result_actor is None:
            return False
        self.use_language(login.result_actor, chosen)
        self.open_main(login.result_actor)
        return True

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

            show_error(None, str(exc))
            app.exit(2)

    timer.timeout.connect(poll)
    timer.start()


def run_gui(target: str, smoke_test: str | None = None) -> int:
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    try:
        # The window does not wait for quick_check (seconds on a large study); writes do.
        db = open_database(target, wait_for_check=bool(smoke_test))
    except DatabaseError as exc:
        if smoke_test:
            print(f"error: {exc}", file=sys.stderr)
        else:
            from .dialogs import show_error

            show_error(None, str(exc))
        return 2
    if smoke_test:
        from .main_window import MainWindow

        window = MainWindow(db, SMOKE_ACTOR, lock_minutes=0)
        window.show()
        app.processEvents()
        ok = window.grab().save(str(Path(smoke_test)))
        window.shutdown()
        window.close()
        db.dispose()
        return 0 if ok else 1
    app.setQuitOnLastWindowClosed(False)
    _end_if_damaged(app, db)
    controller = SessionController(db)
    app.lastWindowClosed.connect(lambda: controller.window is None or app.quit())
    if not controller.start():
        return 0
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    db.dispose()
    return code

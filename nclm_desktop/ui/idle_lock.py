"""Idle lock for shared ward workstations.

After N idle minutes every open window is covered (nothing clinical stays readable) and an
application-modal prompt asks for the same user's password. Open dialogs and wizards are
covered, not closed, so what was typed in them survives the lock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services import accounts
from ..services.permissions import Actor

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class _Cover(QWidget):
    """An opaque sheet over one window's contents, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lock_cover { background: #25303b; }")
        label = QLabel(self.tr("Locked"), self)
        label.setStyleSheet("color: #d0d8e0; font-size: 20px;")
        layout = QVBoxLayout(self)
        layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignCenter)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class LockDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("NCLM Desktop — locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(380)
        intro = QLabel(
            self.tr(
                "Locked after inactivity. {name} ({user}): enter your password to "
                "continue, or switch user."
            ).format(name=actor.display_name or actor.username, user=actor.username)
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Switch user"))
        self.switch_button.setObjectName("switch_user")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def reject(self) -> None:
        """Escape must not unlock."""


class IdleLock(QObject):
    locked_changed = Signal(bool)

    def __init__(
        self,
        main_window: QWidget,
        db: Database,
        actor: Actor,
        minutes: int,
        on_switch_user: Callable[[], None],
    ) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self.db = db
        self.actor = actor
        self.on_switch_user = on_switch_user
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        self.dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.timer.stop()
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, LockDialog | _Cover)
        ]
        self._covers = [_Cover(w) for w in windows]
        self.dialog = LockDialog(self.actor, self.main_window)
        self.dialog.unlock_button.clicked.connect(self._try_unlock)
        self.dialog.password.returnPressed.connect(self._try_unlock)
        self.dialog.switch_button.clicked.connect(self._switch_user)
        self.dialog.show()
        self.dialog.password.setFocus()
        accounts.record_session_event(self.db, self.actor, "lock")
        self.locked_changed.emit(True)

    def _try_unlock(self) -> None:
        assert self.dialog is not None
        if accounts.verify_password(self.db, self.actor, self.dialog.password.text()):
            self.unlock()
        else:
            self.dialog.password.clear()
            self.dialog.message.setText(self.tr("Wrong password."))

    def unlock(self) -> None:
        for cover in self._covers:
            cover.deleteLater()
        self._covers = []
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        accounts.record_session_event(self.db, self.actor, "unlock")
        self.timer.start()
        self.locked_changed.emit(False)

    def _switch_user(self) -> None:
        for cover in self._covers:
            cover.deleteLater()
        self._covers = []
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.stop()
        self.on_switch_user()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

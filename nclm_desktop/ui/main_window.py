"""Main window: navigation, pages (built on first visit), status bar, idle lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services import settings
from ..services.permissions import ROLE_LABELS, Actor, Permission
from .elided_label import ElidedLabel
from .idle_lock import IdleLock


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


PageFactory = Callable[["MainWindow"], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    permission: Permission
    factory: PageFactory


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr("{title}\n\nThis screen is not available in this version yet.").format(
                title=title
            )
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #666; font-size: 15px;")
        QVBoxLayout(self).addWidget(label)


def _participants(w: MainWindow) -> QWidget:
    from .participants_page import ParticipantsPage

    # The window is painted first and the list filled right after, so start-up feels instant.
    page = ParticipantsPage(w.db, w.actor, load=False)
    page.new_screening_requested.connect(w.open_screening_wizard)
    page.participant_opened.connect(w.open_participant)
    return page


def _screening(w: MainWindow) -> QWidget:
    from .screening_log_page import ScreeningLogPage

    page = ScreeningLogPage(w.db, w.actor)
    page.new_screening_requested.connect(w.open_screening_wizard)
    page.participant_opened.connect(w.open_participant)
    return page


def _queries(w: MainWindow) -> QWidget:
    from .queries_page import QueriesPage

    page = QueriesPage(w.db, w.actor, load=False)
    page.participant_opened.connect(w.open_participant)
    return page


def _outcomes(w: MainWindow) -> QWidget:
    from .outcomes_page import OutcomesPage

    return OutcomesPage(w.db, w.actor)


def _audit(w: MainWindow) -> QWidget:
    from .audit_page import AuditPage

    return AuditPage(w.db, w.actor)


def _admin(w: MainWindow) -> QWidget:
    from .admin_page import AdminPage

    page = AdminPage(w.db, w.actor)
    page.idle_minutes_changed.connect(w.set_idle_minutes)
    return page


def _calendar(w: MainWindow) -> QWidget:
    from .calendar_page import CalendarPage

    return CalendarPage(w.db, w.actor)


def _reports(w: MainWindow) -> QWidget:
    from .reports_page import ReportsPage

    return ReportsPage(w.db, w.actor)


def _export(w: MainWindow) -> QWidget:
    from .export_page import ExportPage

    return ExportPage(w.db, w.actor)


def _status(w: MainWindow) -> QWidget:
    from .status_dashboard import StatusDashboardPage

    page = StatusDashboardPage(w.db, w.actor, load=False)
    page.participant_opened.connect(w.open_participant)
    page.participant_tab_opened.connect(w.open_participant_at)
    return page


def _import(w: MainWindow) -> QWidget:
    from .import_page import ImportPage

    return ImportPage(w.db, w.actor)


def _placeholder(title: str) -> PageFactory:
    return lambda w: PlaceholderPage(title)


def default_pages() -> list[PageSpec]:
    """The navigation; later features register their page by replacing a factory here."""
    return [
        PageSpec("participants", _t("Participants"), Permission.VIEW_PARTICIPANTS, _participants),
        PageSpec("screening", _t("Screening"), Permission.VIEW_PARTICIPANTS, _screening),
        PageSpec("status", _t("Status"), Permission.VIEW_PARTICIPANTS, _status),
        PageSpec(
            "calendar",
            _t("Calendar"),
            Permission.READ_FOLLOWUP,
            _calendar,
        ),
        PageSpec("queries", _t("Queries"), Permission.VIEW_PARTICIPANTS, _queries),
        PageSpec("outcomes", _t("Outcomes"), Permission.REPORTS, _outcomes),
        PageSpec("reports", _t("Reports"), Permission.REPORTS, _reports),
        PageSpec("export", _t("Export"), Permission.REPORTS, _export),
        PageSpec("import", _t("Import"), Permission.SCREEN_ENROL, _import),
        PageSpec("audit", _t("Audit"), Permission.VIEW_AUDIT, _audit),
        PageSpec("admin", _t("Administration"), Permission.MANAGE_USERS, _admin),
    ]


class MainWindow(QMainWindow):
    switch_user_requested = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        lock_minutes: float | None = None,
        pages: list[PageSpec] | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("NCLM Desktop — {db}").format(db=db.describe()))
        self.specs = [p for p in (pages or default_pages()) if actor.can(p.permission)]
        self.pages: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 14px; } QListWidget::item { padding: 8px 10px; }"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for spec in self.specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        role = ROLE_LABELS.get(actor.role, actor.role)
        self.user_label = QLabel(
            self.tr("{name} ({user}) — {role}").format(
                name=actor.display_name or actor.username, user=actor.username, role=_t(role)
            )
        )
        self.user_label.setObjectName("status_user")
        # A long path is elided in the middle, whole in the tooltip (never widens the window).
        self.db_label = ElidedLabel(self.tr("Database: {db}").format(db=db.describe()))
        self.db_label.setObjectName("status_database")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self._add_action("lock_now", self.tr("Lock now"), "Ctrl+L", self.lock_now)
        self._add_action(
            "switch_user", self.tr("Switch user"), "Ctrl+Shift+Q", self.switch_user_requested.emit
        )
        self._add_action(
            "focus_filter", self.tr("Find"), QKeySequence.StandardKey.Find, self._focus_filter
        )
        self._add_session_controls()
        self._add_account_menu()
        about = self._add_action("about", self.tr("About NCLM Desktop"), "", self.show_about)
        self.menuBar().addMenu(self.tr("&Help")).addAction(about)

        self.idle_lock: IdleLock | None = None
        if lock_minutes is None:
            lock_minutes = settings.idle_lock_minutes(db)
        if lock_minutes > 0:
            self.idle_lock = IdleLock(
                self, db, actor, lock_minutes, self.switch_user_requested.emit
            )
        if self.specs:
            self.nav.setCurrentRow(0)
        self.resize(1280, 800)

    def _add_action(self, name: str, text: str, shortcut: object, slot: Callable) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _add_session_controls(self) -> None:
        """Sign out and Switch user where everyone sees them: a Session menu and the toolbar
        (on a shared ward workstation a shortcut alone is not enough)."""
        sign_out = self._add_action(
            "sign_out", self.tr("Sign out"), "Ctrl+Shift+W", self.sign_out_requested.emit
        )
        switch = self.findChild(QAction, "switch_user")
        lock = self.findChild(QAction, "lock_now")
        sign_out.setToolTip(self.tr("End your session; the sign-in window comes back"))
        switch.setToolTip(self.tr("End your session and let another user sign in"))
        menu = self.menuBar().addMenu(self.tr("&Session"))
        menu.setObjectName("session_menu")
        for action in (lock, switch, sign_out):
            menu.addAction(action)
        bar = QToolBar(self.tr("Session"))
        bar.setObjectName("session_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)  # the buttons sit on the right, away from the page titles
        who = QLabel(self.tr("Signed in: {user}").format(user=self.user_label.text()))
        who.setObjectName("toolbar_user")
        who.setStyleSheet("color: #444; padding: 0 8px;")
        bar.addWidget(who)
        bar.addAction(switch)
        bar.addAction(sign_out)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _add_account_menu(self) -> None:
        """The signed-in user's menu: change one's own password."""
        menu = self.menuBar().addMenu(self.tr("&Account"))
        menu.setObjectName("account_menu")
        action = QAction(self.tr("Change password…"), self)
        action.setObjectName("change_password")
        action.triggered.connect(self.change_password)
        menu.addAction(action)
        language = QAction(self.tr("Language…"), self)
        language.setObjectName("choose_language")
        language.triggered.connect(self.choose_language)
        menu.addAction(language)

    @Slot()
    def choose_language(self) -> None:
        from .language_dialog import LanguageDialog

        who = self.actor.display_name or self.actor.username
        if LanguageDialog(self.db, self.actor, self.actor.user_id, who, self).exec():
            self.statusBar().showMessage(
                self.tr("Language saved; it applies from your next sign-in."), 8000
            )

    @Slot()
    def change_password(self) -> None:
        from .change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, self.actor, self)
        if dialog.exec():
            self.statusBar().showMessage(self.tr("Password changed."), 5000)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        page = self.pages.get(spec.key)
        if page is None:
            page = spec.factory(self)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def show_page(self, key: str) -> QWidget:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)
                return self.pages[key]
        raise KeyError(f"page {key!r} is not available to this user")

    # Real Qt slots: a page's connection to them holds no Python reference to the window.
    @Slot()
    def open_screening_wizard(self) -> None:
        from .screening_wizard import open_screening_wizard

        open_screening_wizard(self)

    @Slot(int)
    def open_participant(self, participant_id: int) -> None:
        from .participant_detail import open_participant_detail

        open_participant_detail(self, participant_id)

    @Slot(int, str)
    def open_participant_at(self, participant_id: int, tab: str) -> None:
        from .participant_detail import open_participant_detail

        open_participant_detail(self, participant_id, tab)

    @Slot()
    def show_about(self) -> None:
        from .about import show_about

        show_about(self)

    def _focus_filter(self) -> None:
        edit = self.stack.currentWidget().findChild(QWidget, "participant_filter")
        if edit:
            edit.setFocus()

    def lock_now(self) -> None:
        if self.idle_lock:
            self.idle_lock.lock()

    @Slot(int)
    def set_idle_minutes(self, minutes: int) -> None:
        if self.idle_lock:
            self.idle_lock.set_minutes(minutes)

    def shutdown(self) -> None:
        if self.idle_lock:
            self.idle_lock.stop()

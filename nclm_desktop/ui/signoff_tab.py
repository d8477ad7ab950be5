"""The participant window's sign-off: the Sign-off tab (every form instance with its
source-data verification and signature; mark verified, sign, unlock), and the banner that
says the casebook is locked or a signature was invalidated, and keeps the window's edit
buttons disabled while it is locked (docs/ARCHITECTURE.md §3). The services decide; this
only shows and asks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models.db import Database
from ..services.errors import ServiceError
from ..services.monitoring import sdv, signing
from ..services.monitoring.signoff import FormInstance, SignOff, sign_off
from ..services.permissions import Actor
from .change_notice import Changes, change_notice
from .form_inputs import dictionary_text
from .sign_dialog import SignDialog, UnlockDialog, local_time, manifestation
from .table_models import configure_table

GREEN, AMBER, RED = "#e6f4ea", "#fff4e5", "#fdecea"


def _t(text: str) -> str:
    return QCoreApplication.translate("SignOff", text)


def form_name(instance: FormInstance) -> str:
    title = dictionary_text(instance.title)
    return f"{title} ({instance.detail})" if instance.detail else title


def sdv_text(state: sdv.SdvState) -> str:
    if state.state == "verified":
        return _t("Verified by {who} on {when}").format(
            who=state.verified_by, when=local_time(state.verified_utc)
        )
    if state.state == "changed since verification":
        verified = {"vwho": state.verified_by, "vwhen": local_time(state.verified_utc)}
        if state.changed_utc is None:
            return _t("Changed after verification on {vwhen} by {vwho}: verify again").format(
                **verified
            )
        return _t(
            "Changed on {when} by {who}, after verification on {vwhen} by {vwho}: verify again"
        ).format(who=state.changed_by, when=local_time(state.changed_utc), **verified)
    return _t("Not verified")


def signature_text(row: signing.SignatureRow | None) -> str:
    if row is None:
        return "—"
    if row.valid:
        return _t("Signed: {m}").format(m=manifestation(row))
    if row.state == signing.WITHDRAWN:
        return _t("Withdrawn: {m}").format(m=manifestation(row))
    return _t("Invalid, changed after signing: {m}").format(m=manifestation(row))


def _cell(text: str, background: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if background:
        item.setBackground(QColor(background))
        item.setForeground(QColor("#1d2733"))
    return item


class SignOffTab(QWidget):
    def __init__(
        self, db: Database, actor: Actor, participant_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.pid = db, actor, participant_id
        self.view: SignOff | None = None
        self.dialog: QDialog | None = None
        self.summary = QLabel()
        self.summary.setObjectName("signoff_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.role_note = QLabel()
        self.role_note.setObjectName("signoff_role_note")
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("signoff_table")
        self.table.setHorizontalHeaderLabels(
            [_t("Form"), _t("Source-data verification"), _t("Signature")]
        )
        configure_table(self.table, sort_column=None)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)  # a changed mark or a signature says a sentence
        self.table.verticalHeader().setMinimumSectionSize(24)  # one-line rows as in lists
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 250)
        header.resizeSection(1, 480)
        self.table.itemSelectionChanged.connect(self._sync)
        self.verify_button = self._button(_t("Mark verified"), "signoff_verify", self.verify)
        self.verify_button.setToolTip(
            _t("The selected forms match the source documents (kept in the audit trail)")
        )
        self.sign_form_button = self._button(_t("Sign form…"), "signoff_sign_form", self.sign_form)
        self.sign_casebook_button = self._button(
            _t("Sign casebook…"), "signoff_sign_casebook", self.sign_casebook
        )
        self.unlock_button = self._button(_t("Unlock…"), "signoff_unlock", self.unlock)
        self.message = QLabel()
        self.message.setObjectName("signoff_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.verify_button,
            self.sign_form_button,
            self.sign_casebook_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.role_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()
        change_notice().changed.connect(self._on_changes)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.pid):
            self.refresh()

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            view = sign_off(self.db, self.actor, self.pid)
        except ServiceError as exc:
            self.summary.setText(str(exc))
            return
        chosen = {(f.form, f.record_id) for f in self.selected()}
        self.view = view
        self.table.setRowCount(len(view.forms))
        for r, instance in enumerate(view.forms):
            state = instance.sdv.state
            shade = {"verified": GREEN, "changed since verification": AMBER}.get(state)
            sig = instance.signature
            sig_shade = None if sig is None else GREEN if sig.valid else RED
            self.table.setItem(r, 0, _cell(form_name(instance)))
            self.table.setItem(r, 1, _cell(sdv_text(instance.sdv), shade))
            self.table.setItem(r, 2, _cell(signature_text(sig), sig_shade))
        self.table.resizeRowsToContents()
        self.table.clearSelection()
        for r, instance in enumerate(view.forms):
            if (instance.form, instance.record_id) in chosen:
                self._add_row(r)
        self.summary.setText(self._summary(view))
        self.role_note.setText(self._role_note(view))
        self._sync()

    def _add_row(self, row: int) -> None:
        for col in range(self.table.columnCount()):
            self.table.item(row, col).setSelected(True)

    @staticmethod
    def _summary(view: SignOff) -> str:
        states = [f.sdv.state for f in view.forms]
        counts = _t("{n} forms · {v} verified · {c} changed after verification").format(
            n=len(states),
            v=states.count("verified"),
            c=states.count("changed since verification"),
        )
        last = view.casebook_signature
        if view.locked and last is not None:
            book = _t("Casebook signed and locked")
        elif view.locked:
            book = _t("Casebook locked")
        elif last is not None and last.valid:
            book = _t("Casebook signed, unlocked")
        else:
            book = _t("Casebook not signed")
        return f"{view.study_id} — {book} — {counts}"

    @staticmethod
    def _role_note(view: SignOff) -> str:
        if view.can_verify:
            return _t(
                "Select forms you checked against the source documents and mark them "
                "verified; a later change clears the mark."
            )
        if view.can_sign:
            return _t(
                "Sign the selected form, or the whole casebook (which locks it). A later "
                "change of signed data shows the signature as invalid."
            )
        return _t("Read-only: a monitor verifies source data; the investigator signs and unlocks.")

    def selected(self) -> list[FormInstance]:
        if self.view is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.view.forms[r] for r in rows if r < len(self.view.forms)]

    @Slot()
    def _sync(self) -> None:
        view = self.view
        if view is None:
            return
        chosen = self.selected()
        self.verify_button.setVisible(view.can_verify)
        self.verify_button.setEnabled(any(not f.sdv.verified for f in chosen))
        for button in (self.sign_form_button, self.sign_casebook_button, self.unlock_button):
            button.setVisible(view.can_sign)
        self.sign_form_button.setEnabled(len(chosen) == 1 and not view.locked)
        self.sign_casebook_button.setEnabled(not view.locked)
        self.unlock_button.setEnabled(view.locked)
        locked_tip = _t("The casebook is signed and locked; unlock it first.")
        self.sign_form_button.setToolTip(
            locked_tip if view.locked else _t("Sign the one selected form")
        )
        self.sign_casebook_button.setToolTip(
            locked_tip if view.locked else _t("Sign every form of the casebook and lock it")
        )

    # --- actions ------------------------------------------------------------------------

    def verify(self) -> None:
        todo = [f for f in self.selected() if not f.sdv.verified]
        try:
            for instance in todo:
                sdv.mark_verified(self.db, self.actor, instance.form, instance.record_id)
        except ServiceError as exc:
            self.message.setText(str(exc))
        else:
            self.message.setText(_t("{n} form(s) marked verified.").format(n=len(todo)))
        self.refresh()

    def _open(self, dialog: QDialog, done: str) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message.setText(done))
        dialog.finished.connect(self.refresh)
        dialog.open()

    def sign_form(self) -> None:
        (instance,) = self.selected()
        dialog = SignDialog(
            self.db,
            self.actor,
            self.pid,
            self.view.study_id,
            form=instance.form,
            record_id=instance.record_id,
            what=form_name(instance),
            parent=self,
        )
        self._open(dialog, _t("{what} signed.").format(what=form_name(instance)))

    def sign_casebook(self) -> None:
        dialog = SignDialog(self.db, self.actor, self.pid, self.view.study_id, parent=self)
        self._open(dialog, _t("Casebook signed and locked."))

    def unlock(self) -> None:
        dialog = UnlockDialog(self.db, self.actor, self.pid, self.view.study_id, parent=self)
        self._open(dialog, _t("Casebook unlocked; its signatures stay on record."))


# Buttons in the participant window that change case data: disabled while the casebook is
# locked (data queries and SDV marks are not case data, docs/ARCHITECTURE.md §3).
EDIT_PREFIXES = ("edit_", "record_", "add_")
EDIT_NAMES = frozenset({"reschedule_visit", "mark_missed", "unmark_missed"})


def is_case_edit(button: QPushButton) -> bool:
    name = button.objectName()
    return "query" not in name and (name in EDIT_NAMES or name.startswith(EDIT_PREFIXES))


class CasebookBanner(QLabel):
    """Shown when the casebook is locked (who signed, when, meaning) and, in red, when a
    signature was invalidated by a later change. While locked it keeps the window's edit
    buttons disabled with a tooltip, whatever their own tab enables: a button its tab
    enables meanwhile is noted and enabled again on unlock. Create it before the tabs so it
    hears of an unlock first and the tabs then set their buttons as they should be."""

    def __init__(self, db: Database, actor: Actor, participant_id: int) -> None:
        super().__init__()
        self.db, self.actor, self.pid = db, actor, participant_id
        self.setObjectName("casebook_banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.window_: QWidget | None = None
        self.locked = False
        self.wanted: dict[QPushButton, tuple[bool, str]] = {}  # enabled, tooltip when locked
        self.hide()
        change_notice().changed.connect(self._on_changes)

    def attach(self, window: QWidget) -> None:
        """Guard ``window``'s edit buttons from now on (call once its tabs are built)."""
        self.window_ = window
        self.refresh()

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.pid):
            self.refresh()

    def refresh(self) -> None:
        try:
            view = sign_off(self.db, self.actor, self.pid)
        except ServiceError:
            self.hide()
            return
        lines = []
        if view.locked:
            sig = view.casebook_signature
            lines.append(
                _t(
                    "Casebook signed and locked: {m}. A change needs an investigator to "
                    "unlock it, with a reason."
                ).format(m=manifestation(sig))
                if sig is not None
                else _t(
                    "Casebook locked. A change needs an investigator to unlock it, with a reason."
                )
            )
        for instance, sig in view.invalidated:
            what = _t("the casebook") if instance is None else form_name(instance)
            lines.append(
                _t("Signature invalidated: {what}, signed by {m}, was changed afterwards.").format(
                    what=what, m=manifestation(sig)
                )
            )
        red = bool(view.invalidated)
        self.setStyleSheet(
            "padding: 6px 8px; border-radius: 4px; "
            + (
                "background: #fdecea; color: #8a1c1c; border: 1px solid #e0a0a0;"
                if red
                else "background: #e8f0fe; color: #1a3e72; border: 1px solid #a8c2ec;"
            )
        )
        self.setProperty("alarm", red)
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
        self._guard(view.locked)

    # --- the edit guard ---------------------------------------------------------------

    def _buttons(self) -> list[QPushButton]:
        if self.window_ is None:
            return []
        return [  # the window's own, not those of a dialog it has open
            b
            for b in self.window_.findChildren(QPushButton)
            if is_case_edit(b) and b.window() is self.window_
        ]

    def _guard(self, locked: bool) -> None:
        tip = _t("The casebook is signed and locked; an investigator must unlock it first.")
        if locked and not self.locked:
            for button in self._buttons():
                self.wanted[button] = (button.isEnabled(), button.toolTip())
                button.installEventFilter(self)
                button.setEnabled(False)
                button.setToolTip(tip)
        elif not locked and self.locked:
            for button, (enabled, old_tip) in self.wanted.items():
                button.removeEventFilter(self)
                button.setToolTip(old_tip)
                button.setEnabled(enabled)
            self.wanted.clear()
        self.locked = locked

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.locked
            and event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QPushButton)
            and watched.isEnabled()
            and watched in self.wanted
        ):
            self.wanted[watched] = (True, self.wanted[watched][1])
            watched.setEnabled(False)
        return False

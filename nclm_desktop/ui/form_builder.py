"""The one form builder: a data-dictionary form as a wizard page or as a detail-tab editor.

Both are a ``FormView``: a two-column form of the fields' inputs, each with its error line
(``<name>_error``) under it; the caption carries " *" while the field is required (a
condition over the other fields may make it so) and enabled. What is typed is checked live
by the field's own ``clean`` (the services' check), so the screen says what the service
would. A value outside the plausible (soft) range shows a "Keep this value" button that
confirms it. See docs/ARCHITECTURE.md §11.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..forms import Field, Form, Kind, UserError, ValidationError
from . import dialogs
from .field_flag import FlagCaption, FlaggedFields
from .form_feedback import ErrorLine, MissingFields, focus_field, required_label, watch_enabled
from .form_inputs import CustomInput, FieldInput, dictionary_text, make_input

Today = dt.date | Callable[[], dt.date]


def t(text: str) -> str:
    return QCoreApplication.translate("FormBuilder", text)


class _Row:
    def __init__(self, view: FormView, inp: FieldInput) -> None:
        name = inp.field.name
        self.input = inp
        self.field = inp.field
        self.label = dictionary_text(inp.field.label)
        self.caption = FlagCaption(self.label)
        self.caption.setBuddy(inp.focus)
        self.error = ErrorLine(name, wrap=True)
        self.keep = QPushButton(t("Keep this value"))
        self.keep.setObjectName(f"{name}_confirm")
        self.keep.setAutoDefault(False)  # Return in a dialog saves; it never keeps a value
        self.keep.hide()
        self.keep.clicked.connect(lambda: view.confirm(name))
        self.box = QWidget()
        column = QVBoxLayout(self.box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(inp.widget, 0, Qt.AlignmentFlag.AlignLeft)  # inputs keep their size
        column.addWidget(self.error)
        column.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignLeft)

    def show(self, message: str | None, soft: bool = False) -> None:
        self.error.show_message(message)
        self.keep.setVisible(bool(message) and soft)


class FormView(QWidget, FlaggedFields):
    """The fields ``names`` of ``form`` (default: all its inputs) laid out as a form."""

    changed = Signal()

    def __init__(
        self,
        form: Form,
        names: Iterable[str | Field] | None = None,
        *,
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        """``names``: the form's fields to show (default: all its inputs); a Field from
        another form may stand among them (a page that gathers several forms)."""
        super().__init__(parent)
        self.form_def = form
        self._today = today
        self.rows: dict[str, _Row] = {}
        self._confirmed: set[str] = set()
        self._required: dict[str, bool] = {}  # the page's own say, over the definition's
        self._checks: dict[str, list[Callable[[Any], str | None]]] = {}
        self._field_actions: list[tuple[str, Callable[[str], None]]] = []
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setVerticalSpacing(4)
        fields = (
            form.inputs
            if names is None
            else tuple(n if isinstance(n, Field) else form[n] for n in names)
        )
        for f in fields:
            self._add(make_input(f))

    # -- building -----------------------------------------------------------------------
    def _add(self, inp: FieldInput) -> FieldInput:
        row = _Row(self, inp)
        self.rows[inp.field.name] = row
        self.layout_.addRow(row.caption, row.box)
        inp.connect(lambda *_, n=inp.field.name: self._edited(n))
        watch_enabled(inp.focus, self._mark_required)
        self._mark_required()
        return inp

    def add_row(
        self,
        field: Field | str,
        widget: QWidget,
        *,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        signal: Any = None,
    ) -> QWidget:
        """A field shown by a widget of the page's own (e.g. the Couinaud segment map),
        checked and saved like the others. ``field`` is a Field or the name of one."""
        f = self.form_def[field] if isinstance(field, str) else field
        self._add(CustomInput(f, widget, get, put, signal))
        return widget

    def today(self) -> dt.date:
        return self._today() if callable(self._today) else self._today

    # per-field actions and flags (e.g. data queries): FlaggedFields, ui/field_flag.py

    def require(self, name: str, required: bool = True) -> None:
        """Required here whatever the definition says (e.g. asked before Finish)."""
        self._required[name] = required
        self._mark_required()

    def add_check(self, name: str, check: Callable[[Any], str | None]) -> None:
        """A page's own rule over a field's value (a date not before another field's),
        checked live after the field's definition; the service checks it again."""
        self._checks.setdefault(name, []).append(check)

    def not_before(self, name: str, other: str, value: Callable[[], dt.date | None]) -> None:
        """``name`` may not be before the date ``value()`` (the ``other`` date)."""

        def check(day: dt.date) -> str | None:
            limit = value()
            if limit is not None and day < limit:
                return t("{label} cannot be before the {other} ({limit}).").format(
                    label=self.rows[name].label, other=other, limit=limit.isoformat()
                )
            return None

        self.add_check(name, check)

    # -- values -------------------------------------------------------------------------
    def widget(self, name: str) -> QWidget:
        return self.rows[name].input.focus

    def input(self, name: str) -> FieldInput:
        return self.rows[name].input

    def enabled(self, name: str) -> bool:
        return self.rows[name].input.focus.isEnabled()

    def set_enabled(self, name: str, enabled: bool) -> None:
        self.rows[name].input.widget.setEnabled(enabled)
        self.rows[name].input.focus.setEnabled(enabled)
        if not enabled:
            self.rows[name].show(None)

    def raw_values(self) -> dict[str, Any]:
        """What is typed now (None where blank, unreadable or disabled), units included."""
        out: dict[str, Any] = {}
        for name, row in self.rows.items():
            on = self.enabled(name)
            out[name] = row.input.value() if on else None
            out.update(row.input.extra_values() if on else {})
        return out

    def values(self) -> dict[str, Any]:
        """The values to hand to a service; ValidationError for the first unreadable input
        (shown under it)."""
        for name, row in self.rows.items():
            problem = row.input.problem() if self.enabled(name) else None
            if problem:
                self.show_error(name, problem)
                raise ValidationError(name, problem)
        return self.raw_values()

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, row in self.rows.items():
            if name in values:
                row.input.set_value(values[name])
            row.input.set_extra(dict(values))
        self._confirmed.clear()
        self.clear_errors()
        self._mark_required()

    def confirmed(self) -> frozenset[str]:
        return frozenset(self._confirmed)

    def confirm(self, name: str) -> None:
        """The user keeps a value outside the usual range."""
        self._confirmed.add(name)
        self.rows[name].show(None)
        self.changed.emit()

    # -- checking -----------------------------------------------------------------------
    def problem(self, name: str) -> tuple[str, bool] | None:
        """(message, soft) of what is typed in ``name``, or None: unreadable, or refused by
        the field's own check."""
        row = self.rows[name]
        if not self.enabled(name):
            return None
        text_problem = row.input.problem()
        if text_problem:
            return text_problem, False
        value = row.input.value()
        if value is None:
            return None
        f = row.input.field
        if not isinstance(row.input, CustomInput):
            unit = row.input.extra_values().get(f.unit_field) if f.unit_field else None
            try:
                f.clean(value, today=self.today(), confirmed=name in self._confirmed, unit=unit)
            except ValidationError as exc:
                return str(exc), exc.soft
        for check in self._checks.get(name, ()):
            message = check(value)
            if message:
                return message, False
        return None

    def is_required(self, name: str, values: Mapping[str, Any] | None = None) -> bool:
        if not self.enabled(name):
            return False
        if name in self._required:
            return self._required[name]
        return self.rows[name].input.field.is_required(
            self.raw_values() if values is None else values
        )

    def missing(self) -> list[tuple[str, str]]:
        """(name, label) of each required field left blank, in form order."""
        values = self.raw_values()
        return [
            (name, row.label)
            for name, row in self.rows.items()
            if self.is_required(name, values) and row.input.is_blank()
        ]

    def blocking(self) -> list[tuple[str, str]]:
        """(name, text) of each field that stops saving: invalid, or required and blank."""
        missing = dict(self.missing())
        out = []
        for name, row in self.rows.items():
            if self.problem(name):
                out.append((name, t("{label} (see the message)").format(label=row.label)))
            elif name in missing:
                out.append((name, row.label))
        return out

    def refresh(self) -> bool:
        """Show every field's problem under it; True when nothing is wrong or missing."""
        ok = True
        for name, row in self.rows.items():
            problem = self.problem(name)
            row.show(*problem) if problem else row.show(None)
            ok = ok and problem is None
        return ok and not self.missing()

    def explain(self) -> bool:
        """Say under each field what stops saving (blank required ones too) and put the
        cursor in the first; True when nothing does."""
        self.refresh()
        for name, label in self.missing():
            self.rows[name].show(t("{label} is required.").format(label=label))
        entries = self.blocking()
        if entries:
            self.focus(entries[0][0])
        return not entries

    def show_error(self, name: str, message: str | None, *, soft: bool = False) -> bool:
        """Show a service's message under its field; False when the field is not here."""
        if name not in self.rows:
            return False
        self.rows[name].show(message, soft)
        if message:
            self.focus(name)
        return True

    def show_service_error(self, exc: ValidationError) -> bool:
        return self.show_error(exc.field, str(exc), soft=exc.soft)

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.show(None)

    def focus(self, name: str) -> None:
        if name in self.rows:
            focus_field(self.rows[name].input.focus)

    def _edited(self, name: str) -> None:
        self._confirmed.discard(name)  # a new value needs its own confirmation
        problem = self.problem(name)
        self.rows[name].show(*problem) if problem else self.rows[name].show(None)
        self._mark_required()
        self.changed.emit()

    def _mark_required(self) -> None:
        values = self.raw_values()
        for name, row in self.rows.items():
            row.caption.setText(required_label(row.label, self.is_required(name, values)))

    # -- drafts -------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, row in self.rows.items():
            out[name] = row.input.to_json()
            out.update(row.input.extra_values())
        return out

    def from_json(self, data: Mapping[str, Any]) -> None:
        for name, row in self.rows.items():
            if name in data:
                row.input.from_json(data[name])
            row.input.set_extra(dict(data))
        self._mark_required()


class FormWizardPage(QWizardPage):
    """A wizard page around a FormView; Next is enabled when nothing is invalid or missing.
    Under the form, "Still needed" lists what stops Next, each entry a link to its field."""

    def __init__(
        self,
        title: str,
        form: Form,
        names: Iterable[str] | None = None,
        *,
        today: Today,
        subtitle: str = "",
    ) -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.view = FormView(form, names, today=today)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.view)
        self.below = QVBoxLayout()
        self.outer.addLayout(self.below)
        self.outer.addStretch(1)
        self.missing = MissingFields(self.view.focus, self)
        self.outer.addWidget(self.missing)
        self.view.changed.connect(self.completeChanged.emit)

    def add_block(self, widget: QWidget, *, stretch: int = 0) -> QWidget:
        """A full-width widget below the form (a table, a preview)."""
        self.below.addWidget(widget, stretch)
        if stretch:  # the block, not the trailing spacer, takes the free height
            self.outer.setStretch(1, 1)
            self.outer.setStretch(2, 0)
        return widget

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        ok = self.view.refresh()
        self.missing.set_entries(self.view.blocking())
        return ok and self.extra_complete()

    def extra_complete(self) -> bool:
        """A page's own condition beyond its fields (override)."""
        return True

    def explain(self) -> None:
        self.view.explain()


def page_of(wizard: QWizard, field_name: str) -> int | None:
    """The id of the wizard page that holds ``field_name``."""
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        if isinstance(page, FormWizardPage) and field_name in page.view.rows:
            return page_id
    return None


class EditorHook(Protocol):
    """What a FormEditor asks of a helper attached to it (ui/field_queries.py): the reason
    for a change (it may offer the record's open queries) and what to do once it is saved."""

    def ask_reason(self, editor: FormEditor) -> str | None: ...

    def after_save(self, editor: FormEditor) -> None: ...


class FormEditor(QWidget):
    """A detail-tab editor: the fields read-only until Edit; Save checks them, asks a reason
    when the record was saved before (kept in the audit trail) and calls ``save(values,
    confirmed, reason)``; a service's refusal shows under its field."""

    saved = Signal()

    def __init__(
        self,
        form: Form,
        names: Iterable[str] | None = None,
        *,
        today: Today,
        what: str,
        can_edit: bool,
        save: Callable[[dict[str, Any], frozenset[str], str | None], None],
        load: Callable[[], Mapping[str, Any] | None],
        name: str | None = None,
    ) -> None:
        super().__init__()
        name = name or form.name
        self.key = name  # the objectNames' suffix
        self.what = what
        self._save_fn, self._load_fn = save, load
        self.view = FormView(form, names, today=today)
        self.edit_button = QPushButton(t("Edit…"))
        self.edit_button.setObjectName(f"edit_{name}")
        self.edit_button.setEnabled(can_edit)
        self.save_button = QPushButton(t("Save"))
        self.save_button.setObjectName(f"save_{name}")
        self.cancel_button = QPushButton(t("Cancel"))
        self.cancel_button.setObjectName(f"cancel_{name}")
        self.edit_button.clicked.connect(lambda: self.set_editing(True))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.button_row = buttons  # helpers add theirs before the stretch
        self.hook: EditorHook | None = None
        self._loaded: dict[str, Any] = {}
        # Read-only fields stay legible (the default disabled grey is too faint to read).
        self.setStyleSheet(
            "QLineEdit:disabled, QComboBox:disabled, QPlainTextEdit:disabled, "
            "QCheckBox:disabled { color: #1d2733; }"
        )
        body = QVBoxLayout(self)
        body.addWidget(self.view)
        body.addLayout(buttons)
        body.addStretch(1)
        self.first_entry = False
        self.editing = False
        self.load()
        self.set_editing(False)

    def load(self) -> None:
        values = self._load_fn()
        self.first_entry = values is None
        self.view.set_values(values or {})
        self._loaded = self._shown()

    def _shown(self) -> dict[str, Any]:
        # What the inputs hold, read-only or not (raw_values skips disabled inputs).
        return {name: row.input.value() for name, row in self.view.rows.items()}

    def changed_fields(self) -> set[str]:
        """The fields whose value differs from what was loaded."""
        now = self._shown()
        return {name for name in self.view.rows if now[name] != self._loaded.get(name)}

    def set_editing(self, editing: bool) -> None:
        self.editing = editing
        for row in self.view.rows.values():
            row.input.widget.setEnabled(editing)
            row.input.focus.setEnabled(editing)
        self.view.clear_errors()
        self.edit_button.setVisible(not editing)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        if editing and self.view.rows:
            self.view.focus(next(iter(self.view.rows)))

    def cancel(self) -> None:
        self.load()
        self.set_editing(False)

    def save(self) -> bool:
        if not self.view.explain():
            return False
        values = self.view.values()
        reason = None
        if not self.first_entry:
            reason = (
                self.hook.ask_reason(self) if self.hook else dialogs.ask_reason(self, self.what)
            )
            if not reason:
                return False
        try:
            self._save_fn(values, self.view.confirmed(), reason)
        except UserError as exc:
            if not (isinstance(exc, ValidationError) and self.view.show_service_error(exc)):
                dialogs.show_error(self, str(exc))
            return False
        self.load()
        self.set_editing(False)
        if self.hook:
            self.hook.after_save(self)
        self.saved.emit()
        return True


def fields_of(form: Form, kinds: Collection[Kind]) -> tuple[str, ...]:
    """The names of the form's input fields of the given kinds (e.g. every date)."""
    return tuple(f.name for f in form.inputs if f.kind in kinds)

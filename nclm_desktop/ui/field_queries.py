"""Data queries on the fields of a FormView (docs/ARCHITECTURE.md §3): one mechanism for
every form and detail tab that knows its records.

``watch_queries(view_or_editor_or_grid, db, actor, participant_id, records)`` -
``records`` maps each data-dictionary form shown to its record's key (``show_records``
changes them, e.g. when a tab shows another operation) - then:

- every field with an open or answered query carries a flag beside its caption, its tooltip
  listing the queries; the flags follow every change (the change notice);
- a monitor or the investigator raises a query on a field from its caption's context menu,
  or from the keyboard with Ctrl+Alt+Q (the field with the cursor) or the editor's
  "Raise query…" button;
- when the site changes saved data in a FormEditor, the reason dialog offers the record's
  open queries: those ticked are cited in the audit reason ("Query #3: ...") and answered
  as corrected once the change is saved.

``watch_record_queries(table, model, form, ...)`` does the same for a table listing records
of one form: the selected row's record takes a query (its field chosen in the dialog, from
the table's context menu or Ctrl+Alt+Q) and rows with live queries carry the flag.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from ..forms import Field
from ..forms.catalogue import all_forms
from ..models.db import Database
from ..services.errors import UserError
from ..services.monitoring import queries
from ..services.monitoring.queries import QueryRow
from ..services.monitoring.roles import RAISERS, SITE
from ..services.permissions import Actor
from . import dialogs
from .change_notice import Changes, change_notice
from .field_flag import FlaggedTableModel
from .field_grid import FieldGrid
from .form_builder import FormEditor, FormView
from .form_inputs import dictionary_text
from .query_dialogs import CorrectionReasonDialog, RaiseQueryDialog, query_line


def _t(text: str) -> str:
    return QCoreApplication.translate("FieldQueries", text)


RAISE_SHORTCUT = "Ctrl+Alt+Q"


def home_form(field: Field, view: FormView | FieldGrid, forms: Mapping[str, str]) -> str | None:
    """The name of the dictionary form (among ``forms``) that defines ``field``."""
    for name in forms:
        found = all_forms().get(name)
        if found is not None and any(f is field for f in found.fields):
            return name
    own = view.form_def.name
    return own if own in forms and field.name in view.form_def else None


def flag_state(live: list[QueryRow]) -> str | None:
    """A field's flag: "open" while one query waits for the site, else "answered"."""
    return "open" if any(q.state == "open" for q in live) else ("answered" if live else None)


def queries_tip(live: list[QueryRow], label: Callable[[str], str]) -> str:
    """The flag's tooltip: each live query, and its answer; ``label`` names a field."""
    lines = []
    for q in live:
        lines.append(query_line(q, label(q.field)))
        if q.answer:
            lines.append(
                "    " + _t("Answer ({who}): {answer}").format(who=q.answered_by, answer=q.answer)
            )
    return "\n".join(lines)


def _raise_shortcut(parent: QWidget, run: Callable[[], object]) -> QAction:
    """Ctrl+Alt+Q while the focus is in ``parent``."""
    shortcut = QAction(_t("Raise query…"), parent)
    shortcut.setObjectName("raise_query_shortcut")
    shortcut.setShortcut(QKeySequence(RAISE_SHORTCUT))
    shortcut.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.triggered.connect(lambda: run())
    parent.addAction(shortcut)
    return shortcut


class FieldQueries(QObject):
    def __init__(
        self,
        target: FormView | FormEditor | FieldGrid,
        db: Database,
        actor: Actor,
        participant_id: int,
        records: Mapping[str, object],
    ) -> None:
        super().__init__(target)
        self.editor = target if isinstance(target, FormEditor) else None
        self.view = target.view if isinstance(target, FormEditor) else target
        self.db, self.actor, self.pid = db, actor, participant_id
        self._set_records(records)
        self.queries: list[QueryRow] = []
        self._cited: list[int] = []
        self._reason = ""
        self.raise_button: QPushButton | None = None
        if actor.role in RAISERS:
            self.view.add_field_action(_t("Raise query…"), self.raise_on)
            # From the keyboard: on the field with the cursor (chosen in the dialog else).
            _raise_shortcut(self.view, lambda: self.raise_on(None))
            if self.editor is not None:
                self.raise_button = QPushButton(_t("Raise query…"))
                self.raise_button.setObjectName(f"raise_query_{self.editor.key}")
                self.raise_button.setToolTip(_t("Ask the site about one value of this form"))
                self.raise_button.clicked.connect(lambda: self.raise_on(None))
                row = self.editor.button_row
                row.insertWidget(row.count() - 1, self.raise_button)
        if self.editor is not None:
            self.editor.hook = self
        self.refresh()
        change_notice().changed.connect(self._on_changes)

    def _set_records(self, records: Mapping[str, object]) -> None:
        self.records = {form: str(key) for form, key in records.items()}
        # field name -> its form; fields of no known record take no queries
        self.forms: dict[str, str] = {}
        for name, row in self.view.rows.items():
            if row.field is not None and (form := home_form(row.field, self.view, self.records)):
                self.forms[name] = form

    def show_records(self, records: Mapping[str, object]) -> None:
        """The fields now show these records (e.g. another operation of the participant)."""
        self._set_records(records)
        self.refresh()

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.pid, "monitoring"):
            self.refresh()

    def _mine(self, q: QueryRow) -> bool:
        return self.records.get(q.form) == q.record_id and self.forms.get(q.field) == q.form

    def refresh(self) -> None:
        """Read the participant's queries again and flag the fields shown."""
        rows = queries.list_queries(self.db, self.actor, participant_id=self.pid)
        self.queries = [q for q in rows if self._mine(q)]
        for name in self.view.rows:
            live = [q for q in self.queries if q.field == name and q.state != "closed"]
            self.view.set_flag(name, flag_state(live), queries_tip(live, self.label))

    def label(self, name: str) -> str:
        return self.view.rows[name].label if name in self.view.rows else name

    # -- raising -------------------------------------------------------------------------
    def raise_on(self, name: str | None) -> bool:
        """The Raise dialog for ``name`` (or the field with the cursor, else the first)."""
        fields = [(n, self.label(n)) for n in self.view.rows if n in self.forms]
        if not fields:
            return False
        if self.editor is not None and self.editor.first_entry:
            dialogs.show_info(self.view, _t("Nothing is saved in this form yet to ask about."))
            return False
        if name is None:
            name = next((n for n, _ in fields if self.view.widget(n).hasFocus()), fields[0][0])

        def submit(field: str, text: str) -> None:
            form = self.forms[field]
            queries.raise_query(self.db, self.actor, form, self.records[form], field, text)

        title = dictionary_text(self.view.form_def.title)
        dialog = RaiseQueryDialog(title, fields, name, submit, self.view)
        done = bool(dialog.exec())
        dialog.deleteLater()
        if done:
            self.refresh()
        return done

    # -- the editor's reason, answering cited queries ----------------------------------
    def ask_reason(self, editor: FormEditor) -> str | None:
        self._cited, self._reason = [], ""
        still_open = [q for q in self.queries if q.state == "open"]
        if not still_open or self.actor.role not in SITE:
            return dialogs.ask_reason(editor, editor.what)
        dialog = CorrectionReasonDialog(
            editor.what,
            [(q, self.label(q.field)) for q in still_open],
            editor.changed_fields(),
            editor,
        )
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        if not accepted:
            return None
        self._cited, self._reason = dialog.cited(), dialog.reason
        return queries.cite(self._cited, self._reason)

    def after_save(self, editor: FormEditor) -> None:
        """Answer each query the saved change cited (the audit trail holds the citation)."""
        cited, self._cited = self._cited, []
        for qid in cited:
            try:
                queries.answer_query(self.db, self.actor, qid, self._reason, corrected=True)
            except UserError as exc:
                dialogs.show_error(editor, str(exc))
        if cited:
            self.refresh()


def watch_queries(
    target: FormView | FormEditor | FieldGrid,
    db: Database,
    actor: Actor,
    participant_id: int,
    records: Mapping[str, object],
) -> FieldQueries:
    """Flag ``target``'s fields with their queries and let raisers raise (module doc)."""
    return FieldQueries(target, db, actor, participant_id, records)


class RecordQueries(QObject):
    """Data queries on the records a table lists (one dictionary form; a row's "id" is its
    record's key): raised on the selected row, flagged on the rows (module doc)."""

    def __init__(
        self,
        table: QTableView,
        model: FlaggedTableModel,
        form: str,
        db: Database,
        actor: Actor,
        participant_id: int,
    ) -> None:
        super().__init__(table)
        self.table, self.model, self.form = table, model, all_forms()[form]
        self.db, self.actor, self.pid = db, actor, participant_id
        self.action: QAction | None = None
        if actor.role in RAISERS:
            self.action = _raise_shortcut(table, self.raise_on_selected)
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.refresh()
        change_notice().changed.connect(self._on_changes)

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.pid, "monitoring"):
            self.refresh()

    def label(self, name: str) -> str:
        return dictionary_text(self.form[name].label) if name in self.form else name

    def refresh(self) -> None:
        rows = queries.list_queries(
            self.db, self.actor, participant_id=self.pid, form=self.form.name
        )
        live: dict[str, list[QueryRow]] = {}
        for q in rows:
            if q.state != "closed":
                live.setdefault(q.record_id, []).append(q)
        self.model.set_flags(
            {
                key: (state, queries_tip(found, self.label))
                for key, found in live.items()
                if (state := flag_state(found)) is not None
            }
        )

    def raise_on_selected(self) -> bool:
        """The Raise dialog for the selected row's record, its field chosen there."""
        index = self.table.currentIndex()
        if not index.isValid():
            dialogs.show_info(self.table, _t("Select a row in the table first."))
            return False
        record_id = str(self.model.row_data(index.row())["id"])
        fields = [(f.name, dictionary_text(f.label)) for f in self.form.inputs]

        def submit(field: str, text: str) -> None:
            queries.raise_query(self.db, self.actor, self.form.name, record_id, field, text)

        title = dictionary_text(self.form.title)
        dialog = RaiseQueryDialog(title, fields, None, submit, self.table)
        done = bool(dialog.exec())
        dialog.deleteLater()
        if done:
            self.refresh()
        return done


def watch_record_queries(
    table: QTableView,
    model: FlaggedTableModel,
    form: str,
    db: Database,
    actor: Actor,
    participant_id: int,
) -> RecordQueries:
    """Flag ``table``'s rows with their records' queries and let raisers raise on one."""
    return RecordQueries(table, model, form, db, actor, participant_id)

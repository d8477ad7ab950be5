"""The study import as one act (docs/ARCHITECTURE.md §12): read the export's tables (CSV or
xlsx), read every cell through the data dictionary, write every record through the services
of typed entry inside one transaction, and commit only when nothing at all was refused and
this is not a dry run. Every problem is reported as ``file:row:column: message``.

Tables are taken in the order their records depend on each other: the people (five tables
read together, one service call each), then the operations, complications, reoperations,
visits and events, each streamed row by row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...forms import QT_TRANSLATE_NOOP
from ...forms.catalogue import all_forms
from ...forms.errors import Said, Term, said
from ...models.db import Database
from ..errors import ServiceError
from ..permissions import ROLE_LABELS, Actor, Permission, require
from .context import Context, Counts
from .followup import import_events, import_visits, split_events
from .people import PERSON_TABLES, import_people
from .source import SourceError, SourceTable
from .surgical import import_complications, import_operations, import_reoperations, surgeon_ids
from .transaction import one_transaction
from .values import IGNORED_TABLES, Parsed, Problem, TableLayout

Progress = Callable[[int, int, str], None]  # step, steps, the table being imported

# Each table's record numbers besides study_id and screening_id (the export's layout).
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "screening": (),
    "participant_identity": (),
    "participant": (),
    "baseline_disease": (),
    "systemic_treatment": ("systemic_treatment_id",),
    "operation": ("operation_id",),
    "operation_team": ("operation_surgeon_id", "operation_id"),
    "complication": ("complication_id", "operation_id"),
    "reoperation": ("reoperation_id", "operation_id"),
    "visit": ("visit_id",),
    "clinical_event": ("clinical_event_id", "visit_id", "complication_id"),
}
# Who may write each table (the services check it again for every record).
WRITER: dict[str, Permission] = {
    **dict.fromkeys(PERSON_TABLES, Permission.SCREEN_ENROL),
    **dict.fromkeys(
        ("operation", "operation_team", "complication", "reoperation"), Permission.WRITE_SURGERY
    ),
    **dict.fromkeys(("visit", "clinical_event"), Permission.WRITE_FOLLOWUP),
}
STEPS = ("people", "operation", "complication", "reoperation", "visit", "clinical_event")
CANCEL_EVERY = 200  # rows between two looks at the cancel button


class ImportRefused(ServiceError):
    """The import cannot start (bad request, unreadable source); nothing was written."""


class ImportCancelled(ServiceError):
    pass


@dataclass
class ImportReport:
    errors: list[Problem]
    counts: dict[str, Counts]
    files: dict[str, str] = field(default_factory=dict)  # file → SHA-256
    dry_run: bool = False
    written: bool = False

    def lines(self) -> list[str]:
        """The report as text: every error, then what was (or would be) written."""
        return [str(e) for e in self.errors] + self.summary()

    def summary(self) -> list[str]:
        out: list[str] = []
        verb = "would be" if self.dry_run or self.errors else "were"
        for table, c in self.counts.items():
            out.append(
                f"{table}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            )
        if self.errors:
            out.append(f"{len(self.errors)} errors: nothing was imported.")
        elif self.dry_run:
            out.append("Dry run: the file is valid; nothing was written.")
        else:
            out.append(f"Imported: the records above {verb} written in one transaction.")
        return out


def check_request(actor: Actor | None, update: bool, reason: str | None) -> None:
    """What is refused before anything is read: one clear message each."""
    require(actor, Permission.VIEW_PARTICIPANTS)
    assert actor is not None
    if not any(actor.can(p) for p in set(WRITER.values())):
        require(actor, Permission.SCREEN_ENROL)  # says who may not
    if update and not (reason or "").strip():
        raise ImportRefused(
            QT_TRANSLATE_NOOP(
                "Refusals", "Updating existing records needs a reason (--reason TEXT)."
            ),
            params={},
        )
    if (reason or "").strip() and not update:
        raise ImportRefused(
            QT_TRANSLATE_NOOP(
                "Refusals", "A reason is asked only when updating existing records (--update)."
            ),
            params={},
        )


def import_study(
    db: Database,
    actor: Actor,
    source_path: str | Path,
    *,
    dry_run: bool = False,
    update: bool = False,
    reason: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    today: dt.date | None = None,
) -> ImportReport:
    """Import the tables at ``source_path`` (a folder of the export's CSV files, one CSV, or
    an xlsx workbook); see the module docstring. Raises ImportRefused when it cannot start
    and ImportCancelled when ``cancel`` said so; otherwise returns the report (errors
    included: then nothing was written)."""
    check_request(actor, update, reason)
    from .reading import read_source  # the readers load only when importing

    try:
        tables = read_source(Path(source_path))
    except SourceError as exc:  # the headers' faults, one per line, or an unreadable file
        lines = [line for line in str(exc).splitlines() if line.strip()]
        return ImportReport([Problem.from_line(line) for line in lines], {}, dry_run=dry_run)
    ctx_problems, named = _tables(tables, actor)
    sha = {t.file: t.sha256 for t in tables}
    with one_transaction(db) as tx:
        ctx = Context(
            tx, actor, today or dt.date.today(), sha, update, (reason or "").strip() or None
        )
        ctx.problems.items.extend(ctx_problems)
        _run(ctx, named, progress, cancel or (lambda: False))
        tx.commit_at_end = not ctx.problems and not dry_run
    errors = sorted(ctx.problems.items, key=lambda p: (p.file, p.row))
    counts = {t: ctx.counts[t] for t in KEY_COLUMNS if t in ctx.counts}
    return ImportReport(errors, counts, sha, dry_run, tx.commit_at_end)


def _tables(
    tables: list[SourceTable], actor: Actor
) -> tuple[list[Problem], dict[str, SourceTable]]:
    problems: list[Problem] = []
    named: dict[str, SourceTable] = {}
    for t in tables:
        if t.table in IGNORED_TABLES:
            continue  # derived by the application
        if t.table not in KEY_COLUMNS:
            known = ", ".join(KEY_COLUMNS)
            problems.append(
                Problem(
                    t.file,
                    0,
                    "",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Refusals", "Unknown table {table}: the import reads {known}."
                        ),
                        table=repr(t.table),
                        known=known,
                    ),
                )
            )
            continue
        if t.table in named:
            first = named[t.table].file
            problems.append(
                Problem(
                    t.file,
                    0,
                    "",
                    said(
                        QT_TRANSLATE_NOOP("Refusals", "The table {table} is also in {first}."),
                        table=t.table,
                        first=first,
                    ),
                )
            )
            continue
        permission = WRITER[t.table]
        if not actor.can(permission):
            problems.append(Problem(t.file, 0, "", _may_not(actor, permission)))
            continue
        if t.table == "participant_identity" and not actor.can(Permission.VIEW_IDENTITY):
            problems.append(Problem(t.file, 0, "", _may_not(actor, Permission.VIEW_IDENTITY)))
            continue
        named[t.table] = t
    return problems, named


def _run(
    ctx: Context,
    tables: dict[str, SourceTable],
    progress: Progress | None,
    cancel: Callable[[], bool],
) -> None:
    forms = all_forms()
    layouts = {name: TableLayout(forms[name], keys) for name, keys in KEY_COLUMNS.items()}

    def rows(name: str) -> Iterator[Parsed]:
        table = tables.get(name)
        if table is None:
            return
        layout = layouts[name]
        if not layout.check_header(table, ctx.problems):
            return
        try:
            for i, row in enumerate(table.rows):
                if i % CANCEL_EVERY == 0 and cancel():
                    raise ImportCancelled(
                        QT_TRANSLATE_NOOP(
                            "Refusals", "The import was cancelled; nothing was written."
                        ),
                        params={},
                    )
                yield layout.read(row, ctx.problems)
        except SourceError as exc:  # a row the reader cannot read: the rest of the file too
            ctx.problems.items.append(Problem.from_line(str(exc)))

    def step(i: int) -> None:
        ctx.flush_events()
        if progress is not None:
            progress(i, len(STEPS), STEPS[i] if i < len(STEPS) else "")

    step(0)
    events = split_events(ctx, rows("clinical_event"))
    import_people(ctx, {name: list(rows(name)) for name in PERSON_TABLES})
    step(1)
    import_operations(ctx, rows("operation"), surgeon_ids(ctx, rows("operation_team")))
    step(2)
    import_complications(ctx, rows("complication"), events.of_complication)
    for comp, death in events.of_complication.items():
        if ("complication", comp) not in ctx.records:
            ctx.problems.at(
                death.row,
                "complication_id",
                said(
                    QT_TRANSLATE_NOOP("Refusals", "Complication {id} is not among those imported."),
                    id=comp,
                ),
            )
    step(3)
    import_reoperations(ctx, rows("reoperation"))
    step(4)
    import_visits(ctx, rows("visit"), events)
    step(5)
    import_events(ctx, events)
    step(len(STEPS))


def _may_not(actor: Actor, permission: Permission) -> Said:
    """The refusal of a table the actor's role may not write, as the services word it."""
    return said(
        QT_TRANSLATE_NOOP("Refusals", "The role {role} may not {action}."),
        role=Term(ROLE_LABELS.get(actor.role, actor.role)),
        action=Term(permission.value, "Refusals"),
    )

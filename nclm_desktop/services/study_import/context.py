"""What the steps of one import share: the database they write through, the actor, the
problems found, the counts, the import events to audit, and the maps from the file's keys
to the records written (docs/ARCHITECTURE.md §12)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select

from ...forms import QT_TRANSLATE_NOOP, UserError, ValidationError
from ...forms.errors import said
from ...models import Participant
from ...models.audit_hook import append_events
from ..permissions import Actor
from ..uow import writing
from .transaction import ImportDatabase
from .values import Parsed, Problems, error_column

T = TypeVar("T")
_LINE = re.compile(r"^Line (\d+): ")
EVENTS_HELD = 500  # import events kept before they are appended to the trail


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Context:
    db: ImportDatabase
    actor: Actor
    today: dt.date
    sha256: dict[str, str]  # file → digest, recorded with each imported record
    update: bool = False
    reason: str | None = None
    problems: Problems = field(default_factory=Problems)
    counts: dict[str, Counts] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    # The file's participant key (see values.Parsed) → participant id.
    participants: dict[Any, int] = field(default_factory=dict)
    existing: set[int] = field(default_factory=set)  # participants there before the import
    # (table, the file's record number) → the record's id in this database.
    records: dict[tuple[str, int], int] = field(default_factory=dict)
    ok: bool = True  # whether the last ``attempt`` succeeded
    # People with a refused row: their later rows are passed over, so the report shows the
    # cause and not every consequence (a visit missing because its operation was refused).
    blocked: set[Any] = field(default_factory=set)
    renumbered: set[str] = field(default_factory=set)  # cohorts whose study IDs shifted

    def count(self, table: str, how: str) -> None:
        c = self.counts.setdefault(table, Counts())
        setattr(c, how, getattr(c, how) + 1)

    def imported(self, table: str, parsed: Parsed, record_id: Any, pid: int | None) -> None:
        """One import event per record written (audited when the table is done)."""
        row = parsed.row
        self.events.append(
            {
                "username": self.actor.username,
                "action": "import",
                "entity": table,
                "entity_id": None if record_id is None else str(record_id),
                "participant_id": pid,
                "new_value": f"{row.file}:{row.number} sha256={self.sha256.get(row.file, '')}",
                "reason": self.reason,
            }
        )
        if len(self.events) >= EVENTS_HELD:
            self.flush_events()

    def flush_events(self) -> None:
        if not self.events:
            return
        with writing(self.db, self.actor) as s:
            append_events(s, self.events)
        self.events = []

    def participant_of(self, parsed: Parsed) -> int | None:
        """The participant a row belongs to, or a problem saying none does (None, silently,
        for a person whose earlier row was refused)."""
        if parsed.participant_key in self.blocked or parsed.study_id in self.blocked:
            return None
        pid = self.participants.get(parsed.participant_key)
        if pid in self.blocked:
            return None
        if not parsed.ok:  # a cell was refused (reported): the rest of this person waits
            self.block(parsed)
            return None
        if pid is None and parsed.study_id:
            pid = self.participants.get(("study", parsed.study_id))
        if pid is None and parsed.study_id:  # not in the import's participant table
            pid = self._stored(parsed.study_id)
        if pid is None:
            key = parsed.study_id or parsed.keys.get("screening_id")
            column = "study_id" if parsed.study_id else "screening_id"
            self.problems.at(
                parsed.row,
                column,
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "No participant {key} in the participant table of the import or the "
                        "database.",
                    ),
                    key=key,
                ),
            )
        return pid

    def _stored(self, study_id: str) -> int | None:
        """A participant of the database, by study ID (a screening number names a record of
        the database the file came from, so it is never looked up here)."""
        with self.db.session() as s:
            pid = s.scalar(select(Participant.id).where(Participant.study_id == study_id))
        if pid is not None:
            self.participants[("study", study_id)] = pid
            self.existing.add(pid)
        return pid

    def attempt(
        self, rows: Sequence[Parsed], call: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T | None:
        """Run one service call; a refusal becomes a problem on the row (and column) it
        names, the call's savepoint is rolled back, and the import goes on."""
        self.ok = False
        before = len(self.problems)
        try:
            result = call(*args, **kwargs)
        except ValidationError as exc:
            self._place(rows, exc.field, str(exc))
        except (UserError, ValueError) as exc:
            first = rows[0].row
            self.problems.at(first, next(iter(first.cells), ""), str(exc))
        else:
            self.ok = True
            return result
        if len(self.problems) > before:
            for p in rows:
                self.block(p)
        return None

    def block(self, p: Parsed) -> None:
        self.blocked.add(p.participant_key)
        if p.study_id:
            self.blocked.add(p.study_id)
        pid = self.participants.get(p.participant_key)
        if pid is not None:
            self.blocked.add(pid)

    def _place(self, rows: Sequence[Parsed], name: str, message: str) -> None:
        line = _LINE.match(message)
        if line:  # a treatment line's refusal: the row of that line
            for p in rows:
                if p.values.get("line") == int(line.group(1)):
                    self.problems.at(p.row, "line", message[line.end() :])
                    return
        for p in rows:
            column = error_column(p.row, name)
            if column is not None:
                self.problems.at(p.row, column, message)
                return
        self.problems.at(rows[0].row, name, message)

"""A source row as the values of its form: every cell through the data dictionary's field
(``cells.parse_row``: the export's checkbox columns gathered back into their multi-choice
field), keys read as keys, derived columns ignored (the services compute them again).
Problems are collected, never raised, so the report lists them all."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...forms import QT_TRANSLATE_NOOP, Form
from ...forms.errors import said, shown
from ..study_export.columns import CHECKBOX_SEP, Column, field_columns
from .cells import is_blank, parse_row
from .source import SourceRow, SourceTable

# The keys every exported table carries, and the record numbers some of them carry.
STUDY_ID = "study_id"
SCREENING_ID = "screening_id"
# Tables the export derives (endpoints ...) and files that are not tables: not imported.
IGNORED_TABLES = frozenset({"endpoints", "perioperative", "cci"})
_LINE = re.compile(r"^(?P<file>.+?):(?P<row>\d+):(?P<column>[^:]*): (?P<message>.*)$")


@dataclass(frozen=True, order=True)
class Problem:
    """One error of the import, shown as ``file:row:column: message``."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}:{self.column}" if self.row else self.file
        return f"{where}: {' '.join(shown(self.message).split())}"

    @classmethod
    def from_line(cls, line: str) -> Problem:
        """A problem the reader wrote as text (``file:row:column: message``, or
        ``file: message`` for a whole file)."""
        m = _LINE.match(line.strip())
        if m:
            return cls(m["file"], int(m["row"]), m["column"], m["message"])
        file, _, message = line.strip().partition(": ")
        return cls(file, 0, "", message or file)


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, row: int, column: str, message: str) -> None:
        self.items.append(Problem(file, row, column, message))

    def at(self, row: SourceRow, column: str, message: str) -> None:
        self.add(row.file, row.number, column, message)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class Parsed:
    """A row read: its keys (study ID, screening number, record numbers) and form values."""

    row: SourceRow
    keys: dict[str, Any]
    values: dict[str, Any]
    ok: bool = True

    @property
    def study_id(self) -> str | None:
        return self.keys.get(STUDY_ID)

    @property
    def participant_key(self) -> Any:
        """What ties the rows of one person together across tables: the screening number
        (every exported table has it), else the study ID."""
        number = self.keys.get(SCREENING_ID)
        return ("screening", number) if number is not None else ("study", self.study_id)


class TableLayout:
    """The columns the import understands for one form: the export's layout."""

    def __init__(self, form: Form, key_columns: tuple[str, ...]) -> None:
        self.form = form
        self.keys = (STUDY_ID, SCREENING_ID, *key_columns)
        self.columns: dict[str, Column] = {}
        for f in form.fields:
            for c in field_columns(form.name, f):
                self.columns[c.name] = c
        self.inputs = [c for c in self.columns.values() if not c.field.derived]
        self._boxes: dict[str, list[str]] = {}
        for c in self.columns.values():
            if c.checkbox:
                self._boxes.setdefault(c.field.name, []).append(c.name)

    def check_header(self, table: SourceTable, problems: Problems) -> bool:
        """Unknown columns are errors (a typo would silently drop data); the key columns
        must be there. True when the rows can be read."""
        ok = True
        for name in table.columns:
            if name not in self.columns and name not in self.keys:
                problems.add(
                    table.file,
                    1,
                    name,
                    said(
                        QT_TRANSLATE_NOOP("Refusals", "Unknown column {name} for {table}."),
                        name=repr(name),
                        table=table.table,
                    ),
                )
                ok = False
        has_key = STUDY_ID in table.columns or SCREENING_ID in table.columns
        if not has_key:
            problems.add(
                table.file,
                1,
                STUDY_ID,
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "The table needs a study_id or screening_id column."
                    )
                ),
            )
            ok = False
        return ok

    def read(self, row: SourceRow, problems: Problems) -> Parsed:
        parsed = Parsed(row, {}, {})
        for name in self.keys:
            if name in row.cells:
                parsed.keys[name] = self._key(row, name, row.cells[name], problems, parsed)
        values, errors = parse_row(self.inputs, row.cells)
        for column, message in errors.items():
            problems.at(row, column, message)
            parsed.ok = False
        for name, codes in list(values.items()):
            # A multi-choice whose checkbox cells are all blank was not answered.
            boxes = self._boxes.get(name)
            if boxes and codes == [] and all(is_blank(row.cells.get(b)) for b in boxes):
                values[name] = None
        parsed.values = values
        return parsed

    @staticmethod
    def _key(row: SourceRow, name: str, raw: object, problems: Problems, parsed: Parsed) -> Any:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if name == STUDY_ID:
            return str(raw).strip()
        try:
            number = float(str(raw).strip()) if isinstance(raw, str) else raw
            if isinstance(number, bool) or not isinstance(number, int | float):
                raise ValueError
            if number != int(number) or number < 1:
                raise ValueError
            return int(number)
        except (ValueError, OverflowError):
            problems.at(
                row,
                name,
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{name} must be a record number (a whole number), got {raw}."
                    ),
                    name=name,
                    raw=repr(raw),
                ),
            )

            parsed.ok = False
            return None


def error_column(row: SourceRow, name: str) -> str | None:
    """The column of ``row`` holding the field ``name`` (its first checkbox column for a
    multi-choice field), or None."""
    if name in row.cells:
        return name
    prefix = f"{name}{CHECKBOX_SEP}"
    return next((c for c in row.cells if c.startswith(prefix)), None)

"""What the import reads, whatever the file (docs/ARCHITECTURE.md §12): tables of rows of
raw cells, named like the export's tables. The reading layer (``reading.py``, ``cells.py``)
produces them; the import (``run.py``) checks and writes them through the services.

Row numbers count the header as row 1, so a message ``file:row:column`` points at the cell a
spreadsheet program shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceRow:
    file: str  # the file's name as the user knows it (workbook name for a sheet: "x.xlsx")
    number: int  # 1-based row in the file; the header is row 1
    cells: dict[str, object]  # column name → raw cell (str from CSV, typed from xlsx; None empty)


@dataclass(frozen=True)
class SourceTable:
    table: str  # the export's table name: "participant", "screening", "operation" ...
    file: str  # the file (or "workbook.xlsx" for a sheet) the rows come from
    sha256: str  # of the whole source file, recorded with each imported record
    columns: list[str]  # the header as read
    rows: Iterable[SourceRow]  # streamed: may be iterated once only


class CellError(Exception):
    """A cell that cannot be read as its field's value; the message says why, for the user."""


class SourceError(Exception):
    """A file that cannot be read at all (missing, empty, not a table, wrong encoding ...);
    the message names the file."""

"""The files an import reads (README, Import): the export's folder of CSV files, one CSV, or
an xlsx workbook (one sheet per table), each checked against the export's columns before a
row is read, then streamed row by row.

Every table is named like the export's (``operation.csv`` or a sheet ``operation``); the
export's dictionaries, README and derived tables are passed over. A file's encoding is UTF-8
(with or without a byte-order mark) or, when it does not decode as UTF-8, GB18030 (which
covers GBK); a file that is neither is refused, never read as mojibake.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...forms import QT_TRANSLATE_NOOP, Kind
from ...forms.catalogue import all_forms
from ..study_export import DERIVED
from ..study_export.columns import Column
from ..study_export.tables import Keys, form_table
from .cells import SERIAL_RANGE, is_blank, refuse
from .source import SourceError, SourceRow, SourceTable

# Files and sheets of the export (and the template's notes sheet) that are not imported.
PASSED_OVER = frozenset(
    {*DERIVED, "data_dictionary", "redcap_data_dictionary", "stata_variable_names", "notes"}
)
ENCODINGS = ("utf-8-sig", "gb18030")  # tried in this order; utf-8-sig also reads no BOM
CHUNK = 1 << 20

# What is wrong with a file, in the user's language where the interface has one (the
# message is put together when it is found: see forms/errors.py).
NO_NAME = QT_TRANSLATE_NOOP("Refusals", "the column has no name")
TWICE = QT_TRANSLATE_NOOP("Refusals", "the column appears twice")
UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "Refusals",
    "not a column of the table {table} (the export's columns only; see nclm-desktop "
    "import-template --form {table})",
)
MISSING = QT_TRANSLATE_NOOP("Refusals", "the column is missing")
NO_SUCH_PATH = QT_TRANSLATE_NOOP("Refusals", "no such file or folder")
NO_TABLE = QT_TRANSLATE_NOOP(
    "Refusals",
    "no table to import (give files named like the export's tables, e.g. operation.csv, or "
    "an .xlsx workbook)",
)
NOT_READ = QT_TRANSLATE_NOOP(
    "Refusals",
    "not a file the import reads (a .csv or an .xlsx; save an .xls workbook as .xlsx)",
)
ALSO_IN = QT_TRANSLATE_NOOP("Refusals", "the table {table} is also in {file}")
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "Refusals", "not a table of the study (name it after one of: {tables})"
)
ENCODING = QT_TRANSLATE_NOOP(
    "Refusals",
    'the text is neither UTF-8 nor GB18030/GBK; save it as "CSV UTF-8" from the '
    "spreadsheet program",
)
EMPTY_FILE = QT_TRANSLATE_NOOP("Refusals", "the file is empty (not even a header row)")
EMPTY_SHEET = QT_TRANSLATE_NOOP("Refusals", "the sheet is empty (not even a header row)")
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP("Refusals", "not a readable xlsx workbook ({error})")
NO_SHEET = QT_TRANSLATE_NOOP("Refusals", "the workbook has no sheet")
BEYOND = QT_TRANSLATE_NOOP(
    "Refusals", "a value beyond the last named column; name the column or delete the value"
)


def said(template: str, **params: str) -> str:
    return str(refuse(template, **params))


@dataclass(frozen=True)
class ReadTable(SourceTable):
    encoding: str = ""  # "utf-8", "utf-8 with BOM", "GB18030" (CSV), "xlsx"


# -- the columns a table may have ---------------------------------------------------------
@cache
def export_columns(table: str) -> tuple[Column, ...]:
    """The columns the export writes for ``table`` (identified): what an import accepts."""
    made = form_table(all_forms()[table], Keys({}, {}), _no_rows, identified=True)
    return tuple(made.columns) if made is not None else ()


def _no_rows() -> Any:
    raise AssertionError("only the columns are asked for")


def optional_columns(table: str) -> frozenset[str]:
    """Columns the application computes (a derived field): read when present, never asked."""
    form = all_forms()[table]
    return frozenset(
        c.name
        for c in export_columns(table)
        if c.field.derived and any(c.field is f for f in form.fields)
    )


def required_columns(table: str) -> list[str]:
    optional = optional_columns(table)
    return [c.name for c in export_columns(table) if c.name not in optional]


def importable_tables() -> list[str]:
    return [name for name in all_forms() if export_columns(name)]


def header_problems(table: str, file: str, header: list[str]) -> list[str]:
    """Every fault of a header, each as ``file:1:column: message``."""
    problems: list[str] = []
    known = {c.name for c in export_columns(table)}
    seen: set[str] = set()
    for i, name in enumerate(header, 1):
        if not name:
            problems.append(f"{file}:1:column {i}: {said(NO_NAME)}")
        elif name in seen:
            problems.append(f"{file}:1:{name}: {said(TWICE)}")
        elif name not in known:
            problems.append(f"{file}:1:{name}: {said(UNKNOWN_COLUMN, table=table)}")
        seen.add(name)
    problems += [
        f"{file}:1:{name}: {said(MISSING)}" for name in required_columns(table) if name not in seen
    ]
    return problems


# -- what to read -------------------------------------------------------------------------
def read_source(path: Path | str) -> list[SourceTable]:
    """The tables of ``path`` (a folder, a .csv or an .xlsx), headers checked; rows are read
    when iterated. Raises SourceError listing every problem found in the headers."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: {said(NO_SUCH_PATH)}")
    problems: list[str] = []
    tables: list[SourceTable] = []
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("~$"))
        for p in files:
            suffix = p.suffix.lower()
            if suffix == ".csv":
                if p.stem in PASSED_OVER:
                    continue
                tables += _csv_table(p, problems)
            elif suffix == ".xlsx":
                tables += _xlsx_tables(p, problems)
        if not tables and not problems:
            raise SourceError(f"{path}: {said(NO_TABLE)}")
    elif path.suffix.lower() == ".csv":
        tables += _csv_table(path, problems)
    elif path.suffix.lower() == ".xlsx":
        tables += _xlsx_tables(path, problems)
    else:
        raise SourceError(f"{path.name}: {said(NOT_READ)}")
    first: dict[str, str] = {}
    for t in tables:
        if t.table in first:
            problems.append(f"{t.file}: {said(ALSO_IN, table=t.table, file=first[t.table])}")
        first.setdefault(t.table, t.file)
    if problems:
        raise SourceError("\n".join(problems))
    return tables


def source_files(path: Path | str) -> list[dict[str, str]]:
    """What ``path`` holds, for showing: each table's file, encoding and SHA-256 (empty when
    the headers are refused: the import's report says why)."""
    try:
        tables = read_source(path)
    except SourceError:
        return []
    return [
        {
            "file": t.file,
            "table": t.table,
            "encoding": getattr(t, "encoding", ""),
            "sha256": t.sha256,
        }
        for t in tables
    ]


def _table_name(name: str, file: str, problems: list[str]) -> str | None:
    if name in importable_tables():
        return name
    problems.append(f"{file}: {said(NOT_A_TABLE, tables=', '.join(importable_tables()))}")
    return None


# -- CSV ----------------------------------------------------------------------------------
def _csv_table(path: Path, problems: list[str]) -> list[SourceTable]:
    file = path.name
    table = _table_name(path.stem, file, problems)
    digest, encoding = _hash_and_encoding(path)
    if encoding is None:
        problems.append(f"{file}: {said(ENCODING)}")
        return []
    with path.open(encoding=encoding, newline="") as fh:
        header = next(csv.reader(fh), None)
    if header is None or not any(h.strip() for h in header):
        problems.append(f"{file}: {said(EMPTY_FILE)}")
        return []
    if table is None:
        return []
    header = _trim([h.strip() for h in header])
    found = header_problems(table, file, header)
    if found:
        problems += found
        return []
    shown = {"utf-8-sig": "utf-8", "gb18030": "GB18030"}[encoding]
    if shown == "utf-8" and _has_bom(path):
        shown = "utf-8 with BOM"
    rows = _CsvRows(path, encoding, file, header)
    return [ReadTable(table, file, digest, header, rows, shown)]


def _trim(header: list[str]) -> list[str]:
    """Empty header cells at the end (a spreadsheet's unused columns) are dropped."""
    while header and not header[-1]:
        header.pop()
    return header


def _has_bom(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(3) == codecs.BOM_UTF8


def _hash_and_encoding(path: Path) -> tuple[str, str | None]:
    """The file's SHA-256 and the first encoding that decodes all of it, in one pass (GB18030
    is tried on a second pass only when UTF-8 fails)."""
    digest = hashlib.sha256()
    decoders = {enc: codecs.getincrementaldecoder(enc)() for enc in ENCODINGS}
    failed: set[str] = set()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
            if ENCODINGS[0] not in failed:
                failed |= _feed(decoders[ENCODINGS[0]], chunk, ENCODINGS[0])
    if ENCODINGS[0] not in failed and not _feed(decoders[ENCODINGS[0]], b"", ENCODINGS[0], True):
        return digest.hexdigest(), ENCODINGS[0]
    for enc in ENCODINGS[1:]:
        ok = True
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                if _feed(decoders[enc], chunk, enc):
                    ok = False
                    break
        if ok and not _feed(decoders[enc], b"", enc, True):
            return digest.hexdigest(), enc
    return digest.hexdigest(), None


def _feed(decoder: codecs.IncrementalDecoder, chunk: bytes, enc: str, final: bool = False) -> set:
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError:
        return {enc}
    return set()


class _CsvRows:
    """The rows of a CSV file, read again from the file each time they are iterated."""

    def __init__(self, path: Path, encoding: str, file: str, header: list[str]) -> None:
        self.path, self.encoding, self.file, self.header = path, encoding, file, header

    def __iter__(self) -> Iterator[SourceRow]:
        width = len(self.header)
        with self.path.open(encoding=self.encoding, newline="") as fh:
            reader = csv.reader(fh)
            next(reader, None)
            for number, values in enumerate(reader, 2):
                if len(values) > width and any(v.strip() for v in values[width:]):
                    raise SourceError(f"{self.file}:{number}:column {width + 1}: {said(BEYOND)}")
                cells: dict[str, object] = {
                    name: (v if v.strip() else None)
                    for name, v in zip(self.header, values, strict=False)
                }
                if all(v is None for v in cells.values()):
                    continue  # a blank line
                for name in self.header[len(values) :]:
                    cells[name] = None
                yield SourceRow(self.file, number, cells)


# -- xlsx ---------------------------------------------------------------------------------
def _xlsx_tables(path: Path, problems: list[str]) -> list[SourceTable]:
    from openpyxl import load_workbook

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors: not a workbook
        problems.append(f"{path.name}: {said(NOT_A_WORKBOOK, error=str(exc))}")
        return []
    tables: list[SourceTable] = []
    try:
        if not book.sheetnames:
            problems.append(f"{path.name}: {said(NO_SHEET)}")
        for name in book.sheetnames:
            if name in PASSED_OVER:
                continue
            file = f"{path.name}[{name}]"
            table = _table_name(name, file, problems)
            first = next(book[name].iter_rows(max_row=1, values_only=True), None)
            header = _trim(["" if v is None else str(v).strip() for v in first or ()])
            if not header:
                problems.append(f"{file}: {said(EMPTY_SHEET)}")
                continue
            if table is None:
                continue
            found = header_problems(table, file, header)
            if found:
                problems += found
                continue
            rows = _SheetRows(path, name, file, header, table)
            tables.append(ReadTable(table, file, digest.hexdigest(), header, rows, "xlsx"))
    finally:
        book.close()
    return tables


class _SheetRows:
    """The rows of one sheet, the workbook opened read-only each time they are iterated.
    A formula or an error value becomes a CellError in its cell: the import lists them all."""

    def __init__(self, path: Path, sheet: str, file: str, header: list[str], table: str) -> None:
        self.path, self.sheet, self.file, self.header = path, sheet, file, header
        self.dates = {
            c.name for c in export_columns(table) if c.kind is Kind.DATE and not c.checkbox
        }

    def __iter__(self) -> Iterator[SourceRow]:
        from openpyxl import load_workbook
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        width = len(self.header)
        book = load_workbook(self.path, read_only=True, data_only=False)
        # A workbook in Excel for Mac's 1904 date system counts serial numbers from 1904:
        # a number in a date column is converted here, where the workbook's system is known.
        mac_dates = self.dates if book.epoch == CALENDAR_MAC_1904 else set()
        try:
            for number, row in enumerate(book[self.sheet].iter_rows(min_row=2), 2):
                extra = [c for c in row[width:] if not is_blank(c.value)]
                if extra:
                    letter = extra[0].column_letter
                    raise SourceError(f"{self.file}:{number}:column {letter}: {said(BEYOND)}")
                cells = {name: _cell(c) for name, c in zip(self.header, row, strict=False)}
                for name in mac_dates:
                    cells[name] = _mac_serial(cells.get(name))
                if all(is_blank(v) for v in cells.values()):
                    continue
                for name in self.header[len(row) :]:
                    cells[name] = None
                yield SourceRow(self.file, number, cells)
        finally:
            book.close()


def _mac_serial(value: object) -> object:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, from_excel

    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and value == int(value) and 0 <= value <= SERIAL_RANGE[1]:
        return from_excel(value, CALENDAR_MAC_1904)
    return value


def _cell(c: Any) -> object:
    kind = getattr(c, "data_type", None)
    if kind == "f":
        return refuse(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "a formula ({formula}); the import takes values only: copy the column and "
                "paste it as values",
            ),
            formula=str(c.value),
        )
    if kind == "e":
        return refuse(
            QT_TRANSLATE_NOOP("Refusals", "an Excel error value ({value})"), value=str(c.value)
        )
    value = c.value
    if isinstance(value, str) and not value.strip():
        return None
    return value

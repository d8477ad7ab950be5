"""The four file formats, each by a maintained library (csv, openpyxl, pyreadstat), never by
hand. A writer takes the tables and returns each written file's row count; CSV and xlsx
stream the rows (the bench study's 120,000 visits never sit in memory at once)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ...forms import Kind
from .columns import Column
from .tables import Table

Progress = Callable[[int], None]  # rows written so far in the current table
FORMATS = ("csv", "xlsx", "dta", "sav")
XLSX_NAME = "study.xlsx"


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """UTF-8 with a byte-order mark (Excel then reads Chinese right), ISO dates, empty = missing."""
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for row in rows:
            out.writerow(row)
            n += 1
    return n


def _counted(rows: Iterable[list[Any]], progress: Progress | None) -> Iterable[list[Any]]:
    for i, row in enumerate(rows, 1):
        if progress is not None and i % 5000 == 0:
            progress(i)
        yield row


def csv_tables(folder: Path, tables: list[Table], progress: Progress | None) -> dict[str, int]:
    counts = {}
    for table in tables:
        name = f"{table.name}.csv"
        header = [c.name for c in table.columns]
        counts[name] = write_csv(folder / name, header, _counted(table.rows(), progress))
    return counts


class XlsxBook:
    """One sheet per table and the dictionary as the last sheet: typed cells (dates as
    dates, numbers as numbers), a bold frozen header. Write-only: rows are streamed."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.book = Workbook(write_only=True)

    def sheet(self, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font

        ws = self.book.create_sheet(title[:31])
        ws.freeze_panes = "A2"
        for i, name in enumerate(header):
            ws.column_dimensions[_letter(i)].width = max(10, min(40, len(name) + 2))
        bold = Font(bold=True)
        head = []
        for name in header:
            c = WriteOnlyCell(ws, value=name)
            c.font = bold
            head.append(c)
        ws.append(head)
        n = 0
        for row in rows:
            if any(isinstance(v, str) for v in row):
                row = [_text_cell(ws, v, WriteOnlyCell, ILLEGAL_CHARACTERS_RE) for v in row]
            ws.append(row)
            n += 1
        return n

    def save(self, path: Path) -> None:
        self.book.save(path)


def _text_cell(ws: Any, value: Any, cell_type: Any, illegal: Any) -> Any:
    """Text stays text: a note starting with "=" is not turned into a formula."""
    if not isinstance(value, str):
        return value
    value = illegal.sub("", value)
    if value.startswith("="):
        c = cell_type(ws, value=value)
        c.data_type = "s"
        return c
    return value


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def xlsx_tables(
    folder: Path,
    tables: list[Table],
    dictionary: tuple[Sequence[str], list[tuple[str, ...]]],
    progress: Progress | None,
) -> dict[str, int]:
    book = XlsxBook()
    counts = {}
    for table in tables:
        header = [c.name for c in table.columns]
        counts[f"{XLSX_NAME}:{table.name}"] = book.sheet(
            table.name, header, _counted(table.rows(), progress)
        )
    book.sheet("data_dictionary", *dictionary)
    book.save(folder / XLSX_NAME)
    return counts


# -- Stata and SPSS: variable labels and value labels from the dictionary -------------------
def coded(column: Column) -> dict[Any, int] | None:
    """Stata and SPSS label numeric values only: a choice coded by text is written as its
    position (1, 2, ...) in the dictionary's order, labelled "code: label"."""
    labels = column.value_labels()
    if not labels or all(isinstance(k, int) and not isinstance(k, bool) for k in labels):
        return None
    return {code: i for i, code in enumerate(labels, 1)}


def _frame(table: Table, progress: Progress | None) -> tuple[Any, list[str], dict]:
    import pandas as pd

    data: list[list[Any]] = [[] for _ in table.columns]
    for row in _counted(table.rows(), progress):
        for values, v in zip(data, row, strict=True):
            values.append(v)
    frame: dict[str, Any] = {}
    value_labels: dict[str, dict] = {}
    for column, values in zip(table.columns, data, strict=True):
        codes = coded(column)
        labels = column.value_labels()
        if codes is not None:
            values = [None if v is None else codes.get(v) for v in values]
            labels = {codes[k]: f"{k}: {label}" for k, label in labels.items()}
        if column.kind in (Kind.INTEGER, Kind.DECIMAL, Kind.YESNO, Kind.CHOICE) and all(
            v is None or isinstance(v, int | float) for v in values
        ):
            frame[column.name] = pd.Series(values, dtype="float64")
            if labels:
                value_labels[column.name] = {float(k): v for k, v in labels.items()}
        elif column.kind is Kind.DATE:
            frame[column.name] = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        else:
            frame[column.name] = pd.Series(
                ["" if v is None else str(v) for v in values], dtype="object"
            )
    return pd.DataFrame(frame), [c.label for c in table.columns], value_labels


def stats_tables(
    folder: Path, tables: list[Table], fmt: str, progress: Progress | None
) -> dict[str, int]:
    import pyreadstat

    counts = {}
    for table in tables:
        df, labels, value_labels = _frame(table, progress)
        name = f"{table.name}.{fmt}"
        if fmt == "dta":
            pyreadstat.write_dta(
                df,
                folder / name,
                file_label=table.title[:80],
                column_labels=[label[:80] for label in labels],
                variable_value_labels=value_labels,
            )
        else:
            pyreadstat.write_sav(
                df,
                folder / name,
                file_label=table.title,
                column_labels=labels,
                variable_value_labels=value_labels,
            )
        counts[name] = len(df)
    return counts

"""The four file formats, each by a maintained library (csv, XlsxWriter, pyreadstat), never by
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
    dates, numbers as numbers, text always as text, never a formula), a bold frozen header.
    XlsxWriter in constant-memory mode streams the rows; it is several times faster than
    openpyxl's writer, which missed the 30 s aim at 10,000 participants (README, Export)."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self.bold = self.book.add_format({"bold": True})
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})

    def sheet(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        dates: Iterable[int] = (),
    ) -> int:
        ws = self.book.add_worksheet(title[:31])
        ws.freeze_panes(1, 0)
        for i, name in enumerate(header):
            ws.set_column(i, i, max(10, min(40, len(name) + 2)))
        for i in dates:  # a date cell without its own format takes its column's
            ws.set_column(i, i, max(12, min(40, len(header[i]) + 2)), self.date)
        ws.write_row(0, 0, header, self.bold)
        n = 0
        for n, row in enumerate(rows, 1):
            ws.write_row(n, 0, row)
        return n

    def close(self) -> None:
        self.book.close()


def xlsx_tables(
    folder: Path,
    tables: list[Table],
    dictionary: tuple[Sequence[str], list[tuple[str, ...]]],
    progress: Progress | None,
) -> dict[str, int]:
    book = XlsxBook(folder / XLSX_NAME)
    counts = {}
    for table in tables:
        header = [c.name for c in table.columns]
        dates = [i for i, c in enumerate(table.columns) if c.kind is Kind.DATE]
        counts[f"{XLSX_NAME}:{table.name}"] = book.sheet(
            table.name, header, _counted(table.rows(), progress), dates
        )
    book.sheet("data_dictionary", *dictionary)
    book.close()
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


# Stata allows 32 characters, but pyreadstat names a variable's value-label set after the
# variable plus its number (up to 4 digits): 28 for every name, labelled or not.
STATA_NAME_LEN = 28
STATA_NAMES = "stata_variable_names.csv"


def stata_names(names: Sequence[str]) -> dict[str, str]:
    """A name too long for Stata is cut, and made unique with a number."""
    out: dict[str, str] = {}
    taken = {n for n in names if len(n) <= STATA_NAME_LEN}
    for n in names:
        if len(n) <= STATA_NAME_LEN:
            continue
        short, i = n[:STATA_NAME_LEN], 1
        while short in taken:
            i += 1
            short = f"{n[: STATA_NAME_LEN - len(str(i)) - 1]}_{i}"
        taken.add(short)
        out[n] = short
    return out


def stats_tables(
    folder: Path, tables: list[Table], fmt: str, progress: Progress | None
) -> dict[str, int]:
    import pyreadstat

    counts = {}
    renamed: list[tuple[str, str, str]] = []
    for table in tables:
        df, labels, value_labels = _frame(table, progress)
        name = f"{table.name}.{fmt}"
        if fmt == "dta":
            short = stata_names(list(df.columns))
            if short:
                df = df.rename(columns=short)
                value_labels = {short.get(k, k): v for k, v in value_labels.items()}
                renamed += [(table.name, long, s) for long, s in short.items()]
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
    if renamed:  # the dictionary's names stay the reference; this maps them to Stata's
        write_csv(folder / STATA_NAMES, ("table", "variable", "stata_name"), renamed)
    return counts

"""Import, the files: a folder of the export's CSV files, one CSV, an xlsx workbook; the
encodings a spreadsheet program writes; every fault of a header named by file and column
(README, Import)."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from nclm_desktop.services.study_export import ExportOptions, export_study
from nclm_desktop.services.study_import.cells import parse_cell, parse_row
from nclm_desktop.services.study_import.reading import (
    export_columns,
    read_source,
    required_columns,
)
from nclm_desktop.services.study_import.source import CellError, SourceError

REOP = [c.name for c in export_columns("reoperation")]
ROW = ["NCLM-001", "7", "3", "12", "2024-01-02", "0", "再次出血，止血"]


def csv_text(header=REOP, rows=(ROW,)) -> str:
    return "\r\n".join(",".join(r) for r in [header, *rows]) + "\r\n"


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8-sig", "utf-8 with BOM"),  # what the export (and Excel's "CSV UTF-8") writes
        ("utf-8", "utf-8"),
        ("gbk", "GB18030"),  # Excel's "CSV" on a Chinese Windows
        ("gb18030", "GB18030"),
    ],
)
def test_each_encoding_reads_the_same_text(tmp_path, encoding, reported):
    path = write(tmp_path / "reoperation.csv", csv_text(), encoding)
    [table] = read_source(path)
    assert table.table == "reoperation"
    assert table.encoding == reported
    assert table.columns == REOP  # no BOM left on the first column's name
    [row] = list(table.rows)
    assert row.cells["reason"] == "再次出血，止血"  # never mojibake
    assert row.cells["study_id"] == "NCLM-001"
    assert (row.file, row.number) == ("reoperation.csv", 2)
    assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_neither_utf8_nor_gb18030_is_refused(tmp_path):
    path = tmp_path / "reoperation.csv"
    path.write_bytes(csv_text().encode("utf-8") + b"\xff\xfe broken\r\n")
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert "reoperation.csv: the text is neither UTF-8 nor GB18030/GBK" in str(err.value)


HEADER_FAULTS = [
    # (header, rows, expected lines of the refusal)
    ([], [], ["reoperation.csv: the file is empty (not even a header row)"]),
    (
        [*REOP, "surgeon_name"],
        [],
        ["reoperation.csv:1:surgeon_name: not a column of the table reoperation"],
    ),
    (
        [c for c in REOP if c not in ("reason", "planned")],
        [],
        [
            "reoperation.csv:1:planned: the column is missing",
            "reoperation.csv:1:reason: the column is missing",
        ],
    ),
    ([*REOP[:2], "", *REOP[2:]], [], ["reoperation.csv:1:column 3: the column has no name"]),
    ([*REOP, "reason"], [], ["reoperation.csv:1:reason: the column appears twice"]),
]


@pytest.mark.parametrize(("header", "rows", "lines"), HEADER_FAULTS)
def test_header_faults_are_all_named_by_file_and_column(tmp_path, header, rows, lines):
    text = csv_text(header, rows) if header else ""
    path = write(tmp_path / "reoperation.csv", text, "utf-8-sig")
    with pytest.raises(SourceError) as err:
        read_source(path)
    for line in lines:
        assert any(got.startswith(line) for got in str(err.value).splitlines()), str(err.value)


def test_a_bom_alone_is_an_empty_file(tmp_path):
    path = tmp_path / "operation.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"\r\n")
    with pytest.raises(SourceError, match="operation.csv: the file is empty"):
        read_source(path)


def test_a_header_without_rows_is_an_empty_table_not_an_error(tmp_path):
    [table] = read_source(write(tmp_path / "reoperation.csv", csv_text(rows=()), "utf-8"))
    assert list(table.rows) == []


def test_derived_columns_may_be_left_out_keys_may_not(tmp_path):
    assert "child_pugh_points" in {c.name for c in export_columns("screening")}
    assert "child_pugh_points" not in required_columns("screening")  # computed on import
    assert "screening_id" in required_columns("screening")


def test_blank_lines_trailing_empty_columns_and_short_rows(tmp_path):
    text = csv_text([*REOP, "", ""], [ROW + ["", ""], [""] * 9, ROW[:5]])
    [table] = read_source(write(tmp_path / "reoperation.csv", text, "utf-8"))
    rows = list(table.rows)
    assert [r.number for r in rows] == [2, 4]  # the blank line 3 passed over, numbers kept
    assert rows[1].cells["reason"] is None and rows[1].cells["planned"] is None


def test_a_value_beyond_the_named_columns_is_refused_where_it_is(tmp_path):
    text = csv_text(rows=[ROW, ROW + ["stray"]])
    [table] = read_source(write(tmp_path / "reoperation.csv", text, "utf-8"))
    with pytest.raises(SourceError, match=r"reoperation.csv:3:column 8: a value beyond the last"):
        list(table.rows)


@pytest.mark.parametrize(
    ("name", "words"),
    [("operations 2023.csv", "not a table of the study"), ("old.xls", "save an .xls")],
)
def test_a_file_that_names_no_table_is_refused(tmp_path, name, words):
    path = write(tmp_path / name, csv_text(), "utf-8")
    with pytest.raises(SourceError, match=words):
        read_source(path)


def test_a_missing_path_and_a_folder_without_tables(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nowhere")
    (tmp_path / "README.txt").write_text("x")
    with pytest.raises(SourceError, match="no table to import"):
        read_source(tmp_path)


# -- xlsx ---------------------------------------------------------------------------------
def workbook(path: Path, rows: list[list], *, extra_sheets=()) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "reoperation"
    sheet.append(REOP)
    for r in rows:
        sheet.append(r)
    for name in extra_sheets:
        book.create_sheet(name).append(["anything"])
    book.save(path)
    return path


def test_xlsx_typed_cells_serial_dates_and_formulas(tmp_path):
    path = workbook(
        tmp_path / "legacy.xlsx",
        [
            ["NCLM-001", 7, 3, 12, dt.date(2024, 1, 2), 0, "typed date"],
            ["NCLM-002", 8, 4, 13, 45293, 1, "a serial number in a date column"],
            ["NCLM-003", 9, 5, 14, "=DATE(2024,1,2)", "=1-1", "formulas"],
            [None] * 7,
        ],
        extra_sheets=("notes", "data_dictionary", "endpoints"),  # passed over
    )
    [table] = read_source(path)
    assert (table.table, table.file, table.encoding) == (
        "reoperation",
        "legacy.xlsx[reoperation]",
        "xlsx",
    )
    assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    rows = list(table.rows)
    assert [r.number for r in rows] == [2, 3, 4]
    date = export_columns("reoperation")[4].field
    assert parse_cell(date, rows[0].cells["reoperation_date"]) == dt.date(2024, 1, 2)
    assert parse_cell(date, rows[1].cells["reoperation_date"]) == dt.date(2024, 1, 2)
    for column in ("reoperation_date", "planned"):
        cell = rows[2].cells[column]
        assert isinstance(cell, CellError)
        assert "a formula" in str(cell) and "paste it as values" in str(cell)
    _values, errors = parse_row(export_columns("reoperation"), rows[2].cells)
    assert set(errors) == {"reoperation_date", "planned"}  # each formula, not the first


def test_a_mac_1904_workbooks_serial_dates(tmp_path):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.epoch = CALENDAR_MAC_1904  # Excel for Mac's date system: serials count from 1904
    sheet = book.active
    sheet.title = "reoperation"
    sheet.append(REOP)
    sheet.append(["NCLM-001", 7, 3, 12, 43831, 0, "serial 43831 in 1904 = 2024-01-02"])
    book.save(tmp_path / "mac.xlsx")
    [table] = read_source(tmp_path / "mac.xlsx")
    [row] = list(table.rows)
    date = export_columns("reoperation")[4].field
    assert parse_cell(date, row.cells["reoperation_date"]) == dt.date(2024, 1, 2)
    assert parse_cell(date, 43831) == dt.date(2020, 1, 1)  # the same number, 1900 system


def test_xlsx_sheet_faults(tmp_path):
    book = Workbook()
    book.active.title = "reoperation"
    book.active.append([*REOP[:-1], "comment"])
    book.create_sheet("Sheet2").append(["x"])
    book.create_sheet("operation")  # empty
    book.save(tmp_path / "b.xlsx")
    with pytest.raises(SourceError) as err:
        read_source(tmp_path / "b.xlsx")
    lines = str(err.value).splitlines()
    assert "b.xlsx[reoperation]:1:comment: not a column of the table reoperation" in lines[0]
    assert "b.xlsx[reoperation]:1:reason: the column is missing" in lines
    assert any(line.startswith("b.xlsx[Sheet2]: not a table of the study") for line in lines)
    assert "b.xlsx[operation]: the sheet is empty (not even a header row)" in lines


def test_not_a_workbook(tmp_path):
    (tmp_path / "x.xlsx").write_text("not a zip")
    with pytest.raises(SourceError, match="x.xlsx: not a readable xlsx workbook"):
        read_source(tmp_path / "x.xlsx")


# -- the export's own files ---------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_exports_own_files_read_back_without_a_fault(study, pi, tmp_path, fmt):
    out = tmp_path / "export"
    result = export_study(study, pi, ExportOptions(out, fmt=fmt, identified=True, reason="t"))
    tables = read_source(out)  # dictionaries, README and derived tables passed over
    names = {t.table for t in tables}
    assert {"screening", "participant", "participant_identity", "operation", "visit"} <= names
    assert not names & {"endpoints", "perioperative", "cci"}
    for table in tables:
        count = 0
        for row in table.rows:
            _values, errors = parse_row(export_columns(table.table), row.cells)
            assert errors == {}, (row.file, row.number, errors)
            count += 1
        key = f"{table.table}.csv" if fmt == "csv" else f"study.xlsx:{table.table}"
        assert count == result.rows[key]
        assert table.sha256 == result.sha256[Path(table.file.split("[")[0]).name]


def test_the_same_table_twice_is_refused(tmp_path):
    write(tmp_path / "reoperation.csv", csv_text(), "utf-8")
    workbook(tmp_path / "study.xlsx", [])
    with pytest.raises(SourceError, match=r"the table reoperation is also in reoperation.csv"):
        read_source(tmp_path)


def test_header_faults_in_the_users_language(tmp_path, qapp):
    """Put together when found: Chinese under the interface, English on the command line."""
    from nclm_desktop.ui import i18n

    path = write(tmp_path / "reoperation.csv", csv_text([*REOP[:-1], "comment"]), "utf-8")
    i18n.install("zh_CN")
    try:
        with pytest.raises(SourceError) as err:
            read_source(path)
    finally:
        i18n.install("en")
    lines = str(err.value).splitlines()
    assert "reoperation.csv:1:reason: 缺少该列" in lines
    assert any(
        line.startswith("reoperation.csv:1:comment: 不是数据表 reoperation 的列") for line in lines
    )

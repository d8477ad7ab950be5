"""`nclm-desktop import-template`: an empty template per form with the export's columns (the
computed ones left out) and, in xlsx, a notes sheet; a filled template reads back through the
import's reader; bad requests are one line and a non-zero exit (README, Import)."""

from __future__ import annotations

import csv
import re

import pytest
from openpyxl import load_workbook

from nclm_desktop.cli import run
from nclm_desktop.demo import DEMO_PASSWORD
from nclm_desktop.services.study_import.cells import parse_row
from nclm_desktop.services.study_import.reading import (
    export_columns,
    optional_columns,
    read_source,
)
from nclm_desktop.services.study_import.template import NOTES_HEADER, template_columns


@pytest.fixture
def cli(demo_copy, monkeypatch, capsys):
    monkeypatch.setenv("NCLM_PASSWORD", DEMO_PASSWORD)

    def call(*args: str) -> tuple[int, str, str]:
        try:
            code = run(["--db", str(demo_copy), "--user", "coordinator", *args])
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_the_csv_template_is_the_exports_header_without_computed_columns(cli, tmp_path):
    out = tmp_path / "screening.csv"
    code, stdout, err = cli("import-template", "--form", "screening", "--out", str(out))
    assert code == 0, err
    assert "Wrote the screening template" in stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        [header] = list(csv.reader(fh))
    exported = [c.name for c in export_columns("screening")]
    assert header == [n for n in exported if n not in optional_columns("screening")]
    assert "child_pugh_points" not in header and "albumin_value" in header
    [table] = read_source(out)
    assert list(table.rows) == []


def test_the_xlsx_template_has_a_notes_sheet_and_reads_back_when_filled(cli, tmp_path):
    out = tmp_path / "legacy operations.xlsx"
    code, _, err = cli("import-template", "--form", "operation", "--out", str(out))
    assert code == 0, err
    book = load_workbook(out)
    assert book.sheetnames == ["operation", "notes"]
    header = [c.value for c in book["operation"][1]]
    assert header == [c.name for c in template_columns("operation")]
    notes = list(book["notes"].iter_rows(values_only=True))
    assert notes[0] == NOTES_HEADER
    by_column = {r[0]: dict(zip(NOTES_HEADER, r, strict=True)) for r in notes[1:]}
    assert set(by_column) == set(header)  # every column explained
    approach = by_column["approach"]
    assert approach["type"] == "choice"
    assert "laparoscopic, Laparoscopic" in approach["choices"]
    assert approach["label_zh"]  # the Chinese label from the translation
    assert by_column["blood_loss_ml"]["unit"] == "mL"
    assert "YYYY-MM-DD" in by_column["operation_date"]["how to write it"]
    assert "1 when ticked" in by_column["segments___4"]["how to write it"]
    # The same notes in Chinese, for a ward that keeps its spreadsheets in Chinese.
    assert by_column["segments___4"]["how to write it (zh)"] == "勾选填 1，未勾选填 0 或留空"
    assert by_column["approach"]["how to write it (zh)"] == "选项中的代码，或其英文或中文标签"
    blood_loss = by_column["blood_loss_ml"]["how to write it (zh)"]
    assert blood_loss.startswith("数字（1234.5") and "mL" in blood_loss
    assert all(re.search(r"[\u4e00-\u9fff]", r["how to write it (zh)"]) for r in by_column.values())

    # Filled by hand (as a legacy spreadsheet would be): the reader takes it as it is.
    sheet = book["operation"]
    row = dict.fromkeys(header)
    row.update(
        study_id="NCLM-001", screening_id=1, operation_id=1, operation_date="2023/3/15",
        approach="开腹", segments___4=1, anatomical="是", blood_loss_ml="1,200 mL",
    )  # fmt: skip
    sheet.append(list(row.values()))
    book.save(out)
    [table] = read_source(out)
    [read] = list(table.rows)
    values, errors = parse_row(export_columns("operation"), read.cells)
    assert errors == {}
    assert values["approach"] == "open" and values["segments"] == [4]
    assert values["blood_loss_ml"] == 1200 and values["anatomical"] is True


@pytest.mark.parametrize(
    ("form", "name", "words"),
    [
        ("surgery", "x.xlsx", "Unknown form 'surgery': choose one of screening"),
        ("operation", "ops.csv", "name the file operation.csv"),
        ("operation", "operation.txt", "a .csv or an .xlsx"),
        ("operation", "missing/operation.csv", "does not exist"),
    ],
)
def test_bad_requests_are_one_line(cli, tmp_path, form, name, words):
    code, _, err = cli("import-template", "--form", form, "--out", str(tmp_path / name))
    assert code != 0
    assert words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_template_never_overwrites(cli, tmp_path):
    out = tmp_path / "visit.csv"
    out.write_text("mine")
    code, _, err = cli("import-template", "--form", "visit", "--out", str(out))
    assert code != 0 and "already exists" in err
    assert out.read_text() == "mine"

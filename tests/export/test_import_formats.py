"""The import end to end from the other layouts the reader takes: the export as an xlsx
workbook, and the CSV folder saved as GB18030 without a byte-order mark (Excel's "CSV" on a
Chinese Windows). Both import the whole demo study into a new database; a formula in a
workbook is refused at its cell and the database file is left byte for byte as it was."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from nclm_desktop import demo
from nclm_desktop.models import Operation, Visit
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services.study_export import ExportOptions, export_study
from nclm_desktop.services.study_import.run import import_study

from .conftest import actor_of


@pytest.fixture(scope="module")
def exports(tmp_path_factory, export_study_file) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("import-formats")
    shutil.copy(export_study_file, folder / "study.db")
    db = open_database(folder / "study.db")
    try:
        pi = actor_of(db, "pi")
        for fmt in ("csv", "xlsx"):
            options = ExportOptions(folder / fmt, fmt=fmt, identified=True, reason="formats")
            export_study(db, pi, options)
    finally:
        db.dispose()
    return {"csv": folder / "csv", "xlsx": folder / "xlsx" / "study.xlsx"}


@pytest.fixture
def empty(tmp_path, migrated_template) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "new.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    demo.ensure_demo_accounts(db)
    db.dispose()
    db = open_database(path)
    yield db, path
    db.dispose()


def gb18030_copy(folder: Path, to: Path) -> Path:
    to.mkdir()
    for p in folder.glob("*.csv"):
        (to / p.name).write_bytes(p.read_text(encoding="utf-8-sig").encode("gb18030"))
    return to


def count(db: Database, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("layout", ["xlsx", "gb18030"])
def test_the_whole_study_imports_from_each_layout(exports, empty, tmp_path, layout):
    db, _ = empty
    source = exports["xlsx"] if layout == "xlsx" else gb18030_copy(exports["csv"], tmp_path / "g")
    if layout == "gb18030":
        assert not (source / "screening.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_study(db, actor_of(db, "pi"), source)
    assert [str(e) for e in report.errors] == []
    assert report.written
    src = open_database(exports["csv"].parent / "study.db")
    try:
        assert count(db, Operation) == count(src, Operation) > 0
        assert count(db, Visit) == count(src, Visit) > 0
    finally:
        src.dispose()
    assert report.counts["operation"].created == count(db, Operation)


def test_formulas_in_a_workbook_are_refused_at_their_cells(exports, empty, tmp_path):
    db, path = empty
    book = load_workbook(exports["xlsx"])
    sheet = book["operation"]
    header = [c.value for c in sheet[1]]
    at = {name: i + 1 for i, name in enumerate(header)}
    sheet.cell(row=2, column=at["blood_loss_ml"], value="=200+300")
    sheet.cell(row=4, column=at["operation_date"], value="=TODAY()")
    book.save(tmp_path / "study.xlsx")
    db.dispose()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    db = open_database(path)
    try:
        report = import_study(db, actor_of(db, "pi"), tmp_path / "study.xlsx")
    finally:
        db.dispose()
    lines = [str(e) for e in report.errors]
    assert any(
        line.startswith("study.xlsx[operation]:2:blood_loss_ml: a formula (=200+300)")
        for line in lines
    ), lines
    assert any(
        line.startswith("study.xlsx[operation]:4:operation_date: a formula") for line in lines
    )
    assert not report.written
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

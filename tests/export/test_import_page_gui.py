"""The Import page: a dry run and the import run off the UI thread with progress; every error
is listed (file, row, column, message) and nothing is written; updating asks a reason; roles
that may not write are refused inline (README, Import)."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from nclm_desktop import demo
from nclm_desktop.models import Operation, Participant
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services.study_export import ExportOptions, export_study
from nclm_desktop.ui.import_page import ImportPage
from nclm_desktop.ui.tasks import wait_for_background

from .conftest import actor_of


@pytest.fixture(scope="module")
def exported(tmp_path_factory, export_study_file) -> Path:
    folder = tmp_path_factory.mktemp("import-page-source")
    shutil.copy(export_study_file, folder / "study.db")
    db = open_database(folder / "study.db")
    try:
        options = ExportOptions(folder / "export", identified=True, reason="page test")
        export_study(db, actor_of(db, "pi"), options)
    finally:
        db.dispose()
    return folder / "export"


@pytest.fixture
def source(exported, tmp_path) -> Path:
    return Path(shutil.copytree(exported, tmp_path / "source"))


@pytest.fixture
def empty(tmp_path, migrated_template) -> Iterator[Database]:
    path = tmp_path / "new.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    demo.ensure_demo_accounts(db)
    yield db
    db.dispose()


def count(db: Database, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def page_for(qtbot, db, username) -> ImportPage:
    page = ImportPage(db, actor_of(db, username))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def shots() -> Path | None:
    folder = os.environ.get("NCLM_SHOTS")
    return Path(folder) if folder else None


def test_a_dry_run_checks_everything_and_writes_nothing(qtbot, empty, source):
    page = page_for(qtbot, empty, "pi")
    page.source.setText(str(source))
    qtbot.mouseClick(page.dry_run, Qt.MouseButton.LeftButton)
    assert page.cancel.isEnabled() and not page.start.isEnabled()
    qtbot.waitUntil(lambda: page.start.isEnabled(), timeout=120_000)
    assert "Dry run: no errors" in page.message.text(), page.message.text()
    assert page.errors_model.rowCount() == 0
    assert page.results.currentWidget() is page.counts  # no errors: the counts shown
    assert not page.save_errors_button.isEnabled()
    model = page.counts_model
    tables = [model.display_text(r, 0) for r in range(model.rowCount())]
    assert "Operation" in tables
    operations = tables.index("Operation")
    assert int(page.counts_model.display_text(operations, 1)) == count_rows(source, "operation")
    assert page.progress.value() == page.progress.maximum() > 0
    assert count(empty, Participant) == 0  # a dry run writes nothing
    files = page.files_model
    read = {files.display_text(r, 0): r for r in range(files.rowCount())}
    at = read["operation.csv"]
    assert files.display_text(at, 2) == "UTF-8 with a byte-order mark"  # as the export wrote
    digest = hashlib.sha256((source / "operation.csv").read_bytes()).hexdigest()
    assert files.display_text(at, 3) == digest
    if shots():
        page.grab().save(str(shots() / "import_page_dry_run.png"))


def count_rows(folder: Path, table: str) -> int:
    with (folder / f"{table}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def spoil(path: Path, cells: dict[tuple[int, str], str]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    for (row, column), value in cells.items():
        rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


def test_every_error_is_listed_and_nothing_is_imported(qtbot, empty, source, tmp_path):
    spoil(
        source / "operation.csv",
        {(2, "blood_loss_ml"): "lots", (3, "operation_date"): "15/03/2023"},
    )
    spoil(source / "screening.csv", {(4, "albumin_value"): "35 mg/dL"})
    page = page_for(qtbot, empty, "pi")
    page.source.setText(str(source))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.start.isEnabled(), timeout=120_000)
    model = page.errors_model
    listed = {
        tuple(model.display_text(r, c) for c in range(3)): model.display_text(r, 3)
        for r in range(model.rowCount())
    }
    assert "not a number" in listed[("operation.csv", "2", "blood_loss_ml")]
    assert "YYYY-MM-DD" in listed[("operation.csv", "3", "operation_date")]
    assert "one of g/L, g/dL" in listed[("screening.csv", "4", "albumin_value")]
    assert "nothing was imported" in page.message.text()
    assert page.results.tabText(0) == f"Errors ({model.rowCount()})"
    assert page.results.currentWidget() is page.errors
    assert count(empty, Participant) == 0 and count(empty, Operation) == 0
    assert page.save_errors_button.isEnabled()
    page.save_errors(tmp_path / "errors.csv")
    with (tmp_path / "errors.csv").open(encoding="utf-8-sig", newline="") as fh:
        saved = list(csv.DictReader(fh))
    assert len(saved) == model.rowCount()
    assert {"file": "operation.csv", "row": "2", "column": "blood_loss_ml"}.items() <= saved[
        [r["column"] for r in saved].index("blood_loss_ml")
    ].items()
    assert "Saved" in page.message.text()
    if shots():
        page.grab().save(str(shots() / "import_page_errors.png"))


def test_the_import_writes_the_study(qtbot, empty, source):
    page = page_for(qtbot, empty, "pi")
    page.source.setText(str(source))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.start.isEnabled(), timeout=180_000)
    assert page.message.text().startswith("Imported:"), page.message.text()
    assert count(empty, Operation) == count_rows(source, "operation") > 0


def test_updating_asks_a_reason_and_refusals_show_inline(qtbot, empty, source, tmp_path):
    page = page_for(qtbot, empty, "pi")
    qtbot.mouseClick(page.dry_run, Qt.MouseButton.LeftButton)
    assert "Choose the folder or file" in page.message.text()
    page.source.setText(str(tmp_path / "nowhere"))
    qtbot.mouseClick(page.dry_run, Qt.MouseButton.LeftButton)
    assert "no such file or folder" in page.message.text()
    page.source.setText(str(source))
    assert not page.reason.isEnabled()
    page.update_existing.setChecked(True)
    assert page.reason.isEnabled()
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert "needs a reason" in page.message.text()
    assert page.start.isEnabled() and not page.cancel.isEnabled()  # nothing started


def test_a_role_that_writes_nothing_is_refused(qtbot, empty, source):
    page = page_for(qtbot, empty, "monitor")
    page.source.setText(str(source))
    qtbot.mouseClick(page.dry_run, Qt.MouseButton.LeftButton)
    assert "may not" in page.message.text() and page.start.isEnabled()


def test_cancel_writes_nothing(qtbot, empty, source):
    page = page_for(qtbot, empty, "pi")
    page.source.setText(str(source))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.start.isEnabled(), timeout=120_000)
    wait_for_background()
    assert "cancelled" in page.message.text()
    assert count(empty, Participant) == 0

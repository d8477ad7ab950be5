"""Exports are audited first, then written: a failed audit leaves no file behind."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, select

import nclm_desktop.cli as cli_module
import nclm_desktop.commands.report as report_command
from nclm_desktop.cli import run
from nclm_desktop.models import AuditEvent
from nclm_desktop.services.exports import ExportFailed, write_export, write_export_files
from tests.conftest import PASSWORD
from tests.reports.pdfcheck import flat_text


def exports(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent.new_value).where(AuditEvent.action == "export")))


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """The command's database gives up on a lock after 0.2 s instead of 15 s."""
    real = cli_module.open_database

    def open_quickly(target):
        db = real(target)
        event.listen(
            db.engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout = 200")
        )
        db.engine.dispose()
        return db

    monkeypatch.setattr(cli_module, "open_database", open_quickly)


def test_a_pdf_export_while_the_database_is_busy_leaves_no_file(
    db, db_path, study, coordinator, tmp_path, monkeypatch, capsys, short_busy_timeout
):
    monkeypatch.setenv("NCLM_PASSWORD", PASSWORD)
    other_writer = sqlite3.connect(db_path, isolation_level=None)
    real_build = report_command.build_schedule_report

    def build_then_another_writer_holds_the_lock(data):
        pdf = real_build(data)  # names and phone numbers are in it
        other_writer.execute("BEGIN EXCLUSIVE")
        return pdf

    monkeypatch.setattr(
        report_command, "build_schedule_report", build_then_another_writer_holds_the_lock
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "schedule.pdf"
    args = ["--db", str(db_path), "--user", "mli", "report", "schedule"]
    code = run([*args, "--participant", "NCLM-H-001", "--out", str(target)])
    err = capsys.readouterr().err
    other_writer.execute("ROLLBACK")
    assert code == 2
    assert "database is busy" in err and "Traceback" not in err
    assert list(out_dir.iterdir()) == []  # neither the PDF nor a temporary file
    assert exports(db) == []

    monkeypatch.setattr(report_command, "build_schedule_report", real_build)
    assert run([*args, "--participant", "NCLM-H-001", "--out", str(target)]) == 0
    assert "NCLM-H-001" in flat_text(target)
    assert exports(db) == [str(target.resolve())]
    assert [p.name for p in out_dir.iterdir()] == ["schedule.pdf"]


def test_the_export_helper_refuses_folders_and_missing_places(db, coordinator, tmp_path):
    with pytest.raises(ExportFailed, match="it is a folder"):
        write_export(db, coordinator, "x", tmp_path, b"data")
    with pytest.raises(ExportFailed, match="does not exist"):
        write_export(db, coordinator, "x", tmp_path / "missing" / "x.pdf", b"data")
    assert exports(db) == []
    folder = write_export_files(
        db, coordinator, "analysis", tmp_path / "results", {"a.json": b"{}", "b.png": b"png"}
    )
    assert sorted(p.name for p in folder.iterdir()) == ["a.json", "b.png"]
    assert exports(db) == [str(folder.resolve())]


def test_saving_from_the_reports_page_while_busy_shows_why_and_leaves_no_file(
    qtbot, db, db_path, study, coordinator, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

    from nclm_desktop.ui import dialogs, reports_page

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, msg, title=None: shown.append(msg))
    page = reports_page.ReportsPage(db, coordinator)
    qtbot.addWidget(page)
    page.show()
    combo = page.findChild(QComboBox, "report_kind")
    combo.setCurrentIndex(combo.findData("schedule"))
    qtbot.keyClicks(page.findChild(QLineEdit, "study_id"), "NCLM-H-001")
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy_running, timeout=20000)
    assert page.pdf

    event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout = 200"))
    db.engine.dispose()
    target = tmp_path / "schedule.pdf"
    monkeypatch.setattr(reports_page, "ask_save_path", lambda parent, suggested: str(target))
    other_writer = sqlite3.connect(db_path, isolation_level=None)
    other_writer.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.mouseClick(page.findChild(QPushButton, "save_report"), Qt.MouseButton.LeftButton)
    finally:
        other_writer.execute("ROLLBACK")
    assert len(shown) == 1 and "database is busy" in shown[0]
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".nclm-export-*")) == []
    assert exports(db) == []

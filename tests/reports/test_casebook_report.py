"""`report casebook`: a demo participant's casebook read back with pdftotext (values with
units, a query, an SDV mark, a signature with its meaning, audit lines), in English and in
Chinese (fonts embedded), audited as an export; roles and bad input."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from nclm_desktop import demo
from nclm_desktop.cli import run
from nclm_desktop.forms.catalogue import form
from nclm_desktop.models import AuditEvent, BaselineDisease, Operation, Participant, Signature
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from nclm_desktop.services.monitoring.queries import list_queries
from nclm_desktop.services.report_data.casebook import casebook_data
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text, render_page

TODAY = dt.date(2025, 6, 18)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    path = tmp_path_factory.mktemp("casebook") / "demo.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    actors = demo.ensure_demo_accounts(db)
    demo.generate_study(db, actors, participants=40, seed=7, today=TODAY)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    db = open_database(path)
    yield db
    db.dispose()


def _signed_hepatectomy(db: Database) -> tuple[str, int]:
    """A signed casebook of an operated participant (the demo signs finished ones)."""
    with db.session() as s:
        rows = s.execute(
            select(Participant.study_id, Participant.id)
            .join(Signature, Signature.participant_id == Participant.id)
            .join(Operation, Operation.participant_id == Participant.id)
            .order_by(Participant.id)
        ).all()
    assert rows, "the demo study signs no operated participant's casebook"
    return rows[0][0], rows[0][1]


def _cli(db: Database, user: str, *args: str) -> int:
    os.environ["NCLM_PASSWORD"] = demo.DEMO_PASSWORD
    try:
        return run(["--db", db.url.database, "--user", user, "report", "casebook", *args])
    finally:
        del os.environ["NCLM_PASSWORD"]


def test_casebook_of_a_signed_demo_participant(demo_db: Database, tmp_path: Path) -> None:
    study_id, pid = _signed_hepatectomy(demo_db)
    out = tmp_path / "casebook.pdf"
    assert _cli(demo_db, "pi", "--participant", study_id, "--out", str(out)) == 0
    text = flat_text(out)
    with demo_db.session() as s:
        op = s.scalar(select(Operation).where(Operation.participant_id == pid))
        base = s.scalar(select(BaselineDisease).where(BaselineDisease.participant_id == pid))
        p = s.get(Participant, pid)
    # The header names cohort, status and sex by their labels, not their codes.
    assert re.search(r"Cohort Hepatectomy Status [A-Z][a-z]+ Sex (Male|Female)", text)
    # Values with their units, as the dictionary formats them.
    for value in (
        form("operation").format("blood_loss_ml", op.blood_loss_ml),
        form("operation").format("duration_min", op.duration_min),
        form("baseline_disease").format("liver_met_largest_mm", base.liver_met_largest_mm),
        p.consent_date.isoformat(),
    ):
        assert value in text, value
    assert " mL" in form("operation").format("blood_loss_ml", op.blood_loss_ml)
    # Its query (the demo closes the queries of the casebooks it signs), with the answer.
    query = list_queries(demo_db, _actor(demo_db, "pi"), participant_id=pid)[0]
    assert f"Query #{query.id} (closed): {query.text}" in text
    assert f"Answer: {query.answer}" in text
    assert "Source data verified by monitor" in text
    # The signature's manifestation: printed name, meaning, time with UTC offset, state.
    assert "Dr Zhou Wen" in text
    assert "I have reviewed and approve these data" in text
    assert "signed and locked" in text
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC[+-]\d\d:\d\d( data)? valid", text)
    # The audit trail: who, the record, the field, old → new.
    assert "Audit trail" in text
    assert "Enrolment" in text and "Screening → Enrolled" in text
    render_page(out, "casebook-en")
    with demo_db.session() as s:
        exports = list(s.scalars(select(AuditEvent.entity).where(AuditEvent.action == "export")))
    assert f"report casebook {study_id}" in exports


def _actor(db: Database, username: str):
    from nclm_desktop.services import accounts

    return accounts.authenticate(db, username, demo.DEMO_PASSWORD)


def test_chinese_casebook_embeds_its_font_and_prints_chinese(
    demo_db: Database, tmp_path: Path
) -> None:
    study_id, pid = _signed_hepatectomy(demo_db)
    out = tmp_path / "casebook-zh.pdf"
    assert _cli(demo_db, "pi", "--participant", study_id, "--lang", "zh_CN", "--out", str(out)) == 0
    assert_fonts_embedded(out)
    text = flat_text(out)
    with demo_db.session() as s:
        consent = s.get(Participant, pid).consent_date
    for words in ("病例报告", "签名", "我已审阅并批准这些数据", "稽查轨迹", "源数据已核查"):
        assert words in text, words
    assert f"{consent.year}年{consent.month}月{consent.day}日" in text
    assert "已入组" in text or "已死亡" in text or "已退出" in text
    render_page(out, "casebook-zh")


def test_a_change_after_signing_shows_the_signature_invalid(demo_db: Database) -> None:
    from nclm_desktop.services.monitoring.signing import unlock_casebook
    from nclm_desktop.services.permissions import Permission
    from nclm_desktop.services.uow import writing

    study_id, pid = _signed_hepatectomy(demo_db)
    pi = _actor(demo_db, "pi")
    unlock_casebook(demo_db, pi, pid, "Correction of the operating time")
    with writing(demo_db, pi, Permission.WRITE_SURGERY, reason="Transcription error") as s:
        op = s.scalar(select(Operation).where(Operation.participant_id == pid))
        op.duration_min = (op.duration_min or 100) + 5
    data = casebook_data(demo_db, pi, study_id)
    assert [sig.state for sig in data.signatures] == ["invalid: data changed after signing"]
    assert not data.locked
    assert any(line.reason == "Transcription error" for line in data.audit or ())


def test_monitor_gets_no_identity_and_no_audit_trail(demo_db: Database) -> None:
    study_id, _pid = _signed_hepatectomy(demo_db)
    data = casebook_data(demo_db, _actor(demo_db, "monitor"), study_id)
    assert data.patient.name is None and data.audit is None
    identity = [f for f in data.forms if f.name == "participant_identity"]
    assert all(v.hidden or v.value is None for f in identity for v in f.values)
    assert any(v.hidden for f in identity for v in f.values)


def test_admin_unknown_participant_and_bad_language_are_refused(demo_db: Database) -> None:
    pi = _actor(demo_db, "pi")
    with pytest.raises(PermissionDenied):
        casebook_data(demo_db, _actor(demo_db, "admin"), "NCLM-H-001")
    with pytest.raises(NotFound):
        casebook_data(demo_db, pi, "NCLM-H-999")
    with pytest.raises(ValidationError):
        casebook_data(demo_db, pi, "NCLM-H-001", lang="fr")


def test_reports_page_builds_the_casebook_off_the_ui_thread_and_saves_it(
    qtbot, demo_db: Database, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

    from nclm_desktop.ui import dialogs, reports_page

    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, message, title=None: shown.append(message)
    )
    study_id, _pid = _signed_hepatectomy(demo_db)
    page = reports_page.ReportsPage(demo_db, _actor(demo_db, "pi"), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    combo = page.findChild(QComboBox, "report_kind")
    combo.setCurrentIndex(combo.findData("casebook"))
    assert page.findChild(QLineEdit, "study_id").isVisible() and page.lang.isVisible()
    qtbot.keyClicks(page.findChild(QLineEdit, "study_id"), study_id)
    page.lang.setCurrentIndex(page.lang.findData("zh_CN"))
    qtbot.mouseClick(page.findChild(QPushButton, "generate_report"), Qt.MouseButton.LeftButton)
    assert page.busy_running  # the PDF is built in the background
    qtbot.waitUntil(lambda: not page.busy_running, timeout=30000)
    assert shown == []
    assert "病例报告" in page.document.getAllText(0).text()
    qtbot.wait(300)
    page.grab().save(str(tmp_path / "reports-casebook.png"))
    target = tmp_path / "casebook"
    monkeypatch.setattr(reports_page, "ask_save_path", lambda parent, suggested: str(target))
    qtbot.mouseClick(page.findChild(QPushButton, "save_report"), Qt.MouseButton.LeftButton)
    assert "我已审阅并批准这些数据" in flat_text(Path(f"{target}.pdf"))
    with demo_db.session() as s:
        exports = list(s.scalars(select(AuditEvent.entity).where(AuditEvent.action == "export")))
    assert exports == [f"report casebook {study_id}"]

"""The audit viewer shows labels, local time with its UTC offset, "old → new" and reasons."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import select

from nclm_desktop.models import Participant, ParticipantIdentity, Screening
from nclm_desktop.services.uow import writing
from nclm_desktop.ui.audit_page import AuditPage
from nclm_desktop.ui.audit_presentation import change_text, field_label, local_time
from nclm_desktop.ui.main_window import MainWindow


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def history(db, actor) -> int:
    with writing(db, actor) as s:
        p = Participant(study_id="NCLM-H-001", cohort="hepatectomy", status="enrolled", sex="M",
                        birth_date=dt.date(1970, 1, 2))  # fmt: skip
        p.identity = ParticipantIdentity(name="张三", hospital_record_number="HR1")
        s.add(p)
    with writing(db, actor, reason="typed from the wrong chart") as s:
        p = s.scalars(select(Participant)).one()
        p.sex = "F"
        p.index_date = dt.date(2025, 3, 4)
    return p.id


def cells(page: AuditPage) -> list[dict[str, str]]:
    keys = [c.key for c in page.model.columns]
    return [
        {k: page.proxy.index(r, c).data() for c, k in enumerate(keys)}
        for r in range(page.proxy.rowCount())
    ]


def test_labels_local_time_old_to_new_and_reason(qtbot, db, investigator, shanghai):
    history(db, investigator)
    page = AuditPage(db, investigator)
    qtbot.addWidget(page)
    rows = {(r["record"].split()[0], r["field"]): r for r in cells(page)}
    sex = rows[("Participant", "Sex")]
    assert sex["change"] == "M → F" and sex["reason"] == "typed from the wrong chart"
    assert sex["action"] == "changed"
    assert rows[("Participant", "Index date")]["change"] == "— → 2025-03-04"
    added = rows[("Participant", "")]
    assert added["action"] == "added" and "Birth date: 1970-01-02" in added["change"]
    assert "Sex: M" in added["change"] and "{" not in added["change"]
    assert rows[("Identity", "")]["change"].startswith("→ ")
    # Local time with its offset: the stored UTC time + 8 h.
    assert sex["time"].endswith(" +08:00")
    headers = [c.header for c in page.model.columns]
    assert "Time (local)" in headers and "Change" in headers and "Old value" not in headers


def test_the_reason_column_is_visible_at_1366(qtbot, db, investigator):
    history(db, investigator)
    window = MainWindow(db, investigator, lock_minutes=0)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("audit")
    qtbot.waitExposed(window)
    reason = [c.key for c in page.model.columns].index("reason")
    left = page.table.columnViewportPosition(reason)
    assert left >= 0 and left + 120 <= page.table.viewport().width()


def test_presentation_helpers():
    assert field_label("blood_loss_ml") == "Blood loss (mL)"
    assert field_label("ecog") == "ECOG performance status"  # the dictionary's label
    assert field_label("ebv_dna_copies_ml") == "Plasma EBV DNA (copies/mL)"
    assert field_label("bilirubin_umol_l") == "Total bilirubin (µmol/L)"  # unit said once
    assert change_text("update", "r0_resectable", "true", "false") == "yes → no"
    assert change_text("update", "segments", "[5, 6]", "[5, 6, 7]") == "5, 6 → 5, 6, 7"
    assert change_text("update", "notes", None, "came late") == "— → came late"
    assert change_text("delete", None, '{"code": "M3", "id": 4}', None) == "Visit: M3 → (deleted)"
    assert local_time("2026-01-01T00:00:00+00:00").startswith("20")
    assert local_time("not a time") == "not a time"


def test_local_time_in_shanghai(shanghai):
    assert local_time("2026-11-30T16:05:12.123456+00:00") == "2026-12-01 00:05:12 +08:00"


def test_screening_booleans_read_as_words(qtbot, db, investigator):
    pid = history(db, investigator)
    with writing(db, investigator) as s:
        s.add(Screening(participant_id=pid, screening_date=dt.date(2025, 1, 1),
                        screener_id=investigator.user_id, verdict="eligible",
                        nclm_confirmed=True, ecog=1))  # fmt: skip
    page = AuditPage(db, investigator)
    qtbot.addWidget(page)
    added = next(r for r in cells(page) if r["record"].startswith("Screening"))
    assert "NCLM confirmed (biopsy, or imaging + history): yes" in added["change"]
    assert "ECOG performance status: 1" in added["change"]


def test_verify_runs_the_full_check_off_the_ui_thread_and_reports_a_tamper(
    qtbot, db, db_path, investigator
):
    import sqlite3

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    history(db, investigator)
    page = AuditPage(db, investigator)
    qtbot.addWidget(page)
    button = page.findChild(QPushButton, "verify_chain")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled()  # running in the background
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30000)
    assert page.status.text().startswith("Audit trail intact:")
    con = sqlite3.connect(db_path)  # an edit outside the application
    con.execute("UPDATE participant SET sex = 'M'")
    con.commit()
    con.close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30000)
    assert "NOT INTACT" in page.status.text() and "participant" in page.status.text()


def test_the_date_range_uses_the_one_date_input(qtbot, db, investigator):
    from nclm_desktop.ui.date_input import DateInput

    history(db, investigator)
    page = AuditPage(db, investigator)
    qtbot.addWidget(page)
    assert isinstance(page.date_from, DateInput) and isinstance(page.date_to, DateInput)
    page.use_dates.setChecked(True)
    page.date_from.clear()
    qtbot.keyClicks(page.date_from, "01.01.2000")
    assert page.current_filter().date_from == dt.date(2000, 1, 1)

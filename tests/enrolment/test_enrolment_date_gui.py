"""The Enrolment page takes the real enrolment date (often typed later from the paper file),
and the participant window's Enrolment tab corrects it with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWizard
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Participant
from nclm_desktop.services import enrolment
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.date_input import DateInput
from nclm_desktop.ui.participant_detail import ParticipantDetail
from nclm_desktop.ui.screening_wizard import ENROL, ScreeningWizard

from .conftest import TODAY, make_identity
from .wizard_helpers import (
    choose,
    click,
    click_next,
    fill_baseline,
    fill_disease,
    fill_identity,
    fill_liver,
    fill_other,
    fill_surgical,
    find,
    next_enabled,
    type_date,
)

SCREENED = dt.date(2025, 2, 3)
CONSENTED = dt.date(2025, 2, 5)
ENROLLED = dt.date(2025, 2, 6)


@pytest.fixture
def said(monkeypatch):
    log: dict = {"info": [], "error": [], "reasons": ["date from the paper CRF"]}
    monkeypatch.setattr(dialogs, "show_info", lambda p, msg, title=None: log["info"].append(msg))
    monkeypatch.setattr(dialogs, "show_error", lambda p, msg, title=None: log["error"].append(msg))
    monkeypatch.setattr(dialogs, "confirm", lambda p, msg, title=None: True)
    monkeypatch.setattr(dialogs, "ask_reason", lambda p, what: log["reasons"].pop(0))
    return log


def test_the_enrolment_page_takes_a_past_enrolment_date(qtbot, db, surgeon, said):
    w = ScreeningWizard(db, surgeon, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    fill_identity(qtbot, w, screening=SCREENED)
    click_next(qtbot, w)
    fill_disease(qtbot, w)
    click_next(qtbot, w)
    fill_liver(qtbot, w)
    click_next(qtbot, w)
    fill_surgical(qtbot, w)
    click_next(qtbot, w)
    fill_other(qtbot, w)
    click_next(qtbot, w)
    click_next(qtbot, w)

    assert w.currentId() == ENROL
    enrolled = find(w, DateInput, "enrolment_date")
    assert enrolled.date() == TODAY  # the starting value, editable
    choose(qtbot, w, "cohort", "hepatectomy")
    type_date(qtbot, w, "consent_date", CONSENTED)
    type_date(qtbot, w, "enrolment_date", dt.date(2025, 2, 4))  # before the consent
    assert "before the consent date" in find(w, QLabel, "enrolment_date_error").text()
    assert not next_enabled(w)
    type_date(qtbot, w, "enrolment_date", ENROLLED)
    click_next(qtbot, w)
    click_next(qtbot, w)
    fill_baseline(qtbot, w)
    click(qtbot, w, QWizard.WizardButton.FinishButton)

    assert said["error"] == []
    with db.session() as s:
        p = s.scalars(select(Participant)).one()
        assert (p.consent_date, p.enrolment_date) == (CONSENTED, ENROLLED)


def test_the_enrolment_tab_corrects_the_enrolment_date_with_a_reason(qtbot, db, surgeon, said):
    pid = enrolment.screen_and_enrol(
        db,
        surgeon,
        make_identity(),
        enrolment.eligible_screening(SCREENED),
        cohort="hepatectomy",
        consent_date=CONSENTED,
        today=TODAY,
    ).participant_id
    window = ParticipantDetail(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    field = find(window, DateInput, "enrolment_date")
    assert field.date() == TODAY and not field.isEnabled()
    qtbot.mouseClick(find(window, QPushButton, "edit_enrolment"), Qt.MouseButton.LeftButton)
    assert field.isEnabled()
    type_date(qtbot, window, "enrolment_date", ENROLLED)
    qtbot.mouseClick(find(window, QPushButton, "save_enrolment"), Qt.MouseButton.LeftButton)

    assert said["error"] == [] and not field.isEnabled()
    assert field.date() == ENROLLED
    with db.session() as s:
        assert s.get(Participant, pid).enrolment_date == ENROLLED
        audit = s.scalars(
            select(AuditEvent).where(
                AuditEvent.field == "enrolment_date", AuditEvent.reason.is_not(None)
            )
        ).one()
        assert audit.reason == "date from the paper CRF"


def test_enrolling_a_systemic_patient_offers_the_schedule_to_print(
    qtbot, db, coordinator, said, monkeypatch
):
    from PySide6.QtWidgets import QLineEdit, QWidget

    from nclm_desktop.ui import schedule_print
    from nclm_desktop.ui.schedule_print import ScheduleReportDialog

    from .wizard_helpers import type_text

    asked: list[str] = []
    monkeypatch.setattr(
        schedule_print,
        "ask_print_schedule",
        lambda parent, study_id, answer: (asked.append(study_id), answer("en")),
    )
    main = QWidget()  # the window the wizard was opened from
    qtbot.addWidget(main)
    w = ScreeningWizard(db, coordinator, today=TODAY, parent=main)
    w.show()
    fill_identity(qtbot, w, screening=SCREENED)
    click_next(qtbot, w)
    fill_disease(qtbot, w)
    click_next(qtbot, w)
    fill_liver(qtbot, w)
    click_next(qtbot, w)
    fill_surgical(qtbot, w)
    click_next(qtbot, w)
    fill_other(qtbot, w)
    click_next(qtbot, w)
    click_next(qtbot, w)
    choose(qtbot, w, "cohort", "systemic")
    type_date(qtbot, w, "consent_date", CONSENTED)
    type_date(qtbot, w, "enrolment_date", ENROLLED)
    type_date(qtbot, w, "index_date", ENROLLED)
    click_next(qtbot, w)
    type_text(qtbot, w, "line_regimen", "GP")
    type_date(qtbot, w, "line_start", ENROLLED)
    choose(qtbot, w, "line_for_liver", True)
    qtbot.mouseClick(w.treatment_page.add_button, Qt.MouseButton.LeftButton)
    click_next(qtbot, w)
    fill_baseline(qtbot, w)
    click(qtbot, w, QWizard.WizardButton.FinishButton)

    assert said["error"] == [] and asked == ["NCLM-S-001"]
    dialog = main.findChild(ScheduleReportDialog)
    assert dialog is not None
    assert dialog.page.findChild(QLineEdit, "study_id").text() == "NCLM-S-001"
    qtbot.waitUntil(lambda: not dialog.page.busy_running, timeout=20000)
    assert "NCLM-S-001" in dialog.page.document.getAllText(0).text()
    dialog.close()

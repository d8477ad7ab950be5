"""Who is on screen: the participant window header and every wizard page name the person
(study ID, name, hospital record number) for roles that may see identities; a monitor sees
the study ID and birth year only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from nclm_desktop.services import enrolment, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.surgery import OperationInput
from nclm_desktop.ui.complication_wizard import ComplicationWizard
from nclm_desktop.ui.operation_wizard import OperationWizard
from nclm_desktop.ui.participant_detail import ParticipantDetail

TODAY = dt.date(2024, 6, 30)
BORN = dt.date(1969, 8, 1)
IDENTITY = IdentityInput("Wang Fang", "H-2024-0082", "F", BORN)


def _enrolled(db, actor) -> int:
    return enrolment.screen_and_enrol(
        db,
        actor,
        IDENTITY,
        enrolment.eligible_screening(dt.date(2024, 2, 27)),
        cohort="hepatectomy",
        consent_date=dt.date(2024, 3, 1),
        enrolment_date=dt.date(2024, 3, 1),
        today=TODAY,
    ).participant_id


def _window(qtbot, db, actor, pid) -> ParticipantDetail:
    window = ParticipantDetail(db, actor, pid, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def _header(window) -> str:
    return window.findChild(QLabel, "detail_header").text()


def test_the_header_names_the_person_for_roles_that_may_see_identity(qtbot, db, surgeon):
    window = _window(qtbot, db, surgeon, _enrolled(db, surgeon))
    first_line = _header(window).splitlines()[0]
    assert first_line == "NCLM-H-001  ·  Wang Fang  ·  HRN H-2024-0082"
    assert "born 1969-08-01" in _header(window)
    assert window.windowTitle() == "Participant NCLM-H-001 — Wang Fang"


def test_a_monitor_sees_the_birth_year_only(qtbot, db, surgeon, monitor):
    window = _window(qtbot, db, monitor, _enrolled(db, surgeon))
    text = _header(window)
    assert text.startswith("NCLM-H-001  ·  identity hidden, born 1969")
    for secret in ("Wang Fang", "H-2024-0082", "1969-08-01"):
        assert secret not in text and secret not in window.windowTitle()


def test_a_screen_failure_is_named_by_its_record_number(qtbot, db, surgeon, monitor):
    failed = enrolment.screen(
        db, surgeon, IDENTITY, enrolment.eligible_screening(dt.date(2024, 2, 27), ecog=3)
    )
    assert failed.status == "screen_failed"
    window = _window(qtbot, db, surgeon, failed.participant_id)
    assert _header(window).startswith("no study ID  ·  Wang Fang  ·  HRN H-2024-0082")
    assert window.windowTitle() == "Participant HRN H-2024-0082 — Wang Fang"
    assert f"#{failed.participant_id}" not in window.windowTitle()
    masked = _window(qtbot, db, monitor, failed.participant_id)
    assert "H-2024-0082" not in _header(masked)


def test_every_wizard_page_names_the_person(qtbot, db, surgeon):
    pid = _enrolled(db, surgeon)
    who = "NCLM-H-001  ·  Wang Fang  ·  HRN H-2024-0082"
    wizard = OperationWizard(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(wizard)
    assert all(wizard.page(i).subTitle().startswith(who) for i in wizard.pageIds())
    op_id = surgery.record_operation(
        db,
        surgeon,
        pid,
        OperationInput(
            operation_date=dt.date(2024, 3, 12),
            surgeon_ids=[surgeon.user_id],
            approach="open",
            segments=[6],
            anatomical=False,
        ),
        today=TODAY,
    )
    complication = ComplicationWizard(db, surgeon, op_id, today=TODAY)
    qtbot.addWidget(complication)
    complication.category.setCurrentIndex(complication.category.findData("bile_leakage"))
    assert all(complication.page(i).subTitle().startswith(who) for i in complication.pageIds())

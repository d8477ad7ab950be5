"""Why the Surgery tab cannot compute the outcomes (dates recorded elsewhere disagree), in the
user's language: the outcome rule's date-order problem is a marked sentence with the dates'
names translated (README "Languages")."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from nclm_desktop.services import enrolment, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.ui.surgical_record import SurgicalRecordTab
from tests.i18n.visible_text import english_words
from tests.surgery.surgery_data import ENROLLED, OPERATED, TODAY, right_hemihepatectomy


def _operation_discharged_before_it(db, investigator, surgeon) -> int:
    """An operation whose discharge date was later moved before it, past the services'
    checks (an old database, a restored copy): the outcome rule refuses the dates."""
    pid = enrolment.screen_and_enrol(
        db,
        investigator,
        IdentityInput("Patient 1", "HRN00001", "M", dt.date(1970, 5, 4)),
        enrolment.eligible_screening(ENROLLED - dt.timedelta(days=3)),
        cohort="hepatectomy",
        consent_date=ENROLLED,
        today=ENROLLED,
    ).participant_id
    surgery.record_operation(
        db, surgeon, pid, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    with db.session(write=True) as s:
        s.execute(text("UPDATE operation SET discharge_date = :d"), {"d": "2024-03-10"})
        s.commit()
    return pid


def test_the_problem_in_english_names_the_dates(db, investigator, surgeon):
    pid = _operation_discharged_before_it(db, investigator, surgeon)
    problem = surgery.surgical_record(db, surgeon, pid).index_operation.outcome_problem
    assert problem == (
        f"Discharge date (2024-03-10) must be on or after operation date ({OPERATED.isoformat()})."
    )


def test_the_surgery_tab_says_it_in_chinese(qtbot, db, investigator, surgeon, zh_cn):
    pid = _operation_discharged_before_it(db, investigator, surgeon)
    tab = SurgicalRecordTab(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(tab)
    note = tab.outcome_note.text()
    assert "2024-03-10" in note and "出院日期" in note and "手术日期" in note
    assert note.endswith("。")
    assert english_words([("outcome_note", note)]) == []


def test_the_operative_report_prints_it_in_chinese(db, investigator, surgeon, tmp_path):
    from nclm_desktop.models import Participant
    from nclm_desktop.reports.operative import build_operative_report
    from nclm_desktop.services.report_data.operative import operative_report_data
    from tests.reports.pdfcheck import flat_text

    pid = _operation_discharged_before_it(db, investigator, surgeon)
    with db.session() as s:
        study_id = s.get(Participant, pid).study_id
    out = tmp_path / "operative.pdf"
    build_operative_report(operative_report_data(db, surgeon, study_id), out, lang="zh_CN")
    text = flat_text(out)
    assert "出院日期（2024-03-10）" in text and "手术日期" in text
    assert "must be on or after" not in text and "Discharge" not in text


def test_a_complication_dated_before_the_operation_is_named_in_chinese(
    qtbot, db, investigator, surgeon, zh_cn
):
    """A date of a list (the first complication's onset) has a marked, numbered name too."""
    from nclm_desktop.services.complications import add_complication
    from tests.surgery.surgery_data import complication

    pid = _operation_discharged_before_it(db, investigator, surgeon)
    with db.session(write=True) as s:  # the discharge date right again, an onset wrong
        s.execute(text("UPDATE operation SET discharge_date = :d"), {"d": "2024-03-22"})
        s.commit()
    op = surgery.surgical_record(db, surgeon, pid).index_operation.operation.id
    add_complication(db, surgeon, op, complication("II"), today=TODAY)
    with db.session(write=True) as s:
        s.execute(text("UPDATE complication SET onset_date = :d"), {"d": "2024-03-01"})
        s.commit()
    tab = SurgicalRecordTab(db, surgeon, pid, today=TODAY)
    qtbot.addWidget(tab)
    note = tab.outcome_note.text()
    assert "2024-03-01" in note and "并发症 1" in note.replace("并发症1", "并发症 1")
    assert "[" not in note and "complications" not in note
    assert english_words([("outcome_note", note)]) == []

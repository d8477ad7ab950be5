"""The screening wizard driven as a user would, asserting what was stored and audited."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableWidget, QWizard
from sqlalchemy import select

from nclm_desktop.models import (
    AuditEvent,
    BaselineDisease,
    Participant,
    Screening,
    StudyIdCounter,
    SystemicTreatment,
    Visit,
)
from nclm_desktop.services.drafts import load_draft
from nclm_desktop.services.enrolment import screen
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.screening_wizard import (
    BASELINE,
    DISEASE,
    ENROL,
    IDENTITY,
    LIVER,
    TREATMENT,
    VERDICT,
    ScreeningWizard,
)

from .conftest import TODAY, make_identity, make_screening
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
    type_text,
)


@pytest.fixture
def said(monkeypatch):
    """Messages the wizard showed; confirm() answers from ``said['confirm']``."""
    log: dict = {"info": [], "error": [], "confirm": True, "asked": []}
    monkeypatch.setattr(
        dialogs, "show_info", lambda parent, msg, title=None: log["info"].append(msg)
    )
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, msg, title=None: log["error"].append(msg)
    )

    def confirm(parent, msg, title=None):
        log["asked"].append(msg)
        return log["confirm"]

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return log


def open_wizard(qtbot, db, actor, **kwargs) -> ScreeningWizard:
    wizard = ScreeningWizard(db, actor, today=TODAY, **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def audit_pairs(db, username):
    with db.session() as s:
        return {
            (e.entity, e.action)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.username == username))
        }


def test_eligible_hepatectomy_patient_is_enrolled(qtbot, db, surgeon, said):
    w = open_wizard(qtbot, db, surgeon)
    saved = []
    w.participant_saved.connect(lambda pid, sid: saved.append((pid, sid)))
    assert w.currentId() == IDENTITY and not next_enabled(w)
    fill_identity(qtbot, w, screening=dt.date(2025, 3, 8))
    assert next_enabled(w)
    click_next(qtbot, w)

    assert w.currentId() == DISEASE and not next_enabled(w)
    fill_disease(qtbot, w)
    click_next(qtbot, w)

    assert w.currentId() == LIVER and not next_enabled(w)
    fill_liver(qtbot, w)  # bilirubin 0.9 mg/dL = 15.4 µmol/L
    assert find(w, QLabel, "child_pugh_live").text() == "5 points, class A"
    assert "grade 1" in find(w, QLabel, "albi_live").text()
    assert "15.4 µmol/L" in find(w, QLabel, "albi_live").text()
    click_next(qtbot, w)
    fill_surgical(qtbot, w)
    click_next(qtbot, w)
    # A man: pregnancy is answered "No" and not asked.
    assert not w.fields["pregnant_or_lactating"].focus.isEnabled()
    fill_other(qtbot, w)
    click_next(qtbot, w)

    assert w.currentId() == VERDICT
    assert find(w, QLabel, "verdict").text().startswith("Eligible")
    table = find(w, QTableWidget, "criteria_table")
    assert table.rowCount() == 15
    assert {table.item(r, 1).text() for r in range(15)} == {"met", "does not apply"}
    click_next(qtbot, w)

    assert w.currentId() == ENROL and not next_enabled(w)
    choose(qtbot, w, "cohort", "hepatectomy")
    assert not w.fields["index_date"].focus.isEnabled()
    type_date(qtbot, w, "consent_date", dt.date(2025, 3, 7))  # before the screening
    assert "before the screening date" in find(w, QLabel, "consent_date_error").text()
    assert not next_enabled(w)
    type_date(qtbot, w, "consent_date", TODAY)
    click_next(qtbot, w)

    assert w.currentId() == TREATMENT and next_enabled(w)  # prior lines are optional here
    type_text(qtbot, w, "line_regimen", "GP induction")
    type_date(qtbot, w, "line_start", dt.date(2023, 2, 1))
    type_date(qtbot, w, "line_end", dt.date(2023, 6, 1))
    choose(qtbot, w, "line_best_response", "CR")
    qtbot.mouseClick(w.treatment_page.add_button, Qt.MouseButton.LeftButton)
    assert find(w, QTableWidget, "systemic_lines").rowCount() == 1
    click_next(qtbot, w)

    assert w.currentId() == BASELINE and not next_enabled(w)
    assert not w.button(QWizard.WizardButton.FinishButton).isEnabled()
    fill_baseline(qtbot, w)
    click(qtbot, w, QWizard.WizardButton.FinishButton)

    assert said["error"] == []
    assert said["info"] == ["Enrolled as NCLM-H-001."]
    assert not w.isVisible()
    with db.session() as s:
        p = s.scalars(select(Participant)).one()
        assert (p.study_id, p.cohort, p.status, p.consent_date, p.enrolment_date) == (
            "NCLM-H-001",
            "hepatectomy",
            "enrolled",
            TODAY,
            TODAY,
        )
        assert (p.identity.name, p.identity.hospital_record_number, p.sex) == (
            "Wei Zhang",
            "H100001",
            "M",
        )
        sc = s.scalars(select(Screening)).one()
        assert (sc.screening_date, sc.verdict, sc.disease_pattern) == (
            dt.date(2025, 3, 8),
            "eligible",
            1,
        )
        assert (sc.bilirubin_value, sc.bilirubin_unit) == (0.9, "mg/dL")
        assert sc.bilirubin_umol_l == pytest.approx(15.39)
        assert (sc.child_pugh_points, sc.child_pugh_grade, sc.albi_grade) == (5, "A", 1)
        assert (sc.ecog, sc.future_liver_remnant_pct, sc.pregnant_or_lactating) == (1, 48.0, False)
        b = s.get(BaselineDisease, p.id)
        assert (b.t_stage, b.n_stage, b.liver_met_count, b.liver_met_segments) == (
            "T3",
            "N2",
            2,
            [6, 7],
        )
        assert (b.liver_met_timing, b.metachronous_interval_months, b.bone_metastases) == (
            "metachronous",
            17.0,
            False,
        )
        line = s.scalars(select(SystemicTreatment)).one()
        assert (line.regimen, line.best_response) == ("GP induction", "CR")
    assert saved == [(p.id, "NCLM-H-001")]
    assert {
        ("participant", "insert"),
        ("participant_identity", "insert"),
        ("screening", "insert"),
        ("baseline_disease", "insert"),
        ("systemic_treatment", "insert"),
        ("participant", "update"),
    } <= audit_pairs(db, "zchen")
    assert load_draft(db, surgeon, "screening") is None


def test_age_71_with_child_pugh_b_is_a_screen_failure(qtbot, db, coordinator, said):
    w = open_wizard(qtbot, db, coordinator)
    fill_identity(qtbot, w, birth=dt.date(1953, 11, 2), sex="F")
    click_next(qtbot, w)
    fill_disease(qtbot, w)
    click_next(qtbot, w)
    fill_liver(qtbot, w, bilirubin="40", unit="µmol/L", albumin="30")
    assert find(w, QLabel, "child_pugh_live").text() == "7 points, class B"
    click_next(qtbot, w)
    fill_surgical(qtbot, w)
    click_next(qtbot, w)
    assert w.fields["pregnant_or_lactating"].focus.isEnabled()  # asked of a woman
    assert not next_enabled(w)
    fill_other(qtbot, w)
    click_next(qtbot, w)

    assert find(w, QLabel, "verdict").text() == "Not eligible"
    table = find(w, QTableWidget, "criteria_table")
    failed = {
        table.item(r, 2).text()
        for r in range(table.rowCount())
        if table.item(r, 1).text() in ("not met", "applies")
    }
    assert failed == {
        "Age 71 on 2025-03-10 is above 70",
        "Child-Pugh B (7 points); class A required",
    }
    assert not w.button(QWizard.WizardButton.NextButton).isVisible()
    click(qtbot, w, QWizard.WizardButton.FinishButton)

    assert said["info"] == ["Saved as a screen failure."]
    with db.session() as s:
        p = s.scalars(select(Participant)).one()
        assert (p.status, p.study_id, p.cohort) == ("screen_failed", None, None)
        sc = s.scalars(select(Screening)).one()
        assert (sc.verdict, sc.age_at_screening, sc.child_pugh_grade) == ("not_eligible", 71, "B")
        assert {c["id"] for c in sc.criteria if c["status"] == "failed"} == {
            "exc_age",
            "inc_liver_function",
        }
        assert s.scalars(select(StudyIdCounter)).all() == []
    assert {("participant", "insert"), ("screening", "insert")} <= audit_pairs(db, "mli")


def test_incomplete_screening_is_kept_as_a_draft_and_resumed(qtbot, db, surgeon, said):
    w = open_wizard(qtbot, db, surgeon)
    fill_identity(qtbot, w, hrn="H555")
    click_next(qtbot, w)
    fill_disease(qtbot, w)
    click_next(qtbot, w)
    choose(qtbot, w, "bilirubin_unit", "mg/dL")
    type_text(qtbot, w, "bilirubin_value", "1.1")
    assert not next_enabled(w)
    click(qtbot, w, QWizard.WizardButton.CancelButton)  # "Close (keep draft)"
    assert not w.isVisible()
    draft = load_draft(db, surgeon, "screening")
    assert draft is not None and draft.data["page"] == LIVER
    assert draft.data["values"]["name"] == "Wei Zhang"
    with db.session() as s:
        assert s.scalars(select(Participant)).all() == []

    said["confirm"] = True
    w2 = open_wizard(qtbot, db, surgeon)
    assert len(said["asked"]) == 1 and "Resume it?" in said["asked"][0]
    assert w2.currentId() == LIVER
    assert find(w2, QComboBox, "bilirubin_unit").currentText() == "mg/dL"
    assert w2.fields["bilirubin_value"].edit.text() == "1.1"
    assert w2.value("hospital_record_number") == "H555"
    type_text(qtbot, w2, "albumin_value", "40")
    type_text(qtbot, w2, "inr", "1.0")
    choose(qtbot, w2, "ascites", "none")
    choose(qtbot, w2, "encephalopathy", "none")
    click_next(qtbot, w2)
    fill_surgical(qtbot, w2)
    click_next(qtbot, w2)
    fill_other(qtbot, w2)
    click_next(qtbot, w2)
    click_next(qtbot, w2)  # eligible
    choose(qtbot, w2, "cohort", "hepatectomy")
    type_date(qtbot, w2, "consent_date", TODAY)
    click_next(qtbot, w2)
    click_next(qtbot, w2)
    fill_baseline(qtbot, w2)
    click(qtbot, w2, QWizard.WizardButton.FinishButton)
    with db.session() as s:
        p = s.scalars(select(Participant)).one()
        assert (p.study_id, p.identity.hospital_record_number) == ("NCLM-H-001", "H555")
        assert s.scalars(select(Screening.bilirubin_unit)).one() == "mg/dL"
    assert load_draft(db, surgeon, "screening") is None


def test_declining_the_draft_discards_it(qtbot, db, surgeon, said):
    w = open_wizard(qtbot, db, surgeon)
    type_text(qtbot, w, "name", "Someone")
    w.close()
    assert load_draft(db, surgeon, "screening") is not None
    said["confirm"] = False
    w2 = open_wizard(qtbot, db, surgeon)
    assert w2.currentId() == IDENTITY and w2.value("name") is None
    assert load_draft(db, surgeon, "screening") is None


def test_bad_input_is_refused_at_the_field(qtbot, db, surgeon, said):
    w = open_wizard(qtbot, db, surgeon)
    fill_identity(qtbot, w)
    type_date(qtbot, w, "birth_date", dt.date(2025, 4, 1))
    assert (
        "cannot be in the future (today is 2025-03-10)"
        in find(w, QLabel, "birth_date_error").text()
    )
    assert not next_enabled(w)
    type_date(qtbot, w, "birth_date", dt.date(1970, 5, 4))
    type_date(qtbot, w, "screening_date", dt.date(1969, 1, 1))
    assert "before the birth date (1970-05-04)" in find(w, QLabel, "screening_date_error").text()
    assert not next_enabled(w)
    type_date(qtbot, w, "screening_date", TODAY)
    click_next(qtbot, w)
    fill_disease(qtbot, w)
    click_next(qtbot, w)
    fill_liver(qtbot, w)
    type_text(qtbot, w, "inr", "15")
    assert find(w, QLabel, "inr_error").text() == "INR must be between 0.5 and 10 (got 15)."
    assert not next_enabled(w)
    type_text(qtbot, w, "bilirubin_value", "80")  # in mg/dL: above 58.5
    assert "between 0.0585 and 58.5 mg/dL" in find(w, QLabel, "bilirubin_value_error").text()
    type_text(qtbot, w, "inr", "1.1")
    assert not next_enabled(w)
    choose(qtbot, w, "bilirubin_unit", "µmol/L")  # 80 µmol/L is plausible
    assert find(w, QLabel, "bilirubin_value_error").isHidden()
    assert next_enabled(w)


def test_known_record_number_opens_the_existing_participant(qtbot, db, surgeon, said):
    pid = screen(db, surgeon, make_identity("H777"), make_screening(), today=TODAY).participant_id
    w = open_wizard(qtbot, db, surgeon)
    opened = []
    w.existing_participant.connect(opened.append)
    fill_identity(qtbot, w, hrn="H777")
    click(qtbot, w, QWizard.WizardButton.NextButton)
    assert opened == [pid]
    assert "already in the study" in said["info"][0]
    assert not w.isVisible()
    assert load_draft(db, surgeon, "screening") is None
    with db.session() as s:
        assert len(s.scalars(select(Participant)).all()) == 1


def test_systemic_only_patient_needs_index_date_and_a_line(qtbot, db, coordinator, said):
    w = open_wizard(qtbot, db, coordinator)
    fill_identity(qtbot, w)
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
    type_date(qtbot, w, "consent_date", TODAY)
    assert not next_enabled(w)  # index date required for this cohort
    type_date(qtbot, w, "index_date", dt.date(2025, 3, 3))
    click_next(qtbot, w)
    assert not next_enabled(w)  # at least one line
    type_text(qtbot, w, "line_regimen", "Toripalimab + GP")
    type_date(qtbot, w, "line_start", dt.date(2025, 3, 3))
    choose(qtbot, w, "line_for_liver", True)
    qtbot.mouseClick(
        find(w, type(w.treatment_page.add_button), "add_line"), Qt.MouseButton.LeftButton
    )
    assert next_enabled(w)
    click_next(qtbot, w)
    fill_baseline(qtbot, w)
    click(qtbot, w, QWizard.WizardButton.FinishButton)
    assert said["info"] == ["Enrolled as NCLM-S-001."]
    with db.session() as s:
        p = s.scalars(select(Participant)).one()
        assert (p.study_id, p.index_date) == ("NCLM-S-001", dt.date(2025, 3, 3))
        line = s.scalars(select(SystemicTreatment)).one()
        assert (line.regimen, line.for_liver_metastases) == ("Toripalimab + GP", True)
        assert len(s.scalars(select(Visit)).all()) == 15


def test_enter_moves_to_the_next_page(qtbot, db, surgeon, said):
    w = open_wizard(qtbot, db, surgeon)
    fill_identity(qtbot, w)
    phone = find(w, QLineEdit, "phone")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert w.currentId() == DISEASE
    qtbot.keyClick(find(w, QComboBox, "nclm_confirmed"), Qt.Key.Key_Return)
    assert w.currentId() == DISEASE  # Next stays disabled until the page is complete

"""Keyboard and forms in the screening wizard: the one date input, what stops Next and why,
required marks, and the verdict table's wording."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget, QWizard

from nclm_desktop.ui import dialogs
from nclm_desktop.ui.date_input import DateInput
from nclm_desktop.ui.screening_pages.outcome_pages import EnrolPage
from nclm_desktop.ui.screening_wizard import DISEASE, IDENTITY, VERDICT, ScreeningWizard

from .conftest import TODAY
from .wizard_helpers import (
    choose,
    click_next,
    fill_disease,
    fill_identity,
    fill_liver,
    fill_other,
    fill_surgical,
    find,
    next_enabled,
    type_text,
)


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """Message boxes shown (none is expected for a field's problem)."""
    shown: list[str] = []
    for name in ("show_error", "show_info"):
        monkeypatch.setattr(dialogs, name, lambda _p, message, title=None: shown.append(message))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    return shown


def open_wizard(qtbot, db, actor) -> ScreeningWizard:
    wizard = ScreeningWizard(db, actor, today=TODAY, resume=False)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    with qtbot.waitActive(wizard):  # focus-out (Tab) is delivered to an active window only
        wizard.show()
        wizard.activateWindow()
    return wizard


def visible(parent, cls, name) -> bool:
    widget = parent.findChild(cls, name)
    return widget is not None and widget.isVisible()


def test_tab_leaves_a_blank_date_field(qtbot, db, surgeon, boxes):
    w = open_wizard(qtbot, db, surgeon)
    birth = find(w, DateInput, "birth_date")
    assert birth.text() == ""
    birth.setFocus()
    qtbot.waitUntil(birth.hasFocus)
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Tab)
    assert not birth.hasFocus()
    assert w.focusWidget() is find(w, QLineEdit, "phone")


@pytest.mark.parametrize("typed", ["1970-05-04", "04.05.1970", "1970/05/04", "19700504"])
def test_each_date_format_is_read_and_shown_as_iso(qtbot, db, surgeon, boxes, typed):
    w = open_wizard(qtbot, db, surgeon)
    birth = find(w, DateInput, "birth_date")
    birth.setFocus()
    qtbot.keyClicks(birth, typed)
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    assert w.fields["birth_date"].value() == dt.date(1970, 5, 4)
    assert birth.text() == "1970-05-04"
    assert not visible(w, QLabel, "birth_date_error")


def test_an_impossible_date_shows_an_inline_error_and_blocks_next(qtbot, db, surgeon, boxes):
    w = open_wizard(qtbot, db, surgeon)
    fill_identity(qtbot, w)
    assert next_enabled(w)
    birth = find(w, DateInput, "birth_date")
    birth.setFocus()
    birth.selectAll()
    qtbot.keyClicks(birth, "31.04.1970")
    assert not visible(w, QLabel, "birth_date_error")  # not while typing
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    assert w.focusWidget() is find(w, QLineEdit, "phone")  # Tab leaves even a bad date
    assert visible(w, QLabel, "birth_date_error")
    assert find(w, QLabel, "birth_date_error").text() == "1970-04 has no day 31."
    assert not next_enabled(w)
    assert boxes == []
    birth.setFocus()
    birth.selectAll()
    qtbot.keyClicks(birth, "30.04.1970")
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    assert not visible(w, QLabel, "birth_date_error") and next_enabled(w)


def test_the_page_lists_what_is_missing_and_a_click_goes_there(qtbot, db, surgeon, boxes):
    w = open_wizard(qtbot, db, surgeon)
    assert not next_enabled(w)
    page = w.currentPage()
    assert visible(w, QPushButton, "missing_birth_date")
    assert [name for name, _ in page.missing.entries] == [
        "name",
        "hospital_record_number",
        "sex",
        "birth_date",
    ]
    next_button = w.button(QWizard.WizardButton.NextButton)
    assert "Birth date" in next_button.toolTip()
    qtbot.mouseClick(find(w, QPushButton, "missing_birth_date"), Qt.MouseButton.LeftButton)
    assert find(w, DateInput, "birth_date").hasFocus()

    why = find(w, QPushButton, "why_blocked")
    assert why.isVisible()
    qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
    assert find(w, QLabel, "name_error").text() == "Name is required."
    assert find(w, QLineEdit, "name").hasFocus()

    fill_identity(qtbot, w)
    assert next_enabled(w)
    assert not visible(w, QPushButton, "missing_birth_date")
    assert not why.isVisible() and not find(w, QLabel, "name_error").isVisible()
    assert next_button.toolTip() == ""
    assert boxes == []


def test_disabled_fields_are_not_marked_required(qtbot, db, surgeon):
    values = {"cohort": None}
    page = EnrolPage(TODAY, values.get)
    qtbot.addWidget(page)
    page.show()
    index, caption = page.view.widget("index_date"), page.view.rows["index_date"].caption
    choose(qtbot, page, "cohort", "hepatectomy")
    assert not index.isEnabled()
    assert not caption.text().endswith("*")
    assert "index_date" not in [n for n, _ in page.view.blocking()]
    choose(qtbot, page, "cohort", "systemic")
    assert index.isEnabled() and caption.text().endswith(" *")
    assert "index_date" in [n for n, _ in page.view.blocking()]


def result_column(w: ScreeningWizard) -> dict[str, tuple[str, str, bool]]:
    """Criterion text → (result text, colour, has an icon)."""
    table = find(w, QTableWidget, "criteria_table")
    out = {}
    for r in range(table.rowCount()):
        cell = table.item(r, 1)
        out[table.item(r, 0).text()] = (
            cell.text(),
            cell.foreground().color().name(),
            not cell.icon().isNull(),
        )
    return out


def walk_to_verdict(qtbot, w, liver=None, **identity) -> None:
    fill_identity(qtbot, w, **identity)
    click_next(qtbot, w)
    assert w.currentId() == DISEASE
    fill_disease(qtbot, w)
    click_next(qtbot, w)
    fill_liver(qtbot, w, **(liver or {}))
    click_next(qtbot, w)
    fill_surgical(qtbot, w)
    click_next(qtbot, w)
    fill_other(qtbot, w)
    click_next(qtbot, w)
    assert w.currentId() == VERDICT


def test_verdict_wording_for_an_eligible_patient(qtbot, db, surgeon, boxes):
    w = open_wizard(qtbot, db, surgeon)
    walk_to_verdict(qtbot, w)
    results = result_column(w)
    age = next(k for k in results if k.startswith("Exclusion: Younger than 18"))
    assert results[age] == ("does not apply", QColor("#1b5e20").name(), True)
    inclusions = {v for k, v in results.items() if k.startswith("Inclusion")}
    exclusions = {v for k, v in results.items() if k.startswith("Exclusion")}
    assert inclusions == {("met", "#1b5e20", True)}
    assert exclusions == {("does not apply", "#1b5e20", True)}
    if _shots():
        w.grab().save("/work/wt/shots-h11b/verdict_eligible.png")


def test_verdict_wording_for_a_patient_who_is_not_eligible(qtbot, db, surgeon, boxes):
    w = open_wizard(qtbot, db, surgeon)
    # 72 on the screening date (the age exclusion applies) with Child-Pugh B (the liver
    # function inclusion is not met).
    walk_to_verdict(
        qtbot, w, liver={"bilirubin": "40", "unit": "µmol/L", "albumin": "30"},
        birth=dt.date(1952, 5, 4),
    )  # fmt: skip
    assert find(w, QLabel, "verdict").text() == "Not eligible"
    results = result_column(w)

    def result(start: str) -> tuple[str, str, bool]:
        return next(v for k, v in results.items() if k.startswith(start))

    assert result("Exclusion: Younger than 18") == ("applies", "#b00020", True)
    assert result("Inclusion: Good liver function") == ("not met", "#b00020", True)
    assert result("Inclusion: ECOG") == ("met", "#1b5e20", True)
    assert result("Exclusion: Pregnant") == ("does not apply", "#1b5e20", True)
    if _shots():
        w.grab().save("/work/wt/shots-h11b/verdict_not_eligible.png")


def _shots() -> bool:
    import os

    return bool(os.environ.get("NCLM_SHOTS"))


def test_identity_page_at_1366x768(qtbot, db, surgeon, boxes):
    w = open_wizard(qtbot, db, surgeon)
    assert w.currentId() == IDENTITY
    type_text(qtbot, w, "name", "Wei Zhang")
    if _shots():
        w.grab().save("/work/wt/shots-h11b/identity_missing.png")
    assert visible(w, QPushButton, "missing_sex")

"""The baseline form is defined once: the wizard's page and the participant's Baseline tab
take every label, limit and choice from the data dictionary (they once typed their own)."""

from __future__ import annotations

from nclm_desktop.forms import Kind
from nclm_desktop.forms.catalogue import form
from nclm_desktop.services.enrolment import screen_and_enrol
from nclm_desktop.ui.participant_edit_tabs import BaselineTab
from nclm_desktop.ui.screening_pages.outcome_pages import BaselinePage

from .conftest import TODAY, make_identity, make_screening

BASELINE = form("baseline_disease")


def test_wizard_page_and_detail_tab_read_one_definition(qtbot, db, surgeon):
    pid = screen_and_enrol(
        db,
        surgeon,
        make_identity("B1"),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY,
        today=TODAY,
    ).participant_id
    page = BaselinePage(TODAY, lambda name: None)
    tab = BaselineTab(db, surgeon, pid, TODAY)
    qtbot.addWidget(page)
    qtbot.addWidget(tab)
    assert set(page.view.rows) <= set(tab.view.rows)
    for name in page.view.rows:
        definition = BASELINE[name]
        wizard_field = page.view.input(name)
        # One builder: the wizard page and the tab build the same input from one definition.
        assert wizard_field.field is definition is tab.view.input(name).field
        assert type(wizard_field) is type(tab.view.input(name))
        assert wizard_field.focus.objectName() == tab.view.widget(name).objectName() == name
        if definition.kind in (Kind.INTEGER, Kind.DECIMAL):
            shown = wizard_field.focus.placeholderText()
            assert shown == tab.view.widget(name).placeholderText()
            if definition.hard.hi < 1e6:  # a range as wide as EBV DNA's is not worth showing
                assert shown == f"{definition.hard.lo:g} – {definition.hard.hi:g}"
        if definition.kind is Kind.CHOICE:
            combo = wizard_field.focus
            codes = tuple(combo.itemData(i) for i in range(1, combo.count()))
            assert codes == definition.codes()

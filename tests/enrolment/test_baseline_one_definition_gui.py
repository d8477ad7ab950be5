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
    assert set(page.fields) <= set(tab.view.rows)
    for name, wizard_field in page.fields.items():
        definition = BASELINE[name]
        assert tab.view.input(name).field is definition
        assert wizard_field.widget.objectName() == tab.view.widget(name).objectName() == name
        if definition.kind in (Kind.INTEGER, Kind.DECIMAL):
            assert (wizard_field.lo, wizard_field.hi) == (definition.hard.lo, definition.hard.hi)
        if definition.kind is Kind.CHOICE:
            combo = wizard_field.widget
            codes = tuple(combo.itemData(i) for i in range(1, combo.count()))
            assert codes == definition.codes()

"""The one form builder: a dictionary form becomes a wizard page and a detail-tab editor,
checked live by the fields' own rules, with the same widgets and error lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWizard

from nclm_desktop.forms import Field, Form, Kind, Range, ValidationError, When, choices
from nclm_desktop.ui import dialogs
from nclm_desktop.ui.form_builder import FormEditor, FormView, FormWizardPage, page_of
from nclm_desktop.ui.form_feedback import ErrorLine

TODAY = dt.date(2026, 11, 29)

FIXTURE = Form(
    "fixture",
    "Fixture form",
    "fixture",
    (
        Field("seen_date", "Seen on", Kind.DATE, required=True),
        Field("count", "Count", Kind.INTEGER, hard=Range(0, 20)),
        Field("size_mm", "Size", Kind.DECIMAL, unit="mm", hard=Range(0, 300), soft=Range(1, 150)),
        Field("kind", "Kind", Kind.CHOICE, choices=choices(("a", "Alpha"), ("other", "Other"))),
        Field(
            "other_text",
            "Description",
            Kind.TEXT,
            max_len=50,
            required=When("when the kind is other", lambda v: v.get("kind") == "other"),
        ),
        Field("sites", "Sites", Kind.MULTI, choices=choices(("lung", "Lung"), ("bone", "Bone"))),
        Field("done", "Done", Kind.YESNO),
        Field("notes", "Notes", Kind.TEXT, multiline=True, max_len=200),
    ),
)


def _error(widget: Any, name: str) -> str | None:
    line = widget.findChild(ErrorLine, f"{name}_error")
    return line.text() if line.isVisibleTo(widget) else None


def test_every_kind_gets_its_widget_named_after_the_field(qtbot: Any) -> None:
    view = FormView(FIXTURE, today=TODAY)
    qtbot.addWidget(view)
    assert isinstance(view.findChild(QLineEdit, "count"), QLineEdit)
    assert isinstance(view.findChild(QComboBox, "kind"), QComboBox)
    assert view.findChild(QComboBox, "done").itemText(1) == "Yes"
    assert view.findChild(object, "sites_lung") is not None
    view.set_values(
        {
            "seen_date": dt.date(2026, 1, 2),
            "count": 3,
            "size_mm": 31.5,
            "kind": "a",
            "sites": ["bone"],
            "done": False,
            "notes": "x\ny",
        }
    )
    assert view.values() == {
        "seen_date": dt.date(2026, 1, 2),
        "count": 3,
        "size_mm": 31.5,
        "kind": "a",
        "other_text": None,
        "sites": ["bone"],
        "done": False,
        "notes": "x\ny",
    }


def test_wizard_page_checks_live_with_the_fields_rules(qtbot: Any) -> None:
    page = FormWizardPage("Fixture", FIXTURE, today=TODAY)
    wizard = QWizard()
    wizard.addPage(page)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not page.isComplete()
    assert [n for n, _ in page.view.missing()] == ["seen_date"]
    assert "Seen on *" in [
        lbl.text() for lbl in page.findChildren(type(page.view.rows["count"].caption))
    ]
    qtbot.keyClicks(page.view.widget("seen_date"), "2026-11-02")
    page.view.widget("seen_date").editingFinished.emit()
    assert page.isComplete()
    qtbot.keyClicks(page.view.widget("count"), "2.5")
    assert _error(page, "count") == "Count must be a whole number."
    assert not page.isComplete()
    page.view.widget("count").clear()
    qtbot.keyClicks(page.view.widget("count"), "25")
    assert _error(page, "count") == "Count must be between 0 and 20 (got 25)."
    page.view.widget("count").clear()
    # Conditionally required: Description becomes required when the kind is "other".
    page.view.widget("kind").setCurrentIndex(2)
    assert page.view.rows["other_text"].caption.text() == "Description *"
    assert [n for n, _ in page.view.missing()] == ["other_text"]
    assert page_of(wizard, "other_text") == wizard.pageIds()[0]


def test_a_value_outside_the_usual_range_is_kept_only_when_confirmed(qtbot: Any) -> None:
    view = FormView(FIXTURE, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.widget("size_mm"), "180")
    assert "outside the usual 1–150 mm" in _error(view, "size_mm")
    keep = view.findChild(object, "size_mm_confirm")
    assert keep.isVisible()
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert _error(view, "size_mm") is None and view.confirmed() == {"size_mm"}
    assert view.refresh() is False  # the date is still missing
    view.widget("size_mm").setText("181")  # a new value needs a new confirmation
    assert view.confirmed() == frozenset()


def test_future_date_is_refused_under_the_field(qtbot: Any) -> None:
    view = FormView(FIXTURE, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.widget("seen_date").set_date(dt.date(2026, 11, 30))
    assert "cannot be in the future (today is 2026-11-29)" in _error(view, "seen_date")


def test_editor_saves_with_a_reason_and_shows_the_services_refusal_inline(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: dict[str, Any] = {"seen_date": dt.date(2026, 1, 2), "count": 3}
    calls: list[tuple[dict[str, Any], frozenset[str], str | None]] = []

    def save(values: dict[str, Any], confirmed: frozenset[str], reason: str | None) -> None:
        clean = FIXTURE.clean(values, today=TODAY, confirmed=confirmed)
        if clean["count"] == 13:  # a service's own cross-field rule
            raise ValidationError("count", "Thirteen is not allowed here.")
        calls.append((clean, confirmed, reason))
        stored.update(clean)

    editor = FormEditor(
        FIXTURE,
        today=TODAY,
        what="the fixture",
        can_edit=True,
        save=save,
        load=lambda: dict(stored),
    )
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.view.widget("count").isEnabled()
    qtbot.mouseClick(editor.edit_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(dialogs, "ask_reason", lambda parent, what: "typo on the form")
    editor.view.widget("count").setText("13")
    assert editor.save() is False
    assert _error(editor, "count") == "Thirteen is not allowed here."
    editor.view.widget("count").setText("4")
    assert editor.save() is True
    assert calls[-1][0]["count"] == 4 and calls[-1][2] == "typo on the form"
    assert editor.view.widget("count").text() == "4" and not editor.editing

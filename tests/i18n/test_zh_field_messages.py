"""A value the data dictionary refuses is explained in the user's language: the message
template, the field's label and its condition are translated where the form shows them."""

from __future__ import annotations

import datetime as dt
import re

from nclm_desktop.forms.catalogue import form
from nclm_desktop.ui.form_builder import FormView
from nclm_desktop.ui.form_feedback import ErrorLine

TODAY = dt.date(2026, 11, 29)
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _error(view: FormView, name: str) -> str:
    return view.findChild(ErrorLine, f"{name}_error").text()


def test_range_future_date_and_required_messages_in_chinese(qtbot, zh_cn) -> None:
    view = FormView(form("baseline_disease"), today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.widget("liver_met_count").setText("2.5")
    assert _error(view, "liver_met_count").startswith("肝转移灶数目必须")
    assert "整数" in _error(view, "liver_met_count")
    view.widget("liver_met_largest_mm").setText("9999")
    message = _error(view, "liver_met_largest_mm")
    assert message.startswith("最大肝转移灶必须在 ") and "9999" in message
    view.widget("ebv_dna_date").set_date(TODAY + dt.timedelta(days=1))
    message = _error(view, "ebv_dna_date")
    assert "不能晚于今天" in message and "2026-11-30" in message
    for text in (_error(view, n) for n in ("liver_met_count", "liver_met_largest_mm")):
        assert not LATIN_WORD.search(text.replace("mm", "")), text


def test_the_same_refusal_stays_english_in_english(qtbot) -> None:
    view = FormView(form("baseline_disease"), today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.widget("liver_met_count").setText("2.5")
    assert _error(view, "liver_met_count") == "Number of liver metastases must be a whole number."

"""Texts the application writes about the follow-up and the monitoring, in the user's
language (README "Languages"): the assessments a recorded visit left undone, and the
automatic checks' queries (stored in English, shown translated, old rows too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from monitoring_data import TODAY

from nclm_desktop.forms.errors import shown
from nclm_desktop.services import followup as fu
from tests.i18n.visible_text import english_words


@pytest.fixture
def zh_cn(qapp) -> Iterator[None]:
    from nclm_desktop.ui import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    try:
        yield
    finally:
        i18n.install("en")


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_assessments_not_done_in_chinese(study, zh_cn):
    first = fu.list_visits(study.db, study["coordinator"], study.pid, TODAY)[0]
    day = max(first.window_start, TODAY)
    record = fu.VisitRecord(actual_date=day, assessments_done=[])
    result = fu.record_visit(study.db, study["coordinator"], first.id, record, day)
    not_done = [w for w in result.warnings if w.startswith("Not done:")]
    assert len(not_done) == 1 and "Plasma EBV DNA" in not_done[0]  # stored words: English
    text = shown(not_done[0])
    assert "血浆 EBV DNA" in text and _chinese(text)
    assert english_words([("warning", text)]) == []

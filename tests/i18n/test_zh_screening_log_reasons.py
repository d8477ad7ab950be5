"""The screening log shows stored eligibility reasons in the user's language (README
"Languages"): a stored reason is English text, read back by its shape as the rule's marked
sentence (services/recorded_texts.py), once per distinct text, so the log page and the
printed log of 10,000 screenings show them in Chinese, old rows too."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import update

from nclm_desktop.clinical.eligibility import evaluate_eligibility, reasons_text
from nclm_desktop.clinical.screening_input import ScreeningInput
from nclm_desktop.forms.errors import shown
from nclm_desktop.models import Screening
from nclm_desktop.reports.screening_log import build_screening_log_report
from nclm_desktop.services import report_data as rd
from nclm_desktop.services.enrolment import screen
from nclm_desktop.services.recorded_texts import eligibility_reason, shown_reason
from nclm_desktop.services.uow import writing
from tests.enrolment.conftest import TODAY, make_identity, make_screening
from tests.i18n.test_zh_eligibility_reasons import _CASES, _TYPICAL
from tests.i18n.visible_text import english_words
from tests.reports.pdfcheck import pdf_text

# Written by an earlier version, before reasons were marked: plain English in the database.
_OLD_REASON = "Age 75 on 2024-02-01 is above 70; ECOG 4 is above 2"


def _said(overrides: dict) -> list:
    result = evaluate_eligibility(ScreeningInput(**{**_TYPICAL, **overrides}))
    return [c.reason for c in result.criteria]


@pytest.mark.parametrize("overrides", _CASES)
def test_every_stored_reason_reads_back_as_the_rule_said_it(zh_cn, overrides):
    reasons = _said(overrides)
    for reason in reasons:
        found = eligibility_reason(str(reason))  # as the database gives it back: plain text
        assert found is not None, reason
        assert found == reason and shown(found) == shown(reason)
    # The log joins a screening's failed reasons: read back as one sentence too.
    joined = "; ".join(str(r) for r in reasons)
    assert shown_reason(joined) == shown(reasons_text(reasons))


def test_text_the_rule_never_wrote_is_shown_as_it_is(zh_cn):
    for text in ("hello, world", "ECOG unknown", "see notes; ask the surgeon", ""):
        assert eligibility_reason(text) is None
        assert shown_reason(text) == text


def test_english_interface_shows_the_stored_words():
    assert shown_reason(_OLD_REASON) == _OLD_REASON


def _old_row(db, surgeon) -> int:
    """A screening whose reasons an older version stored as plain English."""
    outcome = screen(db, surgeon, make_identity("H900001"), make_screening(ecog=3), today=TODAY)
    with writing(db, surgeon) as s:
        sc = s.get(Screening, outcome.screening_id)
        criteria = [
            {**c, "reason": _OLD_REASON} if c["status"] == "failed" else dict(c)
            for c in sc.criteria
        ]
        s.execute(update(Screening).where(Screening.id == sc.id).values(criteria=criteria))
    return outcome.screening_id


def test_the_log_page_shows_reasons_in_chinese(qtbot, db, surgeon, zh_cn):
    from PySide6.QtCore import Qt

    from nclm_desktop.ui.screening_log_page import ScreeningLogPage

    screen(
        db,
        surgeon,
        make_identity("H900002"),
        make_screening(ecog=3, metastatic_sites=frozenset({"liver", "lung"})),
        today=TODAY,
    )
    _old_row(db, surgeon)
    page = ScreeningLogPage(db, surgeon)
    qtbot.addWidget(page)
    model = page.table.model()
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    at = column.index("原因") if "原因" in column else len(column) - 1
    texts = [model.index(r, at).data() for r in range(model.rowCount())]
    tips = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert len(texts) == 2
    assert english_words([("reason", t) for t in texts + tips]) == []
    assert any("ECOG 3" in t and "肺" in t for t in texts)
    assert any("ECOG 4" in t and "75" in t and "高于" in t for t in texts)  # the old row


def test_the_printed_log_shows_reasons_in_chinese(db, surgeon, investigator, tmp_path):
    screen(
        db,
        surgeon,
        make_identity("H900003"),
        make_screening(future_liver_remnant_pct=20.0),
        today=TODAY,
    )
    _old_row(db, surgeon)
    out = tmp_path / "log.pdf"
    build_screening_log_report(rd.screening_log_data(db, investigator), out, lang="zh_CN")
    text = pdf_text(out)
    squeezed = "".join(text.split())
    assert "剩余肝体积20%，低于30%" in squeezed
    assert "ECOG4" in squeezed and "高于2" in squeezed  # the old row, in Chinese
    assert "is above" not in text and "below" not in text


def test_ten_thousand_rows_read_each_distinct_reason_once():
    eligibility_reason.cache_clear()
    texts = [f"ECOG {3 + i % 2} is above 2; Informed consent not signed" for i in range(10_000)]
    start = time.process_time()
    shown_texts = [shown_reason(t) for t in texts]
    elapsed = time.process_time() - start
    assert eligibility_reason.cache_info().misses == 2
    assert shown_texts[0] == texts[0] and elapsed < 0.5

"""Texts the application writes about the follow-up and the monitoring, in the user's
language (README "Languages"): the assessments a recorded visit left undone, and the
automatic checks' queries (stored in English, shown translated, old rows too)."""

from __future__ import annotations

import datetime as dt

from monitoring_data import TODAY

from nclm_desktop.forms.errors import shown
from nclm_desktop.models import Participant
from nclm_desktop.services import followup as fu
from nclm_desktop.services.monitoring import queries
from nclm_desktop.services.monitoring.auto_queries import AUTO, run_checks
from nclm_desktop.services.permissions import Permission
from nclm_desktop.services.uow import writing
from tests.i18n.visible_text import english_words

LATER = dt.date(2025, 6, 30)  # a year on: the first visits' windows have ended


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


def _automatic_queries(study) -> list:
    """Every kind of automatic query: visits past their window, a visit done late (with the
    deviation reason the application wrote), a required field left empty."""
    first = fu.list_visits(study.db, study["coordinator"], study.pid, TODAY)[0]
    late = first.window_end + dt.timedelta(days=5)
    record = fu.VisitRecord(actual_date=late, assessments_done=list(first.assessments_planned))
    fu.record_visit(study.db, study["coordinator"], first.id, record, late)
    with writing(study.db, study["investigator"], Permission.SCREEN_ENROL, reason="legacy") as s:
        s.get(Participant, study.pid).consent_date = None
    assert run_checks(study.db, study["monitor"], LATER) > 2
    rows = queries.list_queries(study.db, study["investigator"])
    return [q for q in rows if q.text.startswith(AUTO)]


def test_automatic_queries_are_stored_in_english(study):
    texts = {q.text for q in _automatic_queries(study)}
    ended = [t for t in texts if "ended on" in t]
    assert ended and all(
        t.endswith("is not recorded: please record it or mark it missed.") for t in ended
    )
    assert any("confirmed as a protocol deviation (Done on " in t for t in texts)
    assert any(t.startswith(f"{AUTO}Consent date is required and still empty (") for t in texts)


def test_queries_page_and_flags_show_automatic_queries_in_chinese(qtbot, study, zh_cn):
    from nclm_desktop.ui.queries_page import QueriesPage
    from nclm_desktop.ui.query_dialogs import query_line

    rows = _automatic_queries(study)
    page = QueriesPage(study.db, study["investigator"])
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows), timeout=10_000)
    texts = [("text", page.model.row_data(i)["text"]) for i in range(page.model.rowCount())]
    assert all(_chinese(text) and "自动核查" in text for _, text in texts)
    assert english_words(texts) == []
    assert any("方案偏离" in text and "超出访视窗口" in text for _, text in texts)
    flags = [("flag", query_line(q, "字段")) for q in rows]  # a field flag's tooltip line
    assert english_words(flags) == []


def test_the_casebook_pdf_prints_automatic_queries_in_chinese(study, tmp_path):
    from nclm_desktop.reports.casebook import build_casebook_report
    from nclm_desktop.services.report_data.casebook import casebook_data
    from tests.reports.pdfcheck import flat_text

    _automatic_queries(study)
    with study.db.session() as s:
        study_id = s.get(Participant, study.pid).study_id
    out = tmp_path / "casebook.pdf"
    build_casebook_report(casebook_data(study.db, study["investigator"], study_id, "zh_CN"), out)
    text = flat_text(out)
    assert "自动核查" in text and "Automatic check" not in text
    assert "方案偏离" in text and "未说明原因" not in text

"""The participant list as a user sees it: order, columns, missing data, pinyin search."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from nclm_desktop.services import enrolment
from nclm_desktop.services.baseline import BaselineInput
from nclm_desktop.services.participants import list_participants
from nclm_desktop.ui.participants_page import ParticipantsPage
from nclm_desktop.ui.pinyin_search import search_key

from .conftest import TODAY, make_identity, make_screening


def enrol(db, actor, name: str, hrn: str, **kw) -> int:
    return enrolment.screen_and_enrol(
        db,
        actor,
        make_identity(hrn, name=name),
        make_screening(),
        cohort="hepatectomy",
        consent_date=TODAY - dt.timedelta(days=1),
        today=TODAY,
        **kw,
    ).participant_id


def people(db, actor) -> dict[str, int]:
    full = BaselineInput(
        npc_diagnosis_date=dt.date(2022, 1, 5),
        who_histology="nonkeratinizing_undifferentiated",
        t_stage="T2",
        n_stage="N1",
        ebv_dna_copies_ml=1200.0,
        liver_met_count=1,
        liver_met_largest_mm=25.0,
        liver_met_timing="metachronous",
        metachronous_interval_months=30.0,
    )
    ids = {"张三": enrol(db, actor, "张三", "H1", baseline=full)}
    # No baseline at all: its 8 required fields are missing.
    ids["曾伟"] = enrol(db, actor, "曾伟", "H2")
    # Two baseline fields left empty.
    ids["Li Si"] = enrol(db, actor, "Li Si", "H3", baseline=BaselineInput(
        **{**full.__dict__, "t_stage": None, "ebv_dna_copies_ml": None}))  # fmt: skip
    failed = enrolment.screen(
        db, actor, make_identity("H4", name="王五"), make_screening(ecog=3), today=TODAY
    )
    ids["王五"] = failed.participant_id
    return ids


def shown(page: ParticipantsPage, key: str) -> list[str]:
    col = [c.key for c in page.model.columns].index(key)
    return [page.proxy.index(r, col).data() for r in range(page.proxy.rowCount())]


def test_newest_activity_first_with_operation_next_visit_and_missing(qtbot, db, investigator):
    people(db, investigator)
    page = ParticipantsPage(db, investigator)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    # The screen failure, saved last, is on top; the first enrolled at the bottom.
    assert shown(page, "name") == ["王五", "Li Si", "曾伟", "张三"]
    headers = [
        page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())
    ]
    for header in ("Operation", "Next visit", "Missing"):
        assert header in headers
    assert page.table.isColumnHidden(headers.index("Last change"))  # the default order
    missing = dict(zip(shown(page, "name"), shown(page, "missing"), strict=True))
    assert missing == {"王五": "", "Li Si": "2", "曾伟": "8", "张三": ""}
    rows = {r.name: r for r in list_participants(db, investigator)}
    assert rows["曾伟"].missing == 8 and rows["王五"].next_visit is None
    assert rows["张三"].born == dt.date(1970, 5, 4)


def test_a_monitor_sees_birth_years_only(qtbot, db, investigator, monitor):
    people(db, investigator)
    page = ParticipantsPage(db, monitor)
    qtbot.addWidget(page)
    page.show()
    assert set(shown(page, "born")) == {"1970"}
    assert set(shown(page, "name")) == {"•••"}


def test_chinese_names_are_found_by_pinyin_and_initials(qtbot, db, investigator):
    people(db, investigator)
    page = ParticipantsPage(db, investigator)
    qtbot.addWidget(page)
    page.show()

    def found(text: str) -> list[str]:
        page.filter_edit.clear()
        if text.isascii():
            qtbot.keyClicks(page.filter_edit, text)
        else:  # QTest types ASCII only; an input method commits Han characters at once
            page.filter_edit.insert(text)
        return shown(page, "name")

    # The pinyin keys are computed off the UI thread just after the list loads.
    qtbot.waitUntil(lambda: found("zs") == ["张三"], timeout=10000)
    assert found("zhangsan") == ["张三"]
    assert found("zhang san") == ["张三"]
    assert found("ZhangS") == ["张三"]
    assert found("zw") == ["曾伟"]
    assert found("zengwei") == found("cengwei") == ["曾伟"]  # 曾 read either way
    assert found("wangwu") == ["王五"]
    assert found("张") == ["张三"]
    assert found("li si") == ["Li Si"]
    assert page.count_label.text() == "1 of 4"


def test_search_keys():
    assert search_key("Li Si") == ""
    assert set(search_key("张三").split("\x1f")) == {"zhangsan", "zhang san", "zs"}

"""What the application writes into a record itself is shown in the reader's language
(services/recorded_texts.py): a grade V complication's death event keeps "Recorded as a
Clavien-Dindo grade V complication." and the category as its cause, in English as every
record (and every older database) holds them, and the participant window's follow-up list
and the casebook PDF show them in Chinese; so is a visit's "Done on ..., outside the window."
The list's other details are marked sentences too, and the services' refusals met on these
pages come in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from nclm_desktop.forms.errors import shown
from nclm_desktop.models import ClinicalEvent, Visit
from nclm_desktop.models.db import Database
from nclm_desktop.reports.language import ReportLanguage
from nclm_desktop.services import enrolment, followup, surgery
from nclm_desktop.services.enrolment import IdentityInput
from nclm_desktop.services.errors import NotFound, ValidationError
from nclm_desktop.services.permissions import Actor
from nclm_desktop.services.recorded_texts import DONE_OUTSIDE_WINDOW, recorded, report_text
from nclm_desktop.services.report_data.casebook import casebook_data
from tests.reports.pdfcheck import flat_text
from tests.surgery.surgery_data import OPERATED, TODAY, complication, right_hemihepatectomy

ENGLISH = "Recorded as a Clavien-Dindo grade V complication."
CHINESE = "作为 Clavien-Dindo V 级并发症记录。"
DIED = dt.date(2024, 3, 22)
CATEGORY_ZH = "腹腔积液或脓肿"  # the complication category, the default cause


def _operated(db: Database, investigator: Actor, surgeon: Actor, hrn: str) -> tuple[int, str, int]:
    """An enrolled participant with a right hemihepatectomy: (id, study ID, operation id)."""
    enrolled = OPERATED - dt.timedelta(days=11)
    result = enrolment.screen_and_enrol(
        db,
        investigator,
        IdentityInput(f"Patient {hrn}", hrn, "M", dt.date(1970, 5, 4)),
        enrolment.eligible_screening(enrolled - dt.timedelta(days=3)),
        cohort="hepatectomy",
        consent_date=enrolled,
        today=enrolled,
    )
    op = surgery.record_operation(
        db, surgeon, result.participant_id, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
    return result.participant_id, result.study_id, op


@pytest.fixture
def grade_v(db: Database, investigator: Actor, surgeon: Actor) -> tuple[int, str]:
    """An operated participant who died of an intra-abdominal collection (grade V), the
    cause left for the application to fill in; returns (id, study ID)."""
    pid, study_id, op = _operated(db, investigator, surgeon, "HRN00077")
    data = complication("V", onset=DIED, isgls_grade=None, death_date=DIED)
    surgery.add_complication(db, surgeon, op, data, today=TODAY)
    return pid, study_id


def test_the_death_event_is_stored_in_english(db: Database, coordinator, grade_v) -> None:
    with db.session() as s:
        death = s.scalars(select(ClinicalEvent).where(ClinicalEvent.kind == "death")).one()
        assert (death.detail, death.cause) == (ENGLISH, "Intra-abdominal collection or abscess")
    entry = _death_entry(db, coordinator, grade_v[0])
    assert ENGLISH in entry.detail and "cause: Intra-abdominal collection" in entry.detail
    assert shown(entry.detail) == str(entry.detail)  # no translator: English (the CLI)


def _death_entry(db: Database, actor: Actor, pid: int) -> followup.TimelineEntry:
    entries = followup.timeline(db, actor, pid, TODAY).entries
    return next(e for e in entries if e.code == "death")


def test_the_follow_up_list_shows_it_in_chinese(qtbot, db, coordinator, grade_v, zh_cn) -> None:
    from nclm_desktop.ui.followup_tab import FollowupTab

    tab = FollowupTab(db, coordinator, grade_v[0], today=lambda: TODAY)
    qtbot.addWidget(tab)
    model = tab.table.model()
    details = [model.index(r, model.columnCount() - 1).data() for r in range(model.rowCount())]
    death = next(text for text in details if text and CHINESE in text)
    assert death == f"原因：{CATEGORY_ZH}；{CHINESE}"
    # The visits' details (their windows) are Chinese sentences too.
    assert any(text and text.startswith("时间窗 ") for text in details), details


def test_an_older_rows_english_detail_is_shown_translated(db, coordinator, grade_v, zh_cn):
    """A database written before: the same English sentence, typed by the application."""
    with db.session(write=True) as s:
        death = s.scalars(select(ClinicalEvent).where(ClinicalEvent.kind == "death")).one()
        assert death.detail == "Recorded as a Clavien-Dindo grade V complication."
    assert CHINESE in shown(_death_entry(db, coordinator, grade_v[0]).detail)


def test_the_casebook_prints_it_in_chinese(db, investigator, grade_v, tmp_path) -> None:
    from nclm_desktop.reports.casebook import build_casebook_report

    out = tmp_path / "casebook-zh.pdf"
    build_casebook_report(casebook_data(db, investigator, grade_v[1], lang="zh_CN"), out)
    text = flat_text(out)
    assert CHINESE.replace(" ", "") in text.replace(" ", "")
    assert "Recorded as a Clavien" not in text
    english = tmp_path / "casebook-en.pdf"
    build_casebook_report(casebook_data(db, investigator, grade_v[1], lang="en"), english)
    assert ENGLISH in flat_text(english)


def test_refusals_on_these_pages_in_chinese(db, surgeon, grade_v, zh_cn) -> None:
    with pytest.raises(NotFound) as missing:
        surgery.surgical_record(db, surgeon, 987654)
    assert str(missing.value) == "不存在 ID 为 987654 的受试者。"
    later = complication("II", onset=dt.date(2024, 4, 2))
    op = surgery.surgical_record(db, surgeon, grade_v[0]).index_operation.operation.id
    with pytest.raises(ValidationError) as after_death:
        surgery.add_complication(db, surgeon, op, later, today=TODAY)
    text = str(after_death.value)
    assert "已记录的死亡（2024-03-22）将早于" in text, text
    assert not any(word in text for word in ("death", "complication", "onset")), text


def test_sentences_are_recognised_by_their_shape() -> None:
    found = recorded("Done on 2024-05-02, outside the window.")
    assert (found.template, found.params) == (DONE_OUTSIDE_WINDOW, {"date": "2024-05-02"})
    assert recorded("Pneumonia").template == "Pneumonia"  # a category as the default cause
    for typed in ("Done on the ward", "Recorded as grade V", "pneumonia", None, 3):
        assert recorded(typed) is None
    zh = ReportLanguage("zh_CN")
    assert report_text("Done on 2024-05-02, outside the window.", zh.t) == (
        "于 2024-05-02 完成，超出时间窗。"
    )
    assert report_text("typed by a coordinator", zh.t) == "typed by a coordinator"


def test_a_visit_done_outside_its_window_in_chinese(
    db, investigator, surgeon, coordinator, tmp_path, zh_cn
) -> None:
    """The deviation reason the application gives, the warning and the casebook line."""
    pid, study_id, _ = _operated(db, investigator, surgeon, "HRN00078")
    m1 = next(v for v in followup.list_visits(db, coordinator, pid, TODAY) if v.code == "M1")
    done = m1.window_end + dt.timedelta(days=5)
    result = followup.record_visit(db, coordinator, m1.id, followup.VisitRecord(done), TODAY)
    with db.session() as s:
        assert s.get(Visit, m1.id).deviation_reason == f"Done on {done}, outside the window."
    assert shown(result.warnings[0]) == (
        f"{done} 超出 M1 的时间窗（{m1.window_start} 至 {m1.window_end}）：已记录为方案偏离。"
    )
    from nclm_desktop.reports.casebook import build_casebook_report

    out = tmp_path / "casebook-zh.pdf"
    build_casebook_report(casebook_data(db, investigator, study_id, lang="zh_CN"), out)
    assert f"于 {done} 完成，超出时间窗。".replace(" ", "") in flat_text(out).replace(" ", "")

"""The patient's visit schedule, in English and in Chinese."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from nclm_desktop.models import Setting
from nclm_desktop.reports.schedule import build_schedule_report
from nclm_desktop.services.errors import NotFound, ValidationError
from nclm_desktop.services.report_data import schedule_report_data
from nclm_desktop.services.uow import writing
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text, pdf_pages, render_page


def test_english_schedule_lists_each_visit_with_target_window_and_assessments(
    db, study, coordinator, tmp_path
):
    data = schedule_report_data(db, coordinator, "NCLM-H-001", now=study.now)
    assert [v.code for v in data.visits][:3] == ["M1", "M3", "M6"]
    assert len(data.visits) == 15
    out = tmp_path / "schedule.pdf"
    build_schedule_report(data, out)
    render_page(out, "report_schedule_en")
    text = flat_text(out)
    assert "Follow-up visit schedule" in text
    assert "王小明" in text and "NCLM-H-001" in text
    assert "Start of follow-up (operation) 2024-03-04" in text
    # M1: target 2024-04-04 (Thu), window +-7 days; seen on 2024-04-03.
    assert "Month 1 (M1) 2024-04-04 Thu 2024-03-28 – 2024-04-11" in text
    assert "done 2024-04-03" in text
    # M6 falls on Wednesday 2024-09-04 with a +-14-day window; chest CT every 6 months.
    assert "Month 6 (M6) 2024-09-04 Wed 2024-08-21 – 2024-09-18" in text
    assert "Chest CT" in text and "Nasopharynx MRI" in text
    assert "Month 60 (M60)" in text
    assert "Contact numbers" in text and "Study coordinator" in text
    assert_fonts_embedded(out)


def test_weekend_target_shows_the_weekday_appointment(db, study, coordinator, tmp_path):
    data = schedule_report_data(db, coordinator, "NCLM-H-001")
    m3 = next(v for v in data.visits if v.code == "M3")
    assert m3.target_date == dt.date(2024, 6, 4)  # a Tuesday: no shift
    shifted = [v for v in data.visits if v.scheduled_date != v.target_date]
    assert shifted, "the fixture should contain a visit whose target is a weekend day"
    out = tmp_path / "s.pdf"
    build_schedule_report(data, out)
    v = shifted[0]
    assert f"appointment {v.scheduled_date.isoformat()}" in flat_text(out)


def test_chinese_schedule_prints_chinese_labels_and_contact_numbers(
    db, study, coordinator, admin, tmp_path
):
    with writing(db, admin) as s:
        s.add(Setting(key="contact_coordinator_phone", value="020-8734 3000"))
    data = schedule_report_data(db, coordinator, "NCLM-H-001", lang="zh_CN", now=study.now)
    out = tmp_path / "schedule_zh.pdf"
    build_schedule_report(data, out)
    render_page(out, "report_schedule_zh")
    text = flat_text(out)
    assert "随访计划表" in text
    assert "肝切除术对鼻咽癌肝转移患者预后的影响" in text
    assert "姓名 王小明" in text
    assert "第1个月 (M1) 2024年4月4日 周四" in text
    assert "已完成 2024年4月3日" in text
    assert "病史及体格检查" in text and "血浆 EBV DNA" in text
    assert "研究协调员 020-8734 3000" in text
    assert "第 1 页，共" in text
    assert "生成时间 2024年7月1日 09:30（北京时间）" in text
    assert_fonts_embedded(out)


def test_schedule_without_index_date_says_no_visits_yet(db, study, coordinator, tmp_path):
    from sqlalchemy import select

    from nclm_desktop.models import Participant
    from tests.reports.conftest import add_participant

    with writing(db, coordinator) as s:
        add_participant(
            s,
            study_id="NCLM-S-009",
            cohort="systemic",
            status="enrolled",
            name="Sun Li",
            hrn="S0090000",
            birth=dt.date(1977, 7, 7),
        )
        assert (
            s.scalar(select(Participant.index_date).where(Participant.study_id == "NCLM-S-009"))
            is None
        )
    out = tmp_path / "none.pdf"
    build_schedule_report(schedule_report_data(db, coordinator, "NCLM-S-009"), out)
    assert "No visits are planned yet" in flat_text(out)


def test_unknown_study_id_and_bad_language_are_clear(db, study, coordinator):
    with pytest.raises(NotFound, match="No participant with study ID 'NCLM-X-1'"):
        schedule_report_data(db, coordinator, "NCLM-X-1")
    with pytest.raises(ValidationError) as err:
        schedule_report_data(db, coordinator, "NCLM-H-001", lang="fr")
    assert err.value.field == "lang"
    with pytest.raises(ValidationError) as err:
        schedule_report_data(db, coordinator, "  ")
    assert err.value.field == "study_id"


def test_schedule_pdf_builds_fast(db, study, coordinator):
    data = schedule_report_data(db, coordinator, "NCLM-H-001", lang="zh_CN")
    build_schedule_report(data)  # font registration happens once per process
    start = time.perf_counter()
    pdf = build_schedule_report(data)
    elapsed = time.perf_counter() - start
    assert pdf.startswith(b"%PDF")
    assert elapsed < 0.3, f"building the schedule took {elapsed * 1000:.0f} ms"


def test_schedule_fits_on_one_page(db, study, coordinator, tmp_path):
    out = tmp_path / "one.pdf"
    build_schedule_report(schedule_report_data(db, coordinator, "NCLM-H-001"), out)
    assert len(pdf_pages(out)) == 1

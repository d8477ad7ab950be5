"""Monitors see the birth year only, never a full birth date, in every PDF (birth date plus
sex identify a patient). Each report is built as a monitor and read back with pdftotext."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from nclm_desktop.models import Operation, Participant
from nclm_desktop.reports.complications import build_complications_report
from nclm_desktop.reports.operative import build_operative_report
from nclm_desktop.reports.schedule import build_schedule_report
from nclm_desktop.reports.screening_log import build_screening_log_report
from nclm_desktop.reports.worklist import build_worklist_report
from nclm_desktop.services import report_data as rd
from tests.reports.pdfcheck import flat_text

from .conftest import TODAY


def every_pdf(db, actor, tmp_path) -> dict[str, str]:
    """Report name -> its text, for every report builder and every participant it covers."""
    with db.session() as s:
        operated = s.scalars(
            select(Participant.study_id).join(Operation).group_by(Participant.study_id)
        ).all()
        scheduled = s.scalars(
            select(Participant.study_id).where(Participant.index_date.is_not(None))
        ).all()
    built = {}
    for study_id in operated:
        built[f"operative {study_id}"] = build_operative_report(
            rd.operative_report_data(db, actor, study_id)
        )
    for study_id in scheduled:
        for lang in ("en", "zh_CN"):
            built[f"schedule {study_id} {lang}"] = build_schedule_report(
                rd.schedule_report_data(db, actor, study_id, lang)
            )
    built["complications"] = build_complications_report(
        rd.complications_report_data(db, actor, dt.date(2000, 1, 1), TODAY)
    )
    built["worklist"] = build_worklist_report(
        rd.worklist_data(db, actor, dt.date(2000, 1, 1), TODAY + dt.timedelta(days=400), TODAY)
    )
    built["screening log"] = build_screening_log_report(rd.screening_log_data(db, actor))
    texts = {}
    for i, (name, pdf) in enumerate(built.items()):
        path = tmp_path / f"{i}.pdf"
        path.write_bytes(pdf)
        texts[name] = flat_text(path)
    return texts


def birth_dates(db) -> list[dt.date]:
    with db.session() as s:
        return [d for d in s.scalars(select(Participant.birth_date)) if d is not None]


def spellings(d: dt.date) -> list[str]:
    return [d.isoformat(), d.strftime("%d.%m.%Y"), d.strftime("%Y/%m/%d"),
            f"{d.year}年{d.month}月{d.day}日"]  # fmt: skip


def test_a_monitor_sees_no_full_birth_date_in_any_pdf(db, study, monitor, tmp_path):
    texts = every_pdf(db, monitor, tmp_path)
    assert len(texts) >= 8
    for d in birth_dates(db):
        for name, text in texts.items():
            for spelled in spellings(d):
                assert spelled not in text, (name, spelled)
    # The operative report still says when the patient was born, to the year.
    assert "Born 1970 (age 53" in texts["operative NCLM-H-001"]


def test_an_investigator_still_sees_the_birth_date(db, study, investigator, tmp_path):
    texts = every_pdf(db, investigator, tmp_path)
    assert "Born 1970-05-12 (age 53" in texts["operative NCLM-H-001"]

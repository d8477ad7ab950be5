"""Every PDF report in Simplified Chinese (issue 14): all fonts embedded, Chinese text that
extracts, and no English word outside the abbreviations, units and what users typed.

Table-driven over the reports; the English versions are the other tests in this folder.
Pages are rendered to PNG ($NCLM_SHOTS, to look at them).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from nclm_desktop import demo
from nclm_desktop.models import (
    ClinicalEvent,
    Complication,
    DataQuery,
    Operation,
    Participant,
    ParticipantIdentity,
    Reoperation,
    Signature,
    User,
    Visit,
)
from nclm_desktop.models.db import open_database
from nclm_desktop.reports.casebook import build_casebook_report
from nclm_desktop.reports.complications import build_complications_report
from nclm_desktop.reports.operative import build_operative_report
from nclm_desktop.reports.schedule import build_schedule_report
from nclm_desktop.reports.screening_log import build_screening_log_report
from nclm_desktop.reports.worklist import build_worklist_report
from nclm_desktop.services import accounts
from nclm_desktop.services import report_data as rd
from nclm_desktop.services.report_data.casebook import casebook_data
from nclm_desktop.services.uow import reading
from tests.reports.pdfcheck import assert_fonts_embedded, pdf_pages, pdf_text, render_page

# Abbreviations and units Chinese clinicians write as they are, names of scores and
# classifications, and the study's registration (issue 14's allow-list).
ALLOWED = {
    *[
        "ECOG",
        "CT",
        "MRI",
        "INR",
        "EBV",
        "DNA",
        "CCI",
        "ISGLS",
        "ALBI",
        "Child",
        "Pugh",
        "Clavien",
        "Dindo",
        "PHLF",
        "PHH",
        "POD",
    ],
    *[
        "R",
        "R0",
        "R1",
        "R2",
        "NCT",
        "NCLM",
        "H",
        "S",
        "mL",
        "L",
        "g",
        "µmol",
        "mm",
        "min",
        "cm",
        "kg",
        "copies",
        "Kaplan",
        "Meier",
        "Cox",
        "SMD",
    ],
    *[
        "I",
        "II",
        "IIIa",
        "IIIb",
        "IVa",
        "IVb",
        "V",
        "d",
        "A",
        "B",
        "C",
        "NR",
        "CI",
        "p",
        "n",
        "N",
        "df",
        "IQR",
    ],
    # Eponyms: Pringle manoeuvre, Wilson and Clopper-Pearson intervals, the CCI's author.
    *["Pringle", "Wilson", "Clopper", "Pearson", "Slankamenac"],
    # Staging and response as clinicians write them (WHO type, AJCC TNM, RECIST PR/PD),
    # local liver therapies.
    *["WHO", "AJCC", "T", "CR", "PR", "SD", "PD", "TACE", "RFA"],
}
WORD = re.compile(r"[A-Za-zµ][A-Za-z0-9µ_]*")


def typed_words(db) -> set[str]:
    """Words users typed or chose as names (printed as typed): patients' and users' names,
    treatments, reasons, notes."""
    with reading(db, None) as s:
        texts = [
            *s.scalars(select(ParticipantIdentity.name)),
            *s.scalars(select(User.display_name)),
            *s.scalars(select(User.username)),
            *s.scalars(select(Complication.treatment_text)),
            *s.scalars(select(Complication.other_text)),
            *s.scalars(select(Reoperation.reason)),
            *s.scalars(select(Operation.notes)),
            *s.scalars(select(ClinicalEvent.cause)),
            *s.scalars(select(Visit.notes)),
            *s.scalars(select(Visit.deviation_reason)),
            *s.scalars(select(DataQuery.text)),
            *s.scalars(select(DataQuery.answer)),
            *s.scalars(select(Signature.revoke_reason)),
        ]
    return {w for text in texts if text for w in WORD.findall(text)}


JULY = (dt.date(2024, 7, 1), dt.date(2024, 7, 31))
Build = Callable[..., bytes]

REPORTS: dict[str, Callable] = {
    "operative": lambda db, actor, study: build_operative_report(
        rd.operative_report_data(db, actor, "NCLM-H-001", now=study.now), lang="zh_CN"
    ),
    "operative-died": lambda db, actor, study: build_operative_report(
        rd.operative_report_data(db, actor, "NCLM-H-003", now=study.now), lang="zh_CN"
    ),
    "complications": lambda db, actor, study: build_complications_report(
        rd.complications_report_data(
            db, actor, dt.date(2024, 1, 1), dt.date(2024, 6, 30), now=study.now
        ),
        lang="zh_CN",
    ),
    "schedule": lambda db, actor, study: build_schedule_report(
        rd.schedule_report_data(db, actor, "NCLM-H-001", "zh_CN", now=study.now)
    ),
    "worklist": lambda db, actor, study: build_worklist_report(
        rd.worklist_data(db, actor, *JULY, today=dt.date(2024, 7, 10), now=study.now),
        lang="zh_CN",
    ),
    "screening-log": lambda db, actor, study: build_screening_log_report(
        rd.screening_log_data(db, actor, now=study.now), lang="zh_CN"
    ),
}


def english_words(text: str, allowed: set[str]) -> set[str]:
    # Study IDs (NCLM-H-001), hash heads, segment names (S1…S8) and TNM stages are codes,
    # not words.
    text = re.sub(
        r"NCLM-[HS]-\d+|NCT\d+|\bH\d+|#\d+|\b[0-9a-f]{12}\b|\bS[1-8]\b|\bM\d+\b|\b[TN][0-4x]\b",
        " ",
        text,
    )
    return {w for w in WORD.findall(text) if w not in allowed and w not in ALLOWED}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template) -> Path:
    """The demo study: monitored, with data queries and signed casebooks."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    demo.generate_study(db, demo.ensure_demo_accounts(db), participants=40, seed=7, today=DEMO_DAY)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    db = open_database(path)
    yield db
    db.dispose()


def _signed_casebook(db) -> str:
    """An operated participant whose casebook is signed and who had a data query."""
    with db.session() as s:
        return s.scalars(
            select(Participant.study_id)
            .join(Signature, Signature.participant_id == Participant.id)
            .join(Operation, Operation.participant_id == Participant.id)
            .join(DataQuery, DataQuery.participant_id == Participant.id)
            .order_by(Participant.id)
        ).first()


DEMO_DAY = dt.date(2025, 6, 18)
# Reports of the demo study (the tests' small study has no monitoring): db, the investigator.
DEMO_REPORTS: dict[str, Callable] = {
    "casebook": lambda db, pi: build_casebook_report(
        casebook_data(db, pi, _signed_casebook(db), "zh_CN")
    ),
}


@pytest.mark.parametrize("name", sorted(REPORTS) + sorted(DEMO_REPORTS))
def test_report_in_chinese(name, tmp_path, request):
    out = tmp_path / f"{name}_zh.pdf"
    if name in DEMO_REPORTS:
        db = request.getfixturevalue("demo_db")
        pi = accounts.authenticate(db, "pi", demo.DEMO_PASSWORD)
        out.write_bytes(DEMO_REPORTS[name](db, pi))
    else:
        db, investigator = request.getfixturevalue("db"), request.getfixturevalue("investigator")
        out.write_bytes(REPORTS[name](db, investigator, request.getfixturevalue("study")))
    pages = pdf_pages(out)
    for page in range(1, len(pages) + 1):  # first, to look at what fails
        render_page(out, f"{name}_zh_p{page}", page)
    assert_fonts_embedded(out)
    text = "\n".join(pages)
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 100, text[:300]
    assert english_words(text, typed_words(db)) == set()
    assert "UTC" not in text and "Generated" not in text
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)


def test_mixed_text_breaks_between_chinese_characters_never_inside_a_latin_word():
    from nclm_desktop.reports.fonts import register_fonts
    from nclm_desktop.reports.line_breaks import break_lines

    font = register_fonts()
    text = (
        "患者接受了右半肝切除术，Comprehensive Complication Index 综合并发症指数 Clavien-Dindo IIIa"
    )
    for width in range(75, 200, 7):  # from the width of the longest word
        lines = break_lines(text, font, 9, width)
        joined = " ".join(lines)
        for word in ("Comprehensive", "Complication", "Clavien-Dindo", "IIIa"):
            assert word in joined, (width, lines)
        assert all(not line.startswith("，") for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_english_pdf_text_still_english(db, study, investigator, tmp_path):
    out = tmp_path / "op_en.pdf"
    out.write_bytes(
        build_operative_report(rd.operative_report_data(db, investigator, "NCLM-H-001"))
    )
    text = pdf_text(out)
    assert "Operative report" in text and "手术记录" not in text


# Names of the software and of the statistical methods, as the methods paragraph cites them.
SOFTWARE = {
    *["NCLM", "Desktop", "Python", "lifelines", "statsmodels", "SciPy", "NumPy", "pandas"],
    *["CoxPHFitter", "logrank_test", "Logit", "Greenwood", "Efron", "Log", "rank", "log"],
    *["logit", "Wilson", "Clopper", "Pearson", "IQR", "SMD", "NR", "HR", "C", "Logistic"],
    *["log10", "copies"],
}


def test_outcomes_report_in_chinese(db, investigator, tmp_path):
    from nclm_desktop.commands.report import build_outcomes_pdf
    from tests.analysis.test_outcomes_issue17 import _operation_after_death
    from tests.analysis.test_study_dataset import _study

    _study(db, investigator)
    _operation_after_death(db, investigator)  # one participant left out: a data-quality note
    out = tmp_path / "outcomes_zh.pdf"
    out.write_bytes(build_outcomes_pdf(db, investigator, "zh_CN"))
    pages = pdf_pages(out)
    for page in range(1, len(pages) + 1):
        render_page(out, f"outcomes_zh_p{page}", page)
    assert_fonts_embedded(out)
    text = "\n".join(pages)
    assert "结局分析报告" in text and "总生存" in text and "统计方法" in text
    # Left out for dates in the wrong order: said in Chinese, dates and all.
    assert re.search(r"NCLM-H-002：未纳入分析：死亡日期（2024年9月23日）不得早于基线日期", text)
    assert english_words(text, SOFTWARE | typed_words(db)) == set()
    assert "UTC" not in text and re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)


def test_data_quality_notes_are_worded_in_chinese_from_their_values():
    from nclm_desktop.reports.language import ReportLanguage
    from nclm_desktop.reports.outcomes import _data_quality

    results = {
        "exclusions": [
            {
                "study_id": "NCLM-H-002",
                "reason": "discharge_date (2024-05-02) must be on or before death_date (2024-05-01)",
                "template": "{name} ({value}) must be on or before {other} ({at})",
                "params": {
                    "name": "discharge_date",
                    "value": "2024-05-02",
                    "other": "death_date",
                    "at": "2024-05-01",
                },
            }
        ],
        "index_stay_unknown": ["NCLM-H-004", "NCLM-H-009"],
        "data_quality": ["(the analysis's English sentences)", "(second)"],
        "settings": {"index_stay_assumed_days": 30},
    }
    notes = [p.text for p in _data_quality(results, ReportLanguage("zh_CN"))]
    assert notes == [
        "• NCLM-H-002：未纳入分析：出院日期（2024年5月2日）不得晚于死亡日期（2024年5月1日）",
        "• 首次住院期间非计划再手术情况未知 2 例（无出院日期且再手术在术后 30 天以后）："
        "NCLM-H-004、NCLM-H-009",
    ]
    english = [p.text for p in _data_quality(results, ReportLanguage("en"))]
    assert english == ["• (the analysis's English sentences)", "• (second)"]

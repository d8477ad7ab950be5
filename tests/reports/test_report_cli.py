"""`nclm-desktop report ...`: PDFs written, audited as exports, clear errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from nclm_desktop.cli import run
from nclm_desktop.models import AuditEvent
from tests.conftest import PASSWORD
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text


@pytest.fixture
def as_user(monkeypatch, db_path):
    monkeypatch.setenv("NCLM_PASSWORD", PASSWORD)

    def call(user: str, *args: str) -> int:
        return run(["--db", str(db_path), "--user", user, "report", *args])

    return call


def _exports(db) -> list[tuple[str, str]]:
    with db.session() as s:
        return [
            (e.entity, e.new_value)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        ]


def test_each_report_command_writes_a_pdf_and_audits_the_export(
    db, study, surgeon, coordinator, as_user, tmp_path, capsys
):
    cases = [
        ("zchen", "operative", "--participant", "NCLM-H-001"),
        ("zchen", "complications", "--from", "2024-03-01", "--to", "2024-06-30"),
        ("mli", "schedule", "--participant", "NCLM-H-001", "--lang", "zh_CN"),
        ("mli", "worklist", "--from", "2024-07-01", "--to", "2024-07-31", "--today", "2024-07-10"),
        ("mli", "screening-log"),
    ]
    expected_text = ["right hemihepatectomy", "54.2", "随访计划表", "Li Hua", "Screened: 8"]
    for (user, *args), text in zip(cases, expected_text, strict=True):
        out = tmp_path / f"{args[0]}.pdf"
        assert as_user(user, *args, "--out", str(out)) == 0
        assert text in flat_text(out)
        assert_fonts_embedded(out)
    assert "Report written" in capsys.readouterr().out
    exports = _exports(db)
    assert [e[0] for e in exports] == [
        "report operative NCLM-H-001",
        "report complications",
        "report schedule NCLM-H-001",
        "report worklist",
        "report screening log",
    ]
    assert exports[0][1] == str((tmp_path / "operative.pdf").resolve())


def test_unknown_participant_is_a_clear_message_and_exit_2(
    db, study, surgeon, as_user, tmp_path, capsys
):
    out = tmp_path / "x.pdf"
    assert as_user("zchen", "operative", "--participant", "NCLM-H-404", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "No participant with study ID 'NCLM-H-404'" in err
    assert not out.exists()
    assert _exports(db) == []


def test_empty_date_range_gives_a_report_that_says_so(db, study, surgeon, as_user, tmp_path):
    out = tmp_path / "empty.pdf"
    code = as_user(
        "zchen", "complications", "--from", "2020-01-01", "--to", "2020-12-31", "--out", str(out)
    )
    assert code == 0
    assert "No operations were recorded from 2020-01-01 to 2020-12-31." in flat_text(out)


def test_role_without_reports_and_unwritable_path_are_refused(
    db, study, admin, surgeon, as_user, tmp_path, capsys
):
    assert as_user("admin", "screening-log", "--out", str(tmp_path / "a.pdf")) == 2
    assert "may not run reports" in capsys.readouterr().err
    bad = tmp_path / "no" / "such" / "dir" / "r.pdf"
    assert as_user("zchen", "screening-log", "--out", str(bad)) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert _exports(db) == []


def test_unknown_participant_in_a_real_process_has_no_traceback(db_path, study, surgeon, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "nclm_desktop",
            "--db",
            str(db_path),
            "--user",
            "zchen",
            "report",
            "schedule",
            "--participant",
            "NCLM-Q-1",
            "--out",
            str(tmp_path / "s.pdf"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NCLM_PASSWORD": PASSWORD},
        timeout=120,
    )
    assert done.returncode == 2
    assert "No participant with study ID 'NCLM-Q-1'" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_report_command_takes_the_chinese_language(
    db, study, surgeon, coordinator, as_user, tmp_path
):
    cases = [
        ("zchen", "operative", "--participant", "NCLM-H-001"),
        ("zchen", "complications", "--from", "2024-03-01", "--to", "2024-06-30"),
        ("mli", "schedule", "--participant", "NCLM-H-001"),
        ("mli", "worklist", "--from", "2024-07-01", "--to", "2024-07-31", "--today", "2024-07-10"),
        ("mli", "screening-log"),
    ]
    titles = ["手术报告", "并发症与围手术期结局", "随访计划表", "协调员工作清单", "筛选日志"]
    for (user, *args), title in zip(cases, titles, strict=True):
        out = tmp_path / f"{args[0]}-zh.pdf"
        assert as_user(user, *args, "--lang", "zh_CN", "--out", str(out)) == 0
        text = flat_text(out)
        assert title in text and "2024年" in text and "Generated" not in text, args[0]

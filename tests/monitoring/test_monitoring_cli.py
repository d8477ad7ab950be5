"""`sign`, `unlock` and `queries list` on the command line (issue 16), run in-process on a
copy of the real study file: bad input is one line and a non-zero exit."""

from __future__ import annotations

import csv

import pytest
from monitoring_data import PASSWORD
from sqlalchemy import select

from nclm_desktop.cli import run
from nclm_desktop.models import AuditEvent, Participant
from nclm_desktop.services.monitoring import queries, signing


@pytest.fixture
def cli(study, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NCLM_PASSWORD", PASSWORD)
    target = str(tmp_path / "study.db")

    def call(*argv: str) -> tuple[int, str, str]:
        code = run(["--db", target, *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    with study.db.session() as s:
        call.study_id = s.get(Participant, study.pid).study_id  # type: ignore[attr-defined]
    return call


def test_sign_then_unlock(cli, study):
    sid = cli.study_id
    code, out, _ = cli("--user", "lwang", "sign", "--participant", sid, "--meaning", "approve")
    assert code == 0 and "signed" in out
    (row,) = signing.signatures(study.db, study["investigator"], study.pid)
    assert row.valid and row.meaning == "I have reviewed and approve these data"
    code, _, err = cli("--user", "lwang", "unlock", "--participant", sid, "--reason", "  ")
    assert code != 0 and err.count("\n") == 1 and "reason" in err
    code, out, _ = cli("--user", "lwang", "unlock", "--participant", sid, "--reason", "fix")
    assert code == 0 and "unlocked" in out


@pytest.mark.parametrize(
    "argv, says",
    [
        (("--user", "zchen", "sign", "--meaning", "approve"), "may not sign"),
        (("--user", "lwang", "sign", "--meaning", "because"), "meaning must be one of"),
        (("--user", "admin", "unlock", "--reason", "x"), "Administrator may not"),
    ],
)
def test_refusals_are_one_line(cli, study, argv, says):
    code, _, err = cli(*argv, "--participant", cli.study_id)
    assert code != 0
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert signing.signatures(study.db, study["investigator"], study.pid) == []


def test_wrong_password_on_the_command_line_is_audited(cli, study, monkeypatch):
    monkeypatch.setenv("NCLM_PASSWORD", "not-the-password")
    code, _, err = cli(
        "--user", "lwang", "sign", "--participant", cli.study_id, "--meaning", "author"
    )
    assert code != 0 and err.count("\n") == 1
    with study.db.session() as s:
        failed = s.scalars(select(AuditEvent.action).where(AuditEvent.username == "lwang")).all()
    assert "login_failed" in failed


def test_queries_list_writes_csv(cli, study, tmp_path):
    opened = queries.raise_query(
        study.db, study["monitor"], "operation", str(study.operation_id), "margin_mm", "6 mm?"
    )
    closed = queries.raise_query(
        study.db, study["monitor"], "operation", str(study.operation_id), "r_status", "R0?"
    )
    queries.close_query(study.db, study["monitor"], closed)
    out = tmp_path / "open.csv"
    code, said, _ = cli(
        "--user", "monitor1", "queries", "list", "--state", "open", "--out", str(out)
    )
    assert code == 0 and "1 queries" in said
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["id"], r["study_id"], r["field"], r["state"]) for r in rows] == [
        (str(opened), cli.study_id, "margin_mm", "open")
    ]
    assert rows[0]["age_days"] == "0"
    code, _, err = cli(
        "--user", "monitor1", "queries", "list", "--out", str(tmp_path / "none" / "q.csv")
    )
    assert code != 0 and "does not exist" in err


def test_audit_verify_vouches_for_the_monitoring_tables(cli, study):
    """Queries, SDV marks and signatures replay from the audit trail like any record."""
    from nclm_desktop.services.monitoring import sdv

    qid = queries.raise_query(
        study.db, study["monitor"], "operation", str(study.operation_id), "margin_mm", "6 mm?"
    )
    queries.answer_query(study.db, study["surgeon"], qid, "Confirmed.")
    sdv.mark_verified(study.db, study["monitor"], "operation", str(study.operation_id))
    code, _, _ = cli(
        "--user", "lwang", "sign", "--participant", cli.study_id, "--meaning", "review"
    )
    assert code == 0
    code, out, err = cli("audit", "verify")
    assert code == 0, out + err
    assert "data_query" not in out + err  # no difference reported


def test_sign_one_form_on_the_command_line(cli, study):
    op = str(study.operation_id)
    base = ("--user", "lwang", "sign", "--participant", cli.study_id, "--meaning", "review")
    code, _, err = cli(*base, "--form", "operation")
    assert code != 0 and err.count("\n") == 1 and "--record" in err
    code, _, err = cli(*base, "--form", "operation", "--record", "999")
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err
    code, out, _ = cli(*base, "--form", "operation", "--record", op)
    assert code == 0 and f"operation {op} signed (Review)" in out
    (row,) = signing.signatures(study.db, study["investigator"], study.pid)
    assert (row.form, row.record_id, row.valid) == ("operation", op, True)
    with study.db.session() as s:
        assert not s.get(Participant, study.pid).locked  # a form signature does not lock

"""The audit hook, reasons for changes, the append-only table and the hash chain."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Participant, ParticipantIdentity
from nclm_desktop.models.audit_hook import ReasonRequired
from nclm_desktop.services.audit_trail import AuditFilter, query_events, verify_chain
from nclm_desktop.services.uow import writing


def add_participant(db, actor, study_id="NCLM-H-001"):
    with writing(db, actor) as s:
        p = Participant(
            study_id=study_id,
            cohort="hepatectomy",
            status="enrolled",
            sex="F",
            birth_date=dt.date(1970, 5, 1),
        )
        p.identity = ParticipantIdentity(name="王小明", hospital_record_number=f"HR-{study_id}")
        s.add(p)
        s.flush()
        return p.id


def events(db, entity=None):
    with db.session() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        if entity:
            stmt = stmt.where(AuditEvent.entity == entity)
        return list(s.scalars(stmt))


def test_insert_update_delete_write_events_in_the_same_transaction(db, investigator):
    pid = add_participant(db, investigator)
    inserted = events(db, "participant")
    assert [(e.action, e.username, e.entity_id, e.participant_id) for e in inserted] == [
        ("insert", "lwang", str(pid), pid)
    ]
    assert '"study_id": "NCLM-H-001"' in inserted[0].new_value
    assert [e.action for e in events(db, "participant_identity")] == ["insert"]

    with writing(db, investigator, reason="typo in birth date") as s:
        s.get(Participant, pid).birth_date = dt.date(1970, 5, 2)
    update = events(db, "participant")[-1]
    assert (update.action, update.field, update.old_value, update.new_value, update.reason) == (
        "update",
        "birth_date",
        '"1970-05-01"',
        '"1970-05-02"',
        "typo in birth date",
    )

    with writing(db, investigator, reason="entered twice") as s:
        s.delete(s.get(Participant, pid))
    assert events(db, "participant")[-1].action == "delete"
    assert verify_chain(db).ok


def test_a_failed_write_leaves_neither_data_nor_audit(db, investigator):
    before = len(events(db))
    with pytest.raises(RuntimeError), writing(db, investigator) as s:
        s.add(Participant(study_id="NCLM-H-009", status="enrolled"))
        s.flush()
        raise RuntimeError("crash half-way")
    assert len(events(db)) == before
    with db.session() as s:
        assert s.scalar(select(Participant).where(Participant.study_id == "NCLM-H-009")) is None


def test_changing_an_entered_value_needs_a_reason(db, investigator):
    pid = add_participant(db, investigator)
    with pytest.raises(ReasonRequired, match="birth date"), writing(db, investigator) as s:
        s.get(Participant, pid).birth_date = dt.date(1971, 1, 1)
    with pytest.raises(ReasonRequired), writing(db, investigator) as s:
        s.delete(s.get(Participant, pid))
    # Filling an empty field is first entry, not a change: no reason needed.
    with writing(db, investigator) as s:
        s.get(Participant, pid).consent_date = dt.date(2026, 1, 5)


def test_clinical_writes_need_a_user(db):
    with pytest.raises(PermissionError), writing(db, None) as s:
        s.add(Participant(study_id="NCLM-H-002", status="enrolled"))


def test_audit_table_is_append_only(db, investigator, db_path):
    add_participant(db, investigator)
    con = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE audit_event SET username = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit_event")
    con.close()


def _tamper(db_path, sql):
    con = sqlite3.connect(db_path)
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute("DROP TRIGGER audit_event_no_delete")
    con.execute(sql)
    con.commit()
    con.close()


def _cli_verify(db_path):
    return subprocess.run(
        [sys.executable, "-m", "nclm_desktop", "--db", str(db_path), "audit", "verify"],
        capture_output=True,
        text=True,
    )


def test_audit_verify_passes_on_an_intact_chain(db, investigator, db_path):
    add_participant(db, investigator)
    out = _cli_verify(db_path)
    assert out.returncode == 0, out.stderr
    assert "intact" in out.stdout


@pytest.mark.parametrize(
    "sql, expected_id",
    [
        (
            "UPDATE audit_event SET new_value = replace(new_value, 'NCLM-H-001', 'NCLM-H-999') "
            "WHERE entity = 'participant'",
            "participant",
        ),
        ("UPDATE audit_event SET username = 'mallory' WHERE id = 3", 3),
        ("DELETE FROM audit_event WHERE id = 2", 3),
    ],
)
def test_audit_verify_names_the_first_tampered_event(db, investigator, db_path, sql, expected_id):
    add_participant(db, investigator)
    add_participant(db, investigator, "NCLM-H-002")
    if expected_id == "participant":
        expected_id = events(db, "participant")[0].id
    db.dispose()
    _tamper(db_path, sql)
    out = _cli_verify(db_path)
    assert out.returncode == 1
    assert f"event {expected_id}" in out.stderr


def test_audit_viewer_filters_by_participant_user_and_date(db, investigator, surgeon, admin):
    add_participant(db, investigator, "NCLM-H-001")
    add_participant(db, surgeon, "NCLM-H-002")
    rows = query_events(db, investigator, AuditFilter(study_id="NCLM-H-002"))
    assert rows and all(r["study_id"] == "NCLM-H-002" for r in rows)
    assert {r["username"] for r in rows} == {"zchen"}
    rows = query_events(db, admin, AuditFilter(username="lwang"))
    assert rows and {r["username"] for r in rows} == {"lwang"}
    today = dt.datetime.now(dt.UTC).date()
    assert query_events(db, admin, AuditFilter(date_from=today, date_to=today))
    assert not query_events(db, admin, AuditFilter(date_to=today - dt.timedelta(days=2)))


def test_identities_are_masked_in_the_trail_for_roles_without_identity_permission(
    db, investigator, admin
):
    pid = add_participant(db, investigator)
    with writing(db, investigator, reason="wrong record number") as s:
        s.get(ParticipantIdentity, pid).hospital_record_number = "HR-CORRECTED"
        s.get(Participant, pid).birth_date = dt.date(1970, 5, 3)
    shown = query_events(db, investigator, AuditFilter())
    hidden = query_events(db, admin, AuditFilter())
    assert any("王小明" in (r["new_value"] or "") for r in shown)
    assert any(r["new_value"] == "HR-CORRECTED" for r in shown)
    everything = " ".join(f"{r['old_value']} {r['new_value']}" for r in hidden)
    for secret in ("王小明", "HR-NCLM-H-001", "HR-CORRECTED", "1970-05-01", "1970-05-03"):
        assert secret not in everything
    # What is not identifying stays readable: the study ID, the cohort, who changed what.
    assert "NCLM-H-001" in everything and "hepatectomy" in everything
    update = next(r for r in hidden if r["field"] == "hospital_record_number")
    assert (update["old_value"], update["new_value"], update["reason"]) == (
        "[hidden]",
        "[hidden]",
        "wrong record number",
    )

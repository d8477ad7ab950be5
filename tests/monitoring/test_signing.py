"""E-signature and locking (issue 16): only the investigator signs and unlocks, by user name
and password; a wrong password fails and is audited; signing locks the casebook, which then
refuses writes; a change after signing shows the signature invalid."""

from __future__ import annotations

import re

import pytest
from monitoring_data import PASSWORD, TODAY, operation_input
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Participant, Signature
from nclm_desktop.services import surgery
from nclm_desktop.services.errors import (
    AuthenticationFailed,
    PermissionDenied,
    RecordLocked,
    ValidationError,
)
from nclm_desktop.services.monitoring import queries, sdv, signing

APPROVE = "I have reviewed and approve these data"


def _sign(study, role: str = "investigator", password: str = PASSWORD, **kw) -> int:
    actor = study[role]
    return signing.sign_casebook(
        study.db,
        actor,
        study.pid,
        kw.get("username", actor.username),
        password,
        kw.get("meaning", APPROVE),
    )


def _sign_operation(study, role: str = "investigator", password: str = PASSWORD, **kw) -> int:
    actor = study[role]
    return signing.sign_form(
        study.db,
        actor,
        "operation",
        str(study.operation_id),
        kw.get("username", actor.username),
        password,
        kw.get("meaning", "review"),
    )


def _locked(study) -> bool:
    with study.db.session() as s:
        return s.get(Participant, study.pid).locked


def _correct_operation(study) -> None:
    inv = study["investigator"]
    surgery.update_operation(
        study.db,
        inv,
        study.operation_id,
        operation_input(inv.user_id, blood_loss_ml=540),
        reason="transcription error",
        today=TODAY,
    )


@pytest.mark.parametrize("role", ("admin", "surgeon", "coordinator", "monitor"))
def test_only_the_investigator_signs_and_unlocks(study, role):
    with pytest.raises(PermissionDenied):
        _sign(study, role)
    assert not _locked(study)
    _sign(study)
    with pytest.raises(PermissionDenied):
        signing.unlock_casebook(study.db, study[role], study.pid, "correction")
    assert _locked(study)


def test_signing_records_the_manifestation_and_locks(study):
    sid = _sign(study, meaning="approve")
    assert _locked(study)
    (row,) = signing.signatures(study.db, study["monitor"], study.pid)
    assert (row.id, row.printed_name, row.meaning, row.state) == (sid, "Lu Wang", APPROVE, "valid")
    assert re.fullmatch(r"[+-]\d\d:\d\d", row.utc_offset)
    with study.db.session() as s:
        stored = s.get(Signature, sid)
        assert re.fullmatch(r"[0-9a-f]{64}", stored.data_hash)
        assert stored.signer_id == study["investigator"].user_id
        events = s.scalars(
            select(AuditEvent.entity).where(AuditEvent.participant_id == study.pid)
        ).all()
    assert "signature" in events


@pytest.mark.parametrize(
    "username, password",
    [("lwang", "wrong-password-1"), ("zchen", PASSWORD)],  # wrong password; another's name
)
def test_wrong_credentials_fail_and_are_audited(study, username, password):
    with pytest.raises(AuthenticationFailed):
        _sign(study, username=username, password=password)
    assert not _locked(study)
    assert signing.signatures(study.db, study["investigator"], study.pid) == []
    with study.db.session() as s:
        failed = s.execute(
            select(AuditEvent.username, AuditEvent.participant_id).where(
                AuditEvent.action == "signature_failed"
            )
        ).all()
    assert [tuple(f) for f in failed] == [("lwang", study.pid)]


def test_unknown_meaning_is_refused(study):
    with pytest.raises(ValidationError) as err:
        _sign(study, meaning="because")
    assert err.value.field == "meaning"
    assert not _locked(study)


def test_a_locked_casebook_refuses_writes(study):
    _sign(study)
    with pytest.raises(RecordLocked):
        _correct_operation(study)
    with pytest.raises(RecordLocked):
        _sign(study)  # already signed and locked
    with pytest.raises(RecordLocked):
        _sign_operation(study)  # the casebook's signature covers the form
    assert [r.state for r in signing.signatures(study.db, study["monitor"], study.pid)] == ["valid"]


def test_a_locked_casebook_still_takes_queries_and_sdv_marks(study):
    """Monitoring rows are about the record, not of it (docs/ARCHITECTURE.md §3): a question
    on signed data is how a correction starts; the correction itself needs the unlock."""
    _sign(study)
    op = str(study.operation_id)
    qid = queries.raise_query(study.db, study["monitor"], "operation", op, "margin_mm", "6 mm?")
    queries.answer_query(study.db, study["surgeon"], qid, "Confirmed in the pathology report.")
    queries.close_query(study.db, study["monitor"], qid)
    sdv.mark_verified(study.db, study["monitor"], "operation", op)
    assert _locked(study)
    assert [q.state for q in queries.list_queries(study.db, study["monitor"])] == ["closed"]
    (verified,) = [
        st
        for st in sdv.sdv_states(study.db, study["monitor"], study.pid)
        if (st.form, st.record_id) == ("operation", op)
    ]
    assert verified.verified
    # Neither touched what was signed.
    assert signing.signatures(study.db, study["monitor"], study.pid)[0].valid


def test_unlock_needs_a_reason_and_is_audited(study):
    _sign(study)
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as err:
            signing.unlock_casebook(study.db, study["investigator"], study.pid, reason)
        assert err.value.field == "reason"
    assert _locked(study)
    signing.unlock_casebook(study.db, study["investigator"], study.pid, "margin to correct")
    assert not _locked(study)
    with study.db.session() as s:
        event = s.execute(
            select(AuditEvent.username, AuditEvent.reason, AuditEvent.new_value)
            .where(AuditEvent.entity == "participant", AuditEvent.field == "locked")
            .order_by(AuditEvent.id.desc())
        ).first()
    assert tuple(event) == ("lwang", "margin to correct", "false")
    with pytest.raises(ValidationError):
        signing.unlock_casebook(study.db, study["investigator"], study.pid, "again")


def test_a_change_after_signing_invalidates_the_signature(study):
    _sign(study)
    signing.unlock_casebook(study.db, study["investigator"], study.pid, "correction")
    # Unlocked but unchanged: the signature still matches what was signed.
    assert signing.signatures(study.db, study["monitor"], study.pid)[0].valid
    _correct_operation(study)
    (old,) = signing.signatures(study.db, study["monitor"], study.pid)
    assert old.state == "invalid: data changed after signing"
    _sign(study, meaning="review")  # signed again after the correction
    states = [r.state for r in signing.signatures(study.db, study["monitor"], study.pid)]
    assert states == ["invalid: data changed after signing", "valid"]


@pytest.mark.parametrize("role", ("admin", "investigator", "surgeon", "coordinator", "monitor"))
def test_on_a_locked_casebook_the_roles_decide_monitoring_not_the_lock(study, role):
    """Raising a query and marking SDV on a signed casebook: the usual roles succeed, the
    others are refused for their role, never for the lock."""
    _sign(study)
    op = str(study.operation_id)
    actor = study[role]
    if role in ("monitor", "investigator"):
        queries.raise_query(study.db, actor, "operation", op, "margin_mm", "Margin?")
    else:
        with pytest.raises(PermissionDenied):
            queries.raise_query(study.db, actor, "operation", op, "margin_mm", "Margin?")
    if role == "monitor":
        sdv.mark_verified(study.db, actor, "operation", op)
    else:
        with pytest.raises(PermissionDenied):
            sdv.mark_verified(study.db, actor, "operation", op)
    assert _locked(study)
    assert signing.signatures(study.db, study["monitor"], study.pid)[0].valid

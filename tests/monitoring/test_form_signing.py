"""Signing one form instance (issue 16): bound to that record's hash, a later change of that
record (and only that one) invalidates it; the password check is the sign-in's, counted and
audited; the sign-off overview says who may do what."""

from __future__ import annotations

import pytest
from monitoring_data import PASSWORD, TODAY, operation_input
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Participant, Signature, User
from nclm_desktop.services import accounts, surgery
from nclm_desktop.services.errors import AuthenticationFailed, PermissionDenied, ValidationError
from nclm_desktop.services.monitoring import sdv, signing
from nclm_desktop.services.monitoring.signoff import sign_off

ROLES = ("admin", "investigator", "surgeon", "coordinator", "monitor")


def _sign_operation(study, role: str = "investigator", password: str = PASSWORD, **kw) -> int:
    actor = study[role]
    return signing.sign_form(
        study.db,
        actor,
        kw.get("form", "operation"),
        kw.get("record_id", str(study.operation_id)),
        kw.get("username", actor.username),
        password,
        kw.get("meaning", "author"),
    )


def _change_operation(study, blood_loss_ml: int = 540) -> None:
    inv = study["investigator"]
    surgery.update_operation(
        study.db,
        inv,
        study.operation_id,
        operation_input(inv.user_id, blood_loss_ml=blood_loss_ml),
        reason="transcription error",
        today=TODAY,
    )


def _locked(study) -> bool:
    with study.db.session() as s:
        return s.get(Participant, study.pid).locked


@pytest.mark.parametrize("role", ROLES)
def test_only_the_investigator_signs_a_form(study, role):
    if role != "investigator":
        with pytest.raises(PermissionDenied):
            _sign_operation(study, role)
        assert signing.signatures(study.db, study["investigator"], study.pid) == []
        return
    sid = _sign_operation(study, meaning="I have reviewed and approve these data")
    (row,) = signing.signatures(study.db, study["monitor"], study.pid)
    assert (row.id, row.form, row.record_id, row.state) == (
        sid,
        "operation",
        str(study.operation_id),
        "valid",
    )
    assert (row.printed_name, row.meaning) == ("Lu Wang", "I have reviewed and approve these data")
    assert not row.casebook
    assert not _locked(study)  # a form signature does not lock


def test_a_change_of_the_signed_form_invalidates_only_its_signature(study):
    _sign_operation(study)
    screening = next(
        f
        for f in sign_off(study.db, study["investigator"], study.pid).forms
        if f.form == "screening"
    )
    _sign_operation(study, form="screening", record_id=screening.record_id)
    _change_operation(study)
    states = {
        r.form: r.state for r in signing.signatures(study.db, study["investigator"], study.pid)
    }
    assert states == {"operation": signing.CHANGED, "screening": signing.VALID}
    view = sign_off(study.db, study["monitor"], study.pid)
    (broken,) = view.invalidated
    assert broken[0].form == "operation" and broken[1].state == signing.CHANGED
    # Signed again after the correction: the old one is history, no longer an alarm.
    _sign_operation(study)
    assert sign_off(study.db, study["monitor"], study.pid).invalidated == []


def test_a_form_signature_stores_the_records_hash(study):
    sid = _sign_operation(study)
    with study.db.session() as s:
        stored = s.get(Signature, sid)
        assert (stored.entity, stored.entity_id) == ("operation", str(study.operation_id))
        assert len(stored.data_hash) == 64
    _change_operation(study, 540)
    _change_operation(study, 450)  # back to the signed value: the hash matches again
    assert signing.signatures(study.db, study["monitor"], study.pid)[0].valid


@pytest.mark.parametrize(
    "username, password",
    [("lwang", "wrong-password-1"), ("zchen", PASSWORD), ("", PASSWORD)],
)
def test_a_wrong_pair_refuses_a_form_signature_and_is_audited(study, username, password):
    with pytest.raises(AuthenticationFailed):
        _sign_operation(study, username=username, password=password)
    assert signing.signatures(study.db, study["investigator"], study.pid) == []
    with study.db.session() as s:
        failed = s.execute(
            select(AuditEvent.username, AuditEvent.entity, AuditEvent.entity_id).where(
                AuditEvent.action == "signature_failed"
            )
        ).all()
    assert [tuple(f) for f in failed] == [("lwang", "operation", str(study.operation_id))]


def test_wrong_signing_passwords_count_towards_the_account_lock(study):
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            _sign_operation(study, password="wrong-password-1")
    # The account is now locked: even the right password fails, for signing and sign-in.
    with pytest.raises(AuthenticationFailed):
        _sign_operation(study)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(study.db, "lwang", PASSWORD)
    with study.db.session() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.username == "lwang")).all()
        assert s.scalar(select(User.locked_until_utc).filter_by(username="lwang")) is not None
    assert "account_locked" in actions and "login_refused_locked" in actions


def test_confirm_signer_is_the_sign_in_check(study):
    with study.db.session(write=True) as s:
        s.info["actor"] = "lwang"  # the check audits a failure, as a sign-in does
        user = s.get(User, study["investigator"].user_id)
        assert accounts.confirm_signer(s, user, " LWang ", PASSWORD)  # the name's usual key
        assert not accounts.confirm_signer(s, user, "lwang", "wrong-password-1")
        assert not accounts.confirm_signer(s, user, "zchen", PASSWORD)  # another's name
        s.rollback()


def test_an_unknown_form_or_record_is_refused(study):
    with pytest.raises(ValidationError):
        _sign_operation(study, form="nonsense")
    with pytest.raises(ValidationError):
        _sign_operation(study, meaning="because")
    inv = study["investigator"]
    with pytest.raises(ValidationError) as err:  # the record is in another casebook
        signing.sign_form(
            study.db, inv, "operation", str(study.operation_id), "lwang", PASSWORD, "review",
            participant_id=study.pid + 1,
        )  # fmt: skip
    assert err.value.field == "record_id"
    assert signing.signatures(study.db, study["investigator"], study.pid) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_overview_says_what_each_role_may_do(study, role):
    if role == "admin":
        with pytest.raises(PermissionDenied):
            sign_off(study.db, study[role], study.pid)
        return
    view = sign_off(study.db, study[role], study.pid)
    assert (view.can_verify, view.can_sign) == (role == "monitor", role == "investigator")
    assert {"operation", "participant", "screening", "visit"} <= {f.form for f in view.forms}
    participant = next(f for f in view.forms if f.form == "participant")
    assert "1970" not in participant.detail  # never the birth date
    operation = next(f for f in view.forms if f.form == "operation")
    assert operation.detail == "2024-03-12"


def test_the_overview_tells_who_changed_a_verified_form(study):
    sdv.mark_verified(study.db, study["monitor"], "operation", str(study.operation_id))
    _change_operation(study)
    view = sign_off(study.db, study["monitor"], study.pid)
    operation = next(f for f in view.forms if f.form == "operation")
    assert operation.sdv.state == "changed since verification"
    assert (operation.sdv.verified_by, operation.sdv.changed_by) == ("monitor1", "lwang")
    assert operation.sdv.changed_utc >= operation.sdv.verified_utc.replace(
        tzinfo=operation.sdv.changed_utc.tzinfo
    )


def test_a_later_casebook_signature_supersedes_a_broken_form_signature(study):
    _sign_operation(study)
    _change_operation(study)
    assert len(sign_off(study.db, study["monitor"], study.pid).invalidated) == 1
    signing.sign_casebook(study.db, study["investigator"], study.pid, "lwang", PASSWORD, "approve")
    view = sign_off(study.db, study["monitor"], study.pid)
    assert view.invalidated == []  # the casebook's signature covers the corrected form
    operation = next(f for f in view.forms if f.form == "operation")
    assert operation.signature.state == signing.CHANGED  # still shown as it is
    assert view.locked and view.casebook_signature.valid

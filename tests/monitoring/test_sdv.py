"""Source-data verification (issue 16): a monitor marks a form instance verified; a later
change to the record clears the mark on its own and says so."""

from __future__ import annotations

import pytest
from monitoring_data import TODAY, operation_input
from sqlalchemy import select

from nclm_desktop.models import AuditEvent
from nclm_desktop.services import surgery
from nclm_desktop.services.errors import PermissionDenied
from nclm_desktop.services.monitoring import sdv


def _operation_state(study) -> sdv.SdvState:
    states = sdv.sdv_states(study.db, study["investigator"], study.pid)
    return next(
        st for st in states if (st.form, st.record_id) == ("operation", str(study.operation_id))
    )


@pytest.mark.parametrize("role", ("admin", "investigator", "surgeon", "coordinator", "monitor"))
def test_only_a_monitor_marks_verified(study, role):
    if role == "monitor":
        sdv.mark_verified(study.db, study[role], "operation", str(study.operation_id))
        state = _operation_state(study)
        assert (state.state, state.verified_by) == ("verified", "monitor1")
    else:
        with pytest.raises(PermissionDenied):
            sdv.mark_verified(study.db, study[role], "operation", str(study.operation_id))
        assert _operation_state(study).state == "not verified"


def test_every_form_instance_is_listed(study):
    forms = {st.form for st in sdv.sdv_states(study.db, study["monitor"], study.pid)}
    assert {"operation", "participant", "participant_identity", "screening", "visit"} <= forms


def test_a_change_clears_the_mark_and_says_so(study):
    sdv.mark_verified(study.db, study["monitor"], "operation", str(study.operation_id))
    inv = study["investigator"]
    surgery.update_operation(
        study.db,
        inv,
        study.operation_id,
        operation_input(inv.user_id, blood_loss_ml=540),
        reason="transcription error",
        today=TODAY,
    )
    state = _operation_state(study)
    assert not state.verified
    assert state.state == "changed since verification"
    # Verifying again makes it stand for the corrected record.
    sdv.mark_verified(study.db, study["monitor"], "operation", str(study.operation_id))
    assert _operation_state(study).verified


def test_marking_is_audited(study):
    sdv.mark_verified(study.db, study["monitor"], "operation", str(study.operation_id))
    with study.db.session() as s:
        who = s.scalars(select(AuditEvent.username).where(AuditEvent.entity == "sdv_mark")).all()
    assert who and set(who) == {"monitor1"}

"""Data queries (issue 16): who may raise, answer, close and re-open, on a real SQLite file
through the real services; every step lands in the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, DataQuery
from nclm_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from nclm_desktop.services.monitoring import queries

ROLES = ("admin", "investigator", "surgeon", "coordinator", "monitor")


def _raise(study, role: str = "monitor", field: str = "blood_loss_ml") -> int:
    return queries.raise_query(
        study.db, study[role], "operation", str(study.operation_id), field, "Source says 540 mL?"
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_a_monitor_or_the_investigator_raises(study, role):
    if role in ("monitor", "investigator"):
        qid = _raise(study, role)
        (row,) = queries.list_queries(study.db, study["investigator"])
        assert (row.id, row.state, row.raised_by) == (qid, "open", study[role].username)
        assert (row.form, row.field, row.participant_id) == (
            "operation",
            "blood_loss_ml",
            study.pid,
        )
    else:
        with pytest.raises(PermissionDenied):
            _raise(study, role)
        assert queries.list_queries(study.db, study["investigator"]) == []


def test_a_query_names_a_field_of_the_data_dictionary(study):
    with pytest.raises(ValidationError) as err:
        _raise(study, field="no_such_field")
    assert err.value.field == "field"
    with pytest.raises(ValidationError):
        queries.raise_query(study.db, study["monitor"], "nonsense", "1", "x", "?")
    with pytest.raises(NotFound):
        queries.raise_query(study.db, study["monitor"], "operation", "9999", "margin_mm", "?")
    with pytest.raises(ValidationError):
        queries.raise_query(study.db, study["monitor"], "operation", "1", "margin_mm", "  ")


@pytest.mark.parametrize("role", ROLES)
def test_the_site_answers(study, role):
    qid = _raise(study)
    if role in ("investigator", "surgeon", "coordinator"):
        queries.answer_query(study.db, study[role], qid, "Checked: 450 mL is right.")
        (row,) = queries.list_queries(study.db, study["monitor"], state="answered")
        assert (row.answer, row.answered_by) == ("Checked: 450 mL is right.", study[role].username)
    else:
        with pytest.raises(PermissionDenied):
            queries.answer_query(study.db, study[role], qid, "No.")
        assert [r.state for r in queries.list_queries(study.db, study["investigator"])] == ["open"]


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("monitor", True),  # the raiser
        ("investigator", True),
        ("monitor2", False),  # another monitor
        ("surgeon", False),
        ("coordinator", False),
        ("admin", False),
    ],
)
def test_only_the_raiser_or_the_investigator_closes_and_reopens(study, role, allowed):
    qid = _raise(study)
    queries.answer_query(study.db, study["surgeon"], qid, "Corrected in the operation form.")
    if not allowed:
        with pytest.raises(PermissionDenied):
            queries.close_query(study.db, study[role], qid)
        assert queries.list_queries(study.db, study["investigator"])[0].state == "answered"
        return
    queries.close_query(study.db, study[role], qid)
    row = queries.list_queries(study.db, study["investigator"])[0]
    assert (row.state, row.closed_by) == ("closed", study[role].username)
    queries.reopen_query(study.db, study[role], qid)
    row = queries.list_queries(study.db, study["investigator"])[0]
    assert (row.state, row.closed_by) == ("open", None)


def test_reopen_refused_to_others(study):
    qid = _raise(study)
    queries.close_query(study.db, study["monitor"], qid)
    for role in ("monitor2", "surgeon", "coordinator", "admin"):
        with pytest.raises(PermissionDenied):
            queries.reopen_query(study.db, study[role], qid)


def test_states_move_in_order_and_filter(study):
    first, second = _raise(study), _raise(study, "investigator", "margin_mm")
    with pytest.raises(ValidationError):
        queries.reopen_query(study.db, study["monitor"], first)  # already open
    queries.answer_query(study.db, study["coordinator"], first, "See the pathology report.")
    with pytest.raises(ValidationError):
        queries.answer_query(study.db, study["coordinator"], first, "Again.")  # not open
    queries.close_query(study.db, study["monitor"], first)
    with pytest.raises(ValidationError):
        queries.close_query(study.db, study["monitor"], first)
    assert [r.id for r in queries.list_queries(study.db, study["monitor"], state="open")] == [
        second
    ]
    assert [r.id for r in queries.list_queries(study.db, study["monitor"], state="closed")] == [
        first
    ]
    with pytest.raises(ValidationError):
        queries.list_queries(study.db, study["monitor"], state="pending")


def test_every_step_is_audited(study):
    qid = _raise(study)
    queries.answer_query(study.db, study["surgeon"], qid, "Right as entered.")
    queries.close_query(study.db, study["monitor"], qid)
    with study.db.session() as s:
        events = s.execute(
            select(AuditEvent.username, AuditEvent.action, AuditEvent.field, AuditEvent.new_value)
            .where(AuditEvent.entity == "data_query", AuditEvent.entity_id == str(qid))
            .order_by(AuditEvent.id)
        ).all()
        stored = s.scalar(select(DataQuery).filter_by(id=qid))
        assert stored.participant_id == study.pid
    users = {e.username for e in events}
    assert users == {"monitor1", "zchen"}
    states = [e.new_value for e in events if e.field == "state"]
    assert states == ["answered", "closed"]
    assert any(e.action == "insert" for e in events)

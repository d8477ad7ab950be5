"""Automatic data checks (issue 16): only a monitor or the investigator runs them; confirmed
exceptions (a soft-limit value, a visit outside its window) and missing data past its time
(a visit whose window ended, a required field left empty) each raise one query, never twice;
a signed casebook is left alone; `queries check` on the command line."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from monitoring_data import PASSWORD, TODAY
from sqlalchemy import select

from nclm_desktop.cli import run
from nclm_desktop.forms.catalogue import all_forms
from nclm_desktop.forms.field import Range
from nclm_desktop.models import Operation, Participant
from nclm_desktop.services import followup as fu
from nclm_desktop.services.errors import PermissionDenied
from nclm_desktop.services.monitoring import queries, signing
from nclm_desktop.services.monitoring.auto_queries import AUTO, run_checks
from nclm_desktop.services.permissions import Permission
from nclm_desktop.services.uow import writing

LATER = dt.date(2025, 6, 30)  # a year on: the first visits' windows have ended


def _auto(study, state: str | None = None) -> list[queries.QueryRow]:
    rows = queries.list_queries(study.db, study["investigator"], state=state)
    return [q for q in rows if q.text.startswith(AUTO)]


def _visits(study, today: dt.date) -> list[fu.VisitRow]:
    return fu.list_visits(study.db, study["coordinator"], study.pid, today)


@pytest.mark.parametrize("role", ("admin", "surgeon", "coordinator"))
def test_only_monitor_and_investigator_run_the_checks(study, role):
    with pytest.raises(PermissionDenied):
        run_checks(study.db, study[role], LATER)
    assert _auto(study) == []


def test_visits_past_their_window_raise_one_query_each_and_only_once(study):
    ended = [v for v in _visits(study, LATER) if v.status == "planned" and v.window_end < LATER]
    assert ended, "the study has no visit whose window ended by LATER"
    assert run_checks(study.db, study["monitor"], LATER) == len(ended)
    raised = _auto(study, "open")
    assert {(q.form, q.record_id, q.field) for q in raised} == {
        ("visit", str(v.id), "actual_date") for v in ended
    }
    assert all(q.raised_by == "monitor1" and "not recorded" in q.text for q in raised)
    # Idempotent: not again while open, nor after it was answered and closed.
    assert run_checks(study.db, study["monitor"], LATER) == 0
    assert run_checks(study.db, study["investigator"], LATER) == 0
    queries.answer_query(study.db, study["coordinator"], raised[0].id, "Patient moved away.")
    queries.close_query(study.db, study["monitor"], raised[0].id)
    assert run_checks(study.db, study["monitor"], LATER) == 0
    # Nothing is due on the day the data were entered.
    assert run_checks(study.db, study["monitor"], TODAY) == 0


def test_a_visit_confirmed_outside_its_window_is_queried(study):
    first = _visits(study, TODAY)[0]
    late = first.window_end + dt.timedelta(days=5)
    record = fu.VisitRecord(actual_date=late, assessments_done=list(first.assessments_planned))
    fu.record_visit(study.db, study["coordinator"], first.id, record, late)
    run_checks(study.db, study["investigator"], late)
    deviation = [q for q in _auto(study) if q.record_id == str(first.id)]
    assert len(deviation) == 1
    assert deviation[0].field == "actual_date" and "protocol deviation" in deviation[0].text


def test_a_required_field_left_empty_is_queried(study):
    # Data from before the rule (an import, an older version): the dictionary requires it.
    with writing(study.db, study["investigator"], Permission.SCREEN_ENROL, reason="legacy") as s:
        s.get(Participant, study.pid).consent_date = None
    run_checks(study.db, study["monitor"], TODAY)
    missing = [q for q in _auto(study) if q.form == "participant"]
    assert [(q.record_id, q.field) for q in missing] == [(str(study.pid), "consent_date")]
    assert "Consent date is required and still empty" in missing[0].text
    assert run_checks(study.db, study["monitor"], TODAY) == 0


def test_a_value_outside_its_soft_range_is_queried(study, monkeypatch):
    form = all_forms()["operation"]
    fields = tuple(
        dataclasses.replace(f, soft=Range(0, 400)) if f.name == "blood_loss_ml" else f
        for f in form.fields
    )
    monkeypatch.setitem(all_forms(), "operation", dataclasses.replace(form, fields=fields))
    run_checks(study.db, study["monitor"], TODAY)
    soft = [q for q in _auto(study) if q.field == "blood_loss_ml"]
    assert len(soft) == 1
    assert "450 mL is outside the usual 0–400 mL" in soft[0].text
    assert run_checks(study.db, study["monitor"], TODAY) == 0


def test_a_signed_casebook_is_left_alone(study):
    inv = study["investigator"]
    signing.sign_casebook(study.db, inv, study.pid, inv.username, PASSWORD, "approve")
    assert run_checks(study.db, study["monitor"], LATER) == 0
    assert _auto(study) == []


def test_queries_check_on_the_command_line(study, monkeypatch, capsys):
    monkeypatch.setenv("NCLM_PASSWORD", PASSWORD)
    db_file = study.db.url.database
    args = ["--db", db_file, "--user", "monitor1", "queries", "check", "--today", str(LATER)]
    assert run(args) == 0
    first = capsys.readouterr().out
    assert "new queries raised" in first and not first.startswith("0 ")
    assert run(args) == 0
    assert "0 new queries raised" in capsys.readouterr().out
    assert run(["--db", db_file, "--user", "mli", "queries", "check"]) != 0
    assert "may not run the data checks" in capsys.readouterr().err
    with study.db.session() as s:
        assert s.scalar(select(Operation.approach)) == "open"

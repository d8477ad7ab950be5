"""De-identified by default; dates shifted consistently; identified exports only for roles
that may, with a reason, audited before the folder appears; refusals leave nothing."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, Operation, Participant, ParticipantIdentity, Visit
from nclm_desktop.services.errors import PermissionDenied, ServiceError
from nclm_desktop.services.study_export import ExportOptions, export_study
from nclm_desktop.services.study_export import run as export_run

from .test_export_files import read_csv


def identities(db) -> list[ParticipantIdentity]:
    with db.session() as s:
        people = s.scalars(select(ParticipantIdentity)).all()
        s.expunge_all()
    assert len(people) > 10
    return people


def all_bytes(folder: Path) -> bytes:
    """Every file's bytes; a workbook's parts unzipped (its XML is compressed)."""
    out = []
    for path in folder.iterdir():
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                out += [z.read(name) for name in z.namelist()]
        else:
            out.append(path.read_bytes())
    return b"\n".join(out)


def exports(db) -> list[AuditEvent]:
    with db.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
        s.expunge_all()
    return events


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "sav"])
def test_deidentified_export_holds_no_name_record_number_phone_or_address(study, pi, tmp_path, fmt):
    out = tmp_path / fmt
    export_study(study, pi, ExportOptions(out, fmt=fmt))
    data = all_bytes(out)
    for person in identities(study):
        for value in (person.name, person.hospital_record_number, person.phone, person.address):
            if value:
                assert value.encode("utf-8") not in data, f"{value!r} leaked into the {fmt} export"


def test_identified_export_needs_the_permission_a_reason_and_is_audited(
    study, pi, monitor_actor, tmp_path
):
    out = tmp_path / "identified"
    with pytest.raises(PermissionDenied):
        export_study(study, monitor_actor, ExportOptions(out, identified=True, reason="audit"))
    with pytest.raises(ServiceError, match="reason"):
        export_study(study, pi, ExportOptions(out, identified=True))
    assert not out.exists() and exports(study) == []

    export_study(study, pi, ExportOptions(out, identified=True, reason="registry request 12"))
    names = {r["name"] for r in read_csv(out / "participant_identity.csv")}
    assert names == {p.name for p in identities(study)}
    [event] = exports(study)
    assert event.username == "pi"
    assert event.entity == "study export csv, identified"
    assert event.reason == "registry request 12"
    assert event.new_value == str(out.resolve())
    assert "Identified: yes" in (out / "README.txt").read_text(encoding="utf-8")


def test_the_audit_event_is_written_before_the_folder_appears(study, pi, tmp_path, monkeypatch):
    out = tmp_path / "e"
    seen = []
    real = export_run.audit_export

    def spy(db, actor, what, destination, reason=None):
        staged = [p for p in tmp_path.iterdir() if p.name.startswith(".nclm-export-")]
        seen.append((out.exists(), [sorted(x.name for x in p.iterdir()) for p in staged]))
        real(db, actor, what, destination, reason)

    monkeypatch.setattr(export_run, "audit_export", spy)
    export_study(study, pi, ExportOptions(out, identified=True, reason="sponsor audit"))
    [(existed, staged)] = seen
    assert not existed  # the folder is moved into place only after the audit event
    assert "participant_identity.csv" in staged[0]


def test_when_the_audit_fails_nothing_is_left(study, pi, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise export_run.ExportFailed("Nothing was exported: the database is busy.")

    monkeypatch.setattr(export_run, "audit_export", refuse)
    with pytest.raises(ServiceError, match="Nothing was exported"):
        export_study(study, pi, ExportOptions(tmp_path / "e", identified=True, reason="x"))
    assert not any(p.name.startswith((".nclm-export-", "e")) for p in tmp_path.iterdir())


def test_a_cancelled_export_leaves_nothing(study, pi, tmp_path):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ServiceError, match="cancelled"):
        export_study(study, pi, ExportOptions(tmp_path / "e"), cancelled=cancelled)
    assert not any(p.name.startswith((".nclm-export-", "e")) for p in tmp_path.iterdir())


def test_shifted_dates_move_each_participant_by_one_shift_in_every_table(study, pi, tmp_path):
    out = tmp_path / "shifted"
    export_study(study, pi, ExportOptions(out, shift_dates=True))
    with study.session() as s:
        people = {p.study_id: p for p in s.scalars(select(Participant)) if p.study_id}
        ops = {o.id: o.operation_date for o in s.scalars(select(Operation))}
        visits = {v.id: v.target_date for v in s.scalars(select(Visit))}
    shifts: dict[str, set[int]] = defaultdict(set)

    def seen(study_id: str, exported: str, stored: dt.date) -> None:
        shifts[study_id].add((dt.date.fromisoformat(exported) - stored).days)

    for r in read_csv(out / "participant.csv"):
        if r["study_id"] and r["index_date"]:
            seen(r["study_id"], r["index_date"], people[r["study_id"]].index_date)
    for r in read_csv(out / "operation.csv"):
        seen(r["study_id"], r["operation_date"], ops[int(r["operation_id"])])
    for r in read_csv(out / "visit.csv"):
        seen(r["study_id"], r["target_date"], visits[int(r["visit_id"])])
    for r in read_csv(out / "endpoints.csv"):
        seen(r["study_id"], r["index_date"], people[r["study_id"]].index_date)
    assert len(shifts) > 10
    assert all(len(s) == 1 for s in shifts.values()), "one shift per participant"
    assert all(0 not in s for s in shifts.values())
    assert len({next(iter(s)) for s in shifts.values()}) > 1, "shifts differ between people"
    readme = (out / "README.txt").read_text(encoding="utf-8")
    [dates] = [line for line in readme.splitlines() if line.startswith("Dates:")]
    assert "shifted" in dates and not any(ch.isdigit() for ch in dates)  # no shift given
    assert not any(study_id in readme for study_id in shifts)  # nor any per participant
    names = sorted(p.name for p in out.iterdir())
    assert all(n.endswith((".csv", ".txt")) and "shift" not in n for n in names)

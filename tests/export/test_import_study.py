"""The study import (services/study_import): the demo study's identified export imported
into a new database and exported again is the same study; every refusal is listed as
file:row:column and leaves the database file byte for byte as it was; updates need a reason
and are audited with it."""

from __future__ import annotations

import csv
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nclm_desktop import demo
from nclm_desktop.models import AuditEvent, Operation, Participant, Visit
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services.monitoring.signing import MEANINGS, sign_casebook
from nclm_desktop.services.study_export import ExportOptions, export_study
from nclm_desktop.services.study_import.run import ImportCancelled, ImportRefused, import_study

from .conftest import TODAY, actor_of


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def edit(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; ``row`` counts the header as row 1, like the import's messages."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


def internal(column: str) -> bool:
    """A record's number in one database (not the study's data), or its lock: signatures
    are not exported, so an imported casebook starts unsigned and unlocked."""
    return (column.endswith("_id") and column != "study_id") or column == "locked"


@pytest.fixture(scope="module")
def exported(tmp_path_factory, export_study_file) -> Path:
    """The demo study's identified export (made once; tests copy it before editing)."""
    folder = tmp_path_factory.mktemp("import-source")
    path = folder / "study.db"
    shutil.copy(export_study_file, path)
    db = open_database(path)
    try:
        options = ExportOptions(folder / "export", identified=True, reason="import test")
        export_study(db, actor_of(db, "pi"), options)
    finally:
        db.dispose()
    return folder / "export"


@pytest.fixture(scope="module")
def exported_xlsx(tmp_path_factory, export_study_file) -> Path:
    """The same export as one xlsx workbook."""
    folder = tmp_path_factory.mktemp("import-xlsx")
    path = folder / "study.db"
    shutil.copy(export_study_file, path)
    db = open_database(path)
    try:
        options = ExportOptions(folder / "x", fmt="xlsx", identified=True, reason="import test")
        export_study(db, actor_of(db, "pi"), options)
    finally:
        db.dispose()
    return next((folder / "x").glob("*.xlsx"))


@pytest.fixture
def source(exported, tmp_path) -> Path:
    return Path(shutil.copytree(exported, tmp_path / "source"))


@pytest.fixture
def empty(tmp_path, migrated_template) -> Iterator[tuple[Database, Path]]:
    """A new database with the demo's staff accounts (accounts are not study records: the
    operation team names them by their number)."""
    path = tmp_path / "new.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    demo.ensure_demo_accounts(db)
    db.dispose()  # checkpointed: the file alone holds the database now
    db = open_database(path)
    yield db, path
    db.dispose()


def count(db: Database, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_gives_the_same_study(fmt, source, empty, tmp_path, request):
    db, _ = empty
    pi = actor_of(db, "pi")
    report = import_study(
        db, pi, source if fmt == "csv" else request.getfixturevalue("exported_xlsx")
    )
    assert report.errors == [] and report.written
    assert report.counts["participant"].created == len(read(source / "participant.csv"))
    assert report.counts["operation"].created > 0 and report.counts["visit"].created > 0

    again = tmp_path / "again"
    export_study(db, pi, ExportOptions(again, identified=True, reason="round trip"))
    tables = sorted(p.name for p in source.glob("*.csv"))
    assert "participant_identity.csv" in tables and "clinical_event.csv" in tables
    for name in tables:
        before, after = read(source / name), read(again / name)
        assert list(before[0]) == list(after[0]) if before else after == []
        strip = [{k: v for k, v in r.items() if not internal(k)} for r in before]
        assert strip == [{k: v for k, v in r.items() if not internal(k)} for r in after], name
    assert "1" in {r["locked"] for r in read(source / "participant.csv")}  # demo signs some
    assert {r["locked"] for r in read(again / "participant.csv")} == {"0"}

    if fmt == "xlsx":
        return
    # One import event per record, naming its file, row and the file's SHA-256.
    operation_sha = report.files["operation.csv"]
    assert operation_sha == sha(source / "operation.csv")
    with db.session() as s:
        events = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "import", AuditEvent.entity == "operation"
            )
        ).all()
    assert len(events) == report.counts["operation"].created
    assert all(f"sha256={operation_sha}" in e.new_value for e in events)
    assert {e.new_value.split(" ")[0] for e in events} == {
        f"operation.csv:{n}" for n in range(2, len(events) + 2)
    }


def test_dry_run_validates_and_writes_nothing(source, empty):
    db, path = empty
    before = sha(path)
    report = import_study(db, actor_of(db, "pi"), source, dry_run=True)
    assert report.errors == [] and not report.written
    assert report.counts["participant"].created > 0  # what would be written
    assert count(db, Participant) == 0
    db.dispose()
    assert sha(path) == before


def test_every_error_is_listed_and_the_file_is_unchanged(source, empty):
    db, path = empty
    operations = read(source / "operation.csv")
    edit(source / "operation.csv", 2, "discharge_date", "2000-01-01")  # before the operation
    edit(source / "screening.csv", 3, "ecog", "7")  # not a choice
    edit(source / "visit.csv", 4, "liver_imaging_result", "unclear")  # not a choice either
    people = read(source / "participant.csv")
    enrolled = next(n for n, r in enumerate(people, 2) if r["cohort"] == "systemic")
    edit(source / "participant.csv", enrolled, "enrolment_date", "")  # never "today"
    before = sha(path)
    report = import_study(db, actor_of(db, "pi"), source)
    lines = [str(e) for e in report.errors]
    assert not report.written
    op_date = operations[0]["operation_date"]
    assert (
        "operation.csv:2:discharge_date: Discharge date (2000-01-01) is before the "
        f"operation date ({op_date})." in lines
    )
    assert any(line.startswith("screening.csv:3:ecog: '7' is not a choice") for line in lines)
    assert any(line.startswith("visit.csv:4:liver_imaging_result: 'unclear'") for line in lines)
    assert (
        f"participant.csv:{enrolled}:enrolment_date: An enrolled participant needs the "
        "enrolment date." in lines
    )
    assert count(db, Participant) == count(db, Operation) == 0
    db.dispose()
    assert sha(path) == before


def test_update_needs_a_reason(source, study):
    pi = actor_of(study, "pi")
    with pytest.raises(ImportRefused, match="needs a reason"):
        import_study(study, pi, source, update=True)
    with pytest.raises(ImportRefused, match="only when updating"):
        import_study(study, pi, source, reason="why")


def test_reimport_into_the_same_study_changes_nothing(source, study, demo_copy):
    before = sha(demo_copy)
    report = import_study(study, actor_of(study, "pi"), source)
    assert report.errors == []
    assert report.counts["operation"].created == report.counts["operation"].updated == 0
    assert report.counts["operation"].unchanged == len(read(source / "operation.csv"))
    assert all(c.created == c.updated == 0 for c in report.counts.values())
    study.dispose()
    assert sha(demo_copy) == before  # nothing to write, nothing written (not even an event)


def test_update_with_a_reason_changes_and_audits(source, study):
    pi = actor_of(study, "pi")
    row = read(source / "operation.csv")[0]
    op_id = int(row["operation_id"])
    new_loss = str(int(row["blood_loss_ml"] or 0) + 25)
    edit(source / "operation.csv", 2, "blood_loss_ml", new_loss)

    refused = import_study(study, pi, source)
    assert [str(e).split(" (")[0] for e in refused.errors] == [
        "operation.csv:2:blood_loss_ml: Differs from the database"
    ]
    # One table alone (its people are found in the database by their study IDs).
    only = source / "operation.csv"
    report = import_study(study, pi, only, update=True, reason="Corrected from the chart")
    assert report.errors == [] and report.written
    assert report.counts["operation"].updated == 1
    assert report.counts["operation"].unchanged == len(read(only)) - 1
    assert list(report.counts) == ["operation"]
    with study.session() as s:
        assert s.get(Operation, op_id).blood_loss_ml == int(new_loss)
        change = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "operation",
                AuditEvent.entity_id == str(op_id),
                AuditEvent.field == "blood_loss_ml",
            )
        ).one()
        imported = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "import", AuditEvent.entity == "operation"
            )
        ).one()
    assert change.reason == "Corrected from the chart"
    assert (change.old_value, change.new_value) == (row["blood_loss_ml"], new_loss)
    assert imported.reason == "Corrected from the chart" and imported.entity_id == str(op_id)
    assert f"sha256={report.files['operation.csv']}" in imported.new_value


def test_a_locked_casebook_refuses_the_update(source, study, demo_copy):
    row = read(source / "operation.csv")[0]
    with study.session() as s:
        pid = s.get(Operation, int(row["operation_id"])).participant_id
    pi = actor_of(study, "pi")
    sign_casebook(study, pi, pid, "pi", demo.DEMO_PASSWORD, next(iter(MEANINGS)))
    edit(source / "operation.csv", 2, "blood_loss_ml", "4321")
    study.dispose()  # checkpointed: the file alone holds the database now
    db = open_database(demo_copy)
    before = sha(demo_copy)
    report = import_study(db, pi, source, update=True, reason="late fix")
    assert [str(e) for e in report.errors] == [
        f"operation.csv:2:study_id: {row['study_id']} is locked (signed); an investigator "
        "must unlock it before any change."
    ]
    assert not report.written
    db.dispose()
    assert sha(demo_copy) == before


def test_roles_write_only_their_tables(source, empty):
    db, _ = empty
    monitor = actor_of(db, "monitor")
    with pytest.raises(Exception, match="may not"):
        import_study(db, monitor, source)
    report = import_study(db, actor_of(db, "coordinator"), source, dry_run=True)
    refused = {str(e) for e in report.errors}
    assert "operation.csv: The role Study coordinator may not record operations and complications." in refused
    assert not any(e.file == "participant.csv" for e in report.errors)  # theirs to enter


def test_progress_is_reported_and_a_cancel_writes_nothing(source, empty):
    db, path = empty
    steps: list[tuple[int, int, str]] = []
    report = import_study(
        db, actor_of(db, "pi"), source, dry_run=True, progress=lambda *a: steps.append(a)
    )
    assert report.errors == []
    assert steps[0] == (0, 6, "people") and steps[-1] == (6, 6, "")
    before = sha(path)
    with pytest.raises(ImportCancelled, match="nothing was written"):
        import_study(db, actor_of(db, "pi"), source, cancel=lambda: True)
    assert count(db, Participant) == 0
    db.dispose()
    assert sha(path) == before


def drop_row(path: Path, row: int) -> dict[str, str]:
    """Delete one data row (``row`` as in the messages); returns it."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    gone = dict(zip(rows[0], rows.pop(row - 1), strict=True))
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return gone


def test_duplicates_and_orphans_are_named(source, empty):
    db, path = empty
    people = read(source / "participant.csv")
    enrolled = [i for i, r in enumerate(people, 2) if r["study_id"]]
    edit(source / "participant.csv", enrolled[1], "study_id", people[enrolled[0] - 2]["study_id"])
    complications = read(source / "complication.csv")
    op_row = next(
        n
        for n, r in enumerate(read(source / "operation.csv"), 2)
        if r["operation_id"] == complications[0]["operation_id"]
    )
    drop_row(source / "operation.csv", op_row)
    before = sha(path)
    report = import_study(db, actor_of(db, "pi"), source)
    lines = [str(e) for e in report.errors]
    twin = people[enrolled[0] - 2]["study_id"]
    assert (
        f"participant.csv:{enrolled[1]}:study_id: The study ID {twin} is also in row "
        f"{enrolled[0]}." in lines
    )
    assert (
        f"complication.csv:2:operation_id: Operation {complications[0]['operation_id']} is not "
        "among the operations imported (operation table)." in lines
    )
    # The cause, once: not every visit and event of the person whose rows were refused, nor
    # every study ID that shifts after the refused one.
    assert len([e for e in report.errors if e.file == "visit.csv"]) <= 2
    assert len([e for e in lines if "given the study ID" in e]) <= 2  # one per cohort
    assert not report.written
    db.dispose()
    assert sha(path) == before


def test_a_visit_done_since_is_recorded_without_update(source, study):
    visits = read(source / "visit.csv")
    n, row = next(
        (n, r)
        for n, r in enumerate(visits, 2)
        if r["status"] == "planned" and r["window_start"] <= TODAY.isoformat()
    )
    edit(source / "visit.csv", n, "actual_date", row["scheduled_date"])
    edit(source / "visit.csv", n, "ecog", "1")
    edit(source / "visit.csv", n, "status", "done")
    report = import_study(study, actor_of(study, "coordinator"), source / "visit.csv")
    assert report.errors == [] and report.counts["visit"].created == 1
    with study.session() as s:
        v = s.get(Visit, int(row["visit_id"]))
        assert (v.status, v.actual_date.isoformat(), v.ecog) == ("done", row["scheduled_date"], 1)

"""`audit verify` catches changes made outside the application: tables replayed from the
trail, the chain's head anchored outside the file, and the file opened read-only."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nclm_desktop import cli
from nclm_desktop.models import Participant, ParticipantIdentity
from nclm_desktop.models.audit import GENESIS_HASH, HASHED_FIELDS, event_hash
from nclm_desktop.models.db import Database, create_db_engine, to_url
from nclm_desktop.services import accounts, audit_anchor
from nclm_desktop.services.uow import writing
from tests.conftest import PASSWORD


def add_participant(db: Database, actor, number: int) -> int:
    with writing(db, actor) as s:
        p = Participant(
            study_id=f"NCLM-H-{number:03d}",
            cohort="hepatectomy",
            status="enrolled",
            sex="F",
            birth_date=dt.date(1970, 5, number),
        )
        p.identity = ParticipantIdentity(
            name=f"Patient {number}", hospital_record_number=f"HR-{number}", phone="555-0100"
        )
        s.add(p)
        s.flush()
        return p.id


@pytest.fixture
def study(db, admin, investigator, tmp_path) -> dict:
    """Two participants, one corrected with a reason; an older copy kept half-way."""
    first = add_participant(db, investigator, 1)
    older = tmp_path / "older-copy.db"
    src, dst = sqlite3.connect(db.path), sqlite3.connect(older)
    src.backup(dst)
    src.close()
    dst.close()
    second = add_participant(db, investigator, 2)
    with writing(db, investigator, reason="typo") as s:
        s.get(Participant, second).sex = "M"
    db.dispose()
    return {"path": db.path, "older": older, "first": first, "second": second}


def sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    con.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def recompute_chain(path: Path) -> None:
    """What an attacker with a copy of the code does after editing an event."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    prev = GENESIS_HASH
    for row in con.execute("SELECT * FROM audit_event ORDER BY id").fetchall():
        new = event_hash(prev, {f: row[f] for f in HASHED_FIELDS})
        con.execute(
            "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, row["id"])
        )
        prev = new
    con.commit()
    con.close()


def edit_event_and_recompute(path: Path) -> None:
    sql(
        path,
        "UPDATE audit_event SET new_value = replace(new_value, '\"F\"', '\"M\"') "
        "WHERE entity = 'participant' AND action = 'insert' AND entity_id = '1'",
        "UPDATE participant SET sex = 'M' WHERE id = 1",
    )
    recompute_chain(path)


def roll_back(path: Path, older: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copy(older, path)


INSERT_PARTICIPANT = (
    "INSERT INTO participant (study_id, cohort, status, sex, locked, created_utc) "
    "VALUES ('NCLM-H-099', 'hepatectomy', 'enrolled', 'M', 0, '2026-01-01 00:00:00')"
)

TAMPERS = {
    "edit a data row": (
        lambda st: sql(st["path"], "UPDATE participant_identity SET phone = '555-9999'"),
        'participant_identity 1, column phone: expected "555-0100", found "555-9999"',
    ),
    "insert a participant": (
        lambda st: sql(st["path"], INSERT_PARTICIPANT),
        "participant 3: row added without an audit event",
    ),
    "set locked": (
        lambda st: sql(st["path"], "UPDATE participant SET locked = 1 WHERE id = 1"),
        "participant 1, column locked: expected false, found true",
    ),
    "change a user's role": (
        lambda st: sql(
            st["path"], "UPDATE user_account SET role = 'admin' WHERE username = 'lwang'"
        ),
        'user_account 2, column role: expected "investigator", found "admin"',
    ),
    "delete the last events": (
        lambda st: sql(
            st["path"], "DELETE FROM audit_event WHERE id > (SELECT max(id) - 2 FROM audit_event)"
        ),
        "events were deleted or an older copy was put back",
    ),
    "delete all events": (
        lambda st: sql(st["path"], "DELETE FROM audit_event"),
        "the trail has 0 events",
    ),
    "edit an event and recompute the chain": (
        lambda st: edit_event_and_recompute(st["path"]),
        "the trail was rewritten or replaced by another copy",
    ),
    "roll the file back to an older copy": (
        lambda st: roll_back(st["path"], st["older"]),
        "events were deleted or an older copy was put back",
    ),
}


def run_verify(path: Path, capsys, *extra: str) -> tuple[int, str, str]:
    code = cli.run(["--db", str(path), "audit", "verify", *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_untouched_study_verifies(study, capsys):
    code, out, err = run_verify(study["path"], capsys)
    assert code == 0, err
    assert "Audit trail intact" in out and "1 anchor(s) matched" in out


@pytest.mark.parametrize("tamper", TAMPERS, ids=list(TAMPERS))
def test_every_tamper_is_detected(study, capsys, tamper):
    change, message = TAMPERS[tamper]
    change(study)
    code, out, err = run_verify(study["path"], capsys)
    assert code == 1, out
    assert message in err


def test_table_edits_are_found_without_any_anchor(study, capsys, tmp_path):
    shutil.rmtree(tmp_path / "anchors")
    sql(study["path"], "UPDATE participant SET birth_date = '1960-01-01' WHERE id = 2")
    code, _out, err = run_verify(study["path"], capsys)
    assert code == 1
    assert 'participant 2, column birth_date: expected "1970-05-02", found "1960-01-01"' in err


def test_a_redacted_password_hash_is_not_compared_but_its_row_is(study, capsys):
    # The trail holds "[redacted]" for password hashes (see the README): a changed hash
    # cannot be told from a legitimate one; a deleted account still is.
    sql(study["path"], "UPDATE user_account SET password_hash = 'x' WHERE username = 'lwang'")
    assert run_verify(study["path"], capsys)[0] == 0
    sql(
        study["path"],
        "PRAGMA foreign_keys = OFF",
        "DELETE FROM user_account WHERE username = 'lwang'",
    )
    code, _out, err = run_verify(study["path"], capsys)
    assert code == 1 and "user_account 2: row deleted without an audit event" in err


def test_a_backup_copy_anchors_the_chain(study, capsys, tmp_path):
    backup = tmp_path / "offsite.db"
    shutil.copy(study["path"], backup)
    # The attacker also wipes the anchor folder: the backup named on the command line remains.
    sql(study["path"], "DELETE FROM audit_event WHERE id > (SELECT max(id) - 1 FROM audit_event)")
    shutil.rmtree(tmp_path / "anchors")
    code, _out, err = run_verify(study["path"], capsys, "--anchor", str(backup))
    assert code == 1
    assert "backup offsite.db anchored" in err


def test_the_backup_command_leaves_an_anchor_beside_the_copy(db, admin, tmp_path):
    from nclm_desktop.services.backup import backup_database

    dest = backup_database(db, admin, tmp_path / "backups")
    anchor = json.loads(Path(str(dest) + audit_anchor.BACKUP_SUFFIX).read_text())
    with db.engine.connect() as conn:
        head = audit_anchor.read_head(conn)
    assert anchor["anchors"][0]["count"] == head.count
    assert anchor["anchors"][0]["hash"] == head.hash


def test_an_anchor_is_not_overwritten_by_a_chain_that_does_not_extend_it(study, tmp_path):
    roll_back(study["path"], study["older"])
    db = Database(create_db_engine(to_url(study["path"])), to_url(study["path"]))
    try:
        accounts.authenticate(db, "lwang", PASSWORD)  # a write on the rolled-back file
    finally:
        db.dispose()
    files = list((tmp_path / "anchors").glob("*.json"))
    anchors = json.loads(files[0].read_text())["anchors"]
    assert len(anchors) == 2 and anchors[0]["count"] > anchors[1]["count"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_verify_reads_an_older_revision_file_without_migrating_it(tmp_path):
    """A file one schema revision behind this build (its accounts written by the build that
    made it, then the schema taken back with the migration's own downgrade)."""
    from alembic import command

    from nclm_desktop.models.db import alembic_config, open_database

    path = tmp_path / "old.db"
    current = open_database(path)
    first = accounts.create_first_admin(current, "admin", "Admin", PASSWORD)
    accounts.add_user(current, first, "lwang", "Lu Wang", "investigator", PASSWORD)
    current.dispose()
    engine = create_db_engine(to_url(path))
    with engine.connect() as conn, conn.begin():
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    engine.dispose()
    before = sha256(path)
    out = subprocess.run(
        [sys.executable, "-m", "nclm_desktop", "--db", str(path), "audit", "verify"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert sha256(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)


def test_verify_reads_a_read_only_file_without_changing_it(study, capsys):
    path = study["path"]
    path.chmod(0o444)
    before = sha256(path)
    code, out, err = run_verify(path, capsys)
    assert code == 0, err
    assert sha256(path) == before


def test_a_garbled_file_gives_one_clear_line(tmp_path, capsys):
    path = tmp_path / "garbled.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    code, _out, err = run_verify(path, capsys)
    assert code == 2
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_a_deliberate_restore_re_anchors_the_chain(study, capsys):
    roll_back(study["path"], study["older"])
    assert run_verify(study["path"], capsys)[0] == 1
    db = Database(create_db_engine(to_url(study["path"])), to_url(study["path"]))
    try:
        audit_anchor.restart_after_restore(db, "restored older-copy.db")
    finally:
        db.dispose()
    code, _out, err = run_verify(study["path"], capsys)
    assert code == 0, err


@pytest.mark.parametrize(
    "text", ["true", "false", "null", "0", "42", "-3", "3.5", '"2026-01-01"', '"a\\"b"', '["x"]']
)
def test_the_fast_update_decoder_agrees_with_json(text):
    from nclm_desktop.services.audit_replay import _decode_update

    assert _decode_update("other", text) == json.loads(text)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),  # control characters, quotes, backslashes, any plane
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCALARS, max_size=12))
def test_the_fast_hash_encoder_writes_the_reference_text(values):
    # The hash of every existing database depends on this text being unchanged.
    from nclm_desktop.models.audit import _encode, _encode_values

    assert _encode_values(tuple(values)) == _encode(values)
    assert _encode_values(values) == _encode(values)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.recursive(_SCALARS, lambda inner: st.lists(inner)).map(json.dumps)))
def test_the_fast_json_reader_agrees_with_json_loads(text):
    from nclm_desktop.services.audit_replay import _loads

    try:
        expected = json.loads(text)
    except ValueError as error:
        with pytest.raises(type(error)):
            _loads(text)
    else:
        # Compared as JSON text: NaN, which json.loads accepts, never equals itself.
        assert json.dumps(_loads(text)) == json.dumps(expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.text()), max_size=10))
def test_sqlite_writes_the_hashed_text_as_the_python_encoder_does(values):
    # On SQLite the chain is checked with the text json_array writes (services/audit_verify.py).
    from nclm_desktop.models.audit import _encode

    values = [v.replace("\x00", "") if isinstance(v, str) else v for v in values]
    placeholders = ",".join("?" * len(values))
    with closing(sqlite3.connect(":memory:")) as con:
        (text,) = con.execute(f"SELECT json_array({placeholders})", values).fetchone()  # noqa: S608
    assert text == _encode(values)


def walk(path: Path):
    from nclm_desktop.services.audit_verify import VerifyReport, read_only_engine, walk_chain

    engine, _key = read_only_engine(path)
    report = VerifyReport()
    try:
        with engine.connect() as conn:
            walk_chain(conn, report, [])
    finally:
        engine.dispose()
    return report


def test_where_sqlite_writes_another_text_the_python_encoder_decides(study):
    # SQLite prints 1/3 with 15 digits, Python with 16: the event still verifies.
    sql(study["path"], "UPDATE audit_event SET participant_id = 1.0 / 3 WHERE id = 3")
    recompute_chain(study["path"])
    report = walk(study["path"])
    assert report.chain_problem == "" and report.events > 3


def test_a_blob_put_into_an_event_is_an_alteration(study):
    sql(study["path"], "UPDATE audit_event SET reason = x'' WHERE id = 3 AND reason IS NULL")
    report = walk(study["path"])
    assert report.first_bad_id == 3
    assert report.chain_problem == "event 3 was altered after it was written"

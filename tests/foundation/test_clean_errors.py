"""Bad situations and bad options: one clear line, a non-zero exit, the database unchanged.

One table; each row prepares its situation, runs the real command line in a child process
and checks: exit code non-zero, stderr a single line without "Traceback", the database
file's sha256 and contents unchanged, and no new file left in the working folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, rlimits and chmod")

WORKLIST = ["--user", "lwang", "report", "worklist", "--from", "2026-01-01", "--to", "2026-01-31"]
ADD_USER = ["--user", "admin", "user", "add", "boss2", "--role", "surgeon"]


@dataclass
class Situation:
    args: list[str]
    expect: str  # a phrase of the one-line message
    stdin: str = ""
    limit_file_size: int | None = None  # RLIMIT_FSIZE of the child: writes beyond it fail
    holder: Callable[[Path], contextlib.AbstractContextManager] | None = None
    prepare: Callable[[Path, Path], None] = lambda db, tmp: None
    uses_db: bool = True
    extra: dict = field(default_factory=dict)


def hide_psycopg(_db: Path, work: Path) -> None:
    """A workstation without the PostgreSQL driver: the test extras install psycopg, so a
    package of that name in the command's working folder (first on `python -m`'s path)
    fails to import as a missing one would."""
    (work / "psycopg").mkdir()
    (work / "psycopg" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n"
    )


@contextlib.contextmanager
def writer_holding_the_lock(db: Path) -> Iterator[None]:
    """Another workstation in the middle of a long write: the write lock stays taken for
    longer than the 15 s busy timeout of the command."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


@contextlib.contextmanager
def reader_keeping_it_open(db: Path) -> Iterator[None]:
    """The application open elsewhere on the PC (its -shm mapped, so the command's only
    new writes are the WAL frames of its transaction)."""
    con = sqlite3.connect(db)
    con.execute("SELECT count(*) FROM user_account").fetchall()
    try:
        yield
    finally:
        con.close()


def damage_audit_table(db: Path, _tmp: Path) -> None:
    con = sqlite3.connect(db)
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name='audit_event'").fetchone()
    con.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = os.urandom(4096)
    db.write_bytes(bytes(data))


def make_fifo(_db: Path, tmp: Path) -> None:
    os.mkfifo(tmp / "pipe.db")


SITUATIONS = {
    "busy longer than the timeout": Situation(
        ADD_USER,
        "busy",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
        holder=writer_holding_the_lock,
    ),
    "disk full while writing": Situation(
        ADD_USER,
        "could not be written",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
        limit_file_size=4096,
        holder=reader_keeping_it_open,
    ),
    "read-only database file": Situation(
        ADD_USER,
        "read-only",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
        prepare=lambda db, tmp: os.chmod(db, 0o444),
    ),
    "--out is a folder": Situation([*WORKLIST, "--out", "."], "is a folder"),
    "--out in a missing folder": Situation(
        [*WORKLIST, "--out", "missing/worklist.pdf"], "does not exist"
    ),
    "--out an unwritable place": Situation(
        [*WORKLIST, "--out", "/sys/worklist.pdf"], "Cannot write"
    ),
    "year 9999 date": Situation(
        ["--user", "lwang", "report", "worklist", "--from", "9999-12-31", "--to", "9999-12-31"]
        + ["--out", "w.pdf"],
        "outside the years",
    ),
    "year 1 date": Situation(
        ["--user", "lwang", "report", "complications", "--from", "0001-01-01"]
        + ["--to", "2026-01-01", "--out", "c.pdf"],
        "outside the years",
    ),
    "garbled file under audit verify": Situation(
        ["audit", "verify"], "damaged", prepare=damage_audit_table
    ),
    "missing PostgreSQL driver": Situation(
        ["--db", "postgresql+psycopg://nclm@localhost/nclm", "init"],
        "not installed",
        prepare=hide_psycopg,
        uses_db=False,
    ),
    "unknown URL scheme": Situation(
        ["--db", "mysqlx://server/nclm", "init"], "unknown database kind", uses_db=False
    ),
    "very long path": Situation(
        ["--db", "a" * 300 + "/" + "b" * 5000 + ".db", "init"], "too long", uses_db=False
    ),
    "FIFO as --db": Situation(
        ["--db", "pipe.db", "init"], "not a regular file", prepare=make_fifo, uses_db=False
    ),
    "--db :memory:": Situation(["--db", ":memory:", "init"], "in-memory", uses_db=False),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    except sqlite3.DatabaseError as exc:  # the garbled file: its bytes are compared
        return [str(exc)]
    finally:
        con.close()


@pytest.fixture
def study(db, investigator, db_path) -> Path:
    """A study with an administrator and an investigator, closed and checkpointed."""
    db.dispose()
    return db_path


@pytest.mark.parametrize("name", list(SITUATIONS))
def test_bad_situations_give_one_clear_line(name, study, tmp_path):
    situation = SITUATIONS[name]
    work = tmp_path / "work"
    work.mkdir()
    situation.prepare(study, work)
    before = (digest(study), dump(study)) if situation.uses_db else None
    listing = sorted(p.name for p in work.iterdir())
    args = situation.args if not situation.uses_db else ["--db", str(study), *situation.args]

    def limits() -> None:
        if situation.limit_file_size:
            size = situation.limit_file_size
            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    holder = situation.holder(study) if situation.holder else contextlib.nullcontext()
    with holder:
        out = subprocess.run(
            [sys.executable, "-m", "nclm_desktop", *args],
            input=situation.stdin,
            capture_output=True,
            text=True,
            cwd=work,
            env={**os.environ, "NCLM_PASSWORD": PASSWORD, "NCLM_DB": str(tmp_path / "none.db")},
            preexec_fn=limits,
            timeout=90,
        )
    lines = out.stderr.strip().splitlines()
    assert out.returncode != 0, (name, out.stdout)
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert "error:" in lines[0] and situation.expect in lines[0], lines[0]
    if before is not None:
        os.chmod(study, 0o600)
        assert (digest(study), dump(study)) == before
    assert sorted(p.name for p in work.iterdir()) == listing  # nothing half-written
    assert not (tmp_path / "none.db").exists()


def test_a_read_only_database_can_still_be_read(study):
    os.chmod(study, 0o444)
    out = subprocess.run(
        [sys.executable, "-m", "nclm_desktop", "--db", str(study), "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0, out.stderr
    assert "intact" in out.stdout

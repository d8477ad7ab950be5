"""Migrations: empty → head, models match the DDL, downgrade/upgrade round trip, wheel.

The database tests run on SQLite and on a real PostgreSQL server (tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pgcluster
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from nclm_desktop.models import Base
from nclm_desktop.models.db import alembic_config, open_database, script_head

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_target(request, backend, tmp_path) -> str:
    """A database nobody has created tables in yet (PostgreSQL: reached as its owner)."""
    if backend == "sqlite":
        return str(tmp_path / "new.db")
    cluster = request.getfixturevalue("pg_cluster")
    name = cluster.create_database(cluster.new_name("empty"))
    request.addfinalizer(lambda: cluster.drop_database(name))
    return cluster.url(name, user=pgcluster.OWNER)


@pytest.fixture
def owner_db(request, backend, db):
    """The test's database opened by a login that may change the schema."""
    if backend == "sqlite":
        return db
    database = open_database(request.getfixturevalue("pg_owner_url"))
    request.addfinalizer(database.dispose)
    return database


def test_empty_database_migrates_to_the_single_head(empty_target):
    db = open_database(empty_target)
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_heads() == (script_head(),)
        tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.dispose()


def test_models_match_the_migrated_schema(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []


def test_downgrade_to_base_and_upgrade_again(owner_db):
    with owner_db.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        with conn.begin():
            command.downgrade(cfg, "base")
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        conn.rollback()
        with conn.begin():
            command.upgrade(cfg, "head")
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []


def test_audit_triggers_survive_the_round_trip(owner_db, backend):
    with owner_db.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        with conn.begin():
            command.downgrade(cfg, "base")
            command.upgrade(cfg, "head")
        if backend == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type='trigger'"
            expected = {"audit_event_no_update", "audit_event_no_delete"}
        else:
            query = "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass"
            expected = {"audit_event_append_only"}
        names = {r[0] for r in conn.exec_driver_sql(query)}
    assert expected <= names


def test_installed_wheel_creates_and_migrates_a_database(tmp_path):
    """Migrations ship inside the package: build a wheel, install it apart, migrate."""
    src = tmp_path / "src"  # build from a copy: nothing is written into the checkout
    shutil.copytree(
        REPO / "nclm_desktop", src / "nclm_desktop", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(src),
        ],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(wheels.glob("nclm_desktop-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        cwd=tmp_path,
    )
    script = (
        "import sys, nclm_desktop, pathlib;"
        f"assert pathlib.Path(nclm_desktop.__file__).is_relative_to({str(target)!r}), "
        "nclm_desktop.__file__;"
        "from nclm_desktop.cli import run;"
        f"sys.exit(run(['--db', {str(tmp_path / 'w.db')!r}, 'init']))"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "Database ready" in out.stdout
    assert (target / "nclm_desktop" / "migrations" / "versions" / "0001_foundation.py").exists()
    assert (target / "nclm_desktop" / "resources" / "protocol").is_dir()

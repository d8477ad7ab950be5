"""A small demo study built once per session; each test exports from its own copy (an export
writes its audit event)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from nclm_desktop import demo
from nclm_desktop.models import User
from nclm_desktop.models.db import Database, open_database
from nclm_desktop.services.permissions import Actor

TODAY = dt.date(2025, 6, 18)
PARTICIPANTS = 30


@pytest.fixture(scope="session")
def export_study_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    path = tmp_path_factory.mktemp("export-demo") / "demo.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    try:
        actors = demo.ensure_demo_accounts(db)
        demo.generate_study(db, actors, participants=PARTICIPANTS, seed=11, today=TODAY)
    finally:
        db.dispose()
    return path


@pytest.fixture
def demo_copy(tmp_path: Path, export_study_file: Path) -> Path:
    path = tmp_path / "study.db"
    shutil.copy(export_study_file, path)
    return path


@pytest.fixture
def study(demo_copy: Path) -> Iterator[Database]:
    database = open_database(demo_copy)
    yield database
    database.dispose()


def actor_of(db: Database, username: str) -> Actor:
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == username)).one()
        return Actor(u.id, u.username, u.role, u.display_name)


@pytest.fixture
def pi(study: Database) -> Actor:
    return actor_of(study, "pi")


@pytest.fixture
def monitor_actor(study: Database) -> Actor:
    return actor_of(study, "monitor")

"""Fixtures for the translation tests: the workflow module (zh_cn is in tests/conftest.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def workflow() -> ModuleType:
    """tools/i18n.py, the same functions `make i18n` runs."""
    spec = importlib.util.spec_from_file_location("nclm_i18n_tools", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, migrated_template: Path):
    """A copy of the migrated database with a 30-participant demo study (one per module)."""
    import shutil

    from nclm_desktop import demo
    from nclm_desktop.models.db import open_database
    from tests.i18n.walk import TODAY

    path = tmp_path_factory.mktemp("i18n_demo") / "demo.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    db.demo_actors = demo.ensure_demo_accounts(db)
    demo.generate_study(db, db.demo_actors, participants=30, seed=3, today=TODAY)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def record(demo_db) -> dict[str, int]:
    """The demo participant with an operation, complications and (when made) a reoperation."""
    from tests.i18n.walk import richest_record

    return richest_record(demo_db)

"""A small demo study built once per test session (fixed seed and today), only read here;
tests that write build their own database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from demo_setup import PARTICIPANTS, SEED, build_demo

from nclm_desktop import demo
from nclm_desktop.models.db import Database, open_database


@pytest.fixture(scope="session")
def demo_study(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> tuple[Path, demo.StudyCounts]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    counts = build_demo(path, migrated_template, PARTICIPANTS, SEED)
    return path, counts


@pytest.fixture
def demo_db(demo_study: tuple[Path, demo.StudyCounts]) -> Iterator[Database]:
    database = open_database(demo_study[0])
    yield database
    database.dispose()


@pytest.fixture
def demo_counts(demo_study: tuple[Path, demo.StudyCounts]) -> demo.StudyCounts:
    return demo_study[1]

"""Shared fixtures: offscreen Qt, a fresh migrated SQLite file per test, signed-in actors."""

from __future__ import annotations

import os

# Before anything can create a QApplication.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import gc  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import nclm_desktop.ui  # noqa: E402,F401  (shiboken6 6.12 work-around before any Qt call)
from nclm_desktop.models.db import Database, open_database  # noqa: E402
from nclm_desktop.services import accounts  # noqa: E402
from nclm_desktop.services.permissions import Actor  # noqa: E402

PASSWORD = "correct-horse-42"


@pytest.fixture(autouse=True)
def _no_qt_leftovers() -> Iterator[None]:
    """After each test (and after qtbot has closed its widgets) delete what was scheduled
    for deletion and collect garbage windows, so no timer of one test fires in the next."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True, scope="session")
def _session_anchors_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Audit anchors (services/audit_anchor.py) written by session fixtures (the demo study)
    go under the session's tmp folder, not the user's data folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NCLM_ANCHOR_DIR", str(tmp_path_factory.mktemp("anchors")))
        yield


@pytest.fixture(autouse=True)
def _anchors_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's audit anchors under its own tmp_path."""
    monkeypatch.setenv("NCLM_ANCHOR_DIR", str(tmp_path / "anchors"))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once per run; each test copies the file."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(path)
    db.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "study.db"
    shutil.copy(migrated_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    return accounts.create_first_admin(db, "admin", "Site Administrator", PASSWORD)


@pytest.fixture
def make_user(db: Database, admin: Actor):
    def make(username: str, role: str, display_name: str | None = None) -> Actor:
        return accounts.add_user(
            db, admin, username, display_name or username.title(), role, PASSWORD
        )

    return make


@pytest.fixture
def investigator(make_user) -> Actor:
    return make_user("lwang", "investigator", "Lu Wang")


@pytest.fixture
def surgeon(make_user) -> Actor:
    return make_user("zchen", "surgeon", "Zhi Chen")


@pytest.fixture
def coordinator(make_user) -> Actor:
    return make_user("mli", "coordinator", "Mei Li")


@pytest.fixture
def monitor(make_user) -> Actor:
    return make_user("monitor1", "monitor", "Clinical Monitor")

"""Shared fixtures: offscreen Qt, a fresh migrated database per test, signed-in actors.

The ``db`` fixture is a SQLite file; in the migration and service test modules (see
``_on_both_backends``) every test that uses it runs twice, ``[sqlite]`` and ``[postgresql]``,
the second on a fresh database of a real throwaway PostgreSQL server (tests/pgcluster.py).
Tests about the SQLite file itself opt out with ``@pytest.mark.sqlite_only`` (a test that
asks for ``db_path`` is one already).
"""

from __future__ import annotations

import os

# Before anything can create a QApplication.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import gc  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pgcluster  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402
from pgcluster import PgCluster  # noqa: E402

# Hypothesis keeps no example database in the checkout (tests write only under tmp_path).
settings.register_profile("nclm", database=None)
settings.load_profile("nclm")

import nclm_desktop.ui  # noqa: E402,F401  (shiboken6 6.12 work-around before any Qt call)
from nclm_desktop.models.db import (  # noqa: E402
    Database,
    create_db_engine,
    open_database,
    to_url,
)
from nclm_desktop.models.pg_server import grant_app_role  # noqa: E402
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
        # What survives is long-lived (modules, caches, session fixtures): freeze it, so the
        # next test's collection walks only that test's objects, not a heap of 500 MB.
        gc.freeze()


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
def db(request: pytest.FixtureRequest, backend: str) -> Iterator[Database]:
    if backend == "postgresql":
        database = open_database(request.getfixturevalue("pg_url"))
    else:
        database = open_database(request.getfixturevalue("db_path"))
    yield database
    database.dispose()


# --- the PostgreSQL back-end ------------------------------------------------------------

BACKENDS = ("sqlite", "postgresql")
# Test modules whose database tests run on both back-ends: the migrations and the services.
_BOTH_BACKENDS = {
    "foundation/test_migrations.py",
    "foundation/test_accounts.py",
    "foundation/test_audit.py",
    "enrolment/test_enrolment_drafts.py",
    "enrolment/test_enrolment_log_and_record.py",
}


def _on_both_backends(path: Path) -> bool:
    rel = path.relative_to(Path(__file__).parent).as_posix()
    return rel in _BOTH_BACKENDS or path.name.endswith("_service.py") or rel.startswith("postgres/")


@pytest.hookimpl(trylast=True)  # after the tmp_path plugin has set up its factory
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: a test about the SQLite file itself; never run on PostgreSQL"
    )
    config.addinivalue_line("markers", "postgresql_only: runs on the PostgreSQL back-end only")
    # Hypothesis's own caches go under this run's temporary folder, not the checkout.
    set_hypothesis_home_dir(config._tmp_path_factory.getbasetemp() / "hypothesis")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    marked = {m.name for m in metafunc.definition.iter_markers()}
    if "postgresql_only" in marked:
        metafunc.parametrize("backend", ["postgresql"], indirect=True)
    elif (
        _on_both_backends(Path(str(metafunc.definition.path)))
        and "db_path" not in metafunc.fixturenames
        and "sqlite_only" not in marked
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` unless the test was parametrised onto PostgreSQL."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    """One throwaway PostgreSQL server for the whole run, stopped at the end."""
    reason = pgcluster.missing_reason()
    if reason and os.environ.get("NCLM_REQUIRE_POSTGRESQL"):
        pytest.fail(f"NCLM_REQUIRE_POSTGRESQL is set but {reason}")
    if reason:
        pytest.skip(reason)
    cluster = PgCluster(pgcluster.cluster_folder(tmp_path_factory.getbasetemp()))
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: PgCluster) -> str:
    """A database migrated once by its owner, the app role granted; tests clone it."""
    name = pg_cluster.create_database("nclm_template")
    database = open_database(pg_cluster.url(name, user=pgcluster.OWNER))
    grant_app_role(database.engine, pgcluster.APP)
    database.dispose()
    return name


@pytest.fixture
def pg_database(pg_cluster: PgCluster, pg_template: str) -> Iterator[str]:
    """A fresh, migrated database (a copy of the template), dropped after the test."""
    name = pg_cluster.create_database(pg_cluster.new_name(), template=pg_template)
    # Database-level grants live in the cluster's catalogue, not in the copied template.
    owner = create_db_engine(to_url(pg_cluster.url(name, user=pgcluster.OWNER)))
    grant_app_role(owner, pgcluster.APP)
    owner.dispose()
    yield name
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_url(pg_cluster: PgCluster, pg_database: str) -> str:
    """The workstations' least-privilege login on the test's fresh database."""
    return pg_cluster.url(pg_database)


@pytest.fixture
def pg_owner_url(pg_cluster: PgCluster, pg_database: str) -> str:
    """The database owner's login (migrations) on the test's fresh database."""
    return pg_cluster.url(pg_database, user=pgcluster.OWNER)


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


@pytest.fixture
def zh_cn(qapp) -> Iterator[None]:
    """The interface in Simplified Chinese for one test; English again afterwards."""
    from nclm_desktop.ui import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    try:
        yield
    finally:
        i18n.install("en")

"""The shared PostgreSQL server: engine settings, plain-language errors, the app's role.

Several workstations share one study through a PostgreSQL server (README "Shared server").
What differs from the embedded SQLite file lives here: connect and lock timeouts, reconnecting
after a dropped connection (pool_pre_ping), turning driver errors into one clear sentence,
and the least-privilege grants for the workstations' login role.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL

from .db import DatabaseError

CONNECT_TIMEOUT_S = 10
# A writer waits this long for a row or the audit chain held by another workstation.
LOCK_TIMEOUT_MS = 10_000
BUSY_STATES = {"55P03", "40P01", "40001", "57014"}  # lock timeout, deadlock, serialisation, cancel


class DatabaseBusy(DatabaseError):
    """Another workstation held what this change needs for too long; nothing was saved."""


class DatabaseUnavailable(DatabaseError):
    """The server could not be reached, refused the login, or the connection dropped."""


def server_name(url: URL) -> str:
    host = url.host or url.query.get("host") or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{host}{port}/{url.database or ''}"


def _message(exc: BaseException, url: URL, *, connecting: bool) -> DatabaseError | None:
    """The user's sentence for a driver error, or None to leave it as it is."""
    state = getattr(exc, "sqlstate", None) or ""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    where = server_name(url)
    if state in BUSY_STATES:
        return DatabaseBusy(
            "The database is busy: another workstation is holding the records this change "
            "needs. Nothing was saved; try again in a moment."
        )
    if state == "28P01" or "password authentication failed" in detail:
        return DatabaseUnavailable(
            f"The database server {where} refused the user name or password "
            f"({url.username}). Check the connection settings."
        )
    if state == "42501":
        return DatabaseError(
            f"The database server refused this to the login {url.username!r}: {detail}."
        )
    if state == "3D000":
        return DatabaseUnavailable(f"The database server has no database {url.database!r}.")
    if connecting:
        return DatabaseUnavailable(
            f"Cannot reach the database server {where}: {detail}. Check that the server is "
            "running and the network is up, then try again."
        )
    if state.startswith("08") or state in {"57P01", "57P02", "57P03"}:
        return DatabaseUnavailable(
            f"The connection to the database server {where} was lost; the last change was "
            "not confirmed as saved. Check the network and try again."
        )
    return None


def _install_error_translation(engine: Engine) -> None:
    @event.listens_for(engine, "handle_error")
    def _translate(context: Any) -> BaseException | None:
        if context.is_pre_ping:  # the pool reconnects on its own
            return None
        orig = context.original_exception
        connecting = context.connection is None and not context.is_disconnect
        if context.is_disconnect and not connecting:
            return DatabaseUnavailable(
                f"The connection to the database server {server_name(engine.url)} was lost; "
                "the last change was not confirmed as saved. Check the network and try again."
            )
        return _message(orig, engine.url, connecting=connecting)


def _install_session_settings(engine: Engine, lock_timeout_ms: int) -> None:
    # A lock_timeout given in the URL (?options=-c lock_timeout=...) wins over the default.
    own_timeout = "lock_timeout" not in str(engine.url.query.get("options", ""))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            if own_timeout:
                cur.execute(
                    "SELECT set_config('lock_timeout', %s, false)", (f"{lock_timeout_ms}ms",)
                )
            cur.execute("SELECT set_config('application_name', 'nclm-desktop', false)")
        dbapi_conn.commit()


def create_pg_engine(url: URL, *, lock_timeout_ms: int = LOCK_TIMEOUT_MS) -> Engine:
    """An engine that reconnects after a dropped connection and fails fast and clearly."""
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    if "keepalives" not in url.query:  # notice a cut network within about a minute
        connect_args.update(keepalives=1, keepalives_idle=30, keepalives_interval=10)
        connect_args["keepalives_count"] = 3
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ImportError as exc:
        raise DatabaseError(
            "The PostgreSQL driver is not installed on this workstation: "
            "pip install 'nclm-desktop[postgres]' (psycopg 3)."
        ) from exc
    _install_session_settings(engine, lock_timeout_ms)
    _install_error_translation(engine)
    return engine


def can_migrate(engine: Engine) -> bool:
    """May this login create and alter tables (the database owner), or only use them?"""
    with engine.connect() as conn:
        return bool(conn.scalar(text("SELECT has_schema_privilege('public', 'CREATE')")))


def refuse_migration_by_app_role(url: URL, revisions: tuple[str, ...], head: str) -> None:
    current = revisions[0] if revisions else "empty"
    raise DatabaseError(
        f"The database {server_name(url)} is at revision {current} and this version of "
        f"NCLM Desktop needs {head}. The login {url.username!r} may not change the schema: "
        "the administrator runs `nclm-desktop --db URL init` as the database owner "
        "(README, Shared server)."
    )


def grant_app_role(engine: Engine, role: str) -> None:
    """Least privilege for the workstations' login role: read and write the study tables,
    append to (never change) the audit trail, read the schema revision, no DDL."""
    with engine.begin() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
            raise DatabaseError(
                f"The server has no role {role!r}: create the login role first "
                "(README, Shared server)."
            )
        q = conn.dialect.identifier_preparer.quote
        r = q(role)
        db = q(conn.scalar(text("SELECT current_database()")))
        for stmt in (
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            f"REVOKE TEMPORARY ON DATABASE {db} FROM PUBLIC",
            f"GRANT CONNECT ON DATABASE {db} TO {r}",
            f"GRANT USAGE ON SCHEMA public TO {r}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
            f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM {r}",
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {r}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
        ):
            conn.exec_driver_sql(stmt)

"""A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder.

A real server, never a mock. It listens on a Unix socket inside its own folder only (no TCP
port to collide with another run). initdb refuses to run as root, so under root (CI) the
server runs as the distribution's unprivileged ``postgres`` user and its folder is handed to
that user. Three roles, as the README's "Shared server" section sets them up: a superuser for
the fixtures, the study's database owner (runs migrations) and the workstations' login role.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.engine import URL

SUPERUSER = "nclm_super"
OWNER = "nclm_owner"
APP = "nclm_app"
PASSWORDS = {SUPERUSER: "super-secret-1", OWNER: "owner-secret-2", APP: "app-secret-3"}
# Speed over crash safety of the machine (the cluster is deleted after the run); commits are
# still written before they are acknowledged, so a server crash loses none of them.
FAST_SETTINGS = ("fsync=off", "full_page_writes=off")


def find_bindir() -> Path | None:
    """The server binaries: NCLM_PG_BINDIR, Debian's /usr/lib/postgresql/N/bin, or PATH."""
    if os.environ.get("NCLM_PG_BINDIR"):
        given = Path(os.environ["NCLM_PG_BINDIR"])
        return given if (given / "pg_ctl").exists() and (given / "initdb").exists() else None
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb") and shutil.which("postgres"):
        return Path(found).parent
    return None


def missing_reason() -> str | None:
    """Why a cluster cannot be started here, or None."""
    if find_bindir() is None:
        return (
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install the "
            "'postgresql' package or set NCLM_PG_BINDIR to run the PostgreSQL tests"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the test server as"
    return None


def cluster_folder(basetemp: Path) -> Path:
    """Where the cluster lives: under pytest's base folder, except under root.

    pytest keeps /tmp/pytest-of-root at mode 0700 and resets it whenever another pytest run
    starts, so the server user could lose its way to a folder in there mid-run. Under root
    the cluster gets its own folder in the system temporary directory instead, owned by the
    server user and deleted when the run ends.
    """
    if os.geteuid() != 0:
        return basetemp / "pg"
    return Path(tempfile.mkdtemp(prefix="nclm-pg-"))


class PgCluster:
    """One initdb'd data folder and its running server."""

    def __init__(self, root: Path, *, tls_port: int | None = None) -> None:
        """``tls_port``: also listen on 127.0.0.1 at that port, TLS on, with the
        certificate ``server.crt`` / ``server.key`` put in ``root`` before ``start``."""
        self.tls_port = tls_port
        self.port = tls_port or 5432
        self.bindir = find_bindir()
        assert self.bindir is not None, missing_reason()
        self.root = root
        self.owns_root = os.geteuid() == 0
        self.data = root / "data"
        self.socket_dir = root
        self.runas = "postgres" if os.geteuid() == 0 else None
        self._names = itertools.count(1)
        self._admin: psycopg.Connection | None = None

    # --- life cycle ----------------------------------------------------------------

    def _cmd(self, program: str, *args: str) -> list[str]:
        cmd = [str(self.bindir / program), *args]
        return ["runuser", "-u", self.runas, "--", *cmd] if self.runas else cmd

    def _run(self, program: str, *args: str) -> None:
        out = subprocess.run(self._cmd(program, *args), capture_output=True, text=True)
        if out.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed: {out.stderr or out.stdout}\n{tail}")

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.runas:
            pw = pwd.getpwnam(self.runas)
            for path in (self.root, *self.root.glob("server.*")):
                os.chown(path, pw.pw_uid, pw.pw_gid)
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORDS[SUPERUSER] + "\n")
        if self.runas:
            pw = pwd.getpwnam(self.runas)
            os.chown(pwfile, pw.pw_uid, pw.pw_gid)
        self._run(
            "initdb",
            "-D", str(self.data),
            "-U", SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )  # fmt: skip
        pwfile.unlink()
        self.launch()
        with self.admin().cursor() as cur:
            for role in (OWNER, APP):
                cur.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                        sql.Identifier(role), sql.Literal(PASSWORDS[role])
                    )
                )

    def launch(self) -> None:
        """Start the server on the initdb'd folder (again, after ``halt``)."""
        tls = [
            "-c listen_addresses=127.0.0.1",
            "-c ssl=on",
            f"-c ssl_cert_file='{self.root / 'server.crt'}'",
            f"-c ssl_key_file='{self.root / 'server.key'}'",
        ]
        options = " ".join(
            [
                *(tls if self.tls_port else ["-c listen_addresses=''"]),
                f"-c port={self.port}",
                f"-c unix_socket_directories='{self.socket_dir}'",
                "-c max_connections=60",
                *(f"-c {s}" for s in FAST_SETTINGS),
            ]
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def halt(self) -> None:
        """Shut the server down (a crash-like immediate stop), keeping its data."""
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            if self.owns_root:
                shutil.rmtree(self.root, ignore_errors=True)

    def is_running(self) -> bool:
        out = subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "status"), capture_output=True
        )
        return out.returncode == 0

    # --- connections -----------------------------------------------------------------

    def url(self, database: str, user: str = APP, password: str | None = None) -> str:
        """A SQLAlchemy URL (as the user types it for --db) reaching the server's socket."""
        return URL.create(
            "postgresql+psycopg",
            username=user,
            password=PASSWORDS[user] if password is None else password,
            database=database,
            port=self.port,
            query={"host": str(self.socket_dir)},
        ).render_as_string(hide_password=False)

    def connect(self, database: str = "postgres", user: str = SUPERUSER) -> psycopg.Connection:
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            dbname=database,
            user=user,
            password=PASSWORDS[user],
            autocommit=True,
        )

    def admin(self) -> psycopg.Connection:
        """The superuser's connection to the maintenance database (autocommit)."""
        if self._admin is None or self._admin.closed or self._admin.broken:
            self._admin = self.connect()
        return self._admin

    # --- databases -------------------------------------------------------------------

    def client(self, program: str, *args: str, user: str = OWNER) -> subprocess.CompletedProcess:
        """A client tool (pg_dump, pg_restore ...) run as the caller, against the socket."""
        env = {**os.environ, "PGHOST": str(self.socket_dir), "PGUSER": user}
        env["PGPORT"] = str(self.port)
        env["PGPASSWORD"] = PASSWORDS[user]
        return subprocess.run(
            [str(self.bindir / program), *args], env=env, capture_output=True, text=True
        )

    def new_name(self, prefix: str = "t") -> str:
        return f"{prefix}{os.getpid()}_{next(self._names)}"

    def create_database(self, name: str, template: str | None = None) -> str:
        stmt = sql.SQL("CREATE DATABASE {} OWNER {}").format(
            sql.Identifier(name), sql.Identifier(OWNER)
        )
        if template:
            # FILE_COPY: a plain folder copy, much faster than WAL_LOG for small databases.
            stmt += sql.SQL(" TEMPLATE {} STRATEGY FILE_COPY").format(sql.Identifier(template))
        self.admin().execute(stmt)
        return name

    def drop_database(self, name: str) -> None:
        self.admin().execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def every_row(db) -> dict[str, list[tuple]]:
    """Every row of every table of the app, in key order; timestamps as UTC instants (SQLite
    keeps them without their zone), so two back-ends' contents compare equal."""
    from nclm_desktop.models import Base

    def plain(value):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value

    with db.engine.connect() as conn:
        return {
            t.name: [
                tuple(plain(v) for v in row)
                for row in conn.execute(sa.select(t).order_by(*t.primary_key.columns))
            ]
            for t in Base.metadata.sorted_tables
        }

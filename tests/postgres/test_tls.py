"""TLS across the hospital network, as the README sets it up: with sslmode=verify-full the
app talks to the server encrypted, and refuses a server it cannot verify in one sentence."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pgcluster
import pytest
from sqlalchemy.engine import URL

from nclm_desktop.models.db import DatabaseError, open_database

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _make_ca(folder: Path, name: str) -> None:
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2",
             "-subj", f"/CN={name}", cwd=folder)  # fmt: skip


def _server_certificate(folder: Path) -> None:
    """A certificate for the host name "localhost", signed by the test hospital CA."""
    _make_ca(folder, "hospital-ca")
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost\n")
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", cwd=folder)  # fmt: skip
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "hospital-ca.pem",
             "-CAkey", "hospital-ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "2",
             "-extfile", "san.ext", cwd=folder)  # fmt: skip
    (folder / "server.key").chmod(0o600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def tls_cluster(pg_cluster, tmp_path_factory):
    """A second server listening on loopback with TLS on (pg_cluster: skip without binaries)."""
    certs = tmp_path_factory.mktemp("certs")
    root = pgcluster.cluster_folder(tmp_path_factory.mktemp("tls"))
    root.mkdir(parents=True, exist_ok=True)
    _server_certificate(root)
    _make_ca(certs, "other-ca")
    shutil.copy(root / "hospital-ca.pem", certs / "hospital-ca.pem")
    cluster = pgcluster.PgCluster(root, tls_port=_free_port())
    cluster.start()
    name = cluster.create_database("nclm")
    try:
        yield cluster, name, certs
    finally:
        cluster.stop()


def _tcp_url(cluster, database: str, host: str, ca: Path) -> str:
    return URL.create(
        "postgresql+psycopg",
        username=pgcluster.OWNER,
        password=pgcluster.PASSWORDS[pgcluster.OWNER],
        host=host,
        port=cluster.port,
        database=database,
        query={"sslmode": "verify-full", "sslrootcert": str(ca)},
    ).render_as_string(hide_password=False)


def test_verify_full_connects_encrypted(tls_cluster):
    cluster, name, certs = tls_cluster
    db = open_database(_tcp_url(cluster, name, "localhost", certs / "hospital-ca.pem"))
    try:
        with db.engine.connect() as conn:
            ssl = conn.exec_driver_sql(
                "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
            ).one()
        assert ssl[0] is True and ssl[1].startswith("TLS")
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("host", "ca", "why"),
    [
        ("localhost", "other-ca.pem", "certificate verify failed"),
        ("127.0.0.1", "hospital-ca.pem", "does not match host name"),
    ],
)
def test_verify_full_refuses_a_server_it_cannot_verify(tls_cluster, host, ca, why):
    cluster, name, certs = tls_cluster
    with pytest.raises(DatabaseError, match="Cannot reach the database server") as caught:
        open_database(_tcp_url(cluster, name, host, certs / ca))
    assert why in str(caught.value)

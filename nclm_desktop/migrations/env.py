"""Alembic environment: runs in-process on the connection the app hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from nclm_desktop.models import Base

# Development autogenerate may pass a subset of the tables.
target_metadata = context.config.attributes.get("target_metadata", Base.metadata)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # `alembic` command line during development: -x url=sqlite:///path
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("pass -x url=sqlite:///path/to.db")
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()

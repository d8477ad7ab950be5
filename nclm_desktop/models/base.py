"""Declarative base with a naming convention and the project's type map."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        str: String(),
        dt.datetime: DateTime(timezone=True),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }

    # Audit settings read by the session hook (models/audit_hook.py).
    __audited__: bool = False
    # Fields that change as part of a normal workflow and so need no reason on update.
    __audit_workflow_fields__: frozenset[str] = frozenset()
    # Bookkeeping fields whose changes are not audited (the event itself is, e.g. a login).
    __audit_ignored_fields__: frozenset[str] = frozenset()
    # Fields never written to the audit trail in clear (e.g. password hashes).
    __audit_redacted_fields__: frozenset[str] = frozenset()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)

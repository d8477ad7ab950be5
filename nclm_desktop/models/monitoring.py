"""Monitoring: data queries on one field of one record and source-data verification marks
(docs/ARCHITECTURE.md §3, §11). Signatures live in ``followup.Signature``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class DataQuery(Base):
    """A question on one value: open -> answered -> closed (re-open allowed)."""

    __tablename__ = "data_query"
    __audited__ = True
    # The whole life of a query is its workflow: no reason is asked for its steps.
    __audit_workflow_fields__ = frozenset(
        {
            "state",
            "answer",
            "answered_by",
            "answered_utc",
            "closed_by",
            "closed_utc",
        }
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    form: Mapped[str] = mapped_column(String(40))  # forms/catalogue.py name
    record_id: Mapped[str] = mapped_column(String(64))  # the record's primary key
    field: Mapped[str] = mapped_column(String(64))  # the form's variable name
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="open", index=True)
    raised_by: Mapped[str] = mapped_column(String(64))
    raised_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(64))
    answered_utc: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_utc: Mapped[dt.datetime | None]


class SdvMark(Base):
    """A monitor verified one form instance against the source; it stands only while the
    record's dictionary fields still hash to ``record_hash``."""

    __tablename__ = "sdv_mark"
    __audited__ = True
    __audit_workflow_fields__ = frozenset({"verified_by", "verified_utc", "record_hash"})
    __table_args__ = (UniqueConstraint("form", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    form: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    verified_by: Mapped[str] = mapped_column(String(64))
    verified_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)
    record_hash: Mapped[str] = mapped_column(String(64))

"""Follow-up visits, clinical events and signatures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Visit(Base):
    __tablename__ = "visit"
    __audited__ = True
    # Planning and status changes are the normal workflow; changing recorded findings
    # (actual date, ECOG, ...) after entry needs a reason.
    __audit_workflow_fields__ = frozenset(
        {
            "status",
            "scheduled_date",
            "target_date",
            "window_start",
            "window_end",
            "deviation",
            "deviation_reason",
        }
    )
    __table_args__ = (
        UniqueConstraint("participant_id", "code"),
        Index("ix_visit_status_scheduled", "status", "scheduled_date"),
        # The calendar shows done visits on the day they were done.
        Index("ix_visit_status_actual", "status", "actual_date"),
        # The overdue worklist: open visits whose window has closed.
        Index("ix_visit_status_window_end", "status", "window_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(8))
    month: Mapped[int]
    target_date: Mapped[dt.date]
    window_start: Mapped[dt.date]
    window_end: Mapped[dt.date]
    scheduled_date: Mapped[dt.date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    actual_date: Mapped[dt.date | None]
    assessments_planned: Mapped[list[Any]] = mapped_column(default=list)
    assessments_done: Mapped[list[Any] | None]
    ecog: Mapped[int | None]
    ebv_dna_copies_ml: Mapped[float | None]
    liver_imaging_result: Mapped[str | None] = mapped_column(String(30))
    deviation: Mapped[bool] = mapped_column(default=False)
    deviation_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class ClinicalEvent(Base):
    __tablename__ = "clinical_event"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    event_date: Mapped[dt.date]
    site: Mapped[str | None] = mapped_column(String(200))
    cause: Mapped[str | None] = mapped_column(String(200))
    confirmed_by: Mapped[str | None] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(Text)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))
    complication_id: Mapped[int | None] = mapped_column(
        ForeignKey("complication.id", ondelete="SET NULL")
    )


class Signature(Base):
    __tablename__ = "signature"
    __audited__ = True
    __audit_workflow_fields__ = frozenset({"revoked_utc", "revoke_reason"})

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    signer_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    meaning: Mapped[str] = mapped_column(String(20))
    signed_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The manifestation of 21 CFR 11.50: printed name, the meaning in words, the signer's
    # UTC offset at signing, and the SHA-256 of the signed data (a later change shows).
    printed_name: Mapped[str | None] = mapped_column(String(200))
    meaning_text: Mapped[str | None] = mapped_column(String(200))
    utc_offset: Mapped[str | None] = mapped_column(String(6))
    data_hash: Mapped[str | None] = mapped_column(String(64))
    revoked_utc: Mapped[dt.datetime | None]
    revoke_reason: Mapped[str | None] = mapped_column(Text)

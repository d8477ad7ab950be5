"""Operations, surgeons, complications and reoperations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Operation(Base):
    __tablename__ = "operation"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    operation_date: Mapped[dt.date] = mapped_column(index=True)
    approach: Mapped[str] = mapped_column(String(20))
    segments: Mapped[list[Any]]
    anatomical: Mapped[bool]
    resection_name: Mapped[str] = mapped_column(String(200))
    major: Mapped[bool]
    duration_min: Mapped[int | None]
    blood_loss_ml: Mapped[int | None]
    transfusion_units: Mapped[float | None]
    pringle_count: Mapped[int | None]
    pringle_total_min: Mapped[int | None]
    lesions_resected: Mapped[int | None]
    largest_lesion_mm: Mapped[float | None]
    margin_mm: Mapped[float | None]
    r_status: Mapped[str | None] = mapped_column(String(2))
    pathology_confirms_npc: Mapped[bool | None]
    periop_radiotherapy: Mapped[bool | None]
    periop_chemotherapy: Mapped[bool | None]
    discharge_date: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)


class OperationSurgeon(Base):
    __tablename__ = "operation_surgeon"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    role: Mapped[str] = mapped_column(String(20), default="surgeon")


class Complication(Base):
    __tablename__ = "complication"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    onset_date: Mapped[dt.date]
    category: Mapped[str] = mapped_column(String(40))
    other_text: Mapped[str | None] = mapped_column(String(200))
    clavien_dindo: Mapped[str] = mapped_column(String(4))
    # The grade proposed from the treatment, and why the surgeon chose otherwise.
    clavien_dindo_proposed: Mapped[str | None] = mapped_column(String(4))
    grade_override_reason: Mapped[str | None] = mapped_column(Text)
    suffix_d: Mapped[bool] = mapped_column(default=False)
    isgls_grade: Mapped[str | None] = mapped_column(String(1))
    treatment: Mapped[dict[str, Any] | None]
    treatment_text: Mapped[str | None] = mapped_column(Text)
    resolved_date: Mapped[dt.date | None]


class Reoperation(Base):
    __tablename__ = "reoperation"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    reoperation_date: Mapped[dt.date]
    planned: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text)

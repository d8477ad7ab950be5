"""Participants, their identity (kept apart from study data) and study-ID counters."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

COHORTS = ("hepatectomy", "systemic")
STATUSES = ("screening", "screen_failed", "enrolled", "withdrawn", "completed", "deceased")
STUDY_ID_PREFIX = {"hepatectomy": "NCLM-H-", "systemic": "NCLM-S-"}


class Participant(Base):
    __tablename__ = "participant"
    __audited__ = True
    __audit_workflow_fields__ = frozenset({"status", "locked"})
    __table_args__ = (
        CheckConstraint("cohort IS NULL OR cohort IN ('hepatectomy','systemic')", name="cohort"),
        CheckConstraint(
            "status IN ('screening','screen_failed','enrolled','withdrawn','completed','deceased')",
            name="status",
        ),
        CheckConstraint("sex IS NULL OR sex IN ('M','F')", name="sex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    study_id: Mapped[str | None] = mapped_column(String(20), unique=True)
    cohort: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="screening", index=True)
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[dt.date | None]
    enrolment_date: Mapped[dt.date | None]
    consent_date: Mapped[dt.date | None]
    # Hepatectomy: date of the liver resection; systemic-only: start of systemic treatment
    # for the liver metastases. Anchor of the follow-up schedule and of the endpoints.
    index_date: Mapped[dt.date | None]
    locked: Mapped[bool] = mapped_column(default=False)
    created_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)

    identity: Mapped[ParticipantIdentity | None] = relationship(
        back_populates="participant", uselist=False, cascade="all, delete-orphan"
    )

    @property
    def participant_id(self) -> int:
        return self.id


class ParticipantIdentity(Base):
    """Directly identifying data: never in de-identified exports or calendars."""

    __tablename__ = "participant_identity"
    __audited__ = True

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200))
    hospital_record_number: Mapped[str] = mapped_column(String(40), unique=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(400))

    participant: Mapped[Participant] = relationship(back_populates="identity")


class StudyIdCounter(Base):
    """Last number handed out per cohort; incremented inside the enrolling transaction."""

    __tablename__ = "study_id_counter"

    cohort: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)

"""Screening, baseline disease and systemic treatment lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Screening(Base):
    __tablename__ = "screening"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    screening_date: Mapped[dt.date] = mapped_column(index=True)
    screener_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    age_at_screening: Mapped[int | None]
    ecog: Mapped[int | None]
    nclm_confirmed: Mapped[bool | None]
    metastatic_sites: Mapped[list[Any] | None]
    primary_recurrence: Mapped[bool | None]
    liver_oligometastasis: Mapped[bool | None]
    response_outside_liver: Mapped[str | None] = mapped_column(String(20))
    progression_after_systemic: Mapped[bool | None]
    r0_resectable: Mapped[bool | None]
    # Laboratory values are stored as typed, with their unit; canonical values beside them.
    bilirubin_value: Mapped[float | None]
    bilirubin_unit: Mapped[str | None] = mapped_column(String(10))
    albumin_value: Mapped[float | None]
    albumin_unit: Mapped[str | None] = mapped_column(String(10))
    bilirubin_umol_l: Mapped[float | None]
    albumin_g_l: Mapped[float | None]
    inr: Mapped[float | None]
    ascites: Mapped[str | None] = mapped_column(String(20))
    encephalopathy: Mapped[str | None] = mapped_column(String(20))
    child_pugh_points: Mapped[int | None]
    child_pugh_grade: Mapped[str | None] = mapped_column(String(1))
    albi_score: Mapped[float | None]
    albi_grade: Mapped[int | None]
    future_liver_remnant_pct: Mapped[float | None]
    prior_local_liver_therapy: Mapped[bool | None]
    surgical_contraindication: Mapped[bool | None]
    expected_survival_ge_6_months: Mapped[bool | None]
    pregnant_or_lactating: Mapped[bool | None]
    other_malignancy: Mapped[bool | None]
    severe_mental_illness: Mapped[bool | None]
    understands_study: Mapped[bool | None]
    consent_signed: Mapped[bool | None]
    verdict: Mapped[str] = mapped_column(String(20), index=True)
    disease_pattern: Mapped[int | None]
    # [{"id", "status", "reason"}] as evaluated when saved.
    criteria: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    created_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BaselineDisease(Base):
    __tablename__ = "baseline_disease"
    __audited__ = True

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    npc_diagnosis_date: Mapped[dt.date | None]
    who_histology: Mapped[str | None] = mapped_column(String(40))
    t_stage: Mapped[str | None] = mapped_column(String(4))
    n_stage: Mapped[str | None] = mapped_column(String(4))
    ebv_dna_copies_ml: Mapped[float | None]
    ebv_dna_date: Mapped[dt.date | None]
    liver_met_count: Mapped[int | None]
    liver_met_largest_mm: Mapped[float | None]
    liver_met_segments: Mapped[list[Any] | None]
    liver_met_timing: Mapped[str | None] = mapped_column(String(20))
    metachronous_interval_months: Mapped[float | None]
    bone_metastases: Mapped[bool | None]
    primary_recurrence: Mapped[bool | None]


class SystemicTreatment(Base):
    __tablename__ = "systemic_treatment"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    line: Mapped[int]
    regimen: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    best_response: Mapped[str | None] = mapped_column(String(20))
    # True for the treatment of the liver metastases that defines a systemic-only index date.
    for_liver_metastases: Mapped[bool] = mapped_column(default=False)


class WizardDraft(Base):
    """What a user has typed into a wizard and not yet saved (survives crash and lock)."""

    __tablename__ = "wizard_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[dict[str, Any]]
    updated_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)

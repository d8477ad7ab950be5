"""What every report shares: its footer facts, the patient header, the inputs. (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...clinical import (
    age_in_years,
    load_protocol,
)
from ...forms import QT_TRANSLATE_NOOP
from ...forms.languages import LANGUAGES
from ...models import (
    Participant,
)
from ..audit_anchor import head_label
from ..errors import NotFound, ValidationError
from ..permissions import Actor, Permission

ENROLLED_STATUSES = ("enrolled", "withdrawn", "completed", "deceased")
MONTH_GRID_MAX_MONTHS = 12


# --- shared -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportMeta:
    study_title: str
    study_title_zh: str
    registration: str
    generated_at: dt.datetime
    generated_by: str
    identified: bool  # names/phones are printed: the page says it is confidential
    # The audit chain's head when the report was made (services/audit_anchor.py): printed in
    # the footer, so a paper copy anchors the trail too.
    audit_head: str = ""


def _meta(actor: Actor, now: dt.datetime | None, s: Session | None = None) -> ReportMeta:
    study = load_protocol().study
    when = now or dt.datetime.now().astimezone()
    who = actor.display_name or actor.username
    by = who if who == actor.username else f"{who} ({actor.username})"
    return ReportMeta(
        study_title=study.title_en,
        study_title_zh=study.title_zh,
        registration=study.registration,
        generated_at=when,
        generated_by=by,
        identified=actor.can(Permission.VIEW_IDENTITY),
        audit_head=head_label(s.connection()) if s is not None else "",
    )


def _participant(s: Session, study_id: str) -> Participant:
    wanted = (study_id or "").strip()
    if not wanted:
        raise ValidationError(
            "study_id",
            QT_TRANSLATE_NOOP("Refusals", "Enter the participant's study ID (e.g. NCLM-H-001)."),
            params={},
        )
    p = s.scalar(select(Participant).where(Participant.study_id == wanted))
    if p is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Refusals", "No participant with study ID {study_id}."),
            params={"study_id": repr(wanted)},
        )
    return p


def _check_range(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise ValidationError(
            "date_to",
            QT_TRANSLATE_NOOP("Refusals", "The end date {end} is before the start date {start}."),
            params={"end": str(date_to), "start": str(date_from)},
        )


def check_language(lang: str) -> None:
    """A report's language is one the application knows."""
    if lang not in LANGUAGES:
        raise ValidationError(
            "lang",
            QT_TRANSLATE_NOOP("Refusals", "The language must be one of {languages}."),
            params={"languages": ", ".join(LANGUAGES)},
        )


@dataclass(frozen=True)
class PatientHeader:
    study_id: str
    cohort: str
    status: str
    sex: str
    # None for readers who may not see identity (birth date plus sex identify): the year only.
    birth_date: dt.date | None
    birth_year: int | None
    age_years: int | None  # on the date the report is about (the operation date)
    index_date: dt.date | None
    name: str | None  # None: the reader may not see identities
    hospital_record_number: str | None
    phone: str | None


def _header(p: Participant, on: dt.date | None, show_identity: bool) -> PatientHeader:
    ident = p.identity if show_identity else None
    age = age_in_years(p.birth_date, on) if p.birth_date and on else None
    return PatientHeader(
        study_id=p.study_id or f"#{p.id}",
        cohort=p.cohort or "",
        status=p.status,
        sex=p.sex or "",
        birth_date=p.birth_date if show_identity else None,
        birth_year=p.birth_date.year if p.birth_date else None,
        age_years=age,
        index_date=p.index_date,
        name=ident.name if ident else None,
        hospital_record_number=ident.hospital_record_number if ident else None,
        phone=ident.phone if ident else None,
    )

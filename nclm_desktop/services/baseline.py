"""Baseline disease data (docs/ARCHITECTURE.md §8), captured by the screening wizard and edited later.

``write_baseline`` runs inside a caller's writing session (screening, enrolment);
``save_baseline`` is the stand-alone edit (a reason is needed once values exist) and
``get_baseline`` reads it back as a plain dataclass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..forms import QT_TRANSLATE_NOOP
from ..forms.catalogue import form
from ..models import BaselineDisease, Participant
from ..models.audit_hook import ReasonRequired
from ..models.db import Database
from . import date_order
from .date_order import not_before
from .errors import NO_PARTICIPANT, NotFound, ValidationError
from .permissions import Actor, Permission
from .uow import reading, writing

if TYPE_CHECKING:
    from .screening import ScreeningData

FORM = form("baseline_disease")
# The codes, for callers that list them (the definitions in forms/crf/baseline.py hold them).
HISTOLOGY_CHOICES = FORM["who_histology"].codes()
T_STAGES = FORM["t_stage"].codes()
N_STAGES = FORM["n_stage"].codes()
LIVER_MET_TIMINGS = FORM["liver_met_timing"].codes()
SEGMENTS = FORM["liver_met_segments"].codes()


# The baseline's values by field name (docs/ARCHITECTURE.md §11). bone_metastases and
# primary_recurrence left None are taken from the screening when it is written with it.
BaselineInput = FORM.record_class("BaselineInput")
BaselineView = BaselineInput
FIELDS = tuple(f.name for f in fields(BaselineInput))


def check_baseline(b: BaselineInput, birth_date: dt.date | None, today: dt.date) -> None:
    """Each value through its field; dates follow the birth date; a synchronous metastasis
    has no interval."""
    FORM.clean(asdict(b), today=today)
    for name in ("npc_diagnosis_date", "ebv_dna_date"):
        not_before(FORM[name], getattr(b, name), date_order.BIRTH, birth_date)
    if b.liver_met_timing == "synchronous" and b.metachronous_interval_months:
        raise ValidationError(
            "metachronous_interval_months",
            QT_TRANSLATE_NOOP("Refusals", "Synchronous liver metastases have no interval."),
            params={},
        )


def write_baseline(
    session: Session,
    participant: Participant,
    baseline: BaselineInput,
    *,
    screening: ScreeningData | None = None,
    today: dt.date,
) -> BaselineDisease:
    """Insert or update the participant's baseline row in the caller's session."""
    check_baseline(baseline, participant.birth_date, today)
    values = asdict(baseline)
    if values["liver_met_segments"] is not None:
        values["liver_met_segments"] = sorted(values["liver_met_segments"])
    if screening is not None:
        if values["bone_metastases"] is None and screening.metastatic_sites is not None:
            values["bone_metastases"] = "bone" in screening.metastatic_sites
        if values["primary_recurrence"] is None:
            values["primary_recurrence"] = screening.primary_recurrence
    row = session.get(BaselineDisease, participant.id)
    if row is None:
        row = BaselineDisease(participant_id=participant.id)
        session.add(row)
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()
    return row


def save_baseline(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    baseline: BaselineInput,
    *,
    reason: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Record or correct the baseline; changing an entered value needs ``reason``."""
    today = today or dt.date.today()
    try:
        with writing(db, actor, Permission.SCREEN_ENROL, reason=reason) as session:
            participant = session.get(Participant, participant_id)
            if participant is None:
                raise NotFound(NO_PARTICIPANT, params={"id": participant_id})
            write_baseline(session, participant, baseline, today=today)
    except ReasonRequired as exc:  # the audit hook's own words name a column: said plainly
        raise ValidationError(
            "reason",
            QT_TRANSLATE_NOOP("Refusals", "Changing a recorded value needs a reason."),
            params={},
        ) from exc


def get_baseline(db: Database, actor: Actor | None, participant_id: int) -> BaselineView | None:
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as session:
        row = session.get(BaselineDisease, participant_id)
        if row is None:
            return None
        values = {name: getattr(row, name) for name in FIELDS}
        if values["liver_met_segments"] is not None:
            values["liver_met_segments"] = frozenset(values["liver_met_segments"])
        return BaselineInput(**values)

"""Dates that depend on each other across a participant's record.

After any date is entered or corrected, ``check_record_dates`` re-reads the whole record in
the same transaction and refuses the write if a dependent record no longer fits: operations
on or after enrolment, each complication, reoperation and discharge on or after its
operation, every follow-up event and completed visit on or after the index date, and nothing
after a recorded death. The study analysis relies on exactly these; one participant breaking
them would otherwise stop it for everyone.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ClinicalEvent, Complication, Operation, Participant, Reoperation, Visit
from .errors import ValidationError


def _d(value: dt.date) -> str:
    return value.isoformat()


def record_date_conflict(s: Session, participant_id: int) -> str | None:
    """The first inconsistency between the participant's dated records, or None."""
    s.flush()
    p = s.get(Participant, participant_id)
    ops = s.execute(
        select(Operation.id, Operation.operation_date, Operation.discharge_date).where(
            Operation.participant_id == participant_id
        )
    ).all()
    op_dates = {op_id: when for op_id, when, _ in ops}
    ids = list(op_dates)
    comps = s.execute(
        select(Complication.operation_id, Complication.onset_date, Complication.category).where(
            Complication.operation_id.in_(ids)
        )
    ).all()
    reops = s.execute(
        select(Reoperation.operation_id, Reoperation.reoperation_date).where(
            Reoperation.operation_id.in_(ids)
        )
    ).all()
    events = s.execute(
        select(ClinicalEvent.kind, ClinicalEvent.event_date).where(
            ClinicalEvent.participant_id == participant_id
        )
    ).all()
    visits = s.execute(
        select(Visit.code, Visit.actual_date).where(
            Visit.participant_id == participant_id,
            Visit.status == "done",
            Visit.actual_date.is_not(None),
        )
    ).all()

    for op_id, onset, category in comps:
        if onset < op_dates[op_id]:
            return (
                f"the complication ({category.replace('_', ' ')}) with onset on {_d(onset)} "
                f"would be before its operation ({_d(op_dates[op_id])})"
            )
    for op_id, when in reops:
        if when < op_dates[op_id]:
            return f"the reoperation on {_d(when)} would be before its operation ({_d(op_dates[op_id])})"
    enrolled = p.enrolment_date if p is not None else None
    for _, when, discharge in ops:
        if enrolled is not None and when < enrolled:
            return f"the operation on {_d(when)} would be before the enrolment ({_d(enrolled)})"
        if discharge is not None and discharge < when:
            return f"the discharge ({_d(discharge)}) would be before the operation ({_d(when)})"

    index = p.index_date if p is not None else None
    if index is not None:
        for kind, when in events:
            if when < index:
                return (
                    f"the {kind.replace('_', ' ')} recorded on {_d(when)} would be before "
                    f"the index date ({_d(index)})"
                )
        for code, when in visits:
            if when < index:
                return f"visit {code}, done on {_d(when)}, would be before the index date ({_d(index)})"

    deaths = [when for kind, when in events if kind == "death"]
    if deaths:
        death = min(deaths)
        later: list[tuple[str, dt.date]] = [
            *((f"operation on {_d(when)}", when) for _, when, _ in ops),
            *((f"discharge on {_d(d)}", d) for _, _, d in ops if d is not None),
            *(
                (f"complication ({c.replace('_', ' ')}) with onset on {_d(o)}", o)
                for _, o, c in comps
            ),
            *((f"reoperation on {_d(when)}", when) for _, when in reops),
            *((f"visit {code} done on {_d(when)}", when) for code, when in visits),
            *(
                (f"{kind.replace('_', ' ')} recorded on {_d(when)}", when)
                for kind, when in events
                if kind != "death"
            ),
        ]
        for what, when in later:
            if when > death:
                return f"the recorded death ({_d(death)}) would be before the {what}"
    return None


def check_record_dates(s: Session, participant_id: int, field: str, label: str) -> None:
    """Refuse the pending write (``field`` names the date entered) if the record no longer
    fits together."""
    conflict = record_date_conflict(s, participant_id)
    if conflict:
        raise ValidationError(field, f"This {label} cannot be stored: {conflict}.")

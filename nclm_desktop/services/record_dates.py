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

from ..forms import QT_TRANSLATE_NOOP, Term
from ..forms.catalogue import form
from ..forms.errors import Said, said
from ..models import ClinicalEvent, Complication, Operation, Participant, Reoperation, Visit
from .errors import ValidationError

# The date a write entered, as check_record_dates' message names it (marked: translated).
INDEX_DATE = QT_TRANSLATE_NOOP("Refusals", "index date")
DEATH_DATE = QT_TRANSLATE_NOOP("Refusals", "date of death")
ONSET_DATE = QT_TRANSLATE_NOOP("Refusals", "onset date")
OPERATION_DATE = QT_TRANSLATE_NOOP("Refusals", "operation date")
DISCHARGE_DATE = QT_TRANSLATE_NOOP("Refusals", "discharge date")
VISIT_DATE = QT_TRANSLATE_NOOP("Refusals", "visit date")
REOPERATION_DATE = QT_TRANSLATE_NOOP("Refusals", "reoperation date")


def _d(value: dt.date) -> str:
    return value.isoformat()


# Event kinds as a sentence names them (the dictionary's labels are capitalised).
_EVENT_NAMES = {
    "intrahepatic_recurrence": QT_TRANSLATE_NOOP("Refusals", "intrahepatic recurrence"),
    "extrahepatic_recurrence": QT_TRANSLATE_NOOP("Refusals", "extrahepatic recurrence"),
    "local_regional_recurrence": QT_TRANSLATE_NOOP("Refusals", "local/regional recurrence"),
    "death": QT_TRANSLATE_NOOP("Refusals", "death"),
    "last_contact_alive": QT_TRANSLATE_NOOP("Refusals", "last contact alive"),
    "withdrawal": QT_TRANSLATE_NOOP("Refusals", "withdrawal"),
    "lost_to_follow_up": QT_TRANSLATE_NOOP("Refusals", "lost to follow-up"),
}


def _event(kind: str) -> Term:
    return Term(_EVENT_NAMES.get(kind, kind.replace("_", " ")), "Refusals")


def _category(category: str) -> Term:
    return Term(form("complication")["category"].choice_label(category))


# What the recorded death would precede (put into the last message below).
_OPERATION_ON = QT_TRANSLATE_NOOP("Refusals", "operation on {date}")
_DISCHARGE_ON = QT_TRANSLATE_NOOP("Refusals", "discharge on {date}")
_REOPERATION_ON = QT_TRANSLATE_NOOP("Refusals", "reoperation on {date}")
_COMPLICATION_ON = QT_TRANSLATE_NOOP("Refusals", "complication ({category}) with onset on {date}")
_VISIT_ON = QT_TRANSLATE_NOOP("Refusals", "visit {code} done on {date}")
_EVENT_ON = QT_TRANSLATE_NOOP("Refusals", "{event} recorded on {date}")


def _dated(template: str, when: dt.date) -> Said:
    return said(template, date=_d(when))


def record_date_conflict(s: Session, participant_id: int) -> Said | None:
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
            return said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "the complication ({category}) with onset on {onset} would be before its "
                    "operation ({operation})",
                ),
                category=_category(category),
                onset=_d(onset),
                operation=_d(op_dates[op_id]),
            )
    for op_id, when in reops:
        if when < op_dates[op_id]:
            return said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "the reoperation on {date} would be before its operation ({operation})",
                ),
                date=_d(when),
                operation=_d(op_dates[op_id]),
            )
    enrolled = p.enrolment_date if p is not None else None
    for _, when, discharge in ops:
        if enrolled is not None and when < enrolled:
            return said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "the operation on {date} would be before the enrolment ({enrolment})",
                ),
                date=_d(when),
                enrolment=_d(enrolled),
            )
        if discharge is not None and discharge < when:
            return said(
                QT_TRANSLATE_NOOP(
                    "Refusals", "the discharge ({discharge}) would be before the operation ({date})"
                ),
                discharge=_d(discharge),
                date=_d(when),
            )

    index = p.index_date if p is not None else None
    if index is not None:
        for kind, when in events:
            if when < index:
                return said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "the {event} recorded on {date} would be before the index date ({index})",
                    ),
                    event=_event(kind),
                    date=_d(when),
                    index=_d(index),
                )
        for code, when in visits:
            if when < index:
                return said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "visit {code}, done on {date}, would be before the index date ({index})",
                    ),
                    code=code,
                    date=_d(when),
                    index=_d(index),
                )

    deaths = [when for kind, when in events if kind == "death"]
    if deaths:
        death = min(deaths)
        later: list[tuple[Said, dt.date]] = [
            *((_dated(_OPERATION_ON, when), when) for _, when, _ in ops),
            *((_dated(_DISCHARGE_ON, d), d) for _, _, d in ops if d is not None),
            *((said(_COMPLICATION_ON, category=_category(c), date=_d(o)), o) for _, o, c in comps),
            *((_dated(_REOPERATION_ON, when), when) for _, when in reops),
            *((said(_VISIT_ON, code=code, date=_d(when)), when) for code, when in visits),
            *(
                (said(_EVENT_ON, event=_event(kind), date=_d(when)), when)
                for kind, when in events
                if kind != "death"
            ),
        ]
        for what, when in later:
            if when > death:
                return said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "the recorded death ({death}) would be before the {what}"
                    ),
                    death=_d(death),
                    what=what,
                )
    return None


def check_record_dates(s: Session, participant_id: int, field: str, label: str) -> None:
    """Refuse the pending write (``field`` names the date entered, ``label`` is one of the
    marked names above or a ``said`` phrase) if the record no longer fits together."""
    conflict = record_date_conflict(s, participant_id)
    if conflict:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Refusals", "This {label} cannot be stored: {conflict}."),
            params={
                "label": label if isinstance(label, Said) else Term(label, "Refusals"),
                "conflict": conflict,
            },
        )


def event_date_label(kind: str) -> Said:
    """The date of a clinical event as check_record_dates names it ("death date")."""

    return said(QT_TRANSLATE_NOOP("Refusals", "{event} date"), event=_event(kind))

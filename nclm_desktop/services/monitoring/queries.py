"""Data queries: a question on one field of one record (docs/ARCHITECTURE.md §3, §11).

open -> answered -> closed; a closed or answered query may be re-opened. A monitor or the
investigator raises; the site (investigator, surgeon, coordinator) answers; the raiser or
the investigator closes and re-opens. Every step is an audited write.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...forms import QT_TRANSLATE_NOOP, Term
from ...forms.errors import said
from ...models import AuditEvent, DataQuery, Participant
from ...models.db import Database
from ..errors import NotFound, ValidationError
from ..permissions import Actor, Permission
from ..uow import reading, writing
from .records import form_of, load_record
from .roles import RAISERS, SITE, require_role

STATES = ("open", "answered", "closed")
# The states as a message puts them in (marked, so that they are shown translated).
STATE_WORDS = (
    QT_TRANSLATE_NOOP("Refusals", "open"),
    QT_TRANSLATE_NOOP("Refusals", "answered"),
    QT_TRANSLATE_NOOP("Refusals", "closed"),
)


@dataclass(frozen=True)
class QueryRow:
    id: int
    study_id: str | None
    participant_id: int
    form: str
    record_id: str
    field: str
    text: str
    state: str
    raised_by: str
    raised_utc: dt.datetime
    answer: str | None
    answered_by: str | None
    answered_utc: dt.datetime | None
    closed_by: str | None
    closed_utc: dt.datetime | None


ENTER = {
    "text": QT_TRANSLATE_NOOP("Refusals", "Please enter the question."),
    "answer": QT_TRANSLATE_NOOP("Refusals", "Please enter the answer."),
}


def _text(value: str, name: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(name, ENTER[name], params={})
    return value


def raise_query(
    db: Database, actor: Actor | None, form: str, record_id: str, field: str, text: str
) -> int:
    """A monitor or the investigator asks about one value; returns the query's id."""
    text = _text(text, "text")
    with writing(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        who = require_role(s, actor, RAISERS, QT_TRANSLATE_NOOP("Refusals", "raise data queries"))
        found, row, pid = load_record(s, form, record_id)
        if field not in found:
            raise ValidationError(
                "field",
                QT_TRANSLATE_NOOP("Refusals", "The {form} form has no field {field}."),
                params={"form": found.name, "field": repr(field)},
            )
        query = DataQuery(
            participant_id=pid,
            form=found.name,
            record_id=str(record_id).strip(),
            field=field,
            text=text,
            state="open",
            raised_by=who.username,
            raised_utc=dt.datetime.now(dt.UTC),
        )
        s.add(query)
        s.flush()
        return query.id


def _query(s: Session, query_id: int) -> DataQuery:
    query = s.get(DataQuery, query_id)
    if query is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Refusals", "There is no data query {id}."), params={"id": query_id}
        )
    return query


CORRECTED = "Corrected: "  # how an answer says the value was corrected


def cite(query_ids: Iterable[int], reason: str) -> str:
    """The audit reason of a correction that answers queries: "Query #3; Query #5: <why>".
    The citation is the link between the changed value and the query (no link column)."""
    refs = "; ".join(f"Query #{q}" for q in sorted(set(query_ids)))
    return f"{refs}: {reason.strip()}" if refs else reason.strip()


def _cited(s: Session, query: DataQuery) -> bool:
    """An audited change of the queried record whose reason cites the query."""
    table = form_of(query.form).table
    pattern = re.compile(rf"Query #{query.id}(?!\d)")
    reasons = s.scalars(
        select(AuditEvent.reason).where(
            AuditEvent.participant_id == query.participant_id,
            AuditEvent.entity == table,
            AuditEvent.entity_id == query.record_id,
            AuditEvent.reason.like(f"%Query #{query.id}%"),
        )
    )
    return any(pattern.search(r or "") for r in reasons)


def answer_query(
    db: Database, actor: Actor | None, query_id: int, answer: str, *, corrected: bool = False
) -> None:
    """The site answers an open query. A corrected value goes through its own form with an
    audit reason that cites the query (``cite``); ``corrected`` then records the answer as
    a correction, refused unless the audit trail holds that change."""
    answer = _text(answer, "answer")
    with writing(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        who = require_role(s, actor, SITE, QT_TRANSLATE_NOOP("Refusals", "answer data queries"))
        query = _query(s, query_id)
        if query.state != "open":
            raise ValidationError(
                "state",
                QT_TRANSLATE_NOOP("Refusals", "Query {id} is {state}, not open."),
                params={"id": query_id, "state": Term(query.state, "Refusals")},
            )
        if corrected:
            if not _cited(s, query):
                raise ValidationError(
                    "answer",
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "No change of the {form} record cites Query #{id} in its reason; "
                        "correct the value in its form first.",
                    ),
                    params={"form": query.form, "id": query_id},
                )
            answer = CORRECTED + answer
        query.state = "answered"
        query.answer = answer
        query.answered_by = who.username
        query.answered_utc = dt.datetime.now(dt.UTC)


def _raiser_or_investigator(s: Session, actor: Actor | None, query: DataQuery, what: str) -> Actor:
    who = require_role(s, actor, RAISERS | SITE, what)
    if who.role != "investigator" and who.username != query.raised_by:
        others = said(
            QT_TRANSLATE_NOOP("Refusals", "{action} raised by someone else"),
            action=Term(what, "Refusals"),
        )
        require_role(s, actor, frozenset({"investigator"}), others)
    return who


def close_query(db: Database, actor: Actor | None, query_id: int) -> None:
    with writing(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        query = _query(s, query_id)
        who = _raiser_or_investigator(
            s, actor, query, QT_TRANSLATE_NOOP("Refusals", "close data queries")
        )
        if query.state == "closed":
            raise ValidationError(
                "state",
                QT_TRANSLATE_NOOP("Refusals", "Query {id} is already closed."),
                params={"id": query_id},
            )
        query.state = "closed"
        query.closed_by = who.username
        query.closed_utc = dt.datetime.now(dt.UTC)


def reopen_query(db: Database, actor: Actor | None, query_id: int) -> None:
    with writing(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        query = _query(s, query_id)
        _raiser_or_investigator(
            s, actor, query, QT_TRANSLATE_NOOP("Refusals", "re-open data queries")
        )
        if query.state == "open":
            raise ValidationError(
                "state",
                QT_TRANSLATE_NOOP("Refusals", "Query {id} is already open."),
                params={"id": query_id},
            )
        query.state = "open"
        query.closed_by = None
        query.closed_utc = None


def open_counts(session: Session) -> dict[int, int]:
    """Open queries per participant, in one grouped query (the participant list's column)."""
    stmt = (
        select(DataQuery.participant_id, func.count())
        .where(DataQuery.state == "open")
        .group_by(DataQuery.participant_id)
    )
    return {pid: n for pid, n in session.execute(stmt)}


def list_queries(
    db: Database,
    actor: Actor | None,
    *,
    state: str | None = None,
    participant_id: int | None = None,
    form: str | None = None,
) -> list[QueryRow]:
    if state is not None and state not in STATES:
        raise ValidationError(
            "state",
            QT_TRANSLATE_NOOP("Refusals", "A query state is one of {states}."),
            params={"states": ", ".join(STATES)},
        )

    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        # Plain columns, in QueryRow's order: thousands of rows without building ORM objects.
        stmt = select(
            DataQuery.id,
            Participant.study_id,
            DataQuery.participant_id,
            DataQuery.form,
            DataQuery.record_id,
            DataQuery.field,
            DataQuery.text,
            DataQuery.state,
            DataQuery.raised_by,
            DataQuery.raised_utc,
            DataQuery.answer,
            DataQuery.answered_by,
            DataQuery.answered_utc,
            DataQuery.closed_by,
            DataQuery.closed_utc,
        ).join(Participant, Participant.id == DataQuery.participant_id)
        if state is not None:
            stmt = stmt.where(DataQuery.state == state)
        if participant_id is not None:
            stmt = stmt.where(DataQuery.participant_id == participant_id)
        if form is not None:
            stmt = stmt.where(DataQuery.form == form)
        return [QueryRow(*r) for r in s.execute(stmt.order_by(DataQuery.id))]

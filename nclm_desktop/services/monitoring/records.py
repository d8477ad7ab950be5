"""Form instances as the data dictionary names them (docs/ARCHITECTURE.md §11): a form and
a record's primary key find the row; the SHA-256 of its dictionary fields says whether it
changed since it was verified or signed."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...forms.catalogue import all_forms
from ...forms.field import QT_TRANSLATE_NOOP, Field
from ...forms.form import Form
from ...models import Operation, Participant
from ...models.base import Base
from ..changes import participant_of
from ..errors import NotFound, ValidationError
from ..uow import WRITABLE_WHEN_LOCKED

NO_SUCH_PARTICIPANT = QT_TRANSLATE_NOOP("Refusals", "There is no participant {id}.")


def form_of(name: str) -> Form:

    form = all_forms().get(name)
    if form is None:
        raise ValidationError(
            "form",
            QT_TRANSLATE_NOOP("Refusals", "There is no form named {name}."),
            params={"name": repr(name)},
        )
    return form


def model_of(form: Form) -> type[Base]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == form.table:
            return mapper.class_
    raise ValidationError(
        "form",
        QT_TRANSLATE_NOOP("Refusals", "The form {name} has no table."),
        params={"name": repr(form.name)},
    )


def load_record(session: Session, form_name: str, record_id: str) -> tuple[Form, Base, int]:
    """The row of one form instance and its participant; NotFound when there is none."""
    form = form_of(form_name)
    model = model_of(form)
    try:
        key = int(str(record_id).strip())
    except ValueError:
        raise ValidationError(
            "record_id",
            QT_TRANSLATE_NOOP("Refusals", "{value} is not a record number."),
            params={"value": repr(record_id)},
        ) from None
    row = session.get(model, key)
    if row is None or (pid := participant_of(row, session)) is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Refusals", "There is no {form} record {key} in a participant's casebook."
            ),
            params={"form": form.name, "key": key},
        )
    return form, row, pid


def field_value(f: Field, stored: Any) -> Any:
    """One field's value from its column: fields sharing a JSON column (a complication's
    treatment) each keep theirs under their own name."""
    if f.column and isinstance(stored, dict) and f.name in stored:
        return stored[f.name]
    return stored


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | decimal.Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    return value


def record_values(form: Form, row: Base) -> dict[str, Any]:
    """The stored columns of the form's fields (several fields may share one JSON column,
    a value may keep its typed unit beside it), less the lock itself: signing and
    unlocking change no signed or verified data."""
    skip = WRITABLE_WHEN_LOCKED.get(form.table, frozenset())
    columns = {f.variable for f in form.fields} | {f.unit_field for f in form.fields}
    return {
        c: _plain(getattr(row, c))
        for c in sorted(c for c in columns if c and c not in skip and hasattr(row, c))
    }


def record_hash(form: Form, row: Base) -> str:
    text = json.dumps(record_values(form, row), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def casebook_records(session: Session, participant_id: int) -> list[tuple[Form, Base]]:
    """Every form instance of one participant, in a stable order (form, then key)."""
    op_ids = list(
        session.scalars(select(Operation.id).where(Operation.participant_id == participant_id))
    )
    found: list[tuple[Form, Base]] = []
    for name in sorted(all_forms()):
        form = all_forms()[name]
        model = model_of(form)
        if model is Participant:
            where = Participant.id == participant_id
        elif hasattr(model, "participant_id"):
            where = model.participant_id == participant_id  # type: ignore[attr-defined]
        elif hasattr(model, "operation_id"):
            where = model.operation_id.in_(op_ids)  # type: ignore[attr-defined]
        else:
            continue
        pk = model.__mapper__.primary_key[0]
        found += [(form, row) for row in session.scalars(select(model).where(where).order_by(pk))]
    return found


def record_key(row: Base) -> str:
    return ",".join(str(v) for v in row.__mapper__.primary_key_from_instance(row))


def casebook_hash(
    session: Session, participant_id: int, records: list[tuple[Form, Base]] | None = None
) -> str:
    """SHA-256 over every form instance's dictionary fields: what a signature binds.
    ``records``: the participant's ``casebook_records`` when the caller has read them."""
    if records is None:
        records = casebook_records(session, participant_id)
    data = [[form.name, record_key(row), record_values(form, row)] for form, row in records]
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

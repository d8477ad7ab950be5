"""Reoperations after an operation; whether one fell in the index stay is derived when read
(services/surgical_record.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import Reoperation
from ..models.db import Database
from . import date_order, record_dates
from .date_order import not_before
from .permissions import Actor, Permission
from .record_dates import check_record_dates
from .surgery_inputs import REOPERATION_FORM, ReoperationInput, clean_in_order
from .surgery_session import edit_reason, get_row, operation, today_or
from .uow import writing


def validate_reoperation(
    data: ReoperationInput, *, operation_date: dt.date, today: dt.date
) -> dict[str, Any]:
    def after_date(v: dict[str, Any]) -> None:
        not_before(
            REOPERATION_FORM["reoperation_date"], v["reoperation_date"], date_order.OPERATION,
            operation_date,
        )  # fmt: skip

    return clean_in_order(
        REOPERATION_FORM, data.values(), today=today, after={"reoperation_date": after_date}
    )


def add_reoperation(
    db: Database,
    actor: Actor | None,
    operation_id: int,
    data: ReoperationInput,
    *,
    today: dt.date | None = None,
) -> int:
    with writing(db, actor, Permission.WRITE_SURGERY) as s:
        op, p = operation(s, operation_id)
        values = validate_reoperation(data, operation_date=op.operation_date, today=today_or(today))
        row = Reoperation(operation_id=op.id, **values)
        s.add(row)
        s.flush()
        check_record_dates(s, p.id, "reoperation_date", record_dates.REOPERATION_DATE)
        return row.id


def update_reoperation(
    db: Database,
    actor: Actor | None,
    reoperation_id: int,
    data: ReoperationInput,
    reason: str,
    *,
    today: dt.date | None = None,
) -> None:
    why = edit_reason(reason)
    with writing(db, actor, Permission.WRITE_SURGERY, reason=why) as s:
        row = get_row(s, Reoperation, reoperation_id, "reoperation")
        op, p = operation(s, row.operation_id)
        values = validate_reoperation(data, operation_date=op.operation_date, today=today_or(today))
        for name, value in values.items():
            setattr(row, name, value)
        check_record_dates(s, p.id, "reoperation_date", record_dates.REOPERATION_DATE)

"""The derived tables the analysis uses: per-participant endpoints, perioperative outcomes
and the CCI of every operation. Computed by the same functions as the analysis
(services/outcomes.py over clinical/endpoints.py and clinical/complications.py), never
re-derived here; each column's definition says where it comes from."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ...clinical import cci
from ...forms import QT_TRANSLATE_NOOP, Field, Kind
from ...forms.field import choices
from ...models import Complication, Operation
from ..outcomes import ParticipantOutcome
from .columns import STUDY_ID, Column, cell
from .tables import Keys, Table

ENDPOINTS = "clinical/endpoints.py (the analysis' own functions)"
COHORT = Field(
    "cohort",
    QT_TRANSLATE_NOOP("DataDictionary", "Cohort"),
    Kind.CHOICE,
    choices=choices(
        ("hepatectomy", QT_TRANSLATE_NOOP("DataDictionary", "Hepatectomy")),
        ("systemic", QT_TRANSLATE_NOOP("DataDictionary", "Systemic treatment only")),
    ),
    derived="the cohort chosen at enrolment",
)


def _f(name: str, label: str, kind: Kind, how: str, unit: str = "") -> Field:
    return Field(name, label, kind, unit=unit, derived=f"{how}; {ENDPOINTS}", decimals=1)


ENDPOINT_FIELDS = (
    _f("index_date", QT_TRANSLATE_NOOP("DataDictionary", "Index date"), Kind.DATE,
       "the operation (hepatectomy) or start of systemic treatment of the liver metastases"),
    _f("os_days", QT_TRANSLATE_NOOP("DataDictionary", "Overall survival"), Kind.INTEGER,
       "days from the index date to death or censoring (horizon 60 months)", "days"),
    _f("os_event", QT_TRANSLATE_NOOP("DataDictionary", "Death (overall survival event)"), Kind.YESNO,
       "1 = died on os_end_date, 0 = censored"),
    _f("os_end_date", QT_TRANSLATE_NOOP("DataDictionary", "End of overall survival time"), Kind.DATE,
       "death, last date known alive or the horizon"),
    _f("ih_rfs_days", QT_TRANSLATE_NOOP("DataDictionary", "Intrahepatic recurrence-free survival"),
       Kind.INTEGER, "days from the index date to intrahepatic recurrence, death or censoring",
       "days"),
    _f("ih_rfs_event", QT_TRANSLATE_NOOP("DataDictionary", "Intrahepatic recurrence or death"), Kind.YESNO,
       "1 = event on ih_rfs_end_date, 0 = censored; empty for the systemic cohort"),
    _f("ih_rfs_end_date", QT_TRANSLATE_NOOP("DataDictionary", "End of intrahepatic RFS time"), Kind.DATE,
       "event, last liver imaging or the horizon"),
)  # fmt: skip

PERIOP_FIELDS = (
    _f("morbidity_90d", QT_TRANSLATE_NOOP("DataDictionary", "Complication within 90 days"), Kind.YESNO,
       "any complication with onset within 90 days of the index operation"),
    _f("major_morbidity_90d", QT_TRANSLATE_NOOP("DataDictionary", "Major complication within 90 days"),
       Kind.YESNO, "Clavien-Dindo IIIa or worse within 90 days"),
    _f("mortality_30d", QT_TRANSLATE_NOOP("DataDictionary", "Death within 30 days"), Kind.YESNO,
       "death within 30 days of the index operation"),
    _f("mortality_90d", QT_TRANSLATE_NOOP("DataDictionary", "Death within 90 days"), Kind.YESNO,
       "death within 90 days of the index operation"),
    _f("unplanned_reoperation_index_stay",
       QT_TRANSLATE_NOOP("DataDictionary", "Unplanned reoperation during the index stay"), Kind.YESNO,
       "empty when unknown (no discharge date)"),
    _f("complication_count_90d", QT_TRANSLATE_NOOP("DataDictionary", "Complications within 90 days"),
       Kind.INTEGER, "complications counted for morbidity"),
    _f("cci_90d", QT_TRANSLATE_NOOP("DataDictionary", "Comprehensive Complication Index, 90 days"),
       Kind.DECIMAL, "CCI (Slankamenac 2013) over the complications within 90 days"),
)  # fmt: skip

CCI_FIELDS = (
    Field("operation_id", QT_TRANSLATE_NOOP("DataDictionary", "Number of the record (operation)"),
          Kind.INTEGER, derived="the operation's number in the table operation"),
    Field("operation_date", QT_TRANSLATE_NOOP("DataDictionary", "Operation date"), Kind.DATE,
          derived="as recorded on the operation form"),
    Field("complication_count", QT_TRANSLATE_NOOP("DataDictionary", "Complications of the operation"),
          Kind.INTEGER, derived="all complications recorded for the operation"),
    Field("cci", QT_TRANSLATE_NOOP("DataDictionary", "Comprehensive Complication Index"), Kind.DECIMAL,
          derived="CCI (Slankamenac 2013) over all complications of the operation; "
          "clinical/complications.py cci()"),
)  # fmt: skip


def _columns(form: str, fields: tuple[Field, ...], with_cohort: bool = False) -> list[Column]:
    head = [Column("study_id", STUDY_ID, form)]
    if with_cohort:
        head.append(Column("cohort", COHORT, form))
    return head + [Column(f.name, f, form) for f in fields]


def _shifted(columns: list[Column], values: list[Any], days: int) -> list[Any]:
    out = [cell(c, v) for c, v in zip(columns, values, strict=True)]
    if days:
        out = [v + dt.timedelta(days=days) if isinstance(v, dt.date) else v for v in out]
    return out


def endpoints_table(outcomes: list[ParticipantOutcome], keys: Keys) -> Table:
    columns = _columns("endpoints", ENDPOINT_FIELDS, with_cohort=True)

    def rows() -> Iterator[list[Any]]:
        for o in outcomes:
            rfs = o.rfs
            yield _shifted(
                columns,
                [o.study_id, o.cohort, o.index_date, o.os.days, o.os.event, o.os.end_date,
                 rfs and rfs.days, rfs and rfs.event, rfs and rfs.end_date],
                keys.days(o.participant_id),
            )  # fmt: skip

    title = QT_TRANSLATE_NOOP("DataDictionary", "Endpoints")
    return Table("endpoints", title, columns, rows, source=ENDPOINTS)


def perioperative_table(outcomes: list[ParticipantOutcome], keys: Keys) -> Table:
    columns = _columns("perioperative", PERIOP_FIELDS)

    def rows() -> Iterator[list[Any]]:
        for o in outcomes:
            p = o.perioperative
            if p is None:
                continue
            yield _shifted(
                columns,
                [o.study_id, p.morbidity_90d, p.major_morbidity_90d, p.mortality_30d,
                 p.mortality_90d, p.unplanned_reoperation_index_stay, p.complication_count,
                 p.cci],
                0,
            )  # fmt: skip

    title = QT_TRANSLATE_NOOP("DataDictionary", "Perioperative outcomes")
    return Table("perioperative", title, columns, rows, source=ENDPOINTS)


def cci_table(connect: Callable[[], Connection], keys: Keys) -> Table:
    columns = _columns("cci", CCI_FIELDS)

    def rows() -> Iterator[list[Any]]:
        conn = connect()
        grades: dict[int, list[str]] = defaultdict(list)
        for op_id, grade in conn.execute(
            select(Complication.operation_id, Complication.clavien_dindo)
        ):
            grades[op_id].append(grade)
        for op_id, pid, when in conn.execute(
            select(Operation.id, Operation.participant_id, Operation.operation_date).order_by(
                Operation.participant_id, Operation.id
            )
        ):
            yield _shifted(
                columns,
                [keys.study_id.get(pid), op_id, when, len(grades[op_id]), cci(grades[op_id])],
                keys.days(pid),
            )

    title = QT_TRANSLATE_NOOP("DataDictionary", "Comprehensive Complication Index per operation")
    return Table("cci", title, columns, rows, source="clinical/complications.py cci()")

"""What the patient's visit schedule shows: a mapper over the follow-up service's visit
rows (the rows the participant's follow-up tab shows). (See the package docstring.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...clinical import load_protocol
from ...forms.catalogue import form
from ...models import Setting
from ...models.db import Database
from ..followup import VisitRow, list_visits
from ..permissions import Actor, Permission
from ..settings import CONTACT_SETTINGS  # printed on the schedule; blank lines when unset
from ..uow import reading
from .common import PatientHeader, ReportMeta, _header, _meta, _participant, check_language

VISIT = form("visit")


@dataclass(frozen=True)
class ScheduleVisit:
    code: str
    month: int
    target_date: dt.date
    window_start: dt.date
    window_end: dt.date
    scheduled_date: dt.date
    status: str  # planned, done, missed
    actual_date: dt.date | None
    assessments: tuple[str, ...]  # labels in the report's language
    window: str  # "start – end", as the visit form formats dates
    actual: str  # the visit date as the visit form formats it, "" when not done


@dataclass(frozen=True)
class ScheduleReportData:
    meta: ReportMeta
    lang: str  # "en" or "zh_CN"
    patient: PatientHeader
    visits: tuple[ScheduleVisit, ...]  # cancelled visits are left out
    contacts: tuple[tuple[str, str], ...]  # (label in the report's language, number or "")


def _visit(v: VisitRow, labels: dict[str, str]) -> ScheduleVisit:
    return ScheduleVisit(
        code=v.code,
        month=v.month,
        target_date=v.target_date,
        window_start=v.window_start,
        window_end=v.window_end,
        scheduled_date=v.scheduled_date,
        status=v.status,
        actual_date=v.actual_date,
        assessments=tuple(labels.get(a, a) for a in v.assessments_planned),
        window=f"{VISIT.format('window_start', v.window_start)} – "
        f"{VISIT.format('window_end', v.window_end)}",
        actual=VISIT.format("actual_date", v.actual_date, empty=""),
    )


def schedule_report_data(
    db: Database,
    actor: Actor | None,
    study_id: str,
    lang: str = "en",
    now: dt.datetime | None = None,
) -> ScheduleReportData:
    check_language(lang)
    schedule = load_protocol().schedule
    labels = {a.code: (a.label_zh if lang == "zh_CN" else a.label_en) for a in schedule.assessments}
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        p = _participant(s, study_id)
        stored = dict(
            s.execute(
                select(Setting.key, Setting.value).where(
                    Setting.key.in_([k for k, _en, _zh in CONTACT_SETTINGS])
                )
            ).all()
        )
        contacts = tuple(
            (zh if lang == "zh_CN" else en, (stored.get(key) or "").strip())
            for key, en, zh in CONTACT_SETTINGS
        )
        meta = _meta(actor, now, s)
        patient = _header(p, p.index_date, actor.can(Permission.VIEW_IDENTITY))
        pid = p.id
    # The visits as the follow-up tab lists them (the state is not printed: any day will do).
    rows = list_visits(db, actor, pid, meta.generated_at.date())
    return ScheduleReportData(
        meta=meta,
        lang=lang,
        patient=patient,
        visits=tuple(_visit(v, labels) for v in rows if v.status != "cancelled"),
        contacts=contacts,
    )

"""iCalendar (RFC 5545) export of follow-up visits: a participant's schedule or a worklist.

One all-day VEVENT per visit spanning its window (DTEND is exclusive, so the day after the
window's last day). The UID is built from the study ID and the visit code, so a calendar
application updates the same event when the file is exported again. Privacy (docs/ARCHITECTURE.md §6):
the study ID and visit code are the only participant data in the file — never a name,
record number or phone number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event

from ..models.db import Database
from ..services import followup
from ..services.errors import ValidationError
from ..services.exports import write_export
from ..services.followup import VisitRow
from ..services.participants import find_participant_id
from ..services.permissions import Actor, Permission, require

PRODID = "-//NCLM Desktop//Follow-up calendar//EN"
UID_DOMAIN = "nclm-desktop"
# RFC 5545 STATUS of a VEVENT; done and missed visits stay as the record of what was planned.
_STATUS = {"planned": "CONFIRMED", "done": "CONFIRMED", "missed": "CONFIRMED"}


@dataclass(frozen=True)
class IcsExport:
    data: bytes
    events: int
    what: str  # e.g. "calendar NCLM-H-001", for the audit trail


def visit_uid(study_id: str, code: str) -> str:
    return f"{study_id}-{code}@{UID_DOMAIN}"


def _event(v: VisitRow, stamp: dt.datetime) -> Event:
    ev = Event()
    ev.add("uid", visit_uid(v.study_id, v.code))
    ev.add("dtstamp", stamp)
    ev.add("dtstart", v.window_start)
    ev.add("dtend", v.window_end + dt.timedelta(days=1))
    ev.add("summary", f"{v.study_id} {v.code}")
    lines = [
        f"Follow-up visit {v.code} (month {v.month}).",
        f"Target {v.target_date.isoformat()}, booked {v.scheduled_date.isoformat()}.",
        f"Window {v.window_start.isoformat()} to {v.window_end.isoformat()}.",
    ]
    if v.status == "done" and v.actual_date:
        lines.append(f"Done on {v.actual_date.isoformat()}.")
    elif v.status == "missed":
        lines.append("Missed.")
    ev.add("description", "\n".join(lines))
    ev.add("status", _STATUS.get(v.status, "CANCELLED"))
    ev.add("transp", "TRANSPARENT")  # a window is not a busy time
    return ev


def visits_to_ics(visits: Iterable[VisitRow], name: str, stamp: dt.datetime) -> IcsExport:
    """The calendar file for ``visits``; ``stamp`` (UTC) is the DTSTAMP of every event."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    count = 0
    for v in visits:
        cal.add_component(_event(v, stamp))
        count += 1
    return IcsExport(cal.to_ical(), count, name)


def _stamp(stamp: dt.datetime | None) -> dt.datetime:
    return (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)


def participant_ics(
    db: Database,
    actor: Actor | None,
    study_id: str,
    today: dt.date,
    stamp: dt.datetime | None = None,
) -> IcsExport:
    """A participant's whole schedule; cancelled visits go out as STATUS:CANCELLED so a
    calendar that imported an earlier export drops them."""
    require(actor, Permission.REPORTS)
    pid = find_participant_id(db, actor, study_id)
    rows = followup.list_visits(db, actor, pid, today)
    return visits_to_ics(rows, f"NCLM follow-up {study_id.strip()}", _stamp(stamp))


def worklist_ics(
    db: Database,
    actor: Actor | None,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    stamp: dt.datetime | None = None,
) -> IcsExport:
    """Open visits booked from ``start`` to ``end`` inclusive, all participants."""
    require(actor, Permission.REPORTS)
    if (end - start).days > 366 * 6:
        raise ValidationError("to", "Export at most six years of visits at once.")
    rows = followup.open_visits_between(db, actor, start, end, today)
    name = f"NCLM follow-up {start.isoformat()} to {end.isoformat()}"
    return visits_to_ics(rows, name, _stamp(stamp))


def save_export(db: Database, actor: Actor, export: IcsExport, path: Path) -> None:
    """Record the export in the audit trail (the file leaves the system), then write it."""
    what = f"calendar: {export.what} ({export.events} visits)"
    write_export(db, actor, what, Path(path), export.data)

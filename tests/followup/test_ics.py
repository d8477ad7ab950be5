"""iCalendar export: RFC 5545 structure, dates, stable UIDs, no identifiers; the command."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

from icalendar import Calendar
from sqlalchemy import select

from nclm_desktop.models import AuditEvent
from nclm_desktop.reports.ics import participant_ics, worklist_ics
from nclm_desktop.services import followup as fu
from tests.conftest import PASSWORD

from .conftest import TODAY

D = dt.date
STAMP = dt.datetime(2025, 6, 18, 8, 30, tzinfo=dt.UTC)


def raw_events(data: bytes) -> list[dict[str, tuple[str, str]]]:
    """A tiny RFC 5545 reader, independent of the icalendar package: unfold lines, split
    each content line into name, parameters and value, group by VEVENT."""
    text = data.decode("utf-8")
    assert "\r\n" in text and not re.search(r"(?<!\r)\n", text), "lines must end in CRLF"
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events: list[dict[str, tuple[str, str]]] = []
    current: dict[str, tuple[str, str]] | None = None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            head, _, value = line.partition(":")
            name, _, params = head.partition(";")
            current[name] = (params, value)
    return events


def ymd(value: str) -> dt.date:
    return dt.datetime.strptime(value, "%Y%m%d").date()


def test_participant_schedule_round_trips_with_window_dates(db, hep, enrol, investigator):
    enrol("NCLM-S-001", D(2025, 1, 8), name="Wang Fang", record_number="HR-990001")
    export = participant_ics(db, investigator, "NCLM-H-001", TODAY, stamp=STAMP)
    assert export.events == 15
    events = raw_events(export.data)
    visits = {v.code: v for v in fu.list_visits(db, investigator, hep, TODAY)}
    assert len(events) == 15
    for ev in events:
        code = ev["SUMMARY"][1].split(" ")[1]
        v = visits[code]
        assert ev["SUMMARY"] == ("", f"NCLM-H-001 {code}")
        assert ev["DTSTART"] == ("VALUE=DATE", v.window_start.strftime("%Y%m%d"))
        # DTEND of an all-day event is exclusive: the day after the window's last day.
        assert ymd(ev["DTEND"][1]) == v.window_end + dt.timedelta(days=1)
        assert ev["DTEND"][0] == "VALUE=DATE"
        assert ev["UID"][1] == f"NCLM-H-001-{code}@nclm-desktop"
        assert ev["DTSTAMP"][1] == "20250618T083000Z"
        assert ev["STATUS"][1] == "CONFIRMED"
    m1 = next(e for e in events if e["SUMMARY"][1].endswith(" M1"))
    assert (ymd(m1["DTSTART"][1]), ymd(m1["DTEND"][1])) == (D(2025, 1, 30), D(2025, 2, 14))
    # Only this participant's visits.
    assert not any("NCLM-S-001" in e["SUMMARY"][1] for e in events)

    # The icalendar package reads it back the same way.
    cal = Calendar.from_ical(export.data)
    parsed = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert parsed["NCLM-H-001 M3"].decoded("DTSTART") == D(2025, 3, 23)
    assert parsed["NCLM-H-001 M3"].decoded("DTEND") == D(2025, 4, 21)


def test_no_names_record_numbers_or_phones_in_the_file(db, hep, enrol, investigator):
    enrol("NCLM-S-001", D(2025, 5, 21), name="Wang Fang", record_number="HR-990001",
          phone="137 2222 3333")  # fmt: skip
    for export in (
        participant_ics(db, investigator, "NCLM-H-001", TODAY, stamp=STAMP),
        worklist_ics(db, investigator, D(2025, 1, 1), D(2025, 12, 31), TODAY, stamp=STAMP),
    ):
        text = re.sub(r"\r\n[ \t]", "", export.data.decode("utf-8"))
        for secret in ("Li Na", "HR-778812", "139 1111 2222", "Wang Fang", "HR-990001",
                       "137 2222 3333", "1970"):  # fmt: skip
            assert secret not in text
        for ev in raw_events(export.data):
            assert re.fullmatch(r"NCLM-[HS]-\d{3} M\d{1,2}", ev["SUMMARY"][1])


def test_uids_stay_the_same_across_exports_and_moves(db, hep, coordinator):
    first = participant_ics(db, coordinator, "NCLM-H-001", TODAY, stamp=STAMP)
    m6 = next(v for v in fu.list_visits(db, coordinator, hep, TODAY) if v.code == "M6")
    fu.reschedule_visit(db, coordinator, m6.id, D(2025, 7, 9))
    later = participant_ics(
        db, coordinator, "NCLM-H-001", TODAY, stamp=STAMP + dt.timedelta(days=3)
    )
    uids = [[e["UID"][1] for e in raw_events(x.data)] for x in (first, later)]
    assert uids[0] == uids[1] and len(set(uids[0])) == 15


def test_cancelled_visits_are_exported_as_cancelled(db, hep, coordinator):
    fu.record_event(db, coordinator, hep, fu.Finding("withdrawal", D(2025, 5, 1)), TODAY)
    events = raw_events(participant_ics(db, coordinator, "NCLM-H-001", TODAY, stamp=STAMP).data)
    status = {e["SUMMARY"][1].split()[1]: e["STATUS"][1] for e in events}
    assert status["M3"] == "CONFIRMED" and status["M6"] == "CANCELLED"


def test_worklist_range_holds_open_visits_booked_in_it(db, enrol, coordinator):
    a = enrol("NCLM-S-001", D(2025, 5, 16))  # M1 booked 2025-06-16
    enrol("NCLM-S-002", D(2025, 5, 21))  # M1 booked 2025-06-20
    enrol("NCLM-S-003", D(2025, 6, 10))  # M1 booked 2025-07-10
    m1 = next(v for v in fu.list_visits(db, coordinator, a, TODAY) if v.code == "M1")
    fu.record_visit(db, coordinator, m1.id, fu.VisitRecord(D(2025, 6, 16)), TODAY)
    export = worklist_ics(db, coordinator, D(2025, 6, 16), D(2025, 7, 10), TODAY, stamp=STAMP)
    assert sorted(e["SUMMARY"][1] for e in raw_events(export.data)) == [
        "NCLM-S-002 M1",
        "NCLM-S-003 M1",
    ]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nclm_desktop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NCLM_PASSWORD": PASSWORD},
        timeout=120,
    )


def test_calendar_command_writes_the_file_and_audits_the_export(db, db_path, hep, coordinator,
                                                                 tmp_path):  # fmt: skip
    out = tmp_path / "x.ics"
    done = cli("--db", str(db_path), "--user", "mli", "calendar", "ics",
               "--participant", "NCLM-H-001", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "15 visits" in done.stdout
    assert len(raw_events(out.read_bytes())) == 15
    week = tmp_path / "week.ics"
    ranged = cli("--db", str(db_path), "--user", "mli", "calendar", "ics",
                 "--from", "2025-02-01", "--to", "2025-02-28", "--out", str(week))  # fmt: skip
    assert ranged.returncode == 0, ranged.stderr
    assert [e["SUMMARY"][1] for e in raw_events(week.read_bytes())] == ["NCLM-H-001 M1"]
    with db.session() as s:
        exports = s.execute(
            select(AuditEvent.username, AuditEvent.entity, AuditEvent.new_value)
            .where(AuditEvent.action == "export")
            .order_by(AuditEvent.id)
        ).all()
    assert [(u, path) for u, _, path in exports] == [("mli", str(out)), ("mli", str(week))]
    assert "NCLM-H-001" in exports[0][1] and "2025-02-01" in exports[1][1]


def test_calendar_command_refuses_bad_arguments(db, db_path, hep, coordinator, tmp_path):
    out = str(tmp_path / "x.ics")
    both = cli("--db", str(db_path), "--user", "mli", "calendar", "ics",
               "--participant", "NCLM-H-001", "--from", "2025-01-01", "--out", out)  # fmt: skip
    assert both.returncode == 2 and "either --participant" in both.stderr
    unknown = cli("--db", str(db_path), "--user", "mli", "calendar", "ics",
                  "--participant", "NCLM-H-999", "--out", out)  # fmt: skip
    assert unknown.returncode == 2 and "NCLM-H-999" in unknown.stderr
    backwards = cli("--db", str(db_path), "--user", "mli", "calendar", "ics",
                    "--from", "2025-03-01", "--to", "2025-02-01", "--out", out)  # fmt: skip
    assert backwards.returncode == 2 and "before --from" in backwards.stderr
    assert not (tmp_path / "x.ics").exists()

"""`nclm-desktop calendar ics`: a participant's schedule or a worklist as an .ics file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..cli import CliError, command, signed_in
from ..cli import option_date as _date  # one range-checked date parser
from ..models.db import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    cal = sub.add_parser("calendar", help="follow-up calendar exports").add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True
    )
    ics = cal.add_parser(
        "ics",
        help="export visits as iCalendar (study ID and visit code only, no names)",
        description="Export a participant's visit schedule (--participant) or the open visits "
        "booked in a date range (--from/--to) as an RFC 5545 .ics file. Each visit is one "
        "all-day event spanning its window.",
    )
    ics.add_argument("--participant", metavar="STUDY_ID", help="e.g. NCLM-H-001")
    ics.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    ics.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    ics.add_argument("--out", type=Path, required=True, help="the .ics file to write")


@command("calendar", "ics")
def _calendar_ics(args: argparse.Namespace, db: Database) -> int:
    ranged = args.date_from is not None or args.date_to is not None
    if bool(args.participant) == ranged:
        raise CliError("Give either --participant STUDY_ID or --from DATE --to DATE.")
    if ranged and (args.date_from is None or args.date_to is None):
        raise CliError("A worklist needs both --from and --to.")
    if ranged and args.date_to < args.date_from:
        raise CliError(f"--to ({args.date_to}) is before --from ({args.date_from}).")
    from ..reports.ics import participant_ics, save_export, worklist_ics  # icalendar: late

    actor = signed_in(args, db)
    today = dt.date.today()  # only labels visit states; the file does not depend on it
    if args.participant:
        export = participant_ics(db, actor, args.participant, today)
    else:
        export = worklist_ics(db, actor, args.date_from, args.date_to, today)
    save_export(db, actor, export, args.out)
    print(f"{export.events} visits written to {args.out}")
    return 0

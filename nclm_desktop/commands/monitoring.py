"""`nclm-desktop sign | unlock | queries list`: signing, unlocking and the data-query list
for scripted checks (docs/ARCHITECTURE.md §3). Services load late: `--help` stays fast."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import io
import os
from pathlib import Path

from ..cli import CliError, check_output_path, command, option_date, signed_in
from ..models.db import Database

QUERY_COLUMNS = (
    "id",
    "study_id",
    "form",
    "record_id",
    "field",
    "state",
    "age_days",
    "text",
    "raised_by",
    "raised_utc",
    "answer",
    "answered_by",
    "answered_utc",
    "closed_by",
    "closed_utc",
)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    sign = sub.add_parser(
        "sign",
        help="sign and lock a participant's casebook, or sign one form (investigator)",
        description="Sign a participant's casebook as the --user (investigator), who enters "
        "the password again (NCLM_PASSWORD or a prompt). Signing the casebook locks it; "
        "with --form and --record only that form instance is signed (no lock).",
    )
    sign.add_argument("--participant", metavar="STUDY_ID", required=True)
    sign.add_argument("--form", metavar="NAME", help="a form of the data dictionary")
    sign.add_argument("--record", metavar="ID", help="the form instance's record number")
    sign.add_argument(
        "--meaning",
        required=True,
        metavar="TEXT",
        help='approve ("I have reviewed and approve these data"), author or review',
    )
    unlock = sub.add_parser("unlock", help="unlock a signed casebook (investigator, reason)")
    unlock.add_argument("--participant", metavar="STUDY_ID", required=True)
    unlock.add_argument("--reason", metavar="TEXT", required=True)
    queries = sub.add_parser("queries", help="data queries").add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True
    )
    listing = queries.add_parser("list", help="write the data queries as CSV")
    listing.add_argument("--state", choices=("open", "answered", "closed"))
    listing.add_argument("--out", type=Path, required=True, help="the .csv file to write")
    check = queries.add_parser(
        "check",
        help="run the automatic data checks and raise a query per new finding (monitor, "
        "investigator)",
    )
    check.add_argument(
        "--today", type=option_date, metavar="DATE", help="the day the checks run (default: today)"
    )


def _password_again(user: str) -> str:
    password = os.environ.get("NCLM_PASSWORD")
    if password is not None:
        return password
    try:
        return getpass.getpass(f"Password of {user} again, to sign: ")
    except EOFError:
        raise CliError(
            "No password to sign with: set NCLM_PASSWORD or run in a terminal."
        ) from None


@command("sign")
def _sign(args: argparse.Namespace, db: Database) -> int:
    from ..services.monitoring import signing
    from ..services.participants import find_participant_id

    code = signing.meaning_code(args.meaning)  # a bad meaning fails before signing in
    if (args.form is None) != (args.record is None):
        raise CliError("Signing one form needs both --form NAME and --record ID.")
    actor = signed_in(args, db)
    pid = find_participant_id(db, actor, args.participant)
    password = _password_again(args.user)
    sid = args.participant.strip()
    if args.form is not None:
        signing.sign_form(
            db, actor, args.form, args.record, args.user, password, code, participant_id=pid
        )
        print(f"{sid}: {args.form} {args.record.strip()} signed ({signing.MEANINGS[code]}).")
        return 0
    signing.sign_casebook(db, actor, pid, args.user, password, code)
    print(f"{sid} signed ({signing.MEANINGS[code]}) and locked.")
    return 0


@command("unlock")
def _unlock(args: argparse.Namespace, db: Database) -> int:
    from ..services.monitoring import signing
    from ..services.participants import find_participant_id

    if not args.reason.strip():
        raise CliError("Unlocking needs a reason (--reason TEXT).")
    actor = signed_in(args, db)
    pid = find_participant_id(db, actor, args.participant)
    signing.unlock_casebook(db, actor, pid, args.reason)
    print(f"{args.participant.strip()} unlocked.")
    return 0


@command("queries", "list")
def _queries_list(args: argparse.Namespace, db: Database) -> int:
    from ..services.exports import write_export
    from ..services.monitoring import queries

    check_output_path(args.out)  # before signing in: a bad path leaves no trace
    actor = signed_in(args, db)
    rows = queries.list_queries(db, actor, state=args.state)
    now = dt.datetime.now(dt.UTC)
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(QUERY_COLUMNS)
    for row in rows:
        raised = row.raised_utc if row.raised_utc.tzinfo else row.raised_utc.replace(tzinfo=dt.UTC)
        values = {**row.__dict__, "age_days": (now - raised).days}
        out.writerow(["" if values[c] is None else values[c] for c in QUERY_COLUMNS])
    write_export(db, actor, "data queries (CSV)", args.out, buffer.getvalue().encode("utf-8"))
    print(f"{len(rows)} queries written to {args.out}")
    return 0


@command("queries", "check")
def _queries_check(args: argparse.Namespace, db: Database) -> int:
    from ..services.monitoring.auto_queries import run_checks

    actor = signed_in(args, db)
    raised = run_checks(db, actor, args.today)
    print(f"{raised} new queries raised." if raised != 1 else "1 new query raised.")
    return 0

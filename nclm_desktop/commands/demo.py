"""`nclm-desktop demo`: a synthetic study to explore, with demo accounts (never real data)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from ..cli import CliError, command
from ..cli import option_date as _date  # one range-checked date parser
from ..models.db import Database


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="write a synthetic demo study (made-up patients) into a NEW database",
        description="Creates demo accounts (printed, with their shared password) and a "
        "synthetic study written through the application's services, so it is audited like "
        "real work. Only for a new database file: never mix demo data into a study.",
    )
    # Also accepted after the command (`demo --db PATH`); SUPPRESS keeps a global --db.
    p.add_argument("--db", default=argparse.SUPPRESS, help="the new database file")
    p.add_argument(
        "--participants", type=_positive, default=80, help="people screened (default 80)"
    )
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the day the study is played up to (default: today)",
    )
    p.add_argument(
        "--if-new",
        action="store_true",
        help="do nothing when the database already has participants",
    )


def _print_accounts() -> None:
    from .. import demo  # the generator loads only when a demo is written

    print("Demo accounts (shared password: " + demo.DEMO_PASSWORD + "):")
    for acc in demo.DEMO_ACCOUNTS:
        print(f"  {acc.username:<14} {acc.role:<13} {acc.display_name}")


@command("demo")
def _demo(args: argparse.Namespace, db: Database) -> int:
    from .. import demo

    existing = demo.has_participants(db)
    if existing:
        if args.if_new:
            print(f"{db.describe()} already has {existing} participants: nothing generated.")
            if demo.is_demo_database(db):
                _print_accounts()
            return 0
        raise CliError(
            f"{db.describe()} already has {existing} participants; the demo study is only "
            "written into a new database file (use --if-new to leave it as it is)."
        )
    today = args.today or dt.date.today()
    n = args.participants
    print(f"Writing a demo study of {n} participants (seed {args.seed}, today {today}) ...")
    started = time.perf_counter()
    actors = demo.ensure_demo_accounts(db)
    step = max(1, n // 10)

    def progress(i: int, total: int) -> None:
        if total >= 500 and (i % step == 0 or i == total):
            took = time.perf_counter() - started
            print(f"  {i}/{total} participants, {took:.0f} s", file=sys.stderr, flush=True)

    counts = demo.generate_study(
        db, actors, participants=n, seed=args.seed, today=today, progress=progress
    )
    print(f"Done in {time.perf_counter() - started:.1f} s: {db.describe()}")
    for line in counts.lines():
        print("  " + line)
    _print_accounts()
    print(f"Open it with: nclm-desktop --db {db.describe()}")
    return 0

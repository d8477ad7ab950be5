"""`nclm-desktop import`: the export's own tables (CSV or xlsx) written through the services
of typed entry, all or nothing, every error as ``file:row:column: message`` (README,
Import)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import CliError, command, signed_in
from ..models.db import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import participants, operations, visits ... from the export's tables (a folder "
        "of CSV files, one CSV or an xlsx workbook); all or nothing",
    )
    p.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="DIR_OR_FILE",
        help="the export's folder, one of its CSV files, or an xlsx workbook",
    )  # fmt: skip
    p.add_argument(
        "--dry-run", action="store_true", help="check everything and report; write nothing"
    )
    p.add_argument(
        "--update",
        action="store_true",
        help="change records already in the database where the file differs (needs --reason)",
    )
    p.add_argument("--reason", default="", help="why the records are changed (audited)")


@command("import")
def _import(args: argparse.Namespace, db: Database) -> int:
    from ..services.study_import.run import ImportRefused, import_study

    if args.update and not args.reason.strip():
        # Refused before signing in: nothing to ask a password for.
        raise CliError("--update changes recorded data: give --reason TEXT (it is audited).")
    if args.reason.strip() and not args.update:
        raise CliError("--reason is asked only with --update.")
    if not args.source.exists():
        raise CliError(f"--from {args.source}: no such file or folder.")
    actor = signed_in(args, db)
    try:
        report = import_study(
            db,
            actor,
            args.source,
            dry_run=args.dry_run,
            update=args.update,
            reason=args.reason or None,
        )
    except ImportRefused as exc:
        raise CliError(str(exc)) from None
    for error in report.errors:
        print(error, file=sys.stderr)
    for line in report.summary():
        print(line)
    return 1 if report.errors else 0

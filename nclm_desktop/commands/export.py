"""`nclm-desktop export`: the study's data with its dictionary, de-identified by default
(README, Export)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import CliError, command, signed_in
from ..models.db import Database

FORMATS = ("csv", "xlsx", "dta", "sav")  # services/study_export/writers.py FORMATS


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export the study (one table per form, derived endpoints, data dictionary) "
        "as CSV, Excel, Stata or SPSS; de-identified unless --identified",
    )
    p.add_argument("--out", type=Path, required=True, help="a new (or empty) folder")
    p.add_argument("--format", choices=FORMATS, default="csv", dest="fmt")
    p.add_argument(
        "--identified",
        action="store_true",
        help="keep names, record numbers, phones and addresses (investigators; needs --reason)",
    )
    p.add_argument(
        "--reason", default="", help="why an identified export (kept in the audit trail)"
    )
    p.add_argument(
        "--forms",
        default="",
        metavar="F1,F2",
        help="only these forms or derived tables (default: all)",
    )
    p.add_argument(
        "--shift-dates",
        action="store_true",
        help="move each participant's dates by a random number of days (the same in every "
        "table, recorded nowhere)",
    )


@command("export")
def _export(args: argparse.Namespace, db: Database) -> int:
    # pandas, openpyxl and pyreadstat load only when exporting.
    from ..services.study_export import ExportOptions, check_request, export_study

    forms = tuple(f.strip() for f in args.forms.split(",") if f.strip())
    if args.forms.strip() and not forms:
        raise CliError("--forms is empty: give form names separated by commas.")
    options = ExportOptions(
        out=args.out,
        fmt=args.fmt,
        identified=args.identified,
        reason=args.reason,
        forms=forms,
        shift_dates=args.shift_dates,
    )
    if args.identified and not args.reason.strip():
        # Refused before signing in: nothing to ask a password for.
        raise CliError("An identified export needs a reason: give --reason TEXT.")
    actor = signed_in(args, db)
    check_request(actor, options)
    result = export_study(db, actor, options)
    total = sum(result.rows.values())
    print(f"Exported {len(result.rows)} tables ({total:,} rows) to {result.folder}")
    return 0

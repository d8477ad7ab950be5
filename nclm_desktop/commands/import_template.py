"""`nclm-desktop import-template`: an empty template per form for legacy spreadsheets, with
the export's columns and (xlsx) a notes sheet describing each (README, Import)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import CliError, command, signed_in
from ..models.db import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-template",
        help="write an empty import template of one form (.csv, or .xlsx with a notes sheet "
        "giving each column's type, unit and choices)",
    )
    p.add_argument("--form", required=True, help="the form, e.g. operation, visit, screening")
    p.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FORM.csv or any name .xlsx"
    )


@command("import-template")
def _template(args: argparse.Namespace, db: Database) -> int:
    from ..services.study_import.template import TemplateRefused, write_template

    signed_in(args, db)
    try:
        out = write_template(args.form, args.out)
    except TemplateRefused as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote the {args.form} template to {out}")
    return 0

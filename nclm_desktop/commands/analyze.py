"""`nclm-desktop analyze`: the study's outcome analysis, as text, JSON and KM figures."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..cli import CliError, command, signed_in
from ..models.db import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze",
        help="outcome analysis: OS, intrahepatic RFS, propensity matching, perioperative rates",
    )
    p.add_argument(
        "--out",
        type=Path,
        help="folder for results.json and each figure as PNG and SVG (see the README)",
    )


@command("analyze")
def _analyze(args: argparse.Namespace, db: Database) -> int:
    # lifelines, statsmodels and matplotlib take seconds to import: only when analysing.
    from ..analysis.job import run_study_analysis
    from ..services.exports import write_export_files

    if args.out is not None and args.out.exists() and not args.out.is_dir():
        # Refused before the analysis runs: --out is the folder for several files.
        raise CliError(f"Cannot write to {args.out}: it is a file; give a folder.")
    actor = signed_in(args, db)
    output = run_study_analysis(
        db.url.render_as_string(hide_password=False), actor, svg=args.out is not None
    )
    print(output.text)
    if args.out:
        text = json.dumps(output.results, indent=2, ensure_ascii=False, allow_nan=False)
        files = {"results.json": text.encode("utf-8")}
        for figure in output.figures:
            files[f"{figure.name}.png"] = figure.png
            files[f"{figure.name}.svg"] = figure.svg
        write_export_files(db, actor, "analysis", args.out, files)  # audited first
        print(f"\nWritten to {args.out}")
    return 0

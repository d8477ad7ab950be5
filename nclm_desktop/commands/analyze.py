"""`nclm-desktop analyze`: the study's outcome analysis, as text, JSON and KM figures."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from ..cli import command, signed_in
from ..models.db import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze",
        help="outcome analysis: OS, intrahepatic RFS, propensity matching, perioperative rates",
    )
    p.add_argument("--out", type=Path, help="folder for results.json and the KM figures")


def figure_file(title: str) -> str:
    """'Overall survival — matched' -> 'km-overall-survival-matched.png'."""
    return "km-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") + ".png"


@command("analyze")
def _analyze(args: argparse.Namespace, db: Database) -> int:
    # lifelines, statsmodels and matplotlib take seconds to import: only when analysing.
    from ..analysis.job import run_study_analysis
    from ..services.exports import write_export_files

    actor = signed_in(args, db)
    output = run_study_analysis(db.url.render_as_string(hide_password=False), actor)
    print(output.text)
    if args.out:
        files = {"results.json": json.dumps(output.results, indent=2, default=str).encode()}
        files |= {figure_file(title): png for title, png in output.figures}
        write_export_files(db, actor, "analysis", args.out, files)  # audited first
        print(f"\nWritten to {args.out}")
    return 0

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
    from ..services.audit_trail import record_export

    actor = signed_in(args, db)
    output = run_study_analysis(
        db.url.render_as_string(hide_password=False), actor, svg=args.out is not None
    )
    print(output.text)
    if args.out:
        text = json.dumps(output.results, indent=2, ensure_ascii=False, allow_nan=False)
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "results.json").write_text(text, encoding="utf-8")
            for figure in output.figures:
                (args.out / f"{figure.name}.png").write_bytes(figure.png)
                (args.out / f"{figure.name}.svg").write_bytes(figure.svg)
        except OSError as exc:
            raise CliError(f"Cannot write to {args.out}: {exc.strerror or exc}") from None
        record_export(db, actor, "analysis", str(args.out))
        print(f"\nWritten to {args.out}")
    return 0

"""`nclm-desktop analyze`: the study's outcome analysis, as text, JSON and KM figures."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..cli import command, signed_in
from ..models.db import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze",
        help="outcome analysis: OS, intrahepatic RFS, propensity matching, perioperative rates",
    )
    p.add_argument("--out", type=Path, help="folder for results.json and the KM figures")


@command("analyze")
def _analyze(args: argparse.Namespace, db: Database) -> int:
    # lifelines, statsmodels and matplotlib take seconds to import: only when analysing.
    from ..analysis.plots import km_png
    from ..analysis.study import run_analysis
    from ..analysis.summary import as_text
    from ..services.audit_trail import record_export
    from ..services.outcomes import study_dataset

    actor = signed_in(args, db)
    result = run_analysis(study_dataset(db, actor))
    print(as_text(result))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "results.json").write_text(
            json.dumps(result.to_dict(), indent=2, default=str), encoding="utf-8"
        )
        (args.out / "km-overall-survival.png").write_bytes(
            km_png(result.os_curves, "Overall survival")
        )
        if result.matched_os_curves:
            (args.out / "km-overall-survival-matched.png").write_bytes(
                km_png(result.matched_os_curves, "Overall survival, matched cohort")
            )
        if result.rfs_curve:
            (args.out / "km-intrahepatic-rfs.png").write_bytes(
                km_png(
                    [result.rfs_curve],
                    "Intrahepatic recurrence-free survival",
                    "Recurrence-free probability",
                )
            )
        record_export(db, actor, "analysis", str(args.out))
        print(f"\nWritten to {args.out}")
    return 0

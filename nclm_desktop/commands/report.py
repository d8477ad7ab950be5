"""`nclm-desktop report ...`: the printed reports as PDF files, each audited as an export."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path

from ..cli import command, signed_in
from ..cli import option_date as _date  # one range-checked date parser
from ..models.db import Database
from ..services.exports import write_export
from ..services.permissions import Actor


def _builder(module: str, name: str) -> Callable[..., bytes]:
    """A report builder imported when a report is built: reportlab stays out of start-up
    and of the other commands (README, "Start-up")."""

    def build(data: object, **kwargs: object) -> bytes:
        builder = getattr(importlib.import_module(f"nclm_desktop.reports.{module}"), name)
        return builder(data, **kwargs)

    return build


build_casebook_report = _builder("casebook", "build_casebook_report")
build_complications_report = _builder("complications", "build_complications_report")
build_operative_report = _builder("operative", "build_operative_report")
build_schedule_report = _builder("schedule", "build_schedule_report")
build_screening_log_report = _builder("screening_log", "build_screening_log_report")
build_worklist_report = _builder("worklist", "build_worklist_report")
REPORT_LANGUAGES = ("en", "zh_CN")  # services.report_data.LANGUAGES (a test keeps them equal)


def _report_data():  # noqa: ANN202  (the module, loaded with the first report)
    from ..services import report_data

    return report_data


def _casebook_data():  # noqa: ANN202  (the mapper, loaded with the report)
    from ..services.report_data.casebook import casebook_data

    return casebook_data


def add_parsers(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser(
        "report", help="printable PDF reports (audited as exports)"
    ).add_subparsers(dest="subcommand", metavar="REPORT", required=True)

    def out(p: argparse.ArgumentParser) -> None:
        p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
        # Every report prints in either language (its texts, dates, numbers and footer).
        p.add_argument("--lang", choices=REPORT_LANGUAGES, default="en")

    def date_range(p: argparse.ArgumentParser, required: bool) -> None:
        p.add_argument("--from", dest="date_from", type=_date, required=required, metavar="DATE")
        p.add_argument("--to", dest="date_to", type=_date, required=required, metavar="DATE")

    op = rep.add_parser("operative", help="operative report of a participant's operation")
    op.add_argument("--participant", required=True, metavar="STUDY_ID")
    op.add_argument(
        "--operation-date", type=_date, metavar="DATE", help="which operation (default: latest)"
    )
    out(op)
    mm = rep.add_parser("complications", help="complications and morbidity for a date range")
    date_range(mm, True)
    out(mm)
    sch = rep.add_parser("schedule", help="a participant's visit schedule, for the patient")
    sch.add_argument("--participant", required=True, metavar="STUDY_ID")
    out(sch)
    wl = rep.add_parser("worklist", help="visits due and overdue, with a month grid")
    date_range(wl, True)
    wl.add_argument("--today", type=_date, metavar="DATE", help="default: today")
    out(wl)
    log = rep.add_parser("screening-log", help="screening log with the flow diagram")
    date_range(log, False)
    out(log)
    outcomes = rep.add_parser(
        "outcomes", help="the statistical outcomes report (survival, matching, perioperative)"
    )
    out(outcomes)
    book = rep.add_parser(
        "casebook", help="a participant's casebook: forms, queries, SDV, signatures, audit trail"
    )
    book.add_argument("--participant", required=True, metavar="STUDY_ID")
    out(book)


def _write(
    args: argparse.Namespace,
    db: Database,
    what: str,
    build: Callable[[Actor], bytes],
) -> int:
    actor = signed_in(args, db)
    pdf = build(actor)
    target: Path = args.out
    write_export(db, actor, what, target, pdf)  # audited first; no file if that fails
    print(f"Report written: {target}")
    return 0


@command("report", "operative")
def _operative(args: argparse.Namespace, db: Database) -> int:
    return _write(
        args,
        db,
        f"report operative {args.participant.strip()}",
        lambda actor: build_operative_report(
            _report_data().operative_report_data(db, actor, args.participant, args.operation_date),
            lang=args.lang,
        ),
    )


@command("report", "complications")
def _complications(args: argparse.Namespace, db: Database) -> int:
    return _write(
        args,
        db,
        "report complications",
        lambda actor: build_complications_report(
            _report_data().complications_report_data(db, actor, args.date_from, args.date_to),
            lang=args.lang,
        ),
    )


@command("report", "schedule")
def _schedule(args: argparse.Namespace, db: Database) -> int:
    return _write(
        args,
        db,
        f"report schedule {args.participant.strip()}",
        lambda actor: build_schedule_report(
            _report_data().schedule_report_data(db, actor, args.participant, args.lang)
        ),
    )


@command("report", "worklist")
def _worklist(args: argparse.Namespace, db: Database) -> int:
    today = args.today or dt.date.today()
    return _write(
        args,
        db,
        "report worklist",
        lambda actor: build_worklist_report(
            _report_data().worklist_data(db, actor, args.date_from, args.date_to, today),
            lang=args.lang,
        ),
    )


@command("report", "screening-log")
def _screening_log(args: argparse.Namespace, db: Database) -> int:
    return _write(
        args,
        db,
        "report screening log",
        lambda actor: build_screening_log_report(
            _report_data().screening_log_data(db, actor, args.date_from, args.date_to),
            lang=args.lang,
        ),
    )


def build_outcomes_pdf(db: Database, actor: Actor, lang: str = "en") -> bytes:
    """Analyse in this process (the command ends right after) and print the report."""
    from ..analysis.job import run_study_analysis
    from ..reports.language import catalogue
    from ..reports.outcomes import build_outcomes_report
    from ..services.outcomes import outcomes_report_meta

    target = db.url.render_as_string(hide_password=False)
    output = run_study_analysis(target, actor, texts=catalogue(lang))  # figures too
    figures = {f.name: f.png for f in output.figures}
    return build_outcomes_report(output.results, figures, outcomes_report_meta(actor), lang)


@command("report", "outcomes")
def _outcomes(args: argparse.Namespace, db: Database) -> int:
    return _write(
        args, db, "report outcomes", lambda actor: build_outcomes_pdf(db, actor, args.lang)
    )


@command("report", "casebook")
def _casebook(args: argparse.Namespace, db: Database) -> int:
    return _write(
        args,
        db,
        f"report casebook {args.participant.strip()}",
        lambda actor: build_casebook_report(
            _casebook_data()(db, actor, args.participant, args.lang)
        ),
    )

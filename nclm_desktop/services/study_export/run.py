"""The study export as one audited act (docs/ARCHITECTURE.md §12): check the request, build
every file in a temporary folder beside the destination, record the export in the audit
trail, then move the folder into place. A refusal, a failure or a cancel leaves nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ...clinical import load_protocol
from ...forms import DICTIONARY_VERSION, QT_TRANSLATE_NOOP
from ...forms.catalogue import all_forms
from ...forms.translations import dictionary_labels
from ...models.db import Database
from ..exports import ExportFailed, audit_export
from ..outcomes import study_data
from ..permissions import Actor, Permission, require
from ..uow import reading
from .derived import cci_table, endpoints_table, perioperative_table
from .dictionary import DICTIONARY_HEADER, REDCAP_HEADER, dictionary_rows, redcap_rows
from .tables import ExportCancelled, Table, form_table, participant_keys
from .writers import FORMATS, csv_tables, stats_tables, write_csv, xlsx_tables

DERIVED = ("endpoints", "perioperative", "cci")
Progress = Callable[[int, int, str], None]  # step, steps, what is being written


@dataclass(frozen=True)
class ExportOptions:
    out: Path
    fmt: str = "csv"
    identified: bool = False
    reason: str = ""
    forms: tuple[str, ...] = ()  # empty: every form and derived table
    shift_dates: bool = False


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    rows: dict[str, int]  # file (or workbook:sheet) → rows
    sha256: dict[str, str]  # file → digest (README.txt lists them)


def table_names() -> tuple[str, ...]:
    return (*all_forms(), *DERIVED)


CANNOT_EXPORT = QT_TRANSLATE_NOOP("Refusals", "Cannot export to {out}: {problem}.")


def _cannot(out: Path, exc: OSError) -> ExportFailed:
    return ExportFailed(
        CANNOT_EXPORT, params={"out": str(out), "problem": exc.strerror or str(exc)}
    )


def check_request(actor: Actor | None, options: ExportOptions) -> None:
    """Everything that can be refused before any work: one clear message each."""
    require(actor, Permission.REPORTS)
    if options.fmt not in FORMATS:
        raise ExportFailed(
            QT_TRANSLATE_NOOP("Refusals", "Unknown format {fmt}: choose one of {formats}."),
            params={"fmt": repr(options.fmt), "formats": ", ".join(FORMATS)},
        )
    unknown = [f for f in options.forms if f not in table_names()]
    if unknown:
        raise ExportFailed(
            QT_TRANSLATE_NOOP("Refusals", "Unknown form {unknown}: choose among {forms}."),
            params={"unknown": ", ".join(unknown), "forms": ", ".join(table_names())},
        )
    if options.identified:
        require(actor, Permission.IDENTIFIED_EXPORT)
        if not options.reason.strip():
            raise ExportFailed(
                QT_TRANSLATE_NOOP(
                    "Refusals", "An identified export needs a reason (kept in the audit trail)."
                ),
                params={},
            )
    elif options.reason.strip():
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "Refusals", "A reason is asked only for an identified export (--identified)."
            ),
            params={},
        )
    out = Path(options.out)
    if out.exists() and not out.is_dir():
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "Refusals", "Cannot export to {out}: it is a file; give a new folder."
            ),
            params={"out": str(out)},
        )
    if out.is_dir() and any(out.iterdir()):
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "Refusals", "Cannot export to {out}: the folder is not empty; give a new folder."
            ),
            params={"out": str(out)},
        )
    if not out.parent.is_dir():
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "Refusals", "Cannot export to {out}: the folder {folder} does not exist."
            ),
            params={"out": str(out), "folder": str(out.parent)},
        )


def export_study(
    db: Database,
    actor: Actor,
    options: ExportOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    now: dt.datetime | None = None,
) -> ExportResult:
    check_request(actor, options)
    out = Path(options.out)
    try:
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=".nclm-export-"))
    except OSError as exc:
        raise _cannot(out, exc) from None
    try:
        rows = _build(db, actor, options, staging, progress, cancelled)
        sha = _readme(staging, actor, options, rows, now or dt.datetime.now(dt.UTC))
        if cancelled():
            raise ExportCancelled
        audit_export(db, actor, _what(options), str(out.resolve()), options.reason or None)
        if out.is_dir():
            out.rmdir()  # empty (checked above)
        os.replace(staging, out)
    except ExportCancelled:
        raise ExportFailed(
            QT_TRANSLATE_NOOP("Refusals", "The export was cancelled; nothing was written."),
            params={},
        ) from None
    except OSError as exc:
        raise _cannot(out, exc) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ExportResult(out, rows, sha)


def _what(options: ExportOptions) -> str:
    kind = "identified" if options.identified else "de-identified"
    shifted = ", dates shifted" if options.shift_dates else ""
    return f"study export {options.fmt}, {kind}{shifted}"


def _build(
    db: Database,
    actor: Actor,
    options: ExportOptions,
    folder: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> dict[str, int]:
    wanted = options.forms or table_names()
    forms = [f for name, f in all_forms().items() if name in wanted]
    with reading(db, actor, Permission.REPORTS) as session:
        conn = session.connection()
        keys = participant_keys(conn, options.shift_dates)
        tables: list[Table] = []
        for form in forms:
            t = form_table(
                form, keys, lambda: conn, identified=options.identified, cancelled=cancelled
            )
            if t is not None:
                tables.append(t)
        if "endpoints" in wanted or "perioperative" in wanted:
            outcomes = study_data(db, actor).rows
            if "endpoints" in wanted:
                tables.append(endpoints_table(outcomes, keys))
            if "perioperative" in wanted:
                tables.append(perioperative_table(outcomes, keys))
        if "cci" in wanted:
            tables.append(cci_table(lambda: conn, keys))
        if not tables:
            raise ExportFailed(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Nothing to export: the chosen forms hold only identifying data "
                    "(an identified export includes them).",
                ),
                params={},
            )
        return _write(folder, tables, options.fmt, progress, cancelled)


def _write(
    folder: Path,
    tables: list[Table],
    fmt: str,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> dict[str, int]:
    steps = len(tables) + 1
    state = {"step": 0}

    def tick(name: str) -> None:
        if cancelled():
            raise ExportCancelled
        if progress is not None:
            progress(state["step"], steps, name)

    def each(table: Table) -> Table:  # reports the table about to be written
        inner = table.rows

        def rows():
            tick(table.name)
            yield from inner()
            state["step"] += 1

        return Table(table.name, table.title, table.columns, rows, table.source)

    def row_tick(_n: int) -> None:
        tick("")

    counted = [each(t) for t in tables]
    dictionary = dictionary_rows(tables, dictionary_labels())
    if fmt == "csv":
        rows = csv_tables(folder, counted, row_tick)
    elif fmt == "xlsx":
        rows = xlsx_tables(folder, counted, (DICTIONARY_HEADER, dictionary), row_tick)
    else:
        rows = stats_tables(folder, counted, fmt, row_tick)
    write_csv(folder / "data_dictionary.csv", DICTIONARY_HEADER, dictionary)
    write_csv(folder / "redcap_data_dictionary.csv", REDCAP_HEADER, redcap_rows(tables))
    if progress is not None:
        progress(steps, steps, "")
    return rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _readme(
    folder: Path, actor: Actor, options: ExportOptions, rows: dict[str, int], now: dt.datetime
) -> dict[str, str]:
    study = load_protocol().study
    sha = {p.name: _sha256(p) for p in sorted(folder.iterdir())}
    lines = [
        f"Study: {study.title_en} ({study.registration})",
        f"Exported: {now.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC",
        f"By: {actor.username} ({actor.role})",
        f"Data dictionary version: {DICTIONARY_VERSION}",
        f"Application version: NCLM Desktop {__version__}",
        f"Format: {options.fmt}",
        "Identified: yes (reason in the audit trail)"
        if options.identified
        else "Identified: no (names, record numbers, phones and addresses left out)",
        "Dates: shifted per participant by a random number of days (the same shift in every "
        "table; intervals are kept; the shifts are recorded nowhere)"
        if options.shift_dates
        else "Dates: as recorded",
        "",
        "Rows:",
        *(f"  {name}: {n}" for name, n in rows.items()),
        "",
        "SHA-256:",
        *(f"  {digest}  {name}" for name, digest in sha.items()),
        "",
    ]
    (folder / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    return sha

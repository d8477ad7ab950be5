"""Every file that leaves the system (PDF reports, calendars, analysis results) is written
here: audit first, then the file. The content goes to a temporary file beside the target,
the export is recorded in the audit trail, and only then is the file renamed into place;
if the audit event cannot be written (database busy, read-only ...) no file is left."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from ..forms import QT_TRANSLATE_NOOP
from ..models.db import Database
from .audit_trail import record_export
from .errors import ServiceError
from .permissions import Actor


class ExportFailed(ServiceError):
    pass


IS_A_FOLDER = QT_TRANSLATE_NOOP("Refusals", "Cannot write {path}: it is a folder.")


def _cannot(path: Path, exc: OSError) -> ExportFailed:
    return ExportFailed(
        QT_TRANSLATE_NOOP("Refusals", "Cannot write {path}: {problem}"),
        params={"path": str(path), "problem": exc.strerror or str(exc)},
    )


def _stage(folder: Path, data: bytes) -> Path:
    """The data in a temporary file in ``folder`` (same file system: the rename is atomic)."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=".nclm-export-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_export_files(
    db: Database, actor: Actor, what: str, folder: Path, files: Mapping[str, bytes]
) -> Path:
    """Write ``files`` (name → content) into ``folder`` as one audited export."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot(folder, exc) from None
    targets = {folder / name: data for name, data in files.items()}
    for target in targets:
        if target.is_dir():
            raise ExportFailed(IS_A_FOLDER, params={"path": str(target)})
    staged: dict[Path, Path] = {}
    try:
        for target, data in targets.items():
            try:
                staged[target] = _stage(folder, data)
            except OSError as exc:
                raise _cannot(target, exc) from None
        destination = (
            str(folder.resolve()) if len(files) != 1 else str(next(iter(staged)).resolve())
        )
        audit_export(db, actor, what, destination)
        for target, temp in staged.items():
            os.replace(temp, target)
    finally:
        for temp in staged.values():
            temp.unlink(missing_ok=True)
    return folder


def audit_export(
    db: Database, actor: Actor, what: str, destination: str, reason: str | None = None
) -> None:
    """The audit event of an export (also a print), before anything leaves the system."""
    try:
        record_export(db, actor, what, destination, reason)
    except SQLAlchemyError as exc:
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "Nothing was exported: the export could not be recorded in the audit trail "
                "({problem}). Try again.",
            ),
            params={"problem": _reason(exc)},
        ) from None


def write_export(db: Database, actor: Actor, what: str, target: Path, data: bytes) -> Path:
    """Write one exported file (audited first; see the module docstring)."""
    target = Path(target)
    if target.is_dir():
        raise ExportFailed(IS_A_FOLDER, params={"path": str(target)})
    if not target.parent.is_dir():
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "Refusals", "Cannot write {path}: the folder {folder} does not exist."
            ),
            params={"path": str(target), "folder": str(target.parent)},
        )

    write_export_files(db, actor, what, target.parent, {target.name: data})
    return target


def _reason(exc: SQLAlchemyError) -> str:
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    if "locked" in text or "busy" in text:
        return "the database is busy"
    return text

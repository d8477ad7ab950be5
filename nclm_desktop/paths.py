"""One resolver for bundled files (protocol, fonts, icons, migrations) and user data.

Works from a source checkout, an installed wheel and a frozen (PyInstaller) build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "NCLM Desktop"
APP_ID = "nclm-desktop"


def package_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "nclm_desktop"
    return Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    """A file under nclm_desktop/resources/ (protocol/, fonts/, icons/ ...)."""
    return package_dir().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return package_dir() / "migrations"


def user_data_dir() -> Path:
    """Per-user data directory, the same place QStandardPaths.AppDataLocation points to."""
    from platformdirs import user_data_dir as _udd

    return Path(_udd(APP_NAME, appauthor=False))


def default_database_url() -> str:
    """`NCLM_DB` (a path or URL) or the embedded database in the user's data directory."""
    env = os.environ.get("NCLM_DB")
    if env:
        return env
    return str(user_data_dir() / "nclm.db")

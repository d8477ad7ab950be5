"""Version and build date shown by `--version` and the About dialog.

A packaged build carries `build-info.txt` (written by installer/nclm-desktop.spec at build
time); a run from source says so instead of inventing a date.
"""

from __future__ import annotations

from . import __version__, paths

BUILD_INFO_FILE = "build-info.txt"


def build_date() -> str | None:
    """The UTC date the bundle was built, or None when running from source."""
    try:
        text = (paths.package_dir() / BUILD_INFO_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def version_line() -> str:
    built = build_date()
    return f"{__version__} (built {built})" if built else f"{__version__} (run from source)"

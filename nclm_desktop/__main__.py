"""Entry point: `nclm-desktop` / `python -m nclm_desktop`."""

from __future__ import annotations

import sys


def _launch_gui(target: str, smoke_test: str | None) -> int:
    from .ui.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(target, smoke_test=smoke_test)


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the analysis runs in a child process (frozen builds)
    from .cli import run

    return run(sys.argv[1:], gui=_launch_gui)


if __name__ == "__main__":
    sys.exit(main())

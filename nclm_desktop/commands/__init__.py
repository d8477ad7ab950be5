"""Feature subcommands of `nclm-desktop`, discovered at start-up.

Each module here defines ``add_parsers(subparsers)`` and registers its handlers with
``nclm_desktop.cli.command``; handlers get ``(args, db)`` and return the exit code.
Modules must not import Qt.
"""

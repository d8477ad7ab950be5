"""Headless commands (`nclm-desktop init|user|audit|backup ...`). Never imports Qt."""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, paths
from .models.db import Database, DatabaseError, open_database
from .services import accounts
from .services.audit_trail import verify_chain
from .services.backup import backup_database
from .services.errors import ServiceError
from .services.permissions import Actor

Handler = Callable[[argparse.Namespace, Database], int]
_COMMANDS: dict[tuple[str, ...], Handler] = {}


def command(*name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn

    return register


class CliError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nclm-desktop",
        description="NCLM Desktop: case management for the NCLM hepatectomy study. "
        "Without a command, opens the application window.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--db",
        help="database file or SQLAlchemy URL (default: NCLM_DB or the "
        "embedded database in the user's data folder)",
    )
    p.add_argument(
        "--user", help="user name for commands that write (password from NCLM_PASSWORD or a prompt)"
    )
    p.add_argument(
        "--smoke-test",
        metavar="OUT.png",
        help="open the main window without login on the offscreen platform, save "
        "a screenshot, exit",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("init", help="create or migrate the database")

    user = sub.add_parser("user", help="manage user accounts").add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True
    )
    add = user.add_parser("add", help="add a user (password read twice from stdin or a prompt)")
    add.add_argument("name")
    add.add_argument(
        "--role",
        required=True,
        choices=["admin", "investigator", "surgeon", "coordinator", "monitor"],
    )
    add.add_argument("--display-name")
    user.add_parser("list", help="list users")
    unlock = user.add_parser("unlock", help="lift a sign-in lock (after 5 failed sign-ins)")
    unlock.add_argument("name")
    unlock.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    reset = user.add_parser(
        "reset",
        help="set a temporary password (read twice from stdin or a prompt); "
        "the user must change it at the next sign-in",
    )
    reset.add_argument("name")

    audit = sub.add_parser("audit", help="audit trail").add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True
    )
    audit.add_parser("verify", help="check the hash chain; exit 1 naming the first bad event")

    backup = sub.add_parser("backup", help="back up the embedded database")
    backup.add_argument("--to", type=Path, help="folder for the copy")

    for module in _feature_modules():
        module.add_parsers(sub)
    return p


def _feature_modules() -> list:
    """Every module of nclm_desktop.commands (report, calendar, demo ...)."""
    from . import commands

    return [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name)
    ]


def _read_new_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password again: ")
    else:
        first = sys.stdin.readline().rstrip("\n")
        second = sys.stdin.readline().rstrip("\n")
    if first != second:
        raise CliError("The two passwords differ.")
    return first


def signed_in(args: argparse.Namespace, db: Database) -> Actor:
    """The --user, authenticated with NCLM_PASSWORD or a prompt."""
    if not args.user:
        raise CliError(
            "This command writes to the database: give --user NAME "
            "(password from NCLM_PASSWORD or a prompt)."
        )
    password = os.environ.get("NCLM_PASSWORD")
    if password is None:
        password = getpass.getpass(f"Password for {args.user}: ")
    return accounts.authenticate(db, args.user, password)


@command("init")
def _init(args: argparse.Namespace, db: Database) -> int:
    print(f"Database ready: {db.describe()}")
    if not accounts.has_users(db):
        print(
            "No users yet: add the administrator with "
            "`nclm-desktop user add NAME --role admin`, or start the app."
        )
    return 0


@command("user", "add")
def _user_add(args: argparse.Namespace, db: Database) -> int:
    display = args.display_name or args.name
    if not accounts.has_users(db):
        if args.role != "admin":
            raise CliError("The first user must be an administrator (--role admin).")
        accounts.create_first_admin(db, args.name, display, _read_new_password())
    else:
        actor = signed_in(args, db)
        accounts.add_user(db, actor, args.name, display, args.role, _read_new_password())
    print(f"User {args.name} ({args.role}) added.")
    return 0


@command("user", "list")
def _user_list(args: argparse.Namespace, db: Database) -> int:
    for u in accounts.list_users(db, signed_in(args, db)):
        state = "active" if u["active"] else "inactive"
        print(f"{u['username']:<20} {u['role']:<13} {state:<9} {u['display_name']}")
    return 0


@command("user", "unlock")
def _user_unlock(args: argparse.Namespace, db: Database) -> int:
    actor = signed_in(args, db)
    accounts.unlock_user(db, actor, accounts.user_id_by_name(db, actor, args.name), args.reason)
    print(f"User {args.name} unlocked.")
    return 0


@command("user", "reset")
def _user_reset(args: argparse.Namespace, db: Database) -> int:
    actor = signed_in(args, db)
    user_id = accounts.user_id_by_name(db, actor, args.name)
    accounts.reset_password(db, actor, user_id, _read_new_password())
    print(f"Password of {args.name} reset; they must choose a new one at the next sign-in.")
    return 0


@command("audit", "verify")
def _audit_verify(args: argparse.Namespace, db: Database) -> int:
    report = verify_chain(db)
    if report.ok:
        print(f"Audit trail intact: {report.events} events.")
        return 0
    print(f"Audit trail BROKEN at event {report.first_bad_id}: {report.problem}.", file=sys.stderr)
    return 1


@command("backup")
def _backup(args: argparse.Namespace, db: Database) -> int:
    dest = backup_database(db, signed_in(args, db), args.to)
    print(f"Backup written and checked: {dest}")
    return 0


GuiLauncher = Callable[[str, "str | None"], int]


def run(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    """Run a headless command; without one, hand over to ``gui`` (given by __main__)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    target = args.db or paths.default_database_url()
    if args.command is None or args.smoke_test:
        if gui is None:
            parser.error("a command is required")
        return gui(target, args.smoke_test)
    key = tuple(x for x in (args.command, getattr(args, "subcommand", None)) if x)
    handler = _COMMANDS.get(key)
    if handler is None:
        parser.error(f"unknown command: {' '.join(key)}")
    try:
        db = open_database(target)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        return handler(args, db)
    except (ServiceError, CliError, ValueError) as exc:  # ValueError: a clinical rule refused
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()

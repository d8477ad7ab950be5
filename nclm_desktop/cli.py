"""Headless commands (`nclm-desktop init|user|audit|backup ...`). Never imports Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import importlib
import os
import pkgutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import paths
from .build_info import version_line

if TYPE_CHECKING:
    from .models.db import Database
    from .services.permissions import Actor

# SQLAlchemy and the services load when a command runs, not when the window is wanted: the
# sign-in dialog paints before them (README, "Start-up").

Handler = Callable[[argparse.Namespace, "Database"], int]
_COMMANDS: dict[tuple[str, ...], Handler] = {}


def command(*name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn

    return register


class CliError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line (``--help`` shows the usage), like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# Dates given on the command line: a real calendar date within the years a study can span,
# so date arithmetic never overflows (year 1 or 9999 is a typing slip, not a study date).
OPTION_DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def option_date(text: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    first, last = OPTION_DATE_RANGE
    if not first <= value <= last:
        raise argparse.ArgumentTypeError(f"{text} is outside the years {first.year}-{last.year}")
    return value


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False``: the window's options only (no -h)."""
    p = _Parser(
        add_help=commands,
        prog="nclm-desktop",
        description="NCLM Desktop: case management for the NCLM hepatectomy study. "
        "Without a command, opens the application window.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {version_line()}")
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
    p.add_argument(
        "--lang",
        dest="ui_lang",
        choices=("en", "zh_CN"),
        help="interface language for this run (default: NCLM_LANG, the user's setting, "
        "the system locale)",
    )
    if not commands:
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create or migrate the database")
    init.add_argument(
        "--grant-to",
        metavar="ROLE",
        help="PostgreSQL: after migrating (as the database owner), give the workstations' "
        "login ROLE least-privilege access (README, Shared server)",
    )

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
    verify = audit.add_parser(
        "verify",
        help="check the hash chain, its anchors and every audited table against the trail "
        "(read-only); exit 1 listing what differs",
    )
    verify.add_argument(
        "--anchor",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="also check against this anchor file or backup copy (repeatable)",
    )

    backup = sub.add_parser("backup", help="back up the embedded database")
    backup.add_argument("--to", type=Path, help="folder for the copy")

    restore = sub.add_parser(
        "restore",
        help="replace the embedded database by a checked backup (the application must be "
        "closed; the current file is kept aside)",
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file (.db)")
    restore.add_argument(
        "--db", dest="restore_db", metavar="DB", help="the database to replace (as --db above)"
    )

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
        try:
            password = getpass.getpass(f"Password for {args.user}: ")
        except EOFError:  # no terminal to ask on (a script, a service)
            raise CliError(
                f"No password for {args.user}: set NCLM_PASSWORD or run in a terminal."
            ) from None
    from .services import accounts

    return accounts.authenticate(db, args.user, password)


@command("init")
def _init(args: argparse.Namespace, db: Database) -> int:
    from .services import accounts

    if args.grant_to:
        _grant_app_role(db, args.grant_to)
    print(f"Database ready: {db.describe()}")
    if not accounts.has_users(db):
        print(
            "No users yet: add the administrator with "
            "`nclm-desktop user add NAME --role admin`, or start the app."
        )
    return 0


def _grant_app_role(db: Database, role: str) -> None:
    if db.url.get_backend_name() != "postgresql":
        raise CliError("--grant-to is for a PostgreSQL server; a SQLite file has no roles.")
    from .models.pg_server import grant_app_role

    grant_app_role(db.engine, role)
    print(f"Role {role} may read and write the study, append to the audit trail, no DDL.")


@command("user", "add")
def _user_add(args: argparse.Namespace, db: Database) -> int:
    from .services import accounts

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
    from .services import accounts

    for u in accounts.list_users(db, signed_in(args, db)):
        state = "active" if u["active"] else "inactive"
        print(f"{u['username']:<20} {u['role']:<13} {state:<9} {u['display_name']}")
    return 0


@command("user", "unlock")
def _user_unlock(args: argparse.Namespace, db: Database) -> int:
    from .services import accounts

    actor = signed_in(args, db)
    accounts.unlock_user(db, actor, accounts.user_id_by_name(db, actor, args.name), args.reason)
    print(f"User {args.name} unlocked.")
    return 0


@command("user", "reset")
def _user_reset(args: argparse.Namespace, db: Database) -> int:
    from .services import accounts

    actor = signed_in(args, db)
    user_id = accounts.user_id_by_name(db, actor, args.name)
    accounts.reset_password(db, actor, user_id, _read_new_password())
    print(f"Password of {args.name} reset; they must choose a new one at the next sign-in.")
    return 0


def _audit_verify(args: argparse.Namespace, target: str) -> int:
    """Read-only: the file is never migrated or written (see the README)."""
    from .models.db import DatabaseError
    from .services.audit_verify import verify_database

    try:
        report = verify_database(target, args.anchor)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    head = f"{report.events} events, head {report.head_hash[:12]}"
    if report.ok:
        print(
            f"Audit trail intact: {head}; {report.anchors_checked} anchor(s) matched; "
            f"{report.tables_checked} audited tables ({report.rows_replayed} rows) agree "
            "with the trail."
        )
        return 0
    if report.chain_problem:
        print(
            f"Audit trail BROKEN at event {report.first_bad_id}: {report.chain_problem}.",
            file=sys.stderr,
        )
    for problem in report.anchor_problems:
        print(f"Audit anchor MISMATCH: {problem}.", file=sys.stderr)
    for diff in report.differences:
        print(f"Changed outside the application: {diff.describe()}.", file=sys.stderr)
    hidden = report.difference_count - len(report.differences)
    if hidden > 0:
        print(f"... and {hidden} more difference(s).", file=sys.stderr)
    return 1


# Commands that work on the database file without opening it (it may be damaged).
FileHandler = Callable[[argparse.Namespace, str], int]
_FILE_COMMANDS: dict[tuple[str, ...], FileHandler] = {}
# `audit verify` reads the file read-only and never migrates it.
_FILE_COMMANDS[("audit", "verify")] = _audit_verify


@command("backup")
def _backup(args: argparse.Namespace, db: Database) -> int:
    from .services.backup import backup_database

    dest = backup_database(db, signed_in(args, db), args.to)
    print(f"Backup written and checked: {dest}")
    return 0


def _restore(args: argparse.Namespace, target: str) -> int:
    from .models.db import to_url
    from .services.restore import restore_database

    url = to_url(args.restore_db or target)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise CliError("restore works on the embedded database file (--db FILE).")
    result = restore_database(args.backup, Path(url.database))
    print(
        f"Restored {result.target} from {result.backup} "
        f"({result.head.events} audit events, chain intact)."
    )
    if result.kept_aside:
        print(f"The replaced database and its -wal/-shm are kept in {result.kept_aside}")
    return 0


_FILE_COMMANDS[("restore",)] = _restore


GuiLauncher = Callable[[str, "str | None"], int]


def open_database(target: str) -> Database:
    """The command's database (models.db.open_database, loaded with the first command)."""
    from .models.db import open_database as open_db

    return open_db(target)


def run(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    """Run a headless command; without one, hand over to ``gui`` (given by __main__)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if gui is not None:
        # The window needs only the top-level options: no command module (and so no
        # SQLAlchemy) loads before the sign-in dialog paints (README, "Start-up").
        window, rest = build_parser(commands=False).parse_known_args(argv)
        if not rest:
            if window.ui_lang:  # the window reads it like NCLM_LANG (ui/i18n.py)
                os.environ["NCLM_LANG"] = window.ui_lang
            return gui(window.db or paths.default_database_url(), window.smoke_test)
    from . import cli_failures
    from .models.db import DatabaseError
    from .services.errors import ServiceError

    parser = build_parser()
    args = parser.parse_args(argv)
    target = args.db or paths.default_database_url()
    if args.command is None or args.smoke_test:
        if args.ui_lang:  # the window reads it like NCLM_LANG (ui/i18n.py)
            os.environ["NCLM_LANG"] = args.ui_lang
        if gui is None:
            parser.error("a command is required")
        return gui(target, args.smoke_test)
    key = tuple(x for x in (args.command, getattr(args, "subcommand", None)) if x)
    handler = _COMMANDS.get(key)
    if handler is None and key not in _FILE_COMMANDS:
        parser.error(f"unknown command: {' '.join(key)}")
    try:
        return _run_command(key, handler, args, target)
    except (ServiceError, CliError, DatabaseError, ValueError) as exc:
        # ValueError: a clinical rule refused
        message = str(exc)
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("NCLM_DEBUG"):
            raise
        message = cli_failures.describe(exc, target) or (
            f"unexpected {type(exc).__name__}: {exc} (run with NCLM_DEBUG=1 for details)"
        )
    print(f"error: {cli_failures.one_line(message)}", file=sys.stderr)
    return 2


WRITES_ONE_FILE = ("report", "calendar")  # their --out is a file (analyze's is a folder)


def check_output_path(out: Path) -> None:
    """Refuse an --out that cannot be written before signing in or building anything, so a
    bad path leaves no trace (not even a sign-in event)."""
    if out.is_dir():
        raise CliError(f"Cannot write {out}: it is a folder; give a file name (--out).")
    folder = out.parent
    if not folder.is_dir():
        raise CliError(f"Cannot write {out}: the folder {folder} does not exist.")
    try:
        if out.exists():
            os.close(os.open(out, os.O_WRONLY | os.O_APPEND))  # opens, writes nothing
        else:
            with tempfile.TemporaryFile(dir=folder):
                pass
    except OSError as exc:
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}.") from None


def _run_command(
    key: tuple[str, ...], handler: Handler | None, args: argparse.Namespace, target: str
) -> int:
    if handler is None:
        return _FILE_COMMANDS[key](args, target)
    if key[0] in WRITES_ONE_FILE and isinstance(getattr(args, "out", None), Path):
        check_output_path(args.out)
    db = open_database(target)
    try:
        return handler(args, db)
    finally:
        db.dispose()

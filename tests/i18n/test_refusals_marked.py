"""Every message the services (and the analysis) give the user is a marked template, so that
it is shown in the user's language (docs/ARCHITECTURE.md §3 "refusals"): read from the
sources, a new English-only message fails here before a Chinese user meets it.

A message is what a user-facing error (a ``UserError`` subclass) is built with, and what a
rule hands back as a problem text through ``said``. It must be
``QT_TRANSLATE_NOOP("Refusals", ...)`` with ``params=`` (or inside ``said(...)``), or a value
made elsewhere (a name, a call) that is not itself a plain string in the same function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nclm_desktop.forms.errors import UserError

ROOT = Path(__file__).resolve().parents[2] / "nclm_desktop"
CHECKED = ("services", "analysis")


# Raised for a programming error (a broken invariant), never shown to a user as a refusal.
INTERNAL = {"AssertionError", "LookupError", "KeyError", "TypeError", "NotImplementedError"}
# The import's reader raises "file:row:column: message" lines whose message is a marked
# template translated where the problem is found (study_import/reading.said).
LOCATED = {"SourceError"}


def _subclasses(cls: type) -> set[str]:
    names = {cls.__name__}
    for sub in cls.__subclasses__():
        names |= _subclasses(sub)
    return names


def _user_errors() -> set[str]:
    # Import every checked module so that every subclass is known.
    import importlib

    for package in CHECKED:
        for path in sorted((ROOT / package).rglob("*.py")):
            dotted = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
            importlib.import_module(dotted.removesuffix(".__init__"))
    return _subclasses(UserError) | {"ServiceError"}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_plain_text(node: ast.expr) -> bool:
    """An English sentence written here: a literal, an f-string, a concatenation, a .format
    or a % of one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_plain_text(node.left) or _is_plain_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and _is_plain_text(node.func.value)
    if isinstance(node, ast.IfExp):
        return _is_plain_text(node.body) or _is_plain_text(node.orelse)
    return False


def _is_marked(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and _name(node.func) == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value in ("Refusals", "DataDictionary")  # ui/i18n.refusal_text
    )


def _is_problem_note(node: ast.Call) -> bool:
    """``problems.at(row, column, message)`` / ``problems.add(...)`` of the import."""
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in ("at", "add")
        and (_name(func.value) or "").endswith("problems")
    )


class _Finder(ast.NodeVisitor):
    def __init__(self, errors: set[str], where: str) -> None:
        self.errors, self.where = errors, where
        self.found: list[str] = []
        self.plain_names: list[set[str]] = [set()]  # per function: names bound to plain text

    def _scope(self, node: ast.AST) -> None:
        bound = set()
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assign) and _is_plain_text(sub.value):
                bound |= {t.id for t in sub.targets if isinstance(t, ast.Name)}
        self.plain_names.append(bound)
        self.generic_visit(node)
        self.plain_names.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _scope  # noqa: N815

    def visit_Raise(self, node: ast.Raise) -> None:  # noqa: N802
        """Any other exception raised with a sentence written here (a DatabaseError, a
        ValueError) would reach the user in English too."""
        call = node.exc
        if (
            isinstance(call, ast.Call)
            and _name(call.func) not in self.errors | INTERNAL | LOCATED
            and call.args
            and _is_plain_text(call.args[0])
        ):
            self._flag(call, "an unmarked message (raise a UserError with a template)")
        self.generic_visit(node)

    def _flag(self, node: ast.AST, why: str) -> None:
        self.found.append(f"{self.where}:{node.lineno}: {why}: {ast.unparse(node)[:110]}")

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        called = _name(node.func)
        keywords = {k.arg for k in node.keywords}
        if called in self.errors:
            position = 1 if called in ("ValidationError", "OutsideWindow") else 0
            message = next((k.value for k in node.keywords if k.arg == "message"), None)
            if message is None and len(node.args) > position:
                message = node.args[position]
            if message is not None:
                self._check_message(
                    node, message, has_params=bool({"params", "template"} & keywords)
                )
        elif called == "said" and node.args:
            self._check_message(node, node.args[0], has_params=True)
        elif (
            called == "Problem" and len(node.args) == 4
        ):  # the import's (file, row, column, message)
            self._check_message(node, node.args[3], has_params=True)
        elif _is_problem_note(node) and node.args:
            # The import's report: each problem's message is shown translated (shown()).
            self._check_message(node, node.args[-1], has_params=True)
        self.generic_visit(node)

    def _check_message(self, node: ast.Call, message: ast.expr, *, has_params: bool) -> None:
        if _is_plain_text(message):
            self._flag(node, "an unmarked message")
        elif isinstance(message, ast.Name) and message.id in self.plain_names[-1]:
            self._flag(node, f"{message.id} holds an unmarked message")
        elif _is_marked(message) and not has_params:
            # Without params the error keeps no template: it would stay English.
            self._flag(node, "a marked message without params= (or said) is not translated")
        elif (
            isinstance(message, ast.Call)
            and _name(message.func) == "QT_TRANSLATE_NOOP"
            and not _is_marked(message)
        ):
            self._flag(node, "a message marked outside the contexts refusals are looked up in")


def _unmarked() -> list[str]:
    errors = _user_errors()
    found: list[str] = []
    for package in CHECKED:
        for path in sorted((ROOT / package).rglob("*.py")):
            finder = _Finder(errors, str(path.relative_to(ROOT.parent)))
            finder.visit(ast.parse(path.read_text(encoding="utf-8")))
            found += finder.found
    return found


def test_every_service_message_is_a_marked_template():
    found = _unmarked()
    assert not found, f"{len(found)} messages not marked:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source, flagged",
    [
        ('raise NotFound(f"No participant with id {pid}")', True),
        ('raise ServiceError("Backup failed.")', True),
        ('raise ValidationError("x", "Give a " + what)', True),
        ('msg = f"No {x}"\n    raise RestoreError(msg)', True),
        ('raise ValidationError("x", QT_TRANSLATE_NOOP("Refusals", "Give a reason."))', True),
        (
            'raise ValidationError("x", QT_TRANSLATE_NOOP("Refusals", "No {x}."), params={"x": 1})',
            False,
        ),
        ('raise NotFound(said(QT_TRANSLATE_NOOP("Refusals", "Gone.")))', False),
        ("raise ValidationError(name, problem)", False),
        ('return said("Plain {x}", x=1)', True),
        ('ctx.problems.at(row, "kind", "Only a death is recorded here.")', True),
        ("ctx.problems.at(row, column, said(NO_NAME))", False),
        ('raise AssertionError("a template has no rows")', False),  # not shown to the user
        ('raise DatabaseError(f"There is no database at {path}.")', True),
    ],
)
def test_the_check_itself(source, flagged):
    finder = _Finder(_user_errors(), "example.py")
    finder.visit(ast.parse(f"def f():\n    {source}\n"))
    assert bool(finder.found) is flagged, finder.found

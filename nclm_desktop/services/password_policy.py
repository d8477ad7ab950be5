"""The password policy: one pure function, used at first start, add user, reset and change."""

from __future__ import annotations

import unicodedata
from functools import cache

from .. import paths
from ..forms.errors import Said, said
from ..forms.field import QT_TRANSLATE_NOOP

MIN_LENGTH = 10
MAX_LENGTH = 256


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list (lower-case; source and licence in resources/passwords/README.md)."""
    text = paths.resource("passwords", "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def password_problem(password: str, username: str = "") -> Said | None:
    """What is wrong with ``password`` for ``username`` (a sentence, translatable where
    shown), or None if it is fine."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in password) or any(
        unicodedata.category(c) == "Cc" for c in password
    ):
        return said(
            QT_TRANSLATE_NOOP("Refusals", "The password must not contain control characters.")
        )
    if password and not password.strip():
        return said(QT_TRANSLATE_NOOP("Refusals", "The password must not be only spaces."))
    if len(password) < MIN_LENGTH:
        return said(
            QT_TRANSLATE_NOOP("Refusals", "The password must have at least {n} characters."),
            n=MIN_LENGTH,
        )
    if len(password) > MAX_LENGTH:
        return said(
            QT_TRANSLATE_NOOP("Refusals", "The password must have at most {n} characters."),
            n=MAX_LENGTH,
        )
    if len(set(password)) == 1:
        return said(
            QT_TRANSLATE_NOOP("Refusals", "The password must not repeat a single character.")
        )
    # Contained, not only equal; a name of one or two letters ("pi") only when equal, or it
    # would forbid half the dictionary.
    name = username.strip().casefold()
    if name and (name in password.casefold() if len(name) >= 3 else name == password.casefold()):
        return said(QT_TRANSLATE_NOOP("Refusals", "The password must not contain the user name."))
    if password.lower() in common_passwords():
        return said(
            QT_TRANSLATE_NOOP(
                "Refusals", "This password is on a list of common passwords; choose another."
            )
        )
    return None

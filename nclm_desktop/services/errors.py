"""Errors services raise; their messages are shown to the user as they are."""

from __future__ import annotations

from ..forms.errors import Term, UserError, ValidationError
from ..forms.field import QT_TRANSLATE_NOOP

# A use case refused, with a message for the user. The same base as the data dictionary's
# ValidationError, so one ``except ServiceError`` catches both (docs/ARCHITECTURE.md §11).
ServiceError = UserError


def named(study_id: str | None) -> str:
    """A participant as a message names it: the study ID, or "This participant" (translated
    with the message) before one is given."""
    return study_id or Term(QT_TRANSLATE_NOOP("Refusals", "This participant"), "Refusals")


# The message for an id that names no participant (a stale list, a wrong command-line id).
NO_PARTICIPANT = QT_TRANSLATE_NOOP("Refusals", "No participant with id {id}.")


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class AuthenticationFailed(ServiceError):
    pass


class RecordLocked(ServiceError):
    pass


class DatabaseUnavailable(ServiceError):
    """The shared database could not do it now (busy, unreachable, connection lost)."""


__all__ = [
    "AuthenticationFailed",
    "DatabaseUnavailable",
    "NO_PARTICIPANT",
    "NotFound",
    "PermissionDenied",
    "RecordLocked",
    "ServiceError",
    "ValidationError",
    "named",
]

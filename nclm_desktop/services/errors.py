"""Errors services raise; their messages are shown to the user as they are."""

from __future__ import annotations

from ..forms.errors import UserError, ValidationError

# A use case refused, with a message for the user. The same base as the data dictionary's
# ValidationError, so one ``except ServiceError`` catches both (docs/ARCHITECTURE.md §11).
ServiceError = UserError


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
    "NotFound",
    "PermissionDenied",
    "RecordLocked",
    "ServiceError",
    "ValidationError",
]

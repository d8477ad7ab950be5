"""Errors services raise; their messages are shown to the user as they are."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class: a use case refused, with a message for the user."""


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ValidationError(ServiceError):
    """Bad input; ``field`` names the widget/field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class AuthenticationFailed(ServiceError):
    pass


class RecordLocked(ServiceError):
    pass


class DatabaseUnavailable(ServiceError):
    """The shared database could not do it now (busy, unreachable, connection lost)."""

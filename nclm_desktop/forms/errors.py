"""The error every layer uses for refused input; its message is shown to the user as it is.

It lives here, below the services, so that the data dictionary, the services' cross-field
rules and the forms all raise one type carrying the field name (docs/ARCHITECTURE.md §11).
"""

from __future__ import annotations


class UserError(Exception):
    """A request refused, with a message for the user."""


class ValidationError(UserError):
    """Bad input; ``field`` names the variable (= widget objectName) at fault. ``soft`` is
    True when the value is only outside its plausible range: the user may confirm it."""

    def __init__(self, field: str, message: str, *, soft: bool = False) -> None:
        super().__init__(message)
        self.field = field
        self.soft = soft

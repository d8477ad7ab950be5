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

    def __init__(
        self,
        field: str,
        message: str,
        *,
        soft: bool = False,
        template: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.soft = soft
        # The message before its values were put in (a marked dictionary string), so a
        # screen can show it in the user's language; None for messages built elsewhere.
        self.template = template
        self.params = params or {}

"""The error every layer uses for refused input; its message is shown to the user as it is.

It lives here, below the services, so that the data dictionary, the services' cross-field
rules and the forms all raise one type carrying the field name (docs/ARCHITECTURE.md §11).

A message given with ``params`` is a marked template (``QT_TRANSLATE_NOOP("Refusals", ...)``
or a dictionary string): ``str()`` of the error is English until the interface installs a
translator (``set_translator``), then it is the message in the user's language. Parameters
that are words, not data, are passed as ``Term`` so that they are translated too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# Shared with the clinical rules, which sit below this package (clinical/text_marks.py).
from ..clinical.text_marks import Said as Said
from ..clinical.text_marks import Term as Term
from ..clinical.text_marks import said as said

# (template, params) -> the message in the interface language; None: English as written.
Translator = Callable[[str, Mapping[str, Any]], str]
_translator: Translator | None = None


def set_translator(translate: Translator | None) -> None:
    """Called by the interface when its language changes (None for English)."""
    global _translator
    _translator = translate


def shown(text: str) -> str:
    """``text`` as the user reads it: a ``Said`` in the interface language once a translator
    is installed, anything else as it is."""
    if isinstance(text, Said) and _translator is not None:
        try:
            return _translator(text.template, text.params)
        except (KeyError, IndexError, ValueError):  # a translation lost a placeholder
            pass
    return str(text)


class UserError(Exception):
    """A request refused, with a message for the user."""

    def __init__(
        self,
        message: str,
        *,
        params: Mapping[str, Any] | None = None,
        template: str | None = None,
    ) -> None:
        if params is None and template is None and isinstance(message, Said):
            params, message = message.params, message.template
        if params is not None and template is None:
            template, message = message, message.format(**params)
        super().__init__(message)
        # The message before its values were put in, so that it can be shown translated;
        # None for a message built elsewhere (shown as it is).
        self.template = template
        self.params: dict[str, Any] = dict(params or {})

    def __str__(self) -> str:
        if self.template is not None and _translator is not None:
            try:
                return _translator(self.template, self.params)
            except (KeyError, IndexError, ValueError):  # a translation lost a placeholder
                pass
        return super().__str__()


class ValidationError(UserError):
    """Bad input; ``field`` names the variable (= widget objectName) at fault. ``soft`` is
    True when the value is only outside its plausible range: the user may confirm it."""

    def __init__(
        self,
        field: str,
        message: str,
        *,
        soft: bool = False,
        params: Mapping[str, Any] | None = None,
        template: str | None = None,
    ) -> None:
        super().__init__(message, params=params, template=template)
        self.field = field
        self.soft = soft

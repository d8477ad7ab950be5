"""The data dictionary: one definition per variable of every case-report form.

Qt-free. Services validate through it, the UI builds its forms from it, reports and exports
format with it. How to add a field or a form: docs/ARCHITECTURE.md §11.
"""

from __future__ import annotations

from .errors import Term, UserError, ValidationError
from .field import (
    NOT_RECORDED,
    QT_TRANSLATE_NOOP,
    AltUnit,
    Choice,
    Field,
    Identifier,
    Kind,
    Range,
    When,
    choices,
    format_number,
)
from .form import DICTIONARY_VERSION, Form

__all__ = [
    "DICTIONARY_VERSION",
    "NOT_RECORDED",
    "QT_TRANSLATE_NOOP",
    "AltUnit",
    "Choice",
    "Field",
    "Form",
    "Identifier",
    "Kind",
    "Range",
    "Term",
    "UserError",
    "ValidationError",
    "When",
    "choices",
    "format_number",
]

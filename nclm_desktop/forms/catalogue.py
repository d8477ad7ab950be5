"""Every form of the study, by name (docs/ARCHITECTURE.md §11). A new form module in
``forms/crf/`` defines ``FORM`` and is listed here once."""

from __future__ import annotations

import importlib
from functools import cache

from .form import Form

FORM_MODULES: tuple[str, ...] = (
    "screening",
    "identity",
    "enrolment",
    "baseline",
    "systemic_line",
    "operation",
    "operation_team",
    "complication",
    "reoperation",
    "visit",
    "clinical_event",
)


@cache
def all_forms() -> dict[str, Form]:
    forms = {}
    for module in FORM_MODULES:
        form = importlib.import_module(f"{__package__}.crf.{module}").FORM
        forms[form.name] = form
    return forms


def form(name: str) -> Form:
    return all_forms()[name]

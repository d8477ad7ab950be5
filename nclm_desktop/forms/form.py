"""A case-report form: an ordered set of fields stored in one table (docs/ARCHITECTURE.md §11).

``Form.clean`` is the one validation path of the services: each value through its field
(type, hard limits, soft limits unless confirmed), then required and conditionally required
fields. Cross-field and date-order rules stay in the service that owns the record and raise
the same ValidationError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, make_dataclass
from typing import Any

from .errors import Term, ValidationError
from .field import QT_TRANSLATE_NOOP, Field

DICTIONARY_VERSION = "1.0"


@dataclass(frozen=True)
class Form:
    name: str  # e.g. "operation"
    title: str  # marked with QT_TRANSLATE_NOOP("DataDictionary", ...)
    table: str  # the model's table
    fields: tuple[Field, ...]
    version: str = DICTIONARY_VERSION

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"form {self.name}: duplicate field names")

    def __getitem__(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"form {self.name} has no field {name!r}")

    def __contains__(self, name: object) -> bool:
        return any(f.name == name for f in self.fields)

    @property
    def inputs(self) -> tuple[Field, ...]:
        """The fields a person types (derived ones are computed)."""
        return tuple(f for f in self.fields if f.is_input)

    def pick(self, names: Iterable[str]) -> tuple[Field, ...]:
        return tuple(self[n] for n in names)

    def clean(
        self,
        values: Mapping[str, Any],
        *,
        today: dt.date | None = None,
        confirmed: Collection[str] = (),
        only: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """The stored values of ``values`` (only the form's input fields, or ``only``), or
        the first ValidationError in form order. A value outside its soft range passes when
        its field name is in ``confirmed``."""
        fields = self.pick(only) if only is not None else self.inputs
        out: dict[str, Any] = {}
        for f in fields:
            out[f.name] = f.clean(values.get(f.name), today=today, confirmed=f.name in confirmed)
        merged = {**values, **out}
        for f in fields:
            if out[f.name] is None and f.is_required(merged):
                raise missing_error(f)
        return out

    def format(self, name: str, value: Any, **kwargs: Any) -> str:
        return self[name].format(value, **kwargs)

    def record_class(
        self,
        class_name: str,
        *,
        extra: Iterable[tuple[str, Any, Any]] = (),
        defaults: Mapping[str, Any] | None = None,
        frozen: bool = True,
    ) -> type:
        """A dataclass with one attribute per input field (None = not recorded, unless
        ``defaults`` says otherwise; a list default is copied per instance), plus ``extra``
        (name, type, dataclasses.field) for what is not a column of the form's table. For a
        service's input and read-back: a field added to the form travels through the
        service, the screens and the exports with no line of its own there."""
        defaults = defaults or {}

        def default(name: str) -> Any:
            value = defaults.get(name)
            if isinstance(value, list):
                return field(default_factory=lambda v=value: list(v))
            return field(default=value)

        return make_dataclass(
            class_name,
            [*extra, *((f.name, Any, default(f.name)) for f in self.inputs)],
            frozen=frozen,
        )


def missing_message(f: Field) -> str:
    return str(missing_error(f))


def missing_error(f: Field) -> ValidationError:
    if isinstance(f.required, bool):
        return f.fail_as(QT_TRANSLATE_NOOP("DataDictionary", "{label} is required."))
    return f.fail_as(
        QT_TRANSLATE_NOOP("DataDictionary", "{label} is required ({when})."),
        when=Term(f.required.text),
    )

"""The export's data dictionary, from the same definitions as the data (forms/): our own
``data_dictionary.csv`` (one row per exported column) and the same in REDCap's data
dictionary layout, so a site can load the study into REDCap (docs/ARCHITECTURE.md §12)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ...forms import Field, Identifier, Kind, Range
from .columns import Column
from .tables import Table

DICTIONARY_HEADER = (
    "variable",
    "form",
    "label_en",
    "label_zh",
    "type",
    "unit",
    "choices",
    "limits",
    "required",
    "identifier",
    "derived",
)

# REDCap's data dictionary columns, in REDCap's order (its import checks the header).
REDCAP_HEADER = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)


def choices_text(labels: dict[Any, str]) -> str:
    return " | ".join(f"{code}, {label}" for code, label in labels.items())


def _range(r: Range | None) -> str:
    return "" if r is None else f"{r.lo:g}–{r.hi:g}"


def limits_text(f: Field) -> str:
    parts = []
    if f.hard is not None:
        parts.append(f"accepted {_range(f.hard)}")
    if f.soft is not None:
        parts.append(f"usual {_range(f.soft)} (outside: confirmed)")
    if f.kind is Kind.TEXT and f.max_len:
        parts.append(f"at most {f.max_len} characters")
    return "; ".join(parts)


def required_text(f: Field) -> str:
    if isinstance(f.required, bool):
        return "yes" if f.required else "no"
    return f"when {f.required.text}"


def _type(c: Column) -> str:
    if c.checkbox:
        return f"{Kind.YESNO.value} (one choice of {c.field.name}, {c.field.kind.value})"
    return c.kind.value


def dictionary_rows(
    tables: Iterable[Table], translate: Callable[[str], str] | None = None
) -> list[tuple[str, ...]]:
    """One row per exported column; ``label_zh`` from ``translate`` (empty: not translated)."""
    rows = []
    for table in tables:
        for c in table.columns:
            f = c.field
            zh = _chinese(c, translate) if translate else ""
            rows.append(
                (
                    c.name,
                    table.name,
                    c.label,
                    zh,
                    _type(c),
                    f.unit,
                    choices_text(c.value_labels()),
                    limits_text(f),
                    "no" if c.checkbox else required_text(f),
                    f.identifier.value,
                    f.derived,
                )
            )
    return rows


def _chinese(c: Column, translate: Callable[[str], str]) -> str:
    if not c.checkbox:
        return translate(c.label)
    field, choice = translate(c.field.label), translate(c.field.choice_label(c.choice))
    return f"{field}: {choice}" if field and choice else ""


_VALIDATION = {Kind.DATE: "date_ymd", Kind.INTEGER: "integer", Kind.DECIMAL: "number"}


def _redcap_type(f: Field) -> str:
    if f.kind is Kind.CHOICE:
        return "dropdown"
    if f.kind is Kind.YESNO:
        return "yesno"
    if f.kind is Kind.MULTI:
        return "checkbox" if f.choices else "text"
    if f.kind is Kind.TEXT and f.multiline:
        return "notes"
    return "text"


def redcap_rows(tables: Iterable[Table]) -> list[tuple[str, ...]]:
    """REDCap needs one name per variable across the project: a name met again in a later
    form (``ecog`` at screening and at a visit) gets the form's name in front, and the
    annotation says which exported column it is. Checkbox columns are one REDCap field."""
    seen: set[str] = set()
    rows = []
    for table in tables:
        for c in table.columns:
            if c.checkbox and c.choice != c.field.choices[0].code:
                continue  # the field's row was written with its first choice
            f = c.field
            name = f.name if c.checkbox else c.name
            if name in seen:
                if name in ("study_id", "screening_id"):
                    continue  # the record key, once
                variable = f"{table.name}_{name}"[:100]
            else:
                variable = name
            seen.add(variable)
            seen.add(name)
            notes = [x for x in (f.unit, f.help) if x]
            if not isinstance(f.required, bool):
                notes.append(f"required {required_text(f)}")
            annotation = [f"exported as {name}"] if variable != name else []
            if f.derived:
                annotation.insert(0, "@READONLY")
            labels = c.value_labels() if f.kind is Kind.CHOICE else {}
            if f.kind is Kind.MULTI and f.choices:
                labels = {ch.code: ch.label for ch in f.choices}
            hard = f.hard
            rows.append(
                (
                    variable,
                    table.name,
                    "",
                    _redcap_type(f),
                    f.label,
                    choices_text(labels),
                    "; ".join(notes),
                    _VALIDATION.get(f.kind, ""),
                    "" if hard is None else f"{hard.lo:g}",
                    "" if hard is None else f"{hard.hi:g}",
                    "y" if f.identifier is Identifier.DIRECT else "",
                    "",
                    "y" if f.required is True and not f.derived else "",
                    "",
                    "",
                    "",
                    "",
                    " ".join(annotation),
                )
            )
    return rows

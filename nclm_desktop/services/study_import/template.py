"""An empty import template per form (README, Import): the export's columns a person fills
(the computed ones left out), as a CSV header or an xlsx workbook whose second sheet,
``notes``, says for each column its label, type, unit, choices, limits and how to write it.
The import reads a filled template like the export's own files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...forms import QT_TRANSLATE_NOOP, Kind
from ...forms.catalogue import all_forms
from ...forms.translations import dictionary_labels, translations
from ..errors import ServiceError
from ..study_export.columns import Column
from ..study_export.dictionary import DICTIONARY_HEADER, dictionary_rows
from ..study_export.tables import Keys, form_table
from ..study_export.writers import XlsxBook, write_csv
from .reading import importable_tables, required_columns

NOTES_SHEET = "notes"  # passed over by the import (reading.PASSED_OVER)
NOTES_HEADER = ("column", *DICTIONARY_HEADER[2:9], "how to write it", "how to write it (zh)")


class TemplateRefused(ServiceError):
    pass


def template_columns(form_name: str) -> list[Column]:
    required = set(required_columns(form_name))
    return [c for c in _table(form_name).columns if c.name in required]


def _table(form_name: str):
    return form_table(all_forms()[form_name], Keys({}, {}), _no_rows, identified=True)


def _no_rows():
    raise AssertionError("a template has no rows")


# How to write each kind of value, marked so the notes sheet carries them in Chinese too.
_HOW = {
    "checkbox": QT_TRANSLATE_NOOP("ImportTemplate", "1 when ticked, 0 or empty when not"),
    "key": QT_TRANSLATE_NOOP(
        "ImportTemplate", "{key}; the same number links the rows of the other tables"
    ),
    "date": QT_TRANSLATE_NOOP(
        "ImportTemplate", "YYYY-MM-DD (2023/3/15 and Excel dates also read; never day-first)"
    ),
    "number": QT_TRANSLATE_NOOP(
        "ImportTemplate", "a number (1234.5; 1,234.5 and 1.234,5 also read)"
    ),
    "unit": QT_TRANSLATE_NOOP("ImportTemplate", "; a unit may follow: {units}"),
    "or": QT_TRANSLATE_NOOP("ImportTemplate", " or "),
    "yesno": QT_TRANSLATE_NOOP("ImportTemplate", "1 or 0 (yes/no, 是/否 also read)"),
    "choice": QT_TRANSLATE_NOOP(
        "ImportTemplate", "a code from the choices, or its label in English or Chinese"
    ),
    "multi": QT_TRANSLATE_NOOP("ImportTemplate", "codes separated by commas"),
    "text": QT_TRANSLATE_NOOP("ImportTemplate", "text"),
}


def how_to_write(c: Column, tr: Callable[[str], str] = str) -> str:
    """How to write column ``c``'s values; ``tr`` puts the sentences in another language."""
    f = c.field
    if c.checkbox:
        return tr(_HOW["checkbox"])
    if f.derived:  # a record key: study ID, screening number, a record's number
        return tr(_HOW["key"]).format(key=f.derived)
    if c.kind is Kind.DATE:
        return tr(_HOW["date"])
    if c.kind in (Kind.INTEGER, Kind.DECIMAL):
        units = [u for u in (f.unit, *(a.label for a in f.alt_units)) if u]
        unit = tr(_HOW["unit"]).format(units=tr(_HOW["or"]).join(units)) if units else ""
        return tr(_HOW["number"]) + unit
    kind = {Kind.YESNO: "yesno", Kind.CHOICE: "choice", Kind.MULTI: "multi"}.get(c.kind, "text")
    return tr(_HOW[kind])


def notes_rows(form_name: str) -> list[tuple[str, ...]]:
    columns = template_columns(form_name)
    wanted = {c.name for c in columns}
    table = _table(form_name)
    rows = [r for r in dictionary_rows([table], dictionary_labels()) if r[0] in wanted]
    by_name = {c.name: c for c in columns}
    zh = translations("zh_CN", prefer=("ImportTemplate",))

    def chinese(text: str) -> str:
        return zh.get(text, text)

    return [
        (r[0], *r[2:9], how_to_write(by_name[r[0]]), how_to_write(by_name[r[0]], chinese))
        for r in rows
    ]


def write_template(form_name: str, out: Path) -> Path:
    """Write the template of ``form_name`` to ``out`` (.csv or .xlsx); refuses a name the
    import would not know, and never overwrites a file."""
    if form_name not in importable_tables():
        raise TemplateRefused(
            QT_TRANSLATE_NOOP("Refusals", "Unknown form {form}: choose one of {forms}."),
            params={"form": repr(form_name), "forms": ", ".join(importable_tables())},
        )
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise TemplateRefused(
            QT_TRANSLATE_NOOP("Refusals", "{name}: the template is a .csv or an .xlsx file."),
            params={"name": out.name},
        )
    if suffix == ".csv" and out.stem != form_name:
        raise TemplateRefused(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{name}: name the file {form}.csv (the import knows a CSV's table by its name).",
            ),
            params={"name": out.name, "form": form_name},
        )
    if out.exists():
        raise TemplateRefused(
            QT_TRANSLATE_NOOP("Refusals", "{out} already exists; give a new file name."),
            params={"out": str(out)},
        )
    if not out.parent.is_dir():
        raise TemplateRefused(
            QT_TRANSLATE_NOOP("Refusals", "The folder {folder} does not exist."),
            params={"folder": str(out.parent)},
        )
    columns = template_columns(form_name)
    header = [c.name for c in columns]
    try:
        if suffix == ".csv":
            write_csv(out, header, [])
        else:
            book = XlsxBook(out)
            dates = [i for i, c in enumerate(columns) if c.kind is Kind.DATE and not c.checkbox]
            book.sheet(form_name, header, [], dates)
            book.sheet(NOTES_SHEET, NOTES_HEADER, notes_rows(form_name))
            book.close()
    except OSError as exc:
        raise TemplateRefused(
            QT_TRANSLATE_NOOP("Refusals", "Cannot write {path}: {problem}."),
            params={"path": str(out), "problem": exc.strerror or str(exc)},
        ) from None
    return out

"""The study export: one table per form, the derived tables, the data dictionary (ours and
REDCap's) and a README with each file's SHA-256, as CSV, xlsx, Stata or SPSS; de-identified
unless asked otherwise (docs/ARCHITECTURE.md §12)."""

from __future__ import annotations

from .run import DERIVED, ExportOptions, ExportResult, check_request, export_study, table_names
from .writers import FORMATS

__all__ = [
    "DERIVED",
    "FORMATS",
    "ExportOptions",
    "ExportResult",
    "check_request",
    "export_study",
    "table_names",
]

"""The study import: the export's own tables (CSV or xlsx) checked and written through the
same services as typed entry, all or nothing (docs/ARCHITECTURE.md §12)."""

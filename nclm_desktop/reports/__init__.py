"""reports layer (see docs/ARCHITECTURE.md §1)."""

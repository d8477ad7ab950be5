"""services layer (see docs/ARCHITECTURE.md §1)."""

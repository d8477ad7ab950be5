"""models layer (see DESIGN.md §1)."""

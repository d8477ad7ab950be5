"""analysis layer (see DESIGN.md §1)."""

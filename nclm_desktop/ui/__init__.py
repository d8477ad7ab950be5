"""ui layer (see DESIGN.md §1)."""

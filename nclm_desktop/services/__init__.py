"""services layer (see DESIGN.md §1)."""

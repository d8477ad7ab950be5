"""reports layer (see DESIGN.md §1)."""

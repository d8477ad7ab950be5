"""ui layer (see docs/ARCHITECTURE.md §1): Qt widgets only."""

from .qt_compat import protect_singletons

protect_singletons()  # before any Qt call: see qt_compat.py

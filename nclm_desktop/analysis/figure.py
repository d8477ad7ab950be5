"""A drawn figure as plain bytes: light to unpickle in the app (no matplotlib import)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str  # file stem, e.g. "km-overall-survival"
    title: str
    png: bytes
    svg: bytes

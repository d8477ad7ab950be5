"""Pure protocol rules of the NCLM study: no Qt, no database, no I/O beyond reading the
packaged protocol file. Everything a clinician could check by hand lives here."""

from .protocol import (
    DEFAULT_PROTOCOL,
    Protocol,
    load_protocol,
)

__all__ = [
    "DEFAULT_PROTOCOL",
    "Protocol",
    "load_protocol",
]

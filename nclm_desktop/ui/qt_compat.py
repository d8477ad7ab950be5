"""Work-around for a reference-counting bug of shiboken6 6.12.0 on CPython 3.11.

PySide6 6.12.0 returns ``None`` from void methods, and ``True``/``False`` from methods such as
``Signal.emit``, without taking a new reference. On Python 3.12 and later these singletons
are immortal and nothing happens; on 3.11 every such call removes one reference and after a
few thousand calls (minutes of normal use) the interpreter aborts with "Fatal Python error:
none_dealloc". PySide6-Pdf exists only for 6.12, so pinning an older PySide6 is no way out.
The singletons are never freed legitimately, so giving them a very large reference count
makes them as good as immortal, as they are on newer Pythons.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def protect_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _done = True

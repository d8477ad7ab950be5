"""Linux bundle: one copy of each shared library, without what nothing loads (installer/README.md,
"Size"). Run by the spec after PyInstaller has collected the bundle.

Wheels carry private copies of libraries (auditwheel renames them ``libssl-6a9b88ec.so.3`` in
``psycopg_binary.libs/``) that the bundle often holds already: the build system's OpenSSL and
Kerberos beside psycopg's, numpy's Fortran runtime beside scipy's, the X and compression libraries
beside Pillow's. A copy becomes a relative link to its twin (the same library name and major
version) when the twin defines every symbol, at the same symbol version, that the copy's users
import from the copy (checked with ``nm -D``): the dynamic loader then maps one file where it
mapped two. Then libraries that no file of the bundle lists as needed any more (the deps of
excluded plugins, the copies just replaced) are deleted.

Needs binutils (readelf, nm, strip).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import defaultdict
from pathlib import Path

# auditwheel's private copy: libNAME-<hash>[-<hash>].so[.MAJOR[...]]
PRIVATE_COPY = re.compile(
    r"^(?P<base>lib.+?)-[0-9a-f]{8}(?:-[0-9a-f]{8})?\.so(?:\.(?P<major>\d+))?"
)
PYTHON_MODULE = re.compile(r"\.cpython-\d+|\.abi3\.so$")  # imported, not linked against
# Loaded by the bootloader by name, not listed as needed by any library.
LOADED_BY_NAME = ("libpython",)


def _shared_objects(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*.so*") if p.is_file() and not p.is_symlink() and ".so" in p.name
    )


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def _symbols(path: Path, *, defined: bool) -> dict[str, set[str]]:
    """Dynamic symbols by name, each with its versions ('' when unversioned)."""
    flag = "--defined-only" if defined else "--undefined-only"
    out = subprocess.run(["nm", "-D", flag, str(path)], capture_output=True, text=True).stdout
    symbols: dict[str, set[str]] = defaultdict(set)
    for line in out.splitlines():
        name, _, version = line.split()[-1].replace("@@", "@").partition("@")
        symbols[name].add(version)
    return symbols


def strip_shared_libraries(folder: Path) -> None:
    """Debug symbols out, except in the wheels' own copies (``*.libs/``): stripping numpy's
    and scipy's OpenBLAS breaks them."""
    for path in _shared_objects(folder):
        if not path.parent.name.endswith(".libs"):
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)


class _Bundle:
    """The bundle's shared objects, what each needs, and the links to each."""

    def __init__(self, internal: Path, executables: list[Path]) -> None:
        self.internal = internal
        self.files = _shared_objects(internal)
        self.needed = {path: set(_needed(path)) for path in [*self.files, *executables]}
        self.aliases: dict[Path, set[str]] = defaultdict(set)
        for link in internal.rglob("*.so*"):
            if link.is_symlink():
                self.aliases[link.resolve()].add(link.name)

    def users(self, path: Path) -> list[Path]:
        """What needs the file, by its own name or the name of a link to it."""
        names = {path.name} | self.aliases[path.resolve()]
        return [user for user, needs in self.needed.items() if names & needs and user != path]


def _serves(twin: Path, copy: Path, users: list[Path]) -> bool:
    """Whether ``twin`` defines everything the users take from ``copy``."""
    offered, provided = _symbols(copy, defined=True), _symbols(twin, defined=True)
    for user in users:
        for name, versions in _symbols(user, defined=False).items():
            if name not in offered:
                continue  # from another library
            for version in versions:
                if version and version not in provided.get(name, set()):
                    return False
                if not version and name not in provided:
                    return False
    return True


def _twins(copy: Path, bundle: _Bundle, replaced: set[Path]) -> list[Path]:
    """Candidates for a private copy: the build system's library of that name and major
    version at the top of the bundle first, then other wheels' copies of it."""
    match = PRIVATE_COPY.match(copy.name)
    assert match is not None
    key = (match["base"], match["major"])
    system = bundle.internal / (f"{key[0]}.so.{key[1]}" if key[1] else f"{key[0]}.so")
    twins = [system] if system.is_file() and not system.is_symlink() else []
    for other in bundle.files:
        found = PRIVATE_COPY.match(other.name)
        same = found is not None and (found["base"], found["major"]) == key
        if same and other != copy and other not in replaced:
            twins.append(other)
    return twins


def link_twin_libraries(internal: Path, executables: list[Path]) -> list[str]:
    """Private copies replaced by links to a twin that serves their users; returns what was
    linked (``copy -> twin``) for the build log."""
    kept: set[Path] = set()  # twins something now links to: never replaced themselves
    replaced: set[Path] = set()
    done: list[str] = []
    while True:  # a copy's users may be copies replaced in the round before (libssl, libcrypto)
        bundle = _Bundle(internal, executables)
        before = len(done)
        for copy in bundle.files:
            if not copy.parent.name.endswith(".libs") or not PRIVATE_COPY.match(copy.name):
                continue
            users = bundle.users(copy)
            if copy in kept or not users or any(user in replaced for user in users):
                continue
            for twin in _twins(copy, bundle, replaced):
                if _serves(twin, copy, users):
                    copy.unlink()
                    copy.symlink_to(os.path.relpath(twin, copy.parent))
                    kept.add(twin)
                    replaced.add(copy)
                    done.append(f"{copy.relative_to(internal)} -> {twin.relative_to(internal)}")
                    break
        if len(done) == before:
            return done


def drop_orphan_libraries(internal: Path, executables: list[Path]) -> list[str]:
    """Delete libraries (not Python modules or Qt plugins) that nothing needs, until none is
    left; returns their names for the build log."""
    dropped = []
    while True:
        bundle = _Bundle(internal, executables)
        orphans = [
            path
            for path in bundle.files
            if path.name.startswith("lib")
            and not PYTHON_MODULE.search(path.name)  # pandas/_libs/lib.cpython-311-...so
            and not path.name.startswith(LOADED_BY_NAME)
            and "/plugins/" not in path.as_posix()
            and not bundle.users(path)
        ]
        if not orphans:
            return dropped
        for path in orphans:
            dropped.append(str(path.relative_to(internal)))
            path.unlink()
        for link in internal.rglob("*"):  # links left pointing at nothing
            if link.is_symlink() and not link.exists():
                link.unlink()

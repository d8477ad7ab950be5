"""The database as files on disk: what may be opened, who may read it, who has it open.

Kept apart from the engine code in db.py: everything here works on paths and plain sqlite3
connections, so restore can use it on a file the application refuses to open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import threading
from pathlib import Path

from ..clinical.text_marks import QT_TRANSLATE_NOOP, Said, said

SIDECARS = ("-wal", "-shm", "-journal")
FILE_MODE = 0o600  # database, -wal, -shm, lock file and backups: the owner only
FOLDER_MODE = 0o700  # the application's data folder and its backup folders


class FileCheckError(Exception):
    """A file the application must not open. ``text`` is the message, a marked sentence
    (``str()`` is English; shown translated where the interface shows it, e.g. inside a
    restore refusal)."""

    def __init__(self, text: Said) -> None:
        super().__init__(text)
        self.text = text


# The restore command stays as typed in every language.
_EMPTY = QT_TRANSLATE_NOOP(
    "Refusals",
    "{path} is empty (0 bytes), so it holds no study. If it should, restore it from a backup "
    "with `nclm-desktop restore BACKUP --db {path}`; to start a new study, delete the empty "
    "file first.",
)
_DAMAGED = QT_TRANSLATE_NOOP(
    "Refusals",
    "The database {path} is damaged ({problem}); nothing was changed. Close NCLM Desktop "
    "everywhere and restore it from a backup with `nclm-desktop restore BACKUP --db {path}`.",
)


def sidecars(path: Path) -> list[Path]:
    """The -wal, -shm (and rollback -journal) files SQLite keeps next to ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def check_regular_file(path: Path) -> None:
    """Refuse what is not a plain, non-empty file before anything reads it.

    A FIFO would block the first read for ever; an empty file would be taken by SQLite as
    a new, empty database, so a truncated study would silently start over.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileCheckError(
            said(
                QT_TRANSLATE_NOOP("Refusals", "{path} cannot be used: {error}."),
                path=path,
                error=exc.strerror or exc,
            )
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise FileCheckError(
            said(
                QT_TRANSLATE_NOOP("Refusals", "{path} is a folder, not a database file."), path=path
            )
        )
    if not stat.S_ISREG(st.st_mode):
        raise FileCheckError(
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals", "{path} is not a regular file (a pipe or device?); not opened."
                ),
                path=path,
            )
        )
    if st.st_size == 0:
        raise FileCheckError(said(_EMPTY, path=path))


def quick_check(path: Path) -> None:
    """``PRAGMA quick_check`` on an existing database: refuse a damaged file untouched."""
    check = HealthCheck(path)
    check.wait()


class HealthCheck:
    """``PRAGMA quick_check`` of an existing database, run on a background thread.

    quick_check reads every page (it skips only the index-versus-table comparison of
    integrity_check): about 2 s per 300 MB, so the window can open while it runs and only
    the first write waits for its verdict (README, "Data safety").
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._done = threading.Event()
        self._problem: str | None = None
        self._cancelled = False
        self._con: sqlite3.Connection | None = None
        self._guard = threading.Lock()
        threading.Thread(target=self._run, name="nclm-quick-check", daemon=True).start()

    def _run(self) -> None:
        problems = ["ok"]
        try:
            con = sqlite3.connect(
                f"file:{self.path.as_posix()}?mode=ro", uri=True, check_same_thread=False
            )
            with self._guard:
                self._con = con
            try:
                if not self._cancelled:
                    problems = [row[0] for row in con.execute("PRAGMA quick_check(5)")]
            finally:
                with self._guard:
                    self._con = None
                con.close()
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        self._problem = None if problems == ["ok"] or self._cancelled else problems[0]
        self._done.set()

    def cancel(self) -> None:
        """Stop a check still running (the database is being closed)."""
        with self._guard:
            self._cancelled = True
            if self._con is not None:
                self._con.interrupt()

    def wait(self) -> None:
        """Block until the verdict; raise FileCheckError for a damaged file."""
        self._done.wait()
        if self._problem is not None:
            raise FileCheckError(said(_DAMAGED, path=self.path, problem=self._problem))

    @property
    def finished(self) -> bool:
        return self._done.is_set()


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- permissions ------------------------------------------------------------------------


def make_private_folder(folder: Path, *, tighten: bool = False) -> None:
    """Create ``folder`` 0700 (POSIX, whatever the umask). An existing folder is tightened
    only when it is the application's own (``tighten``), never a folder the user chose."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tighten = True
    if tighten and os.name == "posix":
        os.chmod(folder, FOLDER_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (0600 whatever the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, FILE_MODE)  # the umask may have removed bits, never adds; be explicit


def make_private(path: Path) -> None:
    """0600 on the database and whichever of its -wal/-shm exist.

    SQLite creates -wal and -shm with the mode of the database file, so once the database
    is 0600 they are too; existing ones (from an older version) are tightened here. On
    Windows the per-user data folder already keeps other accounts out.
    """
    if os.name != "posix":
        return
    for file in (path, *sidecars(path)):
        # Gone, or not our file (a shared read-only copy): reading must still work.
        with contextlib.suppress(FileNotFoundError, PermissionError):
            # Only ever remove bits: a file made read-only on purpose stays read-only.
            os.chmod(file, os.stat(file).st_mode & FILE_MODE)


# --- "in use": a lock file held by every process that has the database open -----------
#
# Why a lock file and not an exclusive SQLite lock attempt: in WAL mode an idle
# application holds no SQLite lock between transactions, and BEGIN EXCLUSIVE does not keep
# readers out, so SQLite cannot tell "nobody has it open" from "open but idle". An OS lock
# on "<db>.lock" can: every process that opens the database takes a shared lock and keeps it
# until it closes the database; restore asks for an exclusive lock without waiting. The
# operating system drops the locks of a process that dies (even by kill -9), so a crash
# never leaves the database looking "in use". The lock file itself is never deleted
# (deleting it would let two processes lock two different files).


class InUseError(Exception):
    pass


def lock_path(path: Path) -> Path:
    """Next to the real file, so a path through a symbolic link finds the same lock."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".lock")


class FileLock:
    """A shared or exclusive OS lock on ``<db>.lock``; ``release`` (or process exit) drops it."""

    def __init__(self, path: Path, *, exclusive: bool) -> None:
        self.path = lock_path(path)
        with contextlib.suppress(OSError):  # exists already, or a read-only folder (below)
            create_private_file(self.path)
        try:
            self._fd: int | None = os.open(self.path, os.O_RDWR)
        except OSError:
            # A read-only folder or lock file (a copy opened for reading): nobody can
            # restore there either, so there is nothing to guard.
            self._fd = None
            return
        if not _lock(self._fd, exclusive):
            os.close(self._fd)
            self._fd = None
            raise InUseError(str(path))

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    def __del__(self) -> None:
        self.release()


def _lock(fd: int, exclusive: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _lock_windows(fd, exclusive)
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _lock_windows(fd: int, exclusive: bool) -> bool:  # pragma: no cover - Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    lockfile_fail_immediately, lockfile_exclusive_lock = 0x1, 0x2
    flags = lockfile_fail_immediately | (lockfile_exclusive_lock if exclusive else 0)
    handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
    overlapped = Overlapped()
    ok = ctypes.windll.kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(overlapped))
    return bool(ok)

"""Files written safely: the one atomic writer (temp file, fsync, rename, folder fsync) and
the store's lock. The store, exports and the gazetteer index all write through here."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import StoreError, StoreLocked
from ..messages import t

DEFAULT_LOCK_TIMEOUT = 10.0


def remove_stray_temp_files(path: Path) -> None:
    """Delete temp files a killed write left behind. Call under the lock: no write is under way then."""
    prefix = f".{path.name}."
    try:
        children = list(path.parent.iterdir())
    except OSError:
        return
    for child in children:
        if child.name.startswith(prefix) and child.name.endswith(".tmp"):
            with suppress(OSError):
                child.unlink()


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def ensure_folder(folder: Path) -> None:
    """Create the store's folder readable by its owner only (an existing one keeps its mode)."""
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
        except OSError as error:  # a file in the way, a read-only mount
            raise StoreError(t("store.write_failed", path=folder, reason=error.strerror or str(error))) from None


def replace_file(path: Path, payload: bytes | Iterable[bytes | memoryview]) -> None:
    """Replace `path` by `payload` (bytes, or pieces written in turn) atomically and durably:
    a temp file beside it (0600), fsync, rename, fsync of the folder. On any failure the temp
    file is removed, the old file is unchanged and the error (OSError) goes to the caller.
    The store and `export --force` both write through here."""
    import tempfile

    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(payload, bytes | bytearray | memoryview):
                handle.write(payload)
            else:
                for piece in payload:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_dir(path.parent)


def atomic_write(path: Path, payload: bytes | Iterable[bytes | memoryview]) -> None:
    """The store's write: `replace_file` into its private folder; StoreError when it fails
    (no room, no inode left, a read-only mount), with the old file unchanged."""
    ensure_folder(path.parent)
    try:
        replace_file(path, payload)
    except OSError as error:
        raise StoreError(t("store.write_failed", path=path, reason=error.strerror or str(error))) from None


def _flock(lock_path: str, timeout: float) -> int | None:
    """An open descriptor holding flock(LOCK_EX) on `lock_path`; None on timeout; -1 if flock is unavailable."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return -1
    import errno
    import time

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(lock_path, flags, 0o600)
    except OSError as error:
        raise StoreError(t("store.write_failed", path=lock_path, reason=error.strerror or str(error))) from None
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                os.close(fd)
                return -1  # no flock on this file system (ENOSYS, EOPNOTSUPP...): let filelock decide
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.close(fd)
            return None
        time.sleep(min(delay, remaining))
        delay = min(delay * 2, 0.05)


@contextmanager
def exclusive_lock(lock_path: str, timeout: float, store_path: Path) -> Iterator[None]:
    """Hold the exclusive lock on `lock_path` (StoreLocked, naming `store_path`, after `timeout` seconds).

    Where the OS has flock (Linux, macOS, BSD) we take it directly: the very lock
    filelock's UnixFileLock takes on the same file (so the two exclude each other),
    without the ~10 ms that importing filelock adds to every write. Elsewhere
    (Windows), or on a file system without flock, filelock does it.
    """
    fd = _flock(lock_path, timeout)
    if fd is None:
        raise StoreLocked(t("store.locked", path=store_path, seconds=timeout))
    if fd >= 0:
        try:
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock
        return
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLocked(t("store.locked", path=store_path, seconds=timeout)) from None
    try:
        yield
    finally:
        lock.release()


def lock_timeout(given: float | None = None) -> float:
    """`given`, else KOMSOS_LOCK_TIMEOUT, else the default."""
    if given is not None:
        return given
    return float(os.environ.get("KOMSOS_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))

"""Files written safely: the one atomic writer (`replacing`: temp file, fsync, rename, folder
fsync) and the store's lock. The store, exports and the gazetteer index all write through here."""

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


@contextmanager
def replacing(path: Path, *, exclusive: bool = False, prefix: str | None = None) -> Iterator[Path]:
    """The one atomic writer: yields a temp file beside `path` (0600, named `prefix`XXXX.tmp, by
    default `.<name>.XXXX.tmp`) for the caller to fill; when the block ends without error the temp
    file is fsynced and put in `path`'s place by a rename, and the folder is fsynced. A reader sees
    the old file or the new one, never a part. On any failure the temp file is removed, `path` is
    unchanged and the error (OSError) goes to the caller.

    With `exclusive` an existing `path` is never replaced: FileExistsError instead (the new file
    is linked into place, which fails when the name is taken; on a file system without hard links,
    a USB stick's FAT, the name is checked just before the rename)."""
    import tempfile

    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, 0o600)
        if exclusive:
            _link_into_place(temp, path)
        else:
            os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def _link_into_place(temp: Path, path: Path) -> None:
    """Give `temp` the name `path` unless that name is taken (FileExistsError)."""
    import errno

    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if path.exists() or path.is_symlink():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(temp, path)
        return
    temp.unlink()


def replace_file(path: Path, payload: bytes | Iterable[bytes | memoryview], *, exclusive: bool = False) -> None:
    """Write `payload` (bytes, or pieces written in turn) to `path` through `replacing`: the store,
    exports (`exclusive` unless --force) and, through `replacing` itself, the gazetteer index."""
    with replacing(path, exclusive=exclusive) as temp, os.fdopen(os.open(temp, os.O_WRONLY), "wb") as handle:
        if isinstance(payload, bytes | bytearray | memoryview):
            handle.write(payload)
        else:
            for piece in payload:
                handle.write(piece)


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

"""Atomic file writes: a temporary file in the same folder, fsync, then rename over the target.

What a user expects of an editor's "save" holds: a symbolic link stays a link (its target is
written), a new file gets the permissions the umask gives, and an existing file keeps its own.
A file with several hard links is written through (all its names see the new text); that write
is not atomic, so the new text is first saved beside it and removed only once written through.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path


def write_bytes(path: Path, data: bytes, *, durable: bool = True, special: bool = True) -> None:
    """Replace ``path`` with ``data``; readers see the old or the new file, never a half.

    ``durable=False`` skips the fsync: for caches, where a file lost in a crash is just a miss.
    A target that is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO, a shell's
    ``>(…)``) is written to as it is: replacing it would put a file in a device's place.
    ``special=False`` replaces it instead (a cache entry, which nobody reads through a FIFO).
    """
    write_chunks(path, (data,), durable=durable, special=special)


def write_chunks(
    path: Path, chunks: Iterable[bytes], *, durable: bool = True, special: bool = True
) -> None:
    """``write_bytes`` of the bytes ``chunks`` join to, written as they come (a long report is
    never held whole)."""
    try:
        mode: int | None = os.stat(path).st_mode
    except OSError:
        mode = None
    if special and mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        with open(path, "wb") as handle:
            handle.writelines(chunks)
        return
    path = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    existing: os.stat_result | None = None
    with contextlib.suppress(FileNotFoundError):
        existing = os.stat(path)
    fd, tmp = _create_temporary(directory, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(chunks)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if existing is not None and existing.st_nlink > 1:
            _write_through(path, Path(tmp), durable)
            os.unlink(tmp)
            return
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def failure(exc: OSError) -> str:
    """What a failed write means, in words: for the one line that names the file."""
    code = exc.errno
    if code == errno.ENOSPC:
        return "no space left on the device"
    if code == errno.EDQUOT:
        return "disk quota exceeded"
    if code == errno.EFBIG:
        return "file too large (for the file system, or the file-size limit set by ulimit -f)"
    if code == errno.EROFS:
        return "folder not writable (read-only file system)"
    if code in (errno.EACCES, errno.EPERM):
        return "folder not writable (permission denied)"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def _temporary_name(directory: Path, name: str) -> str:
    """``.NAME.XXXXXXXX.tmp``, with NAME shortened so that the whole stays within the file
    system's longest name (a legal 250-character name would otherwise give an illegal one)."""
    suffix = f".{secrets.token_hex(4)}.tmp"
    try:
        longest = os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        longest = 255
    room = max(1, longest - 1 - len(suffix))
    raw = os.fsencode(name)
    if len(raw) > room:
        name = os.fsdecode(raw[:room])
    return f".{name}{suffix}"


def _create_temporary(directory: Path, name: str) -> tuple[int, str]:
    """A new file beside the target, created with mode 0666 so that the umask decides (as for
    any new file), unlike ``tempfile.mkstemp``'s 0600."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = str(directory / _temporary_name(directory, name))
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {directory / name}")


def _write_through(path: Path, saved: Path, durable: bool) -> None:
    """Write the new text, ``saved`` beside ``path``, into ``path`` itself (a hard link)."""
    with open(path, "r+b") as handle, open(saved, "rb") as source:
        shutil.copyfileobj(source, handle)
        handle.truncate()
        handle.flush()
        if durable:
            os.fsync(handle.fileno())

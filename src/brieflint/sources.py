"""Reading a draft's bytes: regular files and standard input only, never more than a limit.

A device (``/dev/zero``, ``/dev/urandom``), a FIFO or a socket named as a draft is refused before
anything is read from it: the file is opened without blocking (``O_NONBLOCK``, so a FIFO with no
writer does not hang the open) and its type is checked on the open descriptor, so nothing can be
swapped in between the check and the read. Standard input is read up to the limit and one byte
more, then refused, so an endless pipe ends the run instead of filling memory.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from brieflint.errors import BrieflintError, InputError

DRAFT = "draft"
DEFAULT_MAX_DRAFT_MB = 10.0
MAX_DRAFT_MB_CEILING = 10_000.0
_CHUNK = 1 << 20


def limit_bytes(max_mb: float) -> int:
    """``max_draft_mb`` in bytes (MB = 1,000,000 bytes, as ``ls -h --si`` and disks count)."""
    return int(max_mb * 1_000_000)


def check_option(value: float | None) -> None:
    """``--max-draft-mb`` as given on the command line (None: not given)."""
    if value is not None and not 0 < value <= MAX_DRAFT_MB_CEILING:
        raise BrieflintError(
            f"must be more than 0 and at most {MAX_DRAFT_MB_CEILING:g}",
            key="--max-draft-mb",
        )


def too_big(path: str, limit: int, what: str = DRAFT) -> InputError:
    mb = f"{limit / 1_000_000:g}"
    if what != DRAFT:
        return InputError(f"{what} larger than {mb} MB, not read", path=path)
    return InputError(
        f"draft larger than {mb} MB, not checked (raise max_draft_mb in the config, "
        "or --max-draft-mb)",
        path=path,
    )


def read_file(source: str, display: str, limit: int, what: str = DRAFT) -> bytes:
    """The bytes of the regular file ``source`` (``display`` in errors), at most ``limit``;
    ``what`` the file is, for the errors ("draft", "baseline file")."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(source, flags)
    except IsADirectoryError:
        raise InputError(f"is a directory, not a {what}", path=display) from None
    except PermissionError:
        raise InputError("permission denied", path=display) from None
    except FileNotFoundError:
        raise InputError("no such file or directory", path=display) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=display) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"is a directory, not a {what}", path=display)
        if not stat.S_ISREG(st.st_mode):
            kind = _kind(st.st_mode)
            raise InputError(f"not a regular file ({kind}), not a {what}", path=display)
        if st.st_size > limit:
            raise too_big(display, limit, what)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return read_bounded(handle, display, limit, st.st_size, what)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=display) from None
    finally:
        os.close(fd)


def read_bounded(
    handle: BinaryIO, display: str, limit: int, expected: int = 0, what: str = DRAFT
) -> bytes:
    """Read ``handle`` to its end, refusing it once it gives more than ``limit`` bytes.

    ``expected``: the size the file claims; it is read in one piece (and one more read sees the
    end), anything else in chunks of 1 MiB."""
    parts: list[bytes] = []
    size = 0
    want = min(expected, limit) + 1 if expected else _CHUNK
    while True:
        chunk = handle.read(min(want, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_big(display, limit, what)
        want = _CHUNK
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"

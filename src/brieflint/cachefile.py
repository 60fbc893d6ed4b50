"""One cache entry on disk, sealed to its key: what both caches (findings, LanguageTool answers)
write and read.

An entry is a header line and a JSON payload::

    {"format": 2, "key": "<key>", "sha256": "<sha256 of key, NUL, payload>"}
    <payload>

A reader takes the payload only when the header names the key it looked up and the checksum
matches, so an entry copied or moved under another key (a clean draft's empty findings planted
under the key of a draft with findings) and a torn or edited one read as a miss; the run then
lints again and writes the entry anew. Anything else wrong with a file — not a regular file,
larger than any entry brieflint writes, JSON nested past Python's limit, the wrong shape — is a
miss too, never an error.

The checksum binds an entry to its key; it is not a signature. Whoever can write the cache folder
can write entries that pass, so a cache restored from an untrusted source (a CI cache saved by a
pull request's branch) must not be used by a run whose verdict matters (the review gate).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from brieflint import sources
from brieflint.atomic import write_bytes
from brieflint.errors import BrieflintError

FORMAT = 2
MAX_ENTRY_BYTES = 64_000_000  # far above any entry: a draft under max_draft_mb's ceiling


def _checksum(key: str, payload: bytes) -> str:
    digest = hashlib.sha256(key.encode("ascii", "replace"))
    digest.update(b"\0")
    digest.update(payload)
    return digest.hexdigest()


def seal(key: str, value: Any) -> bytes:
    """The bytes of the entry holding ``value`` (JSON-serialisable) under ``key``."""
    payload = json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    header = json.dumps({"format": FORMAT, "key": key, "sha256": _checksum(key, payload)})
    return header.encode("ascii") + b"\n" + payload


def unseal(data: bytes, key: str) -> Any:
    """The value sealed in ``data`` under ``key``, or None (another key, torn, damaged)."""
    head, sep, payload = data.partition(b"\n")
    if not sep:
        return None
    try:
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            return None
        if header.get("key") != key or header.get("sha256") != _checksum(key, payload):
            return None
        return json.loads(payload)
    except (ValueError, RecursionError):
        return None


def read(path: Path, key: str) -> Any:
    """The value of the entry at ``path`` for ``key``, or None."""
    try:
        data = sources.read_file(str(path), str(path), MAX_ENTRY_BYTES)
    except BrieflintError:  # missing, not a regular file, too large, unreadable
        return None
    return unseal(data, key)


def write(path: Path, key: str, value: Any, *, durable: bool = False) -> None:
    """Store ``value`` at ``path`` under ``key``; a cache that cannot be written is no cache."""
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, seal(key, value), durable=durable, special=False)

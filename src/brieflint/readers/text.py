"""Plain text: decoded (UTF-8, or UTF-16/UTF-32 with a byte-order mark), every line prose."""

from __future__ import annotations

from brieflint.decode import decode
from brieflint.document import Document


def read(path: str, data: bytes) -> Document:
    return Document.parse(path, decode(data, path), markdown=False)

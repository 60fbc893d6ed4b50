"""Markdown: decoded as text, YAML front matter parsed, code, links and markup kept out of prose."""

from __future__ import annotations

from brieflint.decode import decode
from brieflint.document import Document


def read(path: str, data: bytes) -> Document:
    return Document.parse(path, decode(data, path), markdown=True)

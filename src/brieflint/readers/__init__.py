"""Readers, keyed by file type: each turns a file's bytes into the one :class:`Document` every
rule reads, with a map back to the source's own places where line:column is not enough.

A reader is a module here with one function, ``read(path, data) -> Document`` (``path`` is the
name shown in messages; errors are :class:`~brieflint.errors.InputError` naming it). It is
imported on first use, so a check of Markdown drafts never loads a PDF library. A reader of a
format that is not text (``textual=False``) sets ``Document.source_map`` so that findings carry
a :class:`~brieflint.location.Location`, and adds its globs to ``config.DEFAULT_INCLUDE``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from brieflint.document import Document

Read = Callable[[str, bytes], Document]


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    module: str  # brieflint.readers.<module>
    suffixes: tuple[str, ...]  # lower case, with the dot; () for the fallback reader
    description: str
    # The file is text: it is decoded, its text keys the result cache, and `fix` edits it.
    textual: bool = True
    # `brieflint fix` applies fixes to the file itself (text, and a .docx as tracked changes).
    fixed_in_place: bool = True


READERS: dict[str, ReaderInfo] = {
    info.name: info
    for info in (
        ReaderInfo(
            "markdown",
            "markdown",
            (".md", ".markdown", ".mdown", ".mkd"),
            "Markdown with optional YAML front matter",
        ),
        ReaderInfo(
            "docx",
            "docx",
            (".docx", ".docm"),
            "Word documents (.docx; a .docm is refused, saying why)",
            textual=False,
        ),
        ReaderInfo(
            "pdf",
            "pdf",
            (".pdf",),
            "PDF: the text layer laid out again, without page furniture (pypdfium2)",
            textual=False,
            fixed_in_place=False,
        ),
        ReaderInfo("text", "text", (), "plain text (any other file): UTF-8, UTF-16 or UTF-32"),
    )
}
FALLBACK = "text"


def for_path(path: str) -> ReaderInfo:
    """The reader of the file named ``path``, by its suffix (plain text when none claims it)."""
    suffix = PurePath(path).suffix.lower()
    for info in READERS.values():
        if suffix in info.suffixes:
            return info
    return READERS[FALLBACK]


def reader(info: ReaderInfo) -> Read:
    module = importlib.import_module(f"brieflint.readers.{info.module}")
    read: Read = module.read
    return read


def read(path: str, data: bytes, info: ReaderInfo | None = None) -> Document:
    """The document of the file ``path`` whose bytes are ``data``."""
    return reader(info or for_path(path))(path, data)

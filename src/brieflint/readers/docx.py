"""Word .docx: the body's paragraphs and tables, text boxes, footnotes and endnotes as the text
(``word/story.py`` says what is read and what is not), tracked changes accepted; the document's
properties as metadata; a source map to paragraphs, table cells, notes and Word's pages.

The file is checked before it is parsed (``word/archive.py``: corrupt, zip bomb, macros,
password, wrong format). The draft limit has already bounded the file; its parts may unpack to
``archive.unpack_ceiling`` of its size.
"""

from __future__ import annotations

from typing import Any

from brieflint.document import Document
from brieflint.location import Location
from brieflint.word import archive, props, story


def read(path: str, data: bytes) -> Document:
    document = archive.open_document(data, path, len(data))
    text, found = archive.guarded(path, lambda: (story.read(document), metadata(document)))
    headings = [block.start for block in text.blocks if block.heading and block.text]
    return Document.parse(
        path,
        text.text,
        markdown=False,
        source_map=WordMap(text),
        file_metadata=found,
        headings=headings,
    )


def metadata(document: Any) -> dict[str, Any]:
    """The document's properties as metadata: the core ones by python-docx's names (``title``,
    ``author``, ``created``...), then the custom ones by theirs (a custom property wins). The
    metadata rules take a field the cover does not give from a property of the field's name;
    the core ``author`` is the account that made the file, so it never stands for ``authors``."""
    return {**props.core(document), **props.custom(document)}


class WordMap:
    """Offsets of the text → paragraph, table cell, note and page."""

    def __init__(self, text: story.WordText) -> None:
        self.text = text

    def locate(self, start: int, end: int) -> Location | None:
        block = self.text.block_at(start)
        if block is None:
            return None
        offset = min(start - block.start, len(block.text))
        return location(block, offset)


def location(block: story.Block, offset: int) -> Location:
    """Where ``offset`` of ``block`` is, in Word's terms."""
    table = row = cell = None
    if block.cell is not None:
        table, row, cell = block.cell
    part = block.story
    if part == story.BODY and block.cell is not None:
        part = "table"
    return Location(
        part=part,
        paragraph=block.number,
        table=table,
        row=row,
        cell=cell,
        page=block.page_at(offset),
        offset=offset,
        note=block.note,
    )

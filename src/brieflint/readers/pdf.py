"""PDF: the text layer, read with pypdfium2 and laid out again (``pdf_layout``).

Running headers, footers and page numbers are recognised by where they stand and kept out of
the text; lines are joined into paragraphs (across page breaks too), line-end hyphens resolved,
and every character keeps its page, line on the page and box, which findings carry as their
``location``. Hyphens are judged against the English word list alone (the house vocabulary is
the config's, which a reader does not see).

``BRIEFLINT_PDF_MAX_PAGES`` (default 2000) is the page limit: a longer PDF is refused unread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from brieflint.document import Document
from brieflint.errors import InputError
from brieflint.location import Location
from brieflint.readers import pdf_chars, pdf_layout, pdf_lines

MAX_PAGES_VARIABLE = "BRIEFLINT_PDF_MAX_PAGES"


def max_pages(path: str) -> int:
    """The page limit: ``BRIEFLINT_PDF_MAX_PAGES``, else 2000."""
    raw = os.environ.get(MAX_PAGES_VARIABLE, "").strip()
    if not raw:
        return pdf_chars.DEFAULT_MAX_PAGES
    value = int(raw) if raw.isdigit() else 0
    if value < 1:
        raise InputError(
            f"must be a whole number of pages, at least 1 (not {raw!r})",
            path=path,
            key=MAX_PAGES_VARIABLE,
        )
    return value


def read(path: str, data: bytes) -> Document:
    layout = read_layout(path, data)
    return Document.parse(
        path, layout.text, markdown=False, source_map=PdfMap(layout), headings=layout.headings
    )


def read_layout(path: str, data: bytes) -> pdf_layout.Layout:
    """The PDF ``data`` laid out as text, with the map back to its glyphs."""
    pages = pdf_chars.read(data, path, max_pages(path))
    from brieflint.text.lexicon import Lexicon
    from brieflint.vocabulary import Vocabulary

    lexicon = Lexicon.load("en", Vocabulary())
    return pdf_layout.assemble(pages, lexicon.known)


@dataclass
class PdfMap:
    """Offsets of the text back to the PDF: page, line on the page, offset in the line, and
    one box per line the flagged text covers."""

    layout: pdf_layout.Layout

    def locate(self, start: int, end: int) -> Location | None:
        layout = self.layout
        index = layout.index_at(start)
        if index is None:
            return None
        line = layout.line_of(index)
        offset = layout.line_offset(start)
        boxes = tuple(
            (float(b[0]), float(b[1]), float(b[2]), float(b[3]))
            for page, _, b in layout.boxes(start, max(end, start + 1))
            if page == line.page
        )
        return Location(page=line.page, line=line.number, offset=offset, boxes=boxes)

    def pages(self, start: int, end: int) -> list[tuple[int, Location]]:
        """Every page ``text[start:end]`` touches, with its boxes there (for annotations)."""
        by_page: dict[int, list[pdf_lines.Box]] = {}
        for page, _, box in self.layout.boxes(start, max(end, start + 1)):
            by_page.setdefault(page, []).append(box)
        return [
            (page, Location(page=page, boxes=tuple((b[0], b[1], b[2], b[3]) for b in boxes)))
            for page, boxes in by_page.items()
        ]

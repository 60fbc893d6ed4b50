"""A copy of a PDF with one highlight per finding, its note saying what brieflint found (pypdf).

The page content is not touched: the highlights are annotations, which every PDF viewer shows
and lists, and which a reader can delete. A finding whose text runs over several lines gets one
highlight with a quadrilateral per line; one that runs over a page break, one per page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

AUTHOR = "brieflint"
COLOURS = {"error": "ff6666", "warning": "ffd24d", "info": "8fc7ff"}


@dataclass(frozen=True)
class Note:
    """One finding to mark: its boxes (page, left, bottom, right, top) and what it says."""

    boxes: Sequence[tuple[int, float, float, float, float]]  # page 1-based, PDF points
    title: str  # "warning ocr.hyphenation"
    text: str  # the message and the suggestion
    severity: str = "warning"


def annotate(data: bytes, notes: Sequence[Note]) -> bytes:
    """``data`` (a PDF) with a highlight and a note for each of ``notes``."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    pages = len(writer.pages)
    for note in notes:
        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        for page, left, bottom, right, top in note.boxes:
            if 1 <= page <= pages:
                by_page.setdefault(page, []).append((left, bottom, right, top))
        for page, boxes in by_page.items():
            quads: list[FloatObject] = []
            for left, bottom, right, top in boxes:
                # upper left, upper right, lower left, lower right, as viewers expect
                corners = (left, top, right, top, left, bottom, right, bottom)
                quads.extend(FloatObject(round(v, 2)) for v in corners)
            rect = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            highlight = Highlight(
                rect=rect,
                quad_points=ArrayObject(quads),
                highlight_color=COLOURS.get(note.severity, COLOURS["warning"]),
                printing=True,
            )
            highlight[NameObject("/T")] = TextStringObject(AUTHOR)
            highlight[NameObject("/Subj")] = TextStringObject(note.title)
            highlight[NameObject("/Contents")] = TextStringObject(f"{note.title}: {note.text}")
            writer.add_annotation(page - 1, highlight)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

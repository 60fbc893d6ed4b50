"""``--format pdf -o brief.annotated.pdf``: a copy of the checked PDF with a highlight and a
note per finding, on exactly the flagged text (``pdf_annotate``).

The PDF is laid out again to find the boxes of each finding's text on every page it touches
(a paragraph cut at a page break is marked on both pages); a finding with no place on a page
(none so far) is noted on the first page, at its top left.
"""

from __future__ import annotations

from pathlib import Path

from brieflint.findings import Finding
from brieflint.readers import pdf as pdf_reader
from brieflint.report import Report
from brieflint.reporters import pdf_annotate


def annotate(report: Report, display: str, data: bytes) -> bytes:
    """``data`` (the PDF checked as ``display``) with the findings of ``report`` in it."""
    layout = pdf_reader.read_layout(display, data)
    where = pdf_reader.PdfMap(layout)
    mine = [f for f in report.findings if _same(f.path, display)]
    notes = []
    for f in mine:
        boxes = [
            (page, *box) for page, location in where.pages(f.start, f.end) for box in location.boxes
        ]
        if not boxes and layout.page_sizes:
            _, height = layout.page_sizes[0]
            boxes = [(1, 36.0, height - 48.0, 48.0, height - 36.0)]
        notes.append(pdf_annotate.Note(boxes, f"{f.severity.label} {f.rule}", _text(f), _sev(f)))
    return pdf_annotate.annotate(data, notes)


def _text(f: Finding) -> str:
    text = f.message
    if f.suggestions:
        text += f" (→ {f.suggestions[0]})"
    return text


def _sev(f: Finding) -> str:
    return f.severity.label


def _same(a: str, b: str) -> bool:
    return a == b or Path(a).resolve() == Path(b).resolve()

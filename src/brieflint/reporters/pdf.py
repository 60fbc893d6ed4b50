"""``--format pdf -o brief.annotated.pdf``: a copy of each PDF checked with a highlight and a
note per finding, on exactly the flagged text (``pdf_annotate``).

The PDF is read again and laid out to find the boxes of each finding's text on every page it
touches (a paragraph cut at a page break is marked on both pages); it must read as it did when
it was checked, otherwise (it changed in between) nothing is written. The page content is left
as it is: the highlights are annotations.
"""

from __future__ import annotations

from pathlib import Path

from brieflint import sources
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.readers import pdf as pdf_reader
from brieflint.report import Report
from brieflint.reporters import pdf_annotate, unchanged_since_check, write_copy_file

SUFFIX = ".annotated.pdf"


def note_text(f: Finding) -> str:
    """What the note on ``f`` says, after its title (severity and rule)."""
    text = f.message
    if f.suggestions:
        text += f" (suggestion: {f.suggestions[0]})"
    return text


def write_copy(report: Report, source: str, destination: Path) -> int:
    """Write the annotated copy of the PDF ``source`` to ``destination``; the notes added."""
    if Path(source).resolve() == destination.resolve():
        raise BrieflintError("the annotated copy must not replace the PDF itself", path=source)
    data = sources.read_file(source, source, sources.limit_bytes(sources.MAX_DRAFT_MB_CEILING))
    layout = pdf_reader.read_layout(source, data)
    unchanged_since_check(report, source, layout.text)
    where = pdf_reader.PdfMap(layout)
    notes = []
    for f in sorted(report.findings, key=lambda f: (f.start, f.end, f.rule)):
        if f.path != source:
            continue
        boxes = [(page, *box) for page, place in where.pages(f.start, f.end) for box in place.boxes]
        if not boxes and layout.page_sizes:  # nowhere on a page: the first page's top left
            _, height = layout.page_sizes[0]
            boxes = [(1, 36.0, height - 48.0, 48.0, height - 36.0)]
        title = f"{f.severity.label} {f.rule}"
        notes.append(pdf_annotate.Note(boxes, title, note_text(f), f.severity.label))
    try:
        out = pdf_annotate.annotate(data, notes)
    except Exception as exc:  # pypdf's errors on a PDF that pdfium read: one line, no copy
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BrieflintError(
            f"cannot write the annotated copy: pypdf cannot rewrite this PDF ({reason})",
            path=source,
        ) from None
    write_copy_file(destination, out, "annotated copy")
    return len(notes)

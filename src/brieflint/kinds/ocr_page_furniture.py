"""ocr-page-furniture: running headers and footers, lone page numbers, "Page N of M" in the body."""

from __future__ import annotations

from collections.abc import Iterator

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe
from brieflint.text import layout

PAGE_LABEL = safe(
    "delete a page label line",
    'A line that is nothing but a page label ("Page 3 of 12", "- 7 -") is never part of the text.',
)
OTHER_LINE = unsafe(
    "delete a lone number or a recurring line",
    "A lone number or a short line that recurs is usually a page number or running header, but "
    'can be a section heading ("1 Introduction"), a table cell or a list number: a person decides.',
)


class PageFurnitureOptions(Options):
    pass


def check(doc: Document, options: PageFurnitureOptions, ctx: Context) -> Iterator[Hit]:
    for item in layout.furniture(doc):
        label = layout.is_page_label(doc.prose[item.start : item.end].strip())
        fix = (Edit(item.remove_start, item.remove_end, ""),)
        declared = PAGE_LABEL if label else OTHER_LINE
        yield Hit(item.start, item.end, {"what": item.what}, (), fix, fix_as=declared.name)


KIND = Kind(
    "ocr-page-furniture",
    PageFurnitureOptions,
    check,
    "Running headers, footers and page numbers left in the body by extraction.",
    fixes=(PAGE_LABEL, OTHER_LINE),
    whole_document=True,
)

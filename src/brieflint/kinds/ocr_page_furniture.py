"""ocr-page-furniture: running headers and footers, lone page numbers, "Page N of M" in the body."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import layout


class PageFurnitureOptions(Options):
    fix: bool = Field(
        True, description="Offer removing the header, footer or page number as a fix."
    )


def check(doc: Document, options: PageFurnitureOptions, ctx: Context) -> Iterator[Hit]:
    for item in layout.furniture(doc):
        fix = (Edit(item.remove_start, item.remove_end, ""),) if options.fix else None
        yield Hit(item.start, item.end, {"what": item.what}, (), fix)


KIND = Kind(
    "ocr-page-furniture",
    PageFurnitureOptions,
    check,
    "Running headers, footers and page numbers left in the body by extraction.",
    fixable=True,
    whole_document=True,
)

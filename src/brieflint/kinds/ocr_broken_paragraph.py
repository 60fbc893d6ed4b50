"""ocr-broken-paragraph: a paragraph cut in two by a page break (or a header between halves)."""

from __future__ import annotations

from collections.abc import Iterator

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.text import layout

JOIN = unsafe(
    "join the halves",
    "A paragraph that ends without punctuation before one that starts in lower case is usually "
    "one cut by a page break, but can be a heading, a list item or a caption: a person decides.",
)


class BrokenParagraphOptions(Options):
    pass


def check(doc: Document, options: BrokenParagraphOptions, ctx: Context) -> Iterator[Hit]:
    for brk in layout.breaks(doc):
        # report the last word before the break and the first word after it
        start = doc.text.rfind(" ", brk.before.start, brk.gap_start) + 1 or brk.before.start
        end = doc.text.find(" ", brk.gap_end, brk.after.end)
        end = brk.after.end if end == -1 else end
        fix = (Edit(brk.gap_start, brk.gap_end, " "),) if brk.fixable else None
        yield Hit(start, end, {}, (), fix)


KIND = Kind(
    "ocr-broken-paragraph",
    BrokenParagraphOptions,
    check,
    "A paragraph split in two by a page break in the source.",
    fixes=(JOIN,),
)

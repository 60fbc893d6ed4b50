"""Running headers, footers and page numbers, recognised by where they stand on the pages.

A line among the first and last three of a page is furniture when its text, with digits masked,
recurs at the same height on several pages (at least two, and at least a third of them); a page
label ("Page 3", "7") at the very top or bottom of a page is one even on a single page. A line
set larger than the body text (the title on page 1) is never furniture.

A book's running header changes with its chapter ("4  Chapter 1. About this manual", then
"2.1. The archive  7"): the text recurs on a few pages only, but the page number it carries
keeps in step with the page. The first or last line of a page that starts or ends with a number
is furniture when, on at least three pages and a tenth of them, that number and the page's
place in the file differ by the same amount.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Sequence

from brieflint.readers.pdf_lines import Line

EDGE_LINES = 3  # the lines at a page's top and bottom that may be furniture
SAME_PLACE = 3.0  # points: the same height on two pages
MIN_SHARE = 1 / 3  # furniture recurs on at least this share of the pages
_PAGE_LABEL = re.compile(
    r"(?i)(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|[ivxlc]{1,6}"
)
_DIGITS = re.compile(r"\d+")
# a number at either end of a line, set apart from its text ("4\tChapter 1", "Index 183")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})(?:\t|\s{2,}|\s+(?=\D))|(?:\t|\s)(\d{1,4})$")
MIN_NUMBERED = 3  # pages whose edge lines keep in step with the page, at least
NUMBERED_SHARE = 0.1
_SPACES = re.compile(r"\s+")


def is_page_label(text: str) -> bool:
    return _PAGE_LABEL.fullmatch(text.strip()) is not None


def furniture(pages: Sequence[list[Line]]) -> set[int]:
    """The ``id`` of every line that is a running header, footer or page number."""
    sizes = [ln.size for lines in pages for ln in lines]
    body_size = statistics.median(sizes) if sizes else 0.0
    groups: dict[str, list[Line]] = defaultdict(list)
    found: set[int] = set()
    for lines in pages:
        edge = lines[:EDGE_LINES] + lines[max(EDGE_LINES, len(lines) - EDGE_LINES) :]
        for pos, line in enumerate(edge):
            if line.size > body_size * 1.15 + 0.5:
                continue  # a title or heading set large is the page's own
            key = _SPACES.sub(" ", _DIGITS.sub("#", line.text)).strip().casefold()
            groups[key].append(line)
            outermost = pos == 0 or pos == len(edge) - 1
            if outermost and is_page_label(line.text) and len(lines) > 1:
                found.add(id(line))
    found |= _numbered_edges(pages, body_size)
    need = max(2, int(len(pages) * MIN_SHARE + 0.999))
    for members in groups.values():
        if len({m.page for m in members}) < need:
            continue
        # the same height on the pages: cluster by the line's top
        by_height: dict[int, list[Line]] = defaultdict(list)
        for m in members:
            by_height[round(m.top / SAME_PLACE)].append(m)
        for near in _clusters(by_height):
            if len({m.page for m in near}) >= need:
                found.update(id(m) for m in near)
    return found


def _numbered_edges(pages: Sequence[list[Line]], body_size: float) -> set[int]:
    """The first and last lines of pages that carry the page's printed number: a number at the
    line's start or end that differs from the page's place by one amount on many pages."""
    by_shift: dict[int, list[Line]] = defaultdict(list)
    for lines in pages:
        if len(lines) < 2:
            continue
        for line in {id(lines[0]): lines[0], id(lines[-1]): lines[-1]}.values():
            if line.size > body_size * 1.15 + 0.5:
                continue
            m = _EDGE_NUMBER.search(line.text.strip())
            if m is None:
                continue
            number = int(m.group(1) or m.group(2))
            by_shift[line.page - number].append(line)
    need = max(MIN_NUMBERED, int(len(pages) * NUMBERED_SHARE + 0.999))
    found: set[int] = set()
    for members in by_shift.values():
        if len({m.page for m in members}) >= need:
            found.update(id(m) for m in members)
    return found


def _clusters(by_height: dict[int, list[Line]]) -> list[list[Line]]:
    """Lines whose heights fall in neighbouring buckets, together."""
    out: list[list[Line]] = []
    last: int | None = None
    for key in sorted(by_height):
        if last is not None and key - last <= 1:
            out[-1].extend(by_height[key])
        else:
            out.append(list(by_height[key]))
        last = key
    return out

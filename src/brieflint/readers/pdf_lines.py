"""A PDF page's words made into lines (pure geometry over what ``pdf_chars`` extracts).

Words at one height make a *line*, in reading order; a gap of more than two font sizes between
two words is a column gap (a table row's cells, a footer's text and its page number), written as
a tab. A page set in *two columns* (most lines stop at one gutter that few lines cross) is read
down the left column, then down the right one; a line across both ends the columns above it.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

Box = Sequence[float]  # left, bottom, right, top, in PDF points

COLUMN_GAP_EM = 2.0  # a gap wider than this many font sizes separates columns


@dataclass(slots=True)
class PageWords:
    """One page as extracted: its words in content order, one box per word."""

    number: int  # 1-based
    width: float
    height: float
    text: str  # the page's text layer as extracted, whole
    words: list[str]
    boxes: list[Box]
    breaks: list[bool]  # the word starts one of the extractor's lines
    sizes: list[float]  # the font size of each word
    weights: list[int]  # the font weight of each word (400 regular, 700 bold)


@dataclass(slots=True)
class Line:
    page: int
    number: int = 0  # on the page, counted from the top, furniture included
    words: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)  # one per word
    starts: list[int] = field(default_factory=list)  # where each word starts in ``text``
    size: float = 0.0
    bold: bool = False
    column: int = 0  # 0: the page's width; 1, 2: the left or right of two columns
    text: str = ""
    left: float = 0.0
    bottom: float = 0.0
    right: float = 0.0
    top: float = 0.0

    @property
    def row(self) -> bool:
        """A table row (or a footer's text and its number): cells apart by column gaps."""
        return "\t" in self.text


def page_lines(page: PageWords) -> list[Line]:
    """The page's lines from the top, each with its words in reading order."""
    rows: list[list[tuple[Box, list[int]]]] = []
    bands: list[tuple[float, float]] = []
    for frag in sorted(_fragments(page), key=lambda f: -f[0][3]):
        box = frag[0]
        # the rows are in order from the top: a fragment joins one of the last few
        for n in range(len(bands) - 1, max(len(bands) - 4, -1), -1):
            low, high = bands[n]
            overlap = min(high, box[3]) - max(low, box[1])
            if overlap > 0.5 * min(high - low, box[3] - box[1]):
                rows[n].append(frag)
                bands[n] = (min(low, box[1]), max(high, box[3]))
                break
        else:
            rows.append([frag])
            bands.append((box[1], box[3]))
    lines = [_line(page, sorted(row, key=lambda f: f[0][0])) for row in rows]
    lines.sort(key=lambda ln: -ln.top)
    for n, line in enumerate(lines, 1):
        line.number = n
    return lines


def _fragments(page: PageWords) -> list[tuple[Box, list[int]]]:
    """Runs of words between the line breaks the extractor reports, with the box around them."""
    out: list[tuple[Box, list[int]]] = []
    current: list[int] = []
    for i, new_line in enumerate(page.breaks):
        if new_line and current:
            out.append((_around(page.boxes, current), current))
            current = []
        current.append(i)
    if current:
        out.append((_around(page.boxes, current), current))
    return out


def _around(boxes: list[Box], indexes: list[int]) -> Box:
    if len(indexes) == 1:
        return boxes[indexes[0]]
    lefts, bottoms, rights, tops = zip(*(boxes[i] for i in indexes), strict=True)
    return (lefts[0], min(bottoms), max(rights), max(tops))


def _line(page: PageWords, frags: Sequence[tuple[Box, list[int]]]) -> Line:
    indexes = [i for _, idx in frags for i in idx]
    # the size and weight of most of the line's characters (a bold lead-in is not a heading)
    chars: dict[float, int] = defaultdict(int)
    bold = 0
    for i in indexes:
        chars[page.sizes[i]] += len(page.words[i])
        if page.weights[i] >= 600:
            bold += len(page.words[i])
    total = sum(chars.values())
    line = Line(page=page.number, size=max(chars, key=chars.__getitem__), bold=bold * 2 > total)
    em = max(line.size, 1.0)
    column, touching = COLUMN_GAP_EM * em, 0.15 * em
    parts: list[str] = []
    offset = 0
    prev: Box | None = None
    for _, indexes in frags:
        for n, i in enumerate(indexes):
            box = page.boxes[i]
            if prev is not None:
                gap = box[0] - prev[2]
                sep = "\t" if gap > column else " " if n or gap > touching else ""
                parts.append(sep)
                offset += len(sep)
            word = page.words[i]
            line.words.append(word)
            line.boxes.append(box)
            line.starts.append(offset)
            parts.append(word)
            offset += len(word)
            prev = box
    line.text = "".join(parts)
    return _extent(line)


def _extent(line: Line) -> Line:
    boxes = line.boxes
    line.left = boxes[0][0]
    line.right = max(b[2] for b in boxes)
    line.bottom = min(b[1] for b in boxes)
    line.top = max(b[3] for b in boxes)
    return line


# --- two columns -------------------------------------------------------------------------------


def reading_order(rows: list[Line], furn: set[int]) -> list[Line]:
    """The page's lines in reading order, numbered: on a page set in two columns, the rows of
    the columns split at the gutter, the left column read before the right one (a line across
    both, a heading or the furniture, ends the columns above it)."""
    gutter = _gutter([r for r in rows if id(r) not in furn])
    if gutter is None:
        out = rows
    else:
        out = []
        left: list[Line] = []
        right: list[Line] = []
        for row in rows:
            sides = None if id(row) in furn else _split(row, gutter)
            if sides is None:
                out.extend(left + right)
                left, right = [], []
                out.append(row)
                continue
            if sides[0].words:
                left.append(sides[0])
            if sides[1].words:
                right.append(sides[1])
        out.extend(left + right)
    for n, line in enumerate(out, 1):
        line.number = n
    return out


def _gutter(rows: list[Line]) -> float | None:
    """Where the right column starts, on a page set in two columns: the place where most of the
    column gaps end (or lines begin, where the left column has ended), which few lines cross
    (a title, a heading across both) and with lines of text on either side."""
    if len(rows) < 6:
        return None
    em = statistics.median(r.size for r in rows) or 10.0
    left_edge = min(r.left for r in rows)
    right_edge = max(r.right for r in rows)
    ends: list[float] = []
    for row in rows:
        if row.left > left_edge + 10 * em:
            ends.append(row.left)
        ends.extend(
            row.boxes[n][0]
            for n in range(1, len(row.boxes))
            if row.boxes[n][0] - row.boxes[n - 1][2] > COLUMN_GAP_EM * em
        )
    if len(ends) < 3:
        return None
    ends.sort()
    # the most ends within half an em of each other
    best, count = 0, 0
    hi = 0
    for lo in range(len(ends)):
        while hi < len(ends) and ends[hi] - ends[lo] <= 0.5 * em:
            hi += 1
        if hi - lo > count:
            best, count = lo, hi - lo
    x = ends[best] - 0.25 * em
    width = right_edge - left_edge
    if not left_edge + 0.25 * width < x < left_edge + 0.75 * width:
        return None
    crossing = sum(1 for r in rows if any(b[0] < x < b[2] for b in r.boxes))
    right = sum(1 for r in rows if r.right > x and not any(b[0] < x < b[2] for b in r.boxes))
    left = sum(1 for r in rows if r.left < x and not any(b[0] < x < b[2] for b in r.boxes))
    if right < 3 or left < 3 or crossing > 0.3 * len(rows):
        return None
    return x


def _split(row: Line, gutter: float) -> tuple[Line, Line] | None:
    """The row's words left and right of the gutter; None when a word stands across it, or the
    words on either side are not apart by a column gap (a title across both columns)."""
    if any(box[0] < gutter < box[2] for box in row.boxes):
        return None
    lefts = [box for box in row.boxes if box[2] <= gutter]
    rights = [box for box in row.boxes if box[0] >= gutter]
    if lefts and rights and rights[0][0] - lefts[-1][2] < max(row.size, 1.0):
        return None
    sides = (
        Line(row.page, size=row.size, bold=row.bold, column=1),
        Line(row.page, size=row.size, bold=row.bold, column=2),
    )
    em = max(row.size, 1.0)
    for word, box in zip(row.words, row.boxes, strict=True):
        side = sides[1] if box[0] >= gutter else sides[0]
        if side.words:
            gap = box[0] - side.boxes[-1][2]
            side.text += "\t" if gap > COLUMN_GAP_EM * em else " "
        side.starts.append(len(side.text))
        side.words.append(word)
        side.boxes.append(box)
        side.text += word
    for side in sides:
        if side.words:
            _extent(side)
    return sides

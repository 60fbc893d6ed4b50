"""A PDF's words, with their pages and boxes, turned into the text a reader reads.

Pure geometry over what ``pdf_chars`` extracts (no PDF library here):

* words at one height make a *line*; a gap of more than two font sizes between two words is a
  column gap (a table row's cells, a footer's text and its page number), written as a tab;
* a page set in *two columns* (most lines stop at one gutter that few lines cross) is read down
  the left column, then down the right one; a line across both ends the columns above it;
* *running headers, footers and page numbers* are lines near the top or bottom of a page (among
  its first and last three lines) whose text, with digits masked, recurs at the same height on
  several pages (at least two, and at least a third of the pages); a page label ("Page 3", "7")
  at the very top or bottom is one even on a single page. A line set larger than the body text
  (the title on page 1) is never furniture. Furniture is kept out of the text;
* consecutive body lines make a *paragraph* unless something on the page says otherwise: a
  vertical gap larger than the body's line pitch, another font size or weight, an indented first
  line, a table row, a page label, or a line that ends short although the next line's first word
  would have fitted after it (a deliberate break). The same tests, without the gap, join the last
  line of a page to the first of the next: a paragraph that continues across a page break is one
  paragraph;
* a *hyphen at a line's right end* between letters joins the word's pieces when the document
  writes the joined word elsewhere, or, failing that, when the joined word is a word or its
  pieces are not both words; a compound ("state-owned") keeps its hyphen, and a piece before a
  capital ("anti-Russian") or before "and"/"or" ("pre- and post-war") is left as set.

The result is the text (paragraphs separated by blank lines, table rows on lines of their own)
and, for every character of it, the word it came from: page, line on the page, box. A box is
exact at a word's edges; inside a word, characters share its width evenly.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Box = Sequence[float]  # left, bottom, right, top, in PDF points

COLUMN_GAP_EM = 2.0  # a gap wider than this many font sizes separates columns
PITCH_SLACK = 1.35  # a line further below the last than this × the body pitch starts a paragraph
INDENT_EM = 0.8  # an indent of this many font sizes marks a paragraph's first line
EDGE_LINES = 3  # the lines at a page's top and bottom that may be furniture
SAME_PLACE = 3.0  # points: the same height on two pages
MIN_SHARE = 1 / 3  # furniture recurs on at least this share of the pages
LINE_END_HYPHENS = frozenset("-\u00ad\u2010")
_PAGE_LABEL = re.compile(
    r"(?i)(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|[ivxlc]{1,6}"
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_SUSPENDED = frozenset({"and", "or", "to", "nor", "but", "versus", "vs", "as"})
_BULLETS = frozenset("•‣◦▪–—-*·")


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


@dataclass(frozen=True, slots=True)
class Glyph:
    page: int
    line: int
    box: Box


@dataclass
class Layout:
    text: str
    source: list[int]  # per character of ``text``: the word it is in, -1 for none
    word_boxes: list[Box]
    word_lines: list[int]  # per word: its line (an index into ``lines``)
    word_starts: list[int]  # per word: where it starts in ``text``
    word_lengths: list[int]  # per word: its characters as drawn
    line_starts: list[int]  # per line: where its text starts in ``text`` (-1: not in it)
    furniture: list[Line]
    pages: int
    page_sizes: list[tuple[float, float]]
    lines: list[Line]  # every line, furniture included, page by page from the top

    def index_at(self, offset: int) -> int | None:
        """The word of ``text[offset]``, or the nearest before it (for a space the layout
        added between lines or paragraphs)."""
        source = self.source
        if not source:
            return None
        offset = max(0, min(offset, len(source) - 1))
        for at in range(offset, -1, -1):
            if source[at] >= 0:
                return source[at]
        return next((i for i in source if i >= 0), None)

    def line_of(self, index: int) -> Line:
        return self.lines[self.word_lines[index]]

    def glyph_at(self, offset: int) -> Glyph | None:
        """Page, line and box of the character ``text[offset]`` (or the nearest before it)."""
        index = self.index_at(offset)
        if index is None:
            return None
        line = self.line_of(index)
        return Glyph(line.page, line.number, self._char_box(index, offset))

    def _char_box(self, index: int, offset: int) -> Box:
        left, bottom, right, top = self.word_boxes[index]
        length = max(self.word_lengths[index], 1)
        k = min(max(offset - self.word_starts[index], 0), length - 1)
        width = (right - left) / length
        return (left + width * k, bottom, left + width * (k + 1), top)

    def line_offset(self, offset: int) -> int | None:
        """Code points from the start of the line ``text[offset]`` stands on."""
        index = self.index_at(offset)
        if index is None:
            return None
        return max(0, offset - self.line_starts[self.word_lines[index]])

    def boxes(self, start: int, end: int) -> list[tuple[int, int, Box]]:
        """The boxes of ``text[start:end]``, one per (page, line): (page, line, box)."""
        merged: dict[tuple[int, int], Box] = {}
        for at in range(max(start, 0), min(end, len(self.source))):
            index = self.source[at]
            if index < 0:
                continue
            line = self.line_of(index)
            key = (line.page, line.number)
            box = self._char_box(index, at)
            old = merged.get(key)
            merged[key] = box if old is None else _union(old, box)
        if not merged and start < len(self.source):
            found = self.glyph_at(start)
            if found is not None:
                merged[(found.page, found.line)] = found.box
        return [(page, line, box) for (page, line), box in merged.items()]


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


# --- words → lines -----------------------------------------------------------------------------


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


# --- page furniture ----------------------------------------------------------------------------


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


# --- lines → paragraphs → text -----------------------------------------------------------------


@dataclass
class _Context:
    pitch: float  # the body's line pitch
    size: float  # the body's font size
    right: dict[tuple[int, int], float]  # per page and column: the body's right edge
    left: dict[tuple[int, int], float]  # per page and column: the body's left edge
    width: dict[int, float]  # per column: the widest line of the body, on any page
    is_word: Callable[[str], bool]
    written: set[str]  # the words the document writes inside lines, casefolded
    hyphenated: set[str]  # its hyphenated compounds written inside lines, casefolded


def assemble(
    pages: Sequence[PageWords],
    is_word: Callable[[str], bool],
) -> Layout:
    """The text of ``pages`` and where each of its characters came from."""
    rows = [page_lines(p) for p in pages]
    furn = furniture(rows)
    per_page = [reading_order(lines, furn) for lines in rows]
    every = [ln for lines in per_page for ln in lines]
    body = [[ln for ln in lines if id(ln) not in furn] for lines in per_page]
    ctx = _context(body, is_word)
    out: list[str] = []
    size = 0  # characters in ``out``
    source: list[int] = []
    word_boxes: list[Box] = []
    word_lines: list[int] = []
    word_starts: list[int] = []
    word_lengths: list[int] = []
    line_index = {id(ln): n for n, ln in enumerate(every)}
    line_starts = [-1] * len(every)
    previous: Line | None = None
    first_in_para: Line | None = None
    for lines in body:
        for line in lines:
            if previous is not None and not _breaks(previous, line, first_in_para, ctx):
                size += _join(out, source, previous, line, ctx)
            else:
                sep = "" if previous is None else "\n" if previous.row and line.row else "\n\n"
                out.append(sep)
                source.extend([-1] * len(sep))
                size += len(sep)
                first_in_para = line
            n = line_index[id(line)]
            line_starts[n] = size
            base = len(word_boxes)
            word_boxes.extend(line.boxes)
            word_lines.extend([n] * len(line.words))
            word_starts.extend(size + start for start in line.starts)
            word_lengths.extend(len(word) for word in line.words)
            # each character: its word, or -1 for the spaces and tabs between words
            marks = [-1] * len(line.text)
            for k, (start, word) in enumerate(zip(line.starts, line.words, strict=True)):
                marks[start : start + len(word)] = [base + k] * len(word)
            source.extend(marks)
            out.append(line.text)
            size += len(line.text)
            previous = line
    text = "".join(out)
    if text:
        text += "\n"
        source.append(-1)
    return Layout(
        text=text,
        source=source,
        word_boxes=word_boxes,
        word_lines=word_lines,
        word_starts=word_starts,
        word_lengths=word_lengths,
        line_starts=line_starts,
        furniture=[ln for ln in every if id(ln) in furn],
        pages=len(pages),
        page_sizes=[(p.width, p.height) for p in pages],
        lines=every,
    )


def _context(body: Sequence[list[Line]], is_word: Callable[[str], bool]) -> _Context:
    pitches = []
    sizes = [ln.size for lines in body for ln in lines]
    size = statistics.median(sizes) if sizes else 10.0
    right: dict[tuple[int, int], float] = {}
    left: dict[tuple[int, int], float] = {}
    written: set[str] = set()
    hyphenated: set[str] = set()
    for lines in body:
        for a, b in itertools.pairwise(lines):
            if abs(a.size - size) < 0.5 and abs(b.size - size) < 0.5:
                pitches.append(a.top - b.top)
        for ln in lines:
            if abs(ln.size - size) < 0.5 and not ln.row:
                key = (ln.page, ln.column)
                right[key] = max(right.get(key, ln.right), ln.right)
                left[key] = min(left.get(key, ln.left), ln.left)
        for ln in lines:
            words = ln.text.split()
            inner = words[:-1] if words and words[-1][-1:] in LINE_END_HYPHENS else words
            for w in inner:
                w = w.strip(".,;:!?()[]\"'“”‘’").casefold()
                if "-" in w:
                    hyphenated.add(w)
                elif w:
                    written.add(w)
    positive = [p for p in pitches if p > 0]
    pitch = statistics.median(positive) if positive else size * 1.2
    width: dict[int, float] = {}
    for (_, column), edge in right.items():
        width[column] = max(width.get(column, 0.0), edge - left[(_, column)])
    return _Context(pitch, size, right, left, width, is_word, written, hyphenated)


def _breaks(a: Line, b: Line, first: Line | None, ctx: _Context) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``."""
    if a.row or b.row:
        return True
    if abs(a.size - b.size) > 0.5 or a.bold != b.bold:
        return True
    if is_page_label(a.text) or is_page_label(b.text):
        return True
    em = max(b.size, 1.0)
    if a.page == b.page and b.top < a.top and a.column == b.column:
        # the body's line pitch, grown in proportion for larger type (a title on two lines)
        pitch = ctx.pitch * max(1.0, a.size / ctx.size)
        if a.top - b.top > pitch * PITCH_SLACK or b.top > a.top:
            return True
        if first is not None and first is not a:
            hang = _hanging_indent(first)
            if hang is not None and abs(b.left - hang) < 0.5 * em:
                pass  # a list item's continuation, set under its text
            elif b.left > a.left + INDENT_EM * em:
                return True
            elif b.left < a.left - INDENT_EM * em:
                return True  # out to the margin again: the next item
        elif b.left > a.left + INDENT_EM * em and _hanging_indent(a) is None:
            return True
    else:  # the next page, or the next column
        page_left = ctx.left.get((b.page, b.column), b.left)
        if b.left > page_left + INDENT_EM * em and _hanging_indent(b) is None:
            return True
    if a.text[-1:] in LINE_END_HYPHENS:
        return False
    # the next line's first word would have fitted after this line: the break is deliberate
    # the block's right edge on this page: as far as its lines reach, or as the widest line of
    # the document reaches from this page's left edge (a page of few lines)
    key = (a.page, a.column)
    right = max(ctx.right.get(key, a.right), ctx.left.get(key, a.left) + ctx.width.get(a.column, 0))
    room = right - a.right
    width = b.boxes[0][2] - b.boxes[0][0]
    return room > width + 0.6 * em


def _hanging_indent(line: Line) -> float | None:
    """Where the text of a list item starts ("• Text", "1. Text", "a) Text"), if it is one."""
    if len(line.words) < 2:
        return None
    marker = line.words[0]
    if not (
        (len(marker) == 1 and marker in _BULLETS)
        or re.fullmatch(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]", marker)
    ):
        return None
    return line.boxes[1][0]


def _join(out: list[str], source: list[int], a: Line, b: Line, ctx: _Context) -> int:
    """Join line ``b`` to the paragraph ending with line ``a``: a space, or across a hyphen.
    Gives the change in the length of the text."""
    text = a.text
    if text[-1:] in LINE_END_HYPHENS and len(text) >= 2:
        head = _word_before(text[:-1])
        tail = _word_after(b.text)
        if head and tail and text[-2].isalpha() and _join_pieces(head, tail, ctx):
            # drop the hyphen: the last character out; the join adds nothing
            out[-1] = out[-1][:-1]
            source.pop()
            return -1
        if head and tail and tail.casefold() not in _SUSPENDED:
            return 0  # a compound keeps its hyphen, and no space
    out.append(" ")
    source.append(-1)
    return 1


def _join_pieces(head: str, tail: str, ctx: _Context) -> bool:
    if not tail[0].islower():
        return False  # "anti-⏎Russian": a compound with a name
    if tail.casefold() in _SUSPENDED:
        return False  # "pre-⏎and post-war"
    joined = (head + tail).casefold()
    compound = f"{head}-{tail}".casefold()
    if compound in ctx.hyphenated and joined not in ctx.written:
        return False
    if joined in ctx.written:
        return True
    if ctx.is_word(head + tail):
        return True
    return not (ctx.is_word(head) and ctx.is_word(tail))


def _word_before(text: str) -> str:
    m = re.search(r"[^\W\d_]+$", text)
    return m.group() if m else ""


def _word_after(text: str) -> str:
    m = re.match(r"[^\W\d_]+", text)
    return m.group() if m else ""

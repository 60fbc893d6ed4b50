"""A PDF's characters, with their pages and boxes, turned into the text a reader reads.

Pure geometry over what ``pdf_chars`` extracts (no PDF library here):

* characters on one baseline make a *line*; a gap of more than two font sizes between two
  characters is a column gap (a table row's cells, a footer's text and its page number), written
  as a tab;
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
and, for every character of it, the glyph it came from: page, line on the page, box.
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
# U+FFFE is pdfium's mark for a hyphen at a line end; it is read as "-"
LINE_END_HYPHENS = frozenset("-\u00ad\u2010")
_PAGE_LABEL = re.compile(
    r"(?i)(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|[ivxlc]{1,6}"
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_RUN = re.compile(r"[^\r\n\x02\x03\ufffe]+\ufffe?|\ufffe")
_SUSPENDED = frozenset({"and", "or", "to", "nor", "but", "versus", "vs", "as"})
_BULLETS = frozenset("•‣◦▪–—-*·")


@dataclass(slots=True)
class PageChars:
    """One page as extracted: its characters in content order, one box per character."""

    number: int  # 1-based
    width: float
    height: float
    text: str
    boxes: list[Box]
    sizes: list[float]  # the font size of each character
    weights: list[int]  # the font weight of each character (400 regular, 700 bold)


@dataclass(slots=True)
class Line:
    page: int
    number: int = 0  # on the page, counted from the top, furniture included
    chars: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    size: float = 0.0
    bold: bool = False
    text: str = ""
    left: float = 0.0
    bottom: float = 0.0
    right: float = 0.0
    top: float = 0.0

    def close(self) -> None:
        """Fix the text and the extent once the characters are in."""
        self.text = "".join(self.chars)
        boxes = self.boxes
        self.left = boxes[0][0]
        self.right = max(b[2] for b in boxes)
        self.bottom = min(b[1] for b in boxes)
        self.top = max(b[3] for b in boxes)

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
    source: list[int]  # per character of ``text``: its index in ``glyph_boxes``, -1 for none
    glyph_boxes: list[Box]  # the box of every glyph behind the text
    glyph_lines: list[int]  # for every glyph, its line (an index into ``lines``)
    line_starts: list[int]  # for every line, the index of its first glyph (-1: furniture)
    furniture: list[Line]
    pages: int
    page_sizes: list[tuple[float, float]]
    lines: list[Line]  # every line, furniture included, page by page from the top

    def glyph(self, index: int) -> Glyph:
        line = self.lines[self.glyph_lines[index]]
        return Glyph(line.page, line.number, self.glyph_boxes[index])

    def index_at(self, offset: int) -> int | None:
        """The glyph behind ``text[offset]``, or the nearest before it (a space the layout
        added between lines or paragraphs)."""
        source = self.source
        if not source:
            return None
        offset = max(0, min(offset, len(source) - 1))
        for at in range(offset, -1, -1):
            if source[at] >= 0:
                return source[at]
        return next((i for i in source if i >= 0), None)

    def glyph_at(self, offset: int) -> Glyph | None:
        index = self.index_at(offset)
        return None if index is None else self.glyph(index)

    def boxes(self, start: int, end: int) -> list[tuple[int, int, Box]]:
        """The boxes of ``text[start:end]``, one per (page, line): (page, line, box)."""
        merged: dict[tuple[int, int], Box] = {}
        for at in range(max(start, 0), min(end, len(self.source))):
            index = self.source[at]
            if index < 0:
                continue
            glyph = self.glyph(index)
            key = (glyph.page, glyph.line)
            old = merged.get(key)
            merged[key] = glyph.box if old is None else _union(old, glyph.box)
        if not merged and start < len(self.source):
            found = self.glyph_at(start)
            if found is not None:
                merged[(found.page, found.line)] = found.box
        return [(page, line, box) for (page, line), box in merged.items()]


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


# --- characters → lines ------------------------------------------------------------------------


def page_lines(page: PageChars) -> list[Line]:
    """The page's lines from the top, each with its characters in reading order."""
    fragments = _fragments(page)
    rows: list[list[tuple[Box, range]]] = []
    bands: list[tuple[float, float]] = []
    for frag in sorted(fragments, key=lambda f: -f[0][3]):
        box = frag[0]
        for n, (low, high) in enumerate(bands):
            overlap = min(high, box[3]) - max(low, box[1])
            if overlap > 0.5 * min(high - low, box[3] - box[1]):
                rows[n].append(frag)
                bands[n] = (min(low, box[1]), max(high, box[3]))
                break
        else:
            rows.append([frag])
            bands.append((box[1], box[3]))
    lines = []
    for row in rows:
        line = _line(page, sorted(row, key=lambda f: f[0][0]))
        if line.chars:
            lines.append(line)
    lines.sort(key=lambda ln: -ln.top)
    for n, line in enumerate(lines, 1):
        line.number = n
    return lines


def _fragments(page: PageChars) -> list[tuple[Box, range]]:
    """Runs of characters between the line breaks the extractor reports, with the box around
    their visible characters."""
    out: list[tuple[Box, range]] = []
    text, boxes = page.text, page.boxes
    for m in _RUN.finditer(text):
        start, end = m.span()
        visible = [b for b, ch in zip(boxes[start:end], m.group(), strict=True) if ch != " "]
        visible = [b for b in visible if b[2] > b[0] or b[3] > b[1]]
        if not visible:
            continue
        lefts, bottoms, rights, tops = zip(*visible, strict=True)
        out.append(((lefts[0], min(bottoms), max(rights), max(tops)), range(start, end)))
    return out


def _line(page: PageChars, frags: Sequence[tuple[Box, range]]) -> Line:
    text, boxes = page.text, page.boxes
    line = Line(page=page.number)
    visible = [i for _, idx in frags for i in idx if text[i] != " "]
    if not visible:
        return line
    sizes = sorted(page.sizes[i] for i in visible[:: max(1, len(visible) // 16)])
    line.size = sizes[len(sizes) // 2]
    bold = sum(1 for i in visible[:: max(1, len(visible) // 16)] if page.weights[i] >= 600)
    line.bold = bold * 2 > len(sizes)
    em = max(line.size, 1.0)
    column, word = COLUMN_GAP_EM * em, 0.25 * em
    chars, out_boxes = line.chars, line.boxes
    prev: Box | None = None
    pending_space = False
    for _, idx in frags:
        for i in idx:
            ch = text[i]
            if ch.isspace():
                pending_space = prev is not None
                continue
            box = boxes[i]
            if prev is not None:
                if box[3] <= box[1] and box[2] <= box[0]:
                    box = prev  # a character without a box: where the last one was
                gap = box[0] - prev[2]
                if gap > column:
                    chars.append("\t")
                    out_boxes.append((prev[2], prev[1], box[0], prev[3]))
                elif pending_space or gap > word:
                    chars.append(" ")
                    out_boxes.append((prev[2], prev[1], max(box[0], prev[2]), prev[3]))
                pending_space = False
            chars.append("-" if ch == "\ufffe" else ch)
            out_boxes.append(box)
            prev = box
    if chars:
        line.close()
    return line


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
    pitch: float
    right: dict[int, float]  # per page: the body's right edge
    left: dict[int, float]  # per page: the body's left edge
    is_word: Callable[[str], bool]
    written: set[str]  # the words the document writes inside lines, casefolded
    hyphenated: set[str]  # its hyphenated compounds written inside lines, casefolded


def assemble(
    pages: Sequence[PageChars],
    is_word: Callable[[str], bool],
) -> Layout:
    """The text of ``pages`` and where each of its characters came from."""
    per_page = [page_lines(p) for p in pages]
    furn = furniture(per_page)
    body = [[ln for ln in lines if id(ln) not in furn] for lines in per_page]
    ctx = _context(body, is_word)
    out: list[str] = []
    source: list[int] = []
    glyph_boxes: list[Box] = []
    glyph_lines: list[int] = []
    line_index = {id(ln): n for n, ln in enumerate(ln for lines in per_page for ln in lines)}
    line_starts = [-1] * len(line_index)
    previous: Line | None = None
    first_in_para: Line | None = None
    for lines in body:
        for line in lines:
            if previous is None:
                sep = ""
            elif _breaks(previous, line, first_in_para, ctx):
                sep = "\n\n"
                if previous.row and line.row:
                    sep = "\n"
                first_in_para = line
            else:
                sep = None  # joined
            if sep is None and previous is not None:
                _join(out, source, previous, line, ctx)
            else:
                if sep:
                    out.append(sep)
                    source.extend([-1] * len(sep))
                if first_in_para is None:
                    first_in_para = line
            base = len(glyph_boxes)
            line_starts[line_index[id(line)]] = base
            glyph_boxes.extend(line.boxes)
            glyph_lines.extend([line_index[id(line)]] * len(line.boxes))
            source.extend(range(base, base + len(line.boxes)))
            out.append(line.text)
            previous = line
    text = "".join(out)
    if text:
        text += "\n"
        source.append(-1)
    return Layout(
        text=text,
        source=source,
        glyph_boxes=glyph_boxes,
        glyph_lines=glyph_lines,
        line_starts=line_starts,
        furniture=[ln for lines in per_page for ln in lines if id(ln) in furn],
        pages=len(pages),
        page_sizes=[(p.width, p.height) for p in pages],
        lines=[ln for lines in per_page for ln in lines],
    )


def _context(body: Sequence[list[Line]], is_word: Callable[[str], bool]) -> _Context:
    pitches = []
    sizes = [ln.size for lines in body for ln in lines]
    size = statistics.median(sizes) if sizes else 10.0
    right: dict[int, float] = {}
    left: dict[int, float] = {}
    written: set[str] = set()
    hyphenated: set[str] = set()
    for lines in body:
        for a, b in itertools.pairwise(lines):
            if abs(a.size - size) < 0.5 and abs(b.size - size) < 0.5:
                pitches.append(a.top - b.top)
        normal = [ln for ln in lines if abs(ln.size - size) < 0.5 and not ln.row]
        if normal:
            right[normal[0].page] = max(ln.right for ln in normal)
            left[normal[0].page] = min(ln.left for ln in normal)
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
    return _Context(pitch, right, left, is_word, written, hyphenated)


def _breaks(a: Line, b: Line, first: Line | None, ctx: _Context) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``."""
    if a.row or b.row:
        return True
    if abs(a.size - b.size) > 0.5 or a.bold != b.bold:
        return True
    if is_page_label(a.text) or is_page_label(b.text):
        return True
    em = max(b.size, 1.0)
    if a.page == b.page:
        if a.top - b.top > ctx.pitch * PITCH_SLACK or b.top > a.top:
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
    else:
        page_left = ctx.left.get(b.page, b.left)
        if b.left > page_left + INDENT_EM * em and _hanging_indent(b) is None:
            return True
    if a.chars and a.chars[-1] in LINE_END_HYPHENS:
        return False
    # the next line's first word would have fitted after this line: the break is deliberate
    right = ctx.right.get(a.page, a.right)
    room = right - a.right
    word_end = b.text.find(" ")
    word_end = len(b.chars) if word_end == -1 else word_end
    width = b.boxes[word_end - 1][2] - b.boxes[0][0]
    return room > width + 0.6 * em


def _hanging_indent(line: Line) -> float | None:
    """Where the text of a list item starts ("• Text", "1. Text", "a) Text"), if it is one."""
    text = line.text
    space = text.find(" ")
    if space <= 0 or space + 1 >= len(text):
        return None
    marker = text[:space]
    if not (
        (len(marker) == 1 and marker in _BULLETS)
        or re.fullmatch(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]", marker)
    ):
        return None
    return line.boxes[space + 1][0]


def _join(out: list[str], source: list[int], a: Line, b: Line, ctx: _Context) -> None:
    """Join line ``b`` to the paragraph ending with line ``a``: a space, or across a hyphen."""
    if a.chars and a.chars[-1] in LINE_END_HYPHENS and len(a.chars) >= 2:
        head = _word_before(a.text[:-1])
        tail = _word_after(b.text)
        if head and tail and a.chars[-2].isalpha() and _join_pieces(head, tail, b.text, ctx):
            # drop the hyphen: the text has it (the last character out), the join has nothing
            last = out[-1]
            out[-1] = last[:-1]
            source.pop()
            return
        if head and tail and a.chars[-1] == "-" and tail.casefold() not in _SUSPENDED:
            return  # a compound keeps its hyphen, and no space
    out.append(" ")
    source.append(-1)


def _join_pieces(head: str, tail: str, rest: str, ctx: _Context) -> bool:
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

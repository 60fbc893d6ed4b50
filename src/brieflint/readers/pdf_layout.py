"""A PDF's words, with their pages and boxes, turned into the text a reader reads.

Pure geometry over what ``pdf_chars`` extracts (no PDF library here); lines and columns are
``pdf_lines``' job, furniture ``pdf_furniture``'s, paragraphs and hyphens this module's:

* words at one height make a *line*; a gap of more than two font sizes between two words is a
  column gap (a table row's cells, a footer's text and its page number), written as a tab;
* a page set in *two columns* (most lines stop at one gutter that few lines cross) is read down
  the left column, then down the right one; a line across both ends the columns above it;
* *running headers, footers and page numbers* are lines near the top or bottom of a page (among
  its first and last three lines) whose text, with digits masked, recurs at the same height on
  several pages (at least two, and at least a third of the pages); a page label ("Page 3", "7")
  at the very top or bottom is one even on a single page. A line set larger than the body text
  (the title on page 1) is never furniture, and a line that starts or ends with the page's
  printed number (the number keeping in step with the pages) is furniture whatever its text (a
  book's header changes with the chapter). Furniture is kept out of the text;
* a paragraph set larger than the body, or a short bold one without a full stop at its end, is
  a *heading*;
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brieflint.readers.pdf_furniture import furniture, is_page_label
from brieflint.readers.pdf_lines import Box, Line, PageWords, page_lines, reading_order

PITCH_SLACK = 1.35  # a line further below the last than this × the body pitch starts a paragraph
INDENT_EM = 0.8  # an indent of this many font sizes marks a paragraph's first line
LINE_END_HYPHENS = frozenset("-\u00ad\u2010")
_SUSPENDED = frozenset({"and", "or", "to", "nor", "but", "versus", "vs", "as"})
_BULLETS = frozenset("•‣◦▪–—-*·")


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
    headings: list[int]  # where each heading paragraph starts in ``text``
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
    paragraphs: list[tuple[int, list[Line]]] = []  # each paragraph's start and lines
    for lines in body:
        for line in lines:
            if previous is not None and not _breaks(previous, line, first_in_para, ctx):
                size += _join(out, source, previous, line, ctx)
                paragraphs[-1][1].append(line)
            else:
                sep = "" if previous is None else "\n" if previous.row and line.row else "\n\n"
                out.append(sep)
                source.extend([-1] * len(sep))
                size += len(sep)
                first_in_para = line
                paragraphs.append((size, [line]))
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
        headings=[start for start, para in paragraphs if _heading(para, ctx)],
        pages=len(pages),
        page_sizes=[(p.width, p.height) for p in pages],
        lines=every,
    )


HEADING_WORDS = 12  # a bold paragraph of at most this many words may be a heading


def _heading(para: list[Line], ctx: _Context) -> bool:
    """A paragraph set larger than the body text, or a short bold one that ends without a full
    stop: a heading ("CHAPTER ONE", "Key findings"), not a paragraph of the body."""
    if any(ln.row for ln in para):
        return False
    if all(ln.size > ctx.size * 1.15 + 0.5 for ln in para):
        return True
    words = sum(len(ln.words) for ln in para)
    last = para[-1].text.rstrip()
    return all(ln.bold for ln in para) and words <= HEADING_WORDS and not last.endswith(".")


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

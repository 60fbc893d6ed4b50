"""Page layout left in extracted text: page furniture and paragraphs cut by a page break.

Written by hand: no library recognises running headers, page numbers or page-broken paragraphs in
plain text. The heuristics, in short:

* a *page number* is a line holding only a number (not next to other number lines, as a table
  column would be), "Page N", "Page N of M", "N of M" or "- N -";
* a *running header or footer* is a short line that is a paragraph of its own (or carries a page
  number) and recurs at least three times, spread over the document, ignoring attached page
  numbers (twice when it carries one, once when it is the cover's title with a page number); an
  occurrence above the first body paragraph (the cover, the title) is not furniture, nor is a
  heading or, in Markdown, a link line or table row (the draft's own structure);
* a paragraph is *broken* when it ends without terminal punctuation and the next one (past any
  furniture between them) starts in lower case, possibly after an opening quote.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

import regex

from brieflint.document import Document
from brieflint.text import doccache
from brieflint.text.tokens import Paragraph

_PAGE_LABEL = regex.compile(
    r"(?i)(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|\d{1,4}\s*(?:/|of)\s*\d{1,4}"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"
)
_LONE_NUMBER = regex.compile(r"\d{1,3}")
_NUMERIC_LINE = regex.compile(r"[\d\s.,%–—+\-/()]+")
_EDGE_NUMBER = regex.compile(r"^\d{1,4}\s*[|·•\-–—]?\s+|\s+[|·•\-–—]?\s*\d{1,4}$")
_SPACE = regex.compile(r"\s+")
# a list item: a bullet and a word ("- 7 -" is a page label, not an item)
_LIST_ITEM = regex.compile(r"(?:^|(?<=[\r\n]))[ \t]*[•‣◦▪*·–—-][ \t]+\p{L}")
# a Markdown line that is a link, an image or a table row, after any indent
_MARKDOWN_LINE = regex.compile(r"(?:^|(?<=[\r\n]))[ \t]{0,3}(?:!?\[|\|)")
_BODY_MIN_CHARS = 120
_MAX_HEADER_CHARS = 100
_MAX_HEADER_WORDS = 12
_MIN_SPREAD = 100
_TERMINAL = frozenset(".!?:;…")
_SENTENCE_END = frozenset(".:;…")
_OPENERS = "\"'“‘«(["
# an item's label in a plain-text list, "(b) ", "b) ", "ii. ": the next item, not a continuation
# (a single letter with a full stop, "r. ", is as often the tail of a word cut by the break)
_ENUMERATOR = regex.compile(r"\(?(?:[a-z]|[ivx]{1,5})\)\s|[ivx]{2,5}\.\s")


@dataclass(frozen=True, slots=True)
class Furniture:
    start: int  # the line, without its break
    end: int
    what: str  # "page number" | "running header or footer"
    remove_start: int  # what a fix deletes: the line, its break, and blank lines after it
    remove_end: int


@dataclass(frozen=True, slots=True)
class Break:
    """A paragraph cut in two; ``gap_start``..``gap_end`` is what lies between the halves."""

    before: Paragraph
    after: Paragraph
    gap_start: int
    gap_end: int
    fixable: bool = True  # False: a cut heading or list item, whose halves a space cannot join


def is_page_label(line: str) -> bool:
    """``line`` (stripped) is nothing but a page label: "Page 3 of 12", "p. 4", "- 7 -"."""
    return _PAGE_LABEL.fullmatch(line) is not None


def furniture(doc: Document) -> list[Furniture]:
    return doccache.memo(doc, "furniture", _furniture)


def breaks(doc: Document) -> list[Break]:
    return doccache.memo(doc, "breaks", _breaks)


Line = tuple[int, int, str]  # a line's start, end and stripped prose


class _Lines(Sequence[Line]):
    """Every line of ``doc`` as (start, end, stripped prose), made when read: a long draft's
    lines kept as tuples and strings would take twice its size."""

    def __init__(self, doc: Document) -> None:
        self._prose = doc.prose
        self._index = doc.lines
        self._count = doc.lines.line_count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> Line: ...

    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...

    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._count))]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        s, e = self._index.line_span(i + 1)
        return s, e, self._prose[s:e].strip()


def _lines(doc: Document) -> _Lines:
    return _Lines(doc)


def _furniture(doc: Document) -> list[Furniture]:
    lines = _lines(doc)
    if len(lines) > 200_000:
        return []
    body_start = next(
        (p.start for p in doc.paragraphs if not p.heading and len(p.text) >= _BODY_MIN_CHARS),
        len(doc.text),
    )
    structural = _structural_lines(doc)
    found: dict[int, str] = {}
    for i, (s, _e, text) in enumerate(lines):
        if not text or i in structural:
            continue
        lone = _LONE_NUMBER.fullmatch(text) and s >= body_start
        if _PAGE_LABEL.fullmatch(text) or (lone and not _numeric_neighbour(lines, i)):
            found[i] = "page number"
    pages = set(found)
    groups: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for i, (_s, _e, text) in enumerate(lines):
        if not text or i in structural or i in found or _LONE_NUMBER.fullmatch(text):
            continue
        if len(text) > _MAX_HEADER_CHARS:
            continue
        bare = _EDGE_NUMBER.sub("", text)
        # a page number on the line, or on the nearest line above or below ("Title⏎7")
        numbered = bare != text or _beside(lines, i, pages)
        # a sentence ends in punctuation; a title with its page number may end in "?" or "!"
        if bare[-1] in (_SENTENCE_END if numbered else _TERMINAL):
            continue
        if not numbered and not _alone(lines, i):
            continue
        key = _SPACE.sub(" ", bare).casefold()
        letters = sum(ch.isalpha() for ch in key)
        if letters < 4 or len(key.split()) > _MAX_HEADER_WORDS:
            continue
        groups[key].append((i, numbered))
    # before the first sign of a page break (a page number, a numbered header) lies the first
    # page: a line there without a number is the title or a heading, never furniture
    first_break = min(
        [*found, *(i for members in groups.values() for i, n in members if n)], default=-1
    )
    page_numbers = {i for i, what in found.items() if what == "page number"}
    for members in groups.values():
        body = [m for m in members if lines[m[0]][0] >= body_start and (m[1] or m[0] > first_break)]
        # a line that sits next to a page number every time it occurs counts as numbered
        if len(body) >= 2 and all(_beside(lines, i, page_numbers) for i, _ in body):
            body = [(i, True) for i, _ in body]
        with_number = sum(1 for _, n in body if n)
        on_cover = len(body) < len(members)
        # the title from the cover, back in the body with a page number, is a running header
        # even once; any other line must recur
        if len(body) < 3 and with_number < 2 and not (on_cover and with_number):
            continue
        starts = [lines[i][0] for i, _ in body]
        if any(b - a < _MIN_SPREAD for a, b in itertools.pairwise(starts)):
            continue
        for i, _ in body:
            found[i] = "running header or footer"
    return [_removal(doc, lines, i, what, found) for i, what in sorted(found.items())]


def _structural_lines(doc: Document) -> set[int]:
    """The lines (0-based) that the draft's own structure explains, never furniture: headings
    (a changelog repeats "### Fixes" under every release), list items ("• Source" in every
    section), and in Markdown a line that starts with a link, an image or a table row."""
    out = {doc.lines.position(p.start)[0] - 1 for p in doc.paragraphs if p.heading}
    for pattern in (_LIST_ITEM, _MARKDOWN_LINE) if doc.markdown else (_LIST_ITEM,):
        out.update(doc.lines.position(m.start())[0] - 1 for m in pattern.finditer(doc.text))
    return out


def _beside(lines: Sequence[Line], i: int, targets: set[int]) -> bool:
    """The nearest non-blank line above or below line ``i`` is one of ``targets``."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j][2]:
            j += step
        if j in targets:
            return True
    return False


def _numeric_neighbour(lines: Sequence[Line], i: int) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j][2]:
            j += step
        if 0 <= j < len(lines) and _NUMERIC_LINE.fullmatch(lines[j][2]):
            return True
    return False


def _alone(lines: Sequence[Line], i: int) -> bool:
    before = i == 0 or not lines[i - 1][2]
    after = i == len(lines) - 1 or not lines[i + 1][2]
    return before and after


def _removal(
    doc: Document, lines: Sequence[Line], i: int, what: str, found: dict[int, str]
) -> Furniture:
    s, e, _ = lines[i]
    starts = doc.lines.starts
    first, last = _block(lines, i)
    # a block of furniture lines ("Title⏎7") goes with the blank lines after it, like a lone line
    whole = all(j in found for j in range(first, last + 1))
    if whole and _at_end(lines, last):
        # the last paragraph: its first line goes with the blank lines before it, so that no
        # blank line is left at the end; each later line goes with its own break
        if i == first:
            k = first - 1
            while k >= 0 and not lines[k][2]:
                k -= 1
            end = starts[i + 1] if i < last else len(doc.text)
            return Furniture(s, e, what, starts[k + 1] if k >= 0 else s, end)
        end = starts[i + 1] if i < last else len(doc.text)
        return Furniture(s, e, what, s, end)
    if whole and i == last:
        j = i + 1
        while j < len(lines) and not lines[j][2]:
            j += 1
        return Furniture(s, e, what, s, starts[j])
    end = starts[i + 1] if i + 1 < len(starts) else len(doc.text)
    return Furniture(s, e, what, s, end)


def _block(lines: Sequence[Line], i: int) -> tuple[int, int]:
    """The first and last line of the paragraph (run of non-blank lines) holding line ``i``."""
    first = last = i
    while first > 0 and lines[first - 1][2]:
        first -= 1
    while last + 1 < len(lines) and lines[last + 1][2]:
        last += 1
    return first, last


def _at_end(lines: Sequence[Line], last: int) -> bool:
    """Only blank lines after line ``last`` (looked at until the first that is not)."""
    return all(not lines[k][2] for k in range(last + 1, len(lines)))


def _breaks(doc: Document) -> list[Break]:
    covered = {(f.start, f.end) for f in furniture(doc)}
    text = doc.text
    paras = doc.paragraphs
    out: list[Break] = []
    i = 0
    while i < len(paras) - 1:
        before = paras[i]
        j = i + 1
        # skip paragraphs that are page furniture (a header or page number between the halves)
        while j < len(paras) and _is_furniture(paras[j], covered):
            j += 1
        if j >= len(paras):
            break
        after = paras[j]
        continues = _continues(doc, text, before, after)
        if continues is not False:
            out.append(Break(before, after, before.end, after.start, fixable=bool(continues)))
        i = j
    return out


def _is_furniture(para: Paragraph, covered: set[tuple[int, int]]) -> bool:
    return "\n" not in para.text and "\r" not in para.text and (para.start, para.end) in covered


def _continues(doc: Document, text: str, before: Paragraph, after: Paragraph) -> bool | None:
    """Whether ``after`` continues ``before`` across a break: True, False, or None when it does
    but joining them is not a safe fix (a heading or list item cut off)."""
    if after.heading:
        return False
    head = after.text.lstrip(_OPENERS)
    if not head or not head[0].islower() or _ENUMERATOR.match(after.text):
        return False
    tail = before.text.rstrip()
    dangling = _dangling(tail)
    if before.heading:
        # "## Risks and⏎⏎remedies": a heading does not end on "and", "of", "the"
        return None if dangling and _at_line_start(doc, text, after) else False
    if not tail or not (tail[-1].isalnum() or tail[-1] == ","):
        return False
    if len(before.text.split()) < 4 and not dangling:
        return False
    if not _at_line_start(doc, text, after):
        return False
    if len(before.text.split()) < 4:
        return None  # a short line cut on "and": perhaps a heading, so not joined blindly
    if not _at_line_start(doc, text, before):
        # list items lack final punctuation and may start in lower case: a break only when the
        # item stops on a word no phrase ends with ("- the loss of⏎⏎confidence")
        return None if dangling else False
    return True


def _at_line_start(doc: Document, text: str, para: Paragraph) -> bool:
    """Nothing but spaces before the paragraph on its line (no list marker, no quote)."""
    line_start = doc.lines.starts[doc.lines.position(para.start)[0] - 1]
    return not text[line_start : para.start].strip()


# words a heading, list item or sentence never ends with: what follows them was cut off
_DANGLING_WORDS = frozenset(
    (
        "a an the and or nor but of to in on at by for with from into onto as than between "
        "against about over under through towards toward within without among amid via"
    ).split()
)


def _dangling(tail: str) -> bool:
    words = tail.split()
    return bool(words) and words[-1].casefold() in _DANGLING_WORDS

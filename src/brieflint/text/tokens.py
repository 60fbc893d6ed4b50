"""Paragraphs, sentences and word tokens with offsets into the original text."""

from __future__ import annotations

import operator
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, repeat
from typing import NamedTuple, overload

import regex

WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_WORD_SPLIT = regex.compile(f"({WORD.pattern})")  # splitting keeps the words at odd indices
# The same pattern for the standard library, with the letter class written out for one text:
# the ASCII letters plus the text's own other letters and marks (see ``word_parts``).
# Possessive: a run of letters ends where the next character is not one, so giving letters
# back could never let the rest match; saying so spares the engine its backtracking records.
_ASCII_WORD_SPLIT = re.compile(r"([A-Za-z]++(?:['’][A-Za-z]++)*+)")
_UNUSUAL = re.compile(r"[^\t\n\r -~]+")  # anything but printable ASCII, tabs and line breaks
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")
_BLANK_LINES = regex.compile(r"(?:\r\n|\r|\n)(?:[ \t\f\v]*(?:\r\n|\r|\n))+")
# A sentence ends at . ! ? (optionally closed by quotes/brackets) followed by white space.
_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
SENTENCE_MARKS = ".!?…"  # where a _SENTENCE_END match starts
ABBREVIATIONS = frozenset(
    (
        "e.g i.e etc vs cf al mr mrs ms dr prof st no nos vol pp p fig eds ed jr sr inc ltd co "
        "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u approx dept gen col"
    ).split()
)


class Span(NamedTuple):
    """A piece of the text: ``text == document.text[start:end]``. A tuple: cheap by the million."""

    start: int
    end: int
    text: str


class Paragraph(NamedTuple):
    start: int
    end: int
    text: str
    heading: bool = False


def paragraphs(
    prose: str, cuts: Sequence[int] = (), headings: frozenset[int] = frozenset()
) -> list[Paragraph]:
    """Blocks of prose separated by blank lines, and cut at ``cuts`` (sorted offsets).

    Markdown gives the cuts: a heading, a list item, a table row and each table cell are blocks of
    their own even without blank lines around them. A block starting at an offset in ``headings``
    is a heading.
    """
    result: list[Paragraph] = []
    pos = 0
    for start, end in _blank_lines(prose):
        _add_block(prose, pos, start, cuts, headings, result)
        pos = end
    _add_block(prose, pos, len(prose), cuts, headings, result)
    return result


def _blank_lines(prose: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_BLANK_LINES.finditer(prose)``, tried only at the line breaks (where
    every match starts), which ``str.find`` finds three times faster than the pattern scans."""
    done = 0
    for at in char_offsets(prose, "\r\n"):
        if at >= done:
            m = _BLANK_LINES.match(prose, at)
            if m is not None:
                done = m.end()
                yield m.start(), done


def _add_block(
    prose: str,
    start: int,
    end: int,
    cuts: Sequence[int],
    headings: frozenset[int],
    out: list[Paragraph],
) -> None:
    cur = start
    for cut in cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]:
        _add_span(prose, cur, cut, out, cur in headings)
        cur = cut
    _add_span(prose, cur, end, out, cur in headings)


def _add_span(prose: str, start: int, end: int, out: list[Paragraph], heading: bool) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(start, end, prose[start:end], heading))


def sentences(paragraph: Paragraph, marks: Sequence[int] | None = None) -> list[Span]:
    """Sentences of one paragraph. Abbreviations and initials do not end a sentence.

    A sentence end starts at one of ``SENTENCE_MARKS``: the pattern is tried only there, at
    ``marks`` (their offsets in the paragraph's text, ascending) when the caller has them.
    """
    text = paragraph.text
    if marks is None:
        marks = char_offsets(text, SENTENCE_MARKS)
    result: list[Span] = []
    start = done = 0
    for at in marks:
        if at < done:
            continue
        m = _SENTENCE_END.match(text, at)
        if m is None:
            continue
        done = m.end()  # the next end is looked for after this one, as finditer does
        if text[at] == "." and _is_abbreviation(text, at):
            continue
        _add_sentence(paragraph, start, done, result)
        start = done
    _add_sentence(paragraph, start, len(text), result)
    return result


def all_sentences(prose: str, paragraphs: Sequence[Paragraph]) -> list[Span]:
    """The sentences of every paragraph, the sentence marks found once in the whole prose."""
    marks = char_offsets(prose, SENTENCE_MARKS)
    result: list[Span] = []
    for p in paragraphs:
        inside = marks[bisect_left(marks, p.start) : bisect_left(marks, p.end)]
        result.extend(sentences(p, [at - p.start for at in inside]))
    return result


def sentence_spans(prose: str, paragraphs: Sequence[Paragraph]) -> TextSpans:
    """``all_sentences(prose, paragraphs)`` kept as columns (see ``TextSpans``): the sentences
    are found a paragraph at a time and only their offsets kept."""
    marks = char_offsets(prose, SENTENCE_MARKS)
    code = _offset_code(len(prose))
    starts, ends = array(code), array(code)
    for p in paragraphs:
        inside = marks[bisect_left(marks, p.start) : bisect_left(marks, p.end)]
        for s in sentences(p, [at - p.start for at in inside]):
            starts.append(s.start)
            ends.append(s.end)
    return TextSpans(prose, starts, ends)


def paragraph_spans(
    prose: str, cuts: Sequence[int] = (), headings: frozenset[int] = frozenset()
) -> ParagraphSpans:
    """``paragraphs(prose, cuts, headings)`` kept as columns (see ``ParagraphSpans``)."""
    found = paragraphs(prose, cuts, headings)
    code = _offset_code(len(prose))
    starts = array(code, map(_FIRST, found))
    ends = array(code, map(_SECOND, found))
    return ParagraphSpans(prose, starts, ends, bytes(p.heading for p in found))


_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


def _offset_code(size: int) -> str:
    """The array type code of offsets into a text of ``size`` characters."""
    return "i" if size < 2**31 else "q"


@dataclass(frozen=True, slots=True, eq=False)
class TextSpans(Sequence[Span]):
    """Spans of ``source`` (a document's prose), kept as columns of offsets: a ``Span`` and its
    text are made when one is read and dropped after. A long draft's sentences, each a tuple,
    two int objects and a copy of its text kept for the whole run, took some three times the
    draft's size; as columns they take 8 bytes each.

    Read it as a list (index, slice, iterate, ``len``, ``==`` a list of ``Span``)."""

    source: str
    starts: array[int]
    ends: array[int]

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return list(self._spans(self.starts[index], self.ends[index]))
        start, end = self.starts[index], self.ends[index]
        return tuple.__new__(Span, (start, end, self.source[start:end]))

    def __iter__(self) -> Iterator[Span]:
        return self._spans(self.starts, self.ends)

    def _spans(self, starts: array[int], ends: array[int]) -> Iterator[Span]:
        texts = map(self.source.__getitem__, map(slice, starts, ends))
        return map(tuple.__new__, repeat(Span), zip(starts, ends, texts, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True, eq=False)
class ParagraphSpans(Sequence[Paragraph]):
    """A document's paragraphs, kept as columns as ``TextSpans`` keeps sentences: their starts,
    their ends and a byte each saying whether it is a heading."""

    source: str
    starts: array[int]
    ends: array[int]
    headings: bytes

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...

    @overload
    def __getitem__(self, index: slice) -> list[Paragraph]: ...

    def __getitem__(self, index: int | slice) -> Paragraph | list[Paragraph]:
        if isinstance(index, slice):
            rows = self.starts[index], self.ends[index], self.headings[index]
            return list(self._paragraphs(*rows))
        start, end = self.starts[index], self.ends[index]
        heading = bool(self.headings[index])
        return tuple.__new__(Paragraph, (start, end, self.source[start:end], heading))

    def __iter__(self) -> Iterator[Paragraph]:
        return self._paragraphs(self.starts, self.ends, self.headings)

    def _paragraphs(
        self, starts: array[int], ends: array[int], headings: bytes
    ) -> Iterator[Paragraph]:
        texts = map(self.source.__getitem__, map(slice, starts, ends))
        rows = zip(starts, ends, texts, map(bool, headings), strict=True)
        return map(tuple.__new__, repeat(Paragraph), rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    return word in ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def _add_sentence(paragraph: Paragraph, start: int, end: int, out: list[Span]) -> None:
    text = paragraph.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(paragraph.start + start, paragraph.start + end, text[start:end]))


def words(prose: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens: runs of letters (with combining marks) joined by inner apostrophes."""
    if start or end is not None:
        return [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(prose, start, end)]
    return spans(word_parts(prose))


def word_parts(prose: str, unusual: frozenset[str] | None = None) -> list[str]:
    """``prose`` cut into gaps and words in turn (words at the odd indices), as ``WORD`` cuts it.

    Every rule reads the words, so this is the one scan of the whole text that all of them pay
    for. The standard library's ``re`` scans plain text twice as fast as ``regex`` does with
    ``\\p{L}``, but knows no Unicode properties; it gets a letter class that agrees with
    ``[\\p{L}\\p{M}]`` on every character of this text: the ASCII letters, and the few other
    letters and marks the text uses (asked of ``regex`` itself, one by one). ``unusual`` is
    ``unusual_chars(prose)`` when the caller has it already.
    """
    if prose.isascii():
        return _ASCII_WORD_SPLIT.split(prose)
    if unusual is None:
        unusual = unusual_chars(prose)
    letters = "".join(sorted(c for c in unusual if _LETTER_OR_MARK.match(c)))
    if not letters:
        return _ASCII_WORD_SPLIT.split(prose)
    cls = f"[A-Za-z{re.escape(letters)}]"
    return re.split(f"({cls}++(?:['’]{cls}++)*+)", prose)


def _splitter(prose: str, unusual: frozenset[str] | None) -> re.Pattern[str]:
    """The pattern that cuts ``prose`` as ``word_parts`` does."""
    if prose.isascii():
        return _ASCII_WORD_SPLIT
    if unusual is None:
        unusual = unusual_chars(prose)
    letters = "".join(sorted(c for c in unusual if _LETTER_OR_MARK.match(c)))
    if not letters:
        return _ASCII_WORD_SPLIT
    cls = f"[A-Za-z{re.escape(letters)}]"
    return re.compile(f"({cls}++(?:['’]{cls}++)*+)")


_CHUNK = 1 << 16  # characters of prose cut into words at a time by ``word_columns``


def word_columns(prose: str, unusual: frozenset[str] | None = None) -> WordColumns:
    """The words of ``word_parts(prose, unusual)`` (their texts, one string object per distinct
    text, their starts and ends) and the gaps between them, without ever holding the list of
    every part.

    The prose is cut a piece of some 64 K characters at a time, each piece ending before a
    space (where no word runs on, so the pieces cut as the whole does: the pattern looks neither
    behind nor ahead); each piece's words are shared and its offsets added as they come, and
    the gap that ends a piece and the one that begins the next are one gap. A long draft's
    parts, each a string of its own (50–60 bytes), were once the peak of its memory (some
    thirty times the draft's size); then the list of every part, two pointers a word."""
    splitter = _splitter(prose, unusual)
    table: dict[str, str] = {}
    share = table.setdefault
    texts: list[str] = []
    code = _offset_code(len(prose))
    starts, ends = array(code), array(code)
    gaps = _GapCodes()
    pending = ""  # the prose since the last word so far
    pos, size = 0, len(prose)
    while pos < size:
        cut = prose.find(" ", pos + _CHUNK) if size - pos > 2 * _CHUNK else -1
        end = size if cut == -1 else cut
        parts = splitter.split(prose[pos:end])
        if len(parts) == 1:  # no word in the piece
            pending += parts[0]
            pos = end
            continue
        if texts:
            gaps.add([pending + parts[0]])
        words = parts[1::2]
        texts.extend(map(share, words, words))
        gaps.add(parts[2:-1:2])
        pending = parts[-1]
        # the piece's start, then gap ends (word starts) and word ends in turn, then its end
        bounds = array(code, accumulate(map(len, parts), initial=pos))
        starts.extend(bounds[1:-1:2])
        ends.extend(bounds[2::2])
        pos = end
    return WordColumns(texts, starts, ends, Gaps(gaps.forms, gaps.codes))


class WordColumns(NamedTuple):
    texts: list[str]
    starts: array[int]
    ends: array[int]
    gaps: Gaps


class _GapCodes:
    """Gaps between words as a code each (4 bytes) into their distinct texts: a draft's gaps
    are a few dozen texts (a space, a comma and a space, a line break...) used over and over."""

    def __init__(self) -> None:
        self.forms: list[str] = []
        self.codes: array[int] = array("I")
        self._ids: dict[str, int] = {}

    def add(self, gaps: list[str]) -> None:
        ids = self._ids
        for gap in set(gaps).difference(ids):
            ids[gap] = len(self.forms)
            self.forms.append(gap)
        self.codes.extend(map(ids.__getitem__, gaps))


def unusual_chars(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` other than printable ASCII, tabs and line breaks.

    A plain draft has none or a handful (dashes, curly quotes), found in one fast scan; a pattern
    that can only start at such a character (an invisible one, a letter of another script) need
    not scan a text whose set holds none of its own. Without its tabs and line breaks, a text
    of printable ASCII alone is told in a few microseconds; only other texts are scanned.
    """
    plain = text.replace("\n", "").replace("\r", "").replace("\t", "")
    if plain.isascii() and plain.isprintable():
        return frozenset()
    return frozenset("".join(_UNUSUAL.findall(text)))


@dataclass(frozen=True, slots=True)
class WordSpans(Sequence[Span]):
    """The words of a document as a sequence of ``Span``, kept as columns: their starts and
    ends (arrays of machine integers) and their texts (shared strings). A ``Span`` is made when
    a word is read and dropped after: a tuple and two int objects per word (some 140 bytes)
    kept for the whole document made a long draft's words take thirty times its size.

    Read it as a list (index, slice, iterate, ``len``); ``starts`` serve ``bisect`` directly."""

    starts: array[int]
    ends: array[int]
    texts: list[str]

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            triples = zip(self.starts[index], self.ends[index], self.texts[index], strict=True)
            return list(map(tuple.__new__, repeat(Span), triples))
        return tuple.__new__(Span, (self.starts[index], self.ends[index], self.texts[index]))

    def __iter__(self) -> Iterator[Span]:
        triples = zip(self.starts, self.ends, self.texts, strict=True)
        return map(tuple.__new__, repeat(Span), triples)

    def pick(self, ranges: Sequence[tuple[int, int]]) -> WordSpans:
        """The words in ``ranges`` (index ranges, in order), joined: columns again."""
        if len(ranges) == 1 and tuple(ranges[0]) == (0, len(self)):
            return self
        starts, ends = array(self.starts.typecode), array(self.ends.typecode)
        texts: list[str] = []
        for lo, hi in ranges:
            starts.extend(self.starts[lo:hi])
            ends.extend(self.ends[lo:hi])
            texts.extend(self.texts[lo:hi])
        return WordSpans(starts, ends, texts)


@dataclass(frozen=True, slots=True, eq=False)
class Gaps(Sequence[str]):
    """The text between each word and the next (one fewer than the words), read as a list of
    strings: kept as a code a gap into the distinct gaps' texts (``forms``)."""

    forms: list[str]
    codes: array[int]

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return list(map(self.forms.__getitem__, self.codes[index]))
        return self.forms[self.codes[index]]

    def __iter__(self) -> Iterator[str]:
        return map(self.forms.__getitem__, self.codes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def spans(parts: list[str]) -> list[Span]:
    """The words of ``word_parts`` with their offsets, built without a Python step per word.

    The running sum of the parts' lengths gives each word's offsets, and ``tuple.__new__`` makes
    the spans (a ``Span`` call per word costs three times as much).
    """
    bounds = list(accumulate(map(len, parts)))  # gap ends and word ends, alternately
    triples = zip(bounds[0::2], bounds[1::2], parts[1::2], strict=False)
    return list(map(tuple.__new__, repeat(Span), triples))


def char_offsets(text: str, chars: str) -> list[int]:
    """The offsets in ``text`` of any of ``chars``, ascending.

    For the few characters a rule looks for (brackets, stray symbols, punctuation), a
    ``str.find`` per character runs at memory speed, where a pattern starting with a character
    class tests every character of the text in turn (ten times slower, ``re`` or ``regex``
    alike). Single characters only: ``find`` is fast for them, not for longer needles.
    """
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at != -1:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found

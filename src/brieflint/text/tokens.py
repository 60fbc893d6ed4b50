"""Paragraphs, sentences and word tokens with offsets into the original text."""

from __future__ import annotations

from typing import NamedTuple

import regex

WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_BLANK_LINES = regex.compile(r"(?:\r\n|\r|\n)(?:[ \t\f\v]*(?:\r\n|\r|\n))+")
# A sentence ends at . ! ? (optionally closed by quotes/brackets) followed by white space.
_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
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


def paragraphs(prose: str, heading_offsets: frozenset[int] = frozenset()) -> list[Paragraph]:
    """Blocks of prose separated by blank lines; headings (Markdown) are blocks of their own."""
    result: list[Paragraph] = []
    pos = 0
    for m in _BLANK_LINES.finditer(prose):
        _add_block(prose, pos, m.start(), heading_offsets, result)
        pos = m.end()
    _add_block(prose, pos, len(prose), heading_offsets, result)
    return result


def _add_block(
    prose: str, start: int, end: int, headings: frozenset[int], out: list[Paragraph]
) -> None:
    if headings:
        # split the block at heading lines
        line_start = start
        cur = start
        while line_start < end:
            nl = prose.find("\n", line_start, end)
            line_end = end if nl == -1 else nl + 1
            if line_start in headings:
                _add_span(prose, cur, line_start, out, False)
                _add_span(prose, line_start, line_end, out, True)
                cur = line_end
            line_start = line_end
        _add_span(prose, cur, end, out, False)
    else:
        _add_span(prose, start, end, out, False)


def _add_span(prose: str, start: int, end: int, out: list[Paragraph], heading: bool) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(start, end, prose[start:end], heading))


def sentences(paragraph: Paragraph) -> list[Span]:
    """Sentences of one paragraph. Abbreviations and initials do not end a sentence."""
    text = paragraph.text
    result: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        end = m.end()
        _add_sentence(paragraph, start, end, result)
        start = end
    _add_sentence(paragraph, start, len(text), result)
    return result


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
    return [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(prose, start, end)]

"""Helpers for names and acronyms: diacritic folding and all-capitals lines (headings, covers)."""

from __future__ import annotations

import bisect
import math
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from brieflint.text import doccache

if TYPE_CHECKING:
    from brieflint.document import Document

_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
# letters without a decomposition that folding should still map to ASCII
_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def strip_marks(word: str) -> str:
    """``İlham`` → ``Ilham``, ``Türkiye`` → ``Turkiye`` (case kept)."""
    if word.isascii():
        return word  # NFKD and the extra letters leave ASCII alone
    return _strip_marks_unicode(word)


@lru_cache(maxsize=65536)
def _strip_marks_unicode(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(word: str) -> str:
    """A key under which spellings differing in diacritics, case or hyphens meet."""
    if word.isascii():
        return word.lower().replace("-", "")
    return strip_marks(word).casefold().replace("-", "").replace("‐", "")


def shouting_lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of the prose's lines written in capitals only (two or more words, no lower-case
    letter); computed once per document, several rules ask."""
    return list(doccache.memo(doc, "shouting_lines", _shouting_doc))


def _shouting_doc(doc: Document) -> list[tuple[int, int]]:
    return _shouting_lines(doc.prose)


_ASCII_LOWER = regex.compile(r"[a-z]")


def _shouting_lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if _shouting(line):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _shouting(line: str) -> bool:
    """Two or more words and no lower-case letter in them."""
    if _ASCII_LOWER.search(line):
        return False  # a lower-case ASCII letter is a lower-case letter of a word
    words = _LETTERS.findall(line)
    return len(words) >= 2 and not any(c.islower() for w in words for c in w)


# a word in capitals, and two or more of them in a row on one line ("ANNA K. BERG", "THE CROWN
# V. HOLT"): a name set in capitals, as newspapers and covers set names, not a second spelling
_CAPS_WORD = r"(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}]*(?![\p{L}\p{M}])"
_CAPS_RUN = regex.compile(_CAPS_WORD + r"(?:[^\w\n]+" + _CAPS_WORD + ")+")


def capital_runs(doc: Document) -> list[tuple[int, int]]:
    """Spans of the runs of two or more words in capitals on one line, one a word of two
    letters or more, and, in a document with such runs, of the lines whose letters are mostly
    capitals (sorted and disjoint); computed once per document."""
    return list(doccache.memo(doc, "capital_runs", _capital_runs_doc))


def _capital_runs_doc(doc: Document) -> list[tuple[int, int]]:
    text = doc.prose
    runs = [
        m.span()
        for m in _CAPS_RUN.finditer(text)
        if any(len(w) > 1 for w in _LETTERS.findall(m.group()))
    ]
    if not runs:
        return runs
    # a heading in capitals that OCR has damaged ("THE MAYOR OF DUNMORe"): a line of
    # two or more words whose letters are mostly capitals, taken whole
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        words = _LETTERS.findall(line)
        if len(words) >= 2:
            letters = "".join(words)
            if sum(map(str.isupper, letters)) >= MOSTLY_CAPITALS * len(letters):
                spans.append((pos, pos + len(line)))
        pos += len(line)
    return union(runs, spans)


MOSTLY_CAPITALS = 0.6


def union(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of two lists of sorted, disjoint spans, sorted and disjoint."""
    if not b:
        return a
    out: list[tuple[int, int]] = []
    for start, end in sorted(a + b):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` lies in one of ``spans`` (sorted and disjoint, as :func:`shouting_lines`)."""
    i = bisect.bisect_right(spans, (offset, math.inf)) - 1
    return i >= 0 and offset < spans[i][1]

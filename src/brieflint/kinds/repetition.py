"""repetition: the same word twice in a row ("the the"), except where grammatical."""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.text import segment

REMOVE = unsafe(
    "remove the second word",
    'A word can repeat on purpose beyond the allowed list ("Walla Walla", "many, many" without '
    "its comma, a quoted stammer): a person decides.",
)


class RepetitionOptions(Options):
    allow: list[str] = Field(
        default_factory=lambda: ["had", "that", "is", "do", "bye", "knock", "very", "so", "no"],
        description="Words that may legitimately repeat (had had, that that).",
    )
    ignorecase: bool = Field(True, description='Repeats differing only in case count ("The the").')
    letter_words: list[str] = Field(
        default_factory=lambda: ["a", "I", "O"],
        description="The one-letter words of the language: another letter twice beside brackets, "
        'quotes or operators ("(t t)") is a label, not a repeated word.',
    )


def check(doc: Document, options: RepetitionOptions, ctx: Context) -> Iterator[Hit]:
    allow = {w.casefold() for w in options.allow}
    letters = {w.casefold() for w in options.letter_words}
    prose, text = doc.prose, doc.text
    words = doc.words
    paras = doc.paragraphs
    starts = [p.start for p in paras]
    for i in _repeats(doc, options.ignorecase):
        prev, cur = words[i], words[i + 1]
        k = bisect_right(starts, prev.start) - 1  # the paragraph the first word starts in
        if k < 0 or prev.start >= paras[k].end or cur.start >= paras[k].end:
            continue  # never across paragraphs, list items or table cells (as doc.words_in)
        a, b = (
            (prev.text.casefold(), cur.text.casefold())
            if options.ignorecase
            else (prev.text, cur.text)
        )
        if a != b or a.casefold() in allow:
            continue
        between = prose[prev.end : cur.start]
        if between.strip() or between != text[prev.end : cur.start]:
            continue  # punctuation ("no, no") or code/markup between the two
        if _glued(text, prev.start - 1) or _glued(text, cur.end):
            continue  # "v v1", "x x_2": the words are parts of symbols, not repeated words
        if _compound_tail(text, prev.start) and text[cur.end : cur.end + 1] in _CLOSERS:
            continue  # "(has-part part))": names of code, the first the tail of a compound
        if len(a) == 1 and (
            _letter_spaced(doc, i) or (a not in letters and _in_symbols(text, prev.start, cur.end))
        ):
            continue  # "d i s c u s s": one defect, the letter spacing; "(t t)": labels
        fix = (Edit(prev.end, cur.end, ""),)
        yield Hit(prev.start, cur.end, {"word": cur.text}, (prev.text,), fix)


def _in_symbols(text: str, start: int, end: int) -> bool:
    """The letters at ``[start, end)`` touch a bracket, quote or operator: labels or variables
    ("(t t)", "'fish t t)"), not words of a sentence."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() or not (after.isspace() or after in ",.;:!?")


def _letter_spaced(doc: Document, i: int) -> bool:
    """Word ``i`` or ``i + 1`` (one letter each) sits among other one-letter words, one space
    apart: a letter-spaced word ("d i s c u s s"), which split-word rules report."""
    words, text = doc.words, doc.text
    for j, k in ((i - 1, i), (i + 2, i + 1)):
        if 0 <= j < len(words) and len(words[j].text) == 1:
            lo, hi = sorted((words[j], words[k]), key=lambda w: w.start)
            if text[lo.end : hi.start] == " ":
                return True
    return False


_CLOSERS = frozenset(")]}>")


def _compound_tail(text: str, start: int) -> bool:
    """The word at ``start`` ends a hyphenated compound ("has-part")."""
    return start > 1 and text[start - 1] in "-‐" and text[start - 2].isalnum()


def _glued(text: str, at: int) -> bool:
    """The character at ``at`` continues a word into a symbol: a digit or an underscore."""
    return 0 <= at < len(text) and (text[at].isdigit() or text[at] == "_")


def _repeats(doc: Document, ignorecase: bool) -> Iterator[int]:
    """Indices ``i`` of ``doc.words`` where word ``i + 1`` is word ``i`` again, in order.

    The comparison runs over the whole word list at C speed; the rare repeats found are then
    checked one by one.
    """
    texts: Iterable[str] = segment.word_texts(doc)
    if ignorecase:
        texts = map(segment.folds(doc).__getitem__, texts)
    # pairs compared as they stream by: no second list of the words
    return itertools.compress(
        itertools.count(), itertools.starmap(operator.eq, itertools.pairwise(texts))
    )


KIND = Kind("repetition", RepetitionOptions, check, "A word repeated by mistake.", fixes=(REMOVE,))

"""ocr-run-together: words joined by a lost space ("wordsin", "arethe", "1For", "regionThe")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import segment

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

_LOWER = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’@./_-])\p{Ll}{5,40}(?![\p{L}\p{M}\p{N}'’@/_-])")
_NUMBER_WORD = regex.compile(r"(?<![\p{L}\p{N}.,/])(\d{1,3})(\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{N}])")
_CAMEL = regex.compile(r"(?<![\p{L}\p{N}])(\p{Ll}{2,20})(\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{N}])")
MAX_TOKEN_ZIPF = 3.5  # a token more frequent than this is a word, whatever it looks like
UNKNOWN_ZIPF = 1.5
COMMON_WORD_ZIPF = 5.5  # "in", "the", "are": the words a lost space most often glues on
CONTENT_WORD_ZIPF = 4.0


class RunTogetherOptions(Options):
    numbers: bool = True  # "1For": a footnote number run into the next word
    camel_case: bool = True  # "regionThe"


def check(doc: Document, options: RunTogetherOptions, ctx: Context) -> Iterator[Hit]:
    prose = doc.prose
    lexicon = ctx.lexicon
    counts = segment.word_counts(doc)
    for m in _LOWER.finditer(prose):
        token = m.group()
        parts = _split(token, lexicon, counts)
        if parts:
            yield Hit(*m.span(), {"words": " ".join(parts)}, (" ".join(parts),))
    if options.numbers:
        for m in _NUMBER_WORD.finditer(prose):
            if segment.zipf(lexicon, m.group(2)) >= CONTENT_WORD_ZIPF:
                split = f"{m.group(1)} {m.group(2)}"
                yield Hit(*m.span(), {"words": split}, (split,))
    if options.camel_case:
        for m in _CAMEL.finditer(prose):
            a, b = m.group(1), m.group(2)
            if (
                segment.zipf(lexicon, m.group()) < UNKNOWN_ZIPF
                and not lexicon.vocabulary.accepts(m.group())
                and counts.get(m.group().casefold(), 0) < 2
                and segment.zipf(lexicon, a) >= CONTENT_WORD_ZIPF
                and segment.zipf(lexicon, b) >= CONTENT_WORD_ZIPF
            ):
                yield Hit(*m.span(), {"words": f"{a} {b}"}, (f"{a} {b}",))


def _split(token: str, lexicon: Lexicon, counts: Counter[str]) -> list[str] | None:
    zipf = segment.zipf(lexicon, token)
    if zipf >= MAX_TOKEN_ZIPF or lexicon.vocabulary.accepts(token):
        return None
    if counts.get(token, 0) >= 2:
        return None  # used twice: a term of the document, not an accident
    parts = segment.segment(token, lexicon)
    if not parts or parts[0] in segment.PREFIXES or parts[-1] in segment.SUFFIXES:
        return None
    zipfs = [segment.zipf(lexicon, p) for p in parts]
    if not (
        max(zipfs) >= COMMON_WORD_ZIPF
        or (zipf == 0.0 and min(zipfs) >= CONTENT_WORD_ZIPF and min(map(len, parts)) >= 4)
    ):
        return None
    if zipf >= UNKNOWN_ZIPF and sum(z - 9.0 for z in zipfs) + 9.0 < zipf + 2.0:
        return None  # the token itself is about as likely as the words
    if segment.near_known(token, lexicon):
        return None  # one letter away from a word: a misreading, not a lost space
    return parts


KIND = Kind(
    "ocr-run-together",
    RunTogetherOptions,
    check,
    "Words run together by a lost space, where a split into common words is far likelier.",
)

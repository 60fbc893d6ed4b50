"""ocr-split-word: a word cut by a stray space ("transfor mation", "Abst rac t")."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import segment
from brieflint.text.tokens import Span

_GAP = regex.compile(r"[ \t]{1,2}|[ \t]*(?:\r\n|\r|\n)[ \t]*")


class SplitWordOptions(Options):
    max_parts: int = 3
    fix: bool = True


def check(doc: Document, options: SplitWordOptions, ctx: Context) -> Iterator[Hit]:
    words = doc.words
    lexicon = ctx.lexicon
    counts = segment.word_counts(doc)
    fragment: dict[str, bool] = {}

    def is_fragment(text: str) -> bool:
        if text not in fragment:
            fragment[text] = segment.is_fragment(text, lexicon)
        return fragment[text]

    fragments = [is_fragment(w.text) for w in words]
    i = 0
    while i < len(words) - 1:
        found = None
        for k in range(min(options.max_parts, len(words) - i), 1, -1):
            if not any(fragments[i : i + k]) and not (
                k == 2 and segment.likely_split(words[i].text, words[i + 1].text, lexicon)
            ):
                continue
            parts = words[i : i + k]
            if _joinable(doc, parts):
                joined = "".join(p.text for p in parts)
                if _plausible(parts) and segment.is_known(joined, lexicon, counts):
                    found = (parts, joined)
                    break
        if found is None:
            i += 1
            continue
        parts, joined = found
        start, end = parts[0].start, parts[-1].end
        fix = (Edit(start, end, joined),) if options.fix else None
        yield Hit(start, end, {"joined": joined}, (joined,), fix)
        i += len(parts)


def _joinable(doc: Document, parts: list[Span]) -> bool:
    """Only white space between the parts, and none of it masked (code, markup)."""
    return all(
        _GAP.fullmatch(doc.prose, a.end, b.start) is not None and doc.is_prose(a.end, b.start)
        for a, b in itertools.pairwise(parts)
    )


def _plausible(parts: list[Span]) -> bool:
    """Case and shape of the pieces allow one word: "Abst rac t" yes, "New York" no."""
    texts = [p.text for p in parts]
    rest = texts[1:]
    if not (all(t.islower() for t in rest) or all(t.isupper() for t in texts)):
        return False
    if len(texts[0]) == 1 and texts[0].isupper():
        return False  # an initial or a label: "A & B and C", "Plan B and"
    if len(texts) == 2 and texts[1].casefold() in segment.CONTRACTION_TAILS:
        return False  # "don t", "it s": a lost apostrophe, not a split word
    return not (len(texts) == 2 and texts[0].casefold() in segment.PREFIXES)


KIND = Kind(
    "ocr-split-word",
    SplitWordOptions,
    check,
    "A word split in two by a stray space, where the joined form is a known word.",
    fixable=True,
)

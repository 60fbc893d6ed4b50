"""ocr-split-word: a word cut by a stray space ("transfor mation", "Abst rac t")."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.text import segment
from brieflint.text.tokens import Span

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

_GAP = regex.compile(r"[ \t]{1,2}|[ \t]*(?:\r\n|\r|\n)[ \t]*")


JOIN = unsafe(
    "join the pieces",
    'The joined form is a known word, but two real words can join into one ("d are" → "dare", '
    '"l each" → "leach"): a person decides.',
)


class SplitWordOptions(Options):
    max_parts: int = 3


def check(doc: Document, options: SplitWordOptions, ctx: Context) -> Iterator[Hit]:
    lexicon = ctx.lexicon
    counts = segment.word_counts(doc)
    texts = segment.word_texts(doc)
    fragments = segment.fragments(texts, lexicon)
    likely = segment.likely_splits(texts, lexicon)
    i = 0
    for start in _candidates(fragments, likely, options.max_parts):
        if start < i:
            continue  # inside a split word already reported
        found = _split_at(doc, start, fragments, likely, options.max_parts, lexicon, counts)
        if found is None:
            continue
        parts, joined = found
        first, last = parts[0].start, parts[-1].end
        yield Hit(first, last, {"joined": joined}, (joined,), (Edit(first, last, joined),))
        i = start + len(parts)


def _candidates(fragments: list[bool], likely: list[bool], max_parts: int) -> list[int]:
    """The word indices where a split word may start, in order.

    A split word starts at ``i`` only when one of the ``max_parts`` words from ``i`` on is a
    fragment, or words ``i`` and ``i + 1`` are likely one word: most words of a draft are neither,
    and are passed over without a look. The few fragments and likely pairs are found at C speed,
    and only their neighbourhoods are visited.
    """
    last = len(fragments) - 1  # a split word has two parts at least: it starts before the last
    if max_parts < 2 or last < 1:
        return []
    starts = set(itertools.compress(range(last), likely))
    for j in itertools.compress(range(len(fragments)), fragments):
        starts.update(range(max(0, j - max_parts + 1), min(j + 1, last)))
    return sorted(starts)


def _split_at(
    doc: Document,
    i: int,
    fragments: list[bool],
    likely: list[bool],
    max_parts: int,
    lexicon: Lexicon,
    counts: Counter[str],
) -> tuple[list[Span], str] | None:
    """The longest run of words from ``i`` that joins into a known word, with the joined form."""
    words = doc.words
    for k in range(min(max_parts, len(words) - i), 1, -1):
        if not any(fragments[i : i + k]) and not (k == 2 and likely[i]):
            continue
        joined = "".join(doc.word_texts[i : i + k])
        if not segment.is_known(joined, lexicon, counts):
            continue  # the test that fails most often (few joined forms are words) comes first
        parts = words[i : i + k]
        if (
            _plausible(parts)
            and _joinable(doc, parts)
            and not _in_compound(doc, parts)
            and not _abbreviation(doc, parts[-1])
        ):
            return parts, joined
    return None


def _in_compound(doc: Document, parts: list[Span]) -> bool:
    """The run begins or ends inside a hyphenated word ("the e-mail", "an e-⏎mail") or a token
    that goes on with digits or symbols ("v v1", "x2 x"): joining would cut the compound or the
    symbol, whose hyphen (or line-break hyphen) is another rule's business."""
    text = doc.text
    first, last = parts[0], parts[-1]
    before = text[first.start - 1 : first.start] if first.start else ""
    after = text[last.end : last.end + 1]
    return "-" in (before, after) or any(ch.isalnum() or ch == "_" for ch in before + after)


_ABBREVIATION_END = regex.compile(r"\.(?:[ \t]*(?:\r\n|\r|\n)?[ \t]*)(?=[\p{N}\p{Ll}(\[,;:])")


def _abbreviation(doc: Document, last: Span) -> bool:
    """The last piece ends with a full stop that ends no sentence ("p. 4", "vol. 3", "e.g. the"):
    it is an abbreviation, a word of its own, and joining it to the word before ("see p." →
    "seep.") would make a word of a word and an abbreviation."""
    return _ABBREVIATION_END.match(doc.text, last.end) is not None


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
    if len(texts) == 2 and any(
        len(t) == 1 and o.casefold() in segment.FUNCTION_WORDS for t, o in (texts, texts[::-1])
    ):
        return False  # a lone letter beside "the", "and"…: a label or symbol ("a, b and c")
    return not (len(texts) == 2 and texts[0].casefold() in segment.PREFIXES)


KIND = Kind(
    "ocr-split-word",
    SplitWordOptions,
    check,
    "A word split in two by a stray space, where the joined form is a known word.",
    fixes=(JOIN,),
    whole_document=True,
)

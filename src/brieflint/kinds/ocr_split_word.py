"""ocr-split-word: a word cut by a stray space ("transfor mation", "Abst rac t")."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex
from pydantic import Field

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
    max_parts: int = Field(3, description="Most pieces a split word is rejoined from.")


def check(doc: Document, options: SplitWordOptions, ctx: Context) -> Iterator[Hit]:
    lexicon = ctx.lexicon
    counts = segment.word_counts(doc)
    texts = segment.word_texts(doc)
    fragments = segment.fragments(texts, lexicon)
    likely = segment.likely_splits(texts, lexicon)
    covered: set[int] = set()  # words of letter-spaced runs, judged as a whole
    for (first, last), spelt in _letter_spaced(doc, lexicon, counts):
        covered.update(_indices(doc, first, last))
        if spelt is not None:
            text, words = spelt
            fix = (Edit(first, last, text),) if words == 1 else None
            yield Hit(first, last, {"joined": text}, (text,), fix)
    i = 0
    for start in _candidates(fragments, likely, options.max_parts):
        if start < i or start in covered:
            continue  # inside a split word already reported
        found = _split_at(doc, start, fragments, likely, options.max_parts, lexicon, counts)
        if found is None:
            continue
        parts, joined = found
        if not covered.isdisjoint(range(start, start + len(parts))):
            continue
        first, last = parts[0].start, parts[-1].end
        yield Hit(first, last, {"joined": joined}, (joined,), (Edit(first, last, joined),))
        i = start + len(parts)


PAIR_OF_LETTERS_ZIPF = 5.0  # two lone letters must spell a very common word ("i s", "o f")
_SPACED_UNSPELT = 5  # letters in a row reported even if no words are found in them
_SPACED_MIN = 3  # letters in a letter-spaced word ("t h e"); two are judged as any split word


def _letter_spaced(
    doc: Document, lexicon: Lexicon, counts: Counter[str]
) -> Iterator[tuple[tuple[int, int], tuple[str, int] | None]]:
    """Runs of single letters one space apart, and the words they spell ("d i s c u s s", "t o
    o t h e r s" for "to others"), or None: ((start, end), (the words, how many) or None). A run
    of letters in alphabetical order ("a b c", "x y z") or of one letter spells nothing."""
    words = doc.words
    prose = doc.prose
    # the words of one letter, found without a Python step per word
    singles = itertools.compress(itertools.count(), map((1).__eq__, map(len, doc.word_texts)))
    run: list[Span] = []
    last = -1  # the index in ``words`` of the run's last letter
    for i in itertools.chain(singles, (-1,)):  # -1: the end
        w = words[i] if i >= 0 else None
        if w is not None and (
            not run or (i == last + 1 and w.start - run[-1].end == 1 and prose[run[-1].end] == " ")
        ):
            run.append(w)
            last = i
            continue
        if len(run) >= _SPACED_MIN and (len(run) > 1 and doc.is_prose(run[0].start, run[-1].end)):
            yield (run[0].start, run[-1].end), _spell(run, lexicon, counts)
        run = [w] if w is not None else []
        last = i


def _spell(run: list[Span], lexicon: Lexicon, counts: Counter[str]) -> tuple[str, int] | None:
    letters = "".join(w.text for w in run)
    rest = letters[1:]
    if not (rest.islower() or letters.isupper()):
        return None
    folded = letters.casefold()
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(folded)}
    if steps <= {0} or steps <= {1}:
        return None  # "a b c", "x y z", "n n n"
    if segment.is_known(letters, lexicon, counts) and lexicon.zipf(folded) >= segment.KNOWN_ZIPF:
        return letters, 1
    parts = segment.segment(
        folded, lexicon, max_parts=max(2, len(folded) // 3), part_zipf=segment.KNOWN_ZIPF
    )
    if parts is None:
        # letters this many in a row are letter-spaced text even when they spell no words
        vowels = sum(c in "aeiouy" for c in folded)
        return (letters, 0) if len(run) >= _SPACED_UNSPELT and vowels * 4 >= len(run) else None
    if letters[0].isupper():
        parts[0] = parts[0].capitalize()
    return " ".join(parts), len(parts)


def _indices(doc: Document, start: int, end: int) -> range:
    """The indices in ``doc.words`` of the words inside ``[start, end)``."""
    words = doc.words
    lo = bisect.bisect_left(words, start, key=lambda w: w.start)
    hi = bisect.bisect_left(words, end, lo, key=lambda w: w.start)
    return range(lo, hi)


def _candidates(fragments: bytes, likely: bytes, max_parts: int) -> list[int]:
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
    fragments: bytes,
    likely: bytes,
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
        if len(joined) == k and lexicon.zipf(joined) < PAIR_OF_LETTERS_ZIPF:
            continue  # "t t", "N f": symbols; letters that spell a common word ("i n") stay
        if (
            _plausible(parts, fragments[i + 1 : i + k])
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


def _plausible(parts: list[Span], rest_fragments: bytes) -> bool:
    """Case and shape of the pieces allow one word: "Abst rac t" yes, "New York" no.

    ``rest_fragments`` tells, for each piece after the first, whether it is no word by itself.
    """
    texts = [p.text for p in parts]
    rest = texts[1:]
    if not (all(t.islower() for t in rest) or all(t.isupper() for t in texts)):
        return False
    if _function_word_cut(texts):
        return True  # "T o", "wit h": a function word cut, with a letter that is no word
    if len(texts[0]) == 1 and texts[0].isupper():
        # an initial or a label ("A & B and C", "Plan B and"), unless a capital cut off a word
        # whose other pieces are no words ("W e", "F inal ly")
        if texts[0].casefold() in segment.SINGLE_LETTER_WORDS or not any(rest_fragments):
            return False
        if any(t.casefold() in segment.FUNCTION_WORDS for t in rest):
            return False
    if len(texts) == 2 and _contraction(texts[0], texts[1]):
        return False  # "don t", "it s": a lost apostrophe, not a split word
    if len(texts) == 2 and any(
        len(t) == 1 and o.casefold() in segment.FUNCTION_WORDS for t, o in (texts, texts[::-1])
    ):
        return False  # a lone letter beside "the", "and"…: a label or symbol ("a, b and c")
    return not (len(texts) == 2 and texts[0].casefold() in segment.PREFIXES)


def _function_word_cut(texts: list[str]) -> bool:
    """Two pieces that make a function word ("the", "and"), one of them a letter that is no
    word of its own: no label or symbol stands beside a function word that way."""
    if len(texts) != 2 or "".join(texts).casefold() not in segment.FUNCTION_WORDS:
        return False
    letters = [t for t in texts if len(t) == 1]
    return bool(letters) and all(t.casefold() not in segment.SINGLE_LETTER_WORDS for t in letters)


def _contraction(first: str, tail: str) -> bool:
    """``first tail`` can be a contraction or possessive whose apostrophe was lost: "don t",
    "it s", "we ll"; "ge t" and "roo t" cannot (n't follows an n)."""
    tail = tail.casefold()
    if tail not in segment.CONTRACTION_TAILS:
        return False
    if tail == "t":
        return first.casefold().endswith("n")
    return len(first) > 1


KIND = Kind(
    "ocr-split-word",
    SplitWordOptions,
    check,
    "A word split in two by a stray space, where the joined form is a known word.",
    fixes=(JOIN,),
    whole_document=True,
)

"""Word-level judgements shared by the OCR rules: is a token a word, a fragment, or two words?

Membership and frequency come from :class:`brieflint.text.lexicon.Lexicon` (wordfreq). What no
library does is written here: the counts of the document's own words (a joined form that occurs
elsewhere in the same draft is evidence too), and a small Viterbi segmentation over wordfreq's
frequencies. symspellpy's ``word_segmentation`` does the same search but needs its own 82,000-word
dictionary loaded first (close to a second); wordfreq's list is already in memory for the other
rules, so the dozen lines below are cheaper than the library here.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

from brieflint.text import doccache

if TYPE_CHECKING:
    from brieflint.document import Document
    from brieflint.text.lexicon import Lexicon

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

FRAGMENT_ZIPF = 2.5  # below this, a token is not an English word in its own right
KNOWN_ZIPF = 2.5  # a joined form at least this frequent is an English word
PART_ZIPF = 3.5  # each word of a segmentation must be at least this common
SHORT_PART_ZIPF = 5.5  # ... and a two-letter word this common (in, of, to, is)
SINGLE_LETTER_WORDS = frozenset({"a", "i"})
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word_counts(doc: Document) -> Counter[str]:
    """How often each word (case-folded) occurs in the document's prose; computed once per doc."""
    return doccache.memo(doc, "word_counts", _count_words)


def _count_words(doc: Document) -> Counter[str]:
    # counted per form as written, then the forms folded: no folded text kept per word
    counts: Counter[str] = Counter()
    folded = folds(doc)
    for form, n in Counter(word_texts(doc)).items():
        counts[folded[form]] += n
    return counts


def folds(doc: Document) -> dict[str, str]:
    """The case-folded text of each distinct word of the document; computed once per document.
    ``map(folds(doc).__getitem__, doc.word_texts)`` reads the folded words in order."""
    return doccache.memo(doc, "folds", _folds)


def _folds(doc: Document) -> dict[str, str]:
    # one string per folded text, shared by the forms that fold to it
    table: dict[str, str] = {}
    return {form: table.setdefault(f, f) for form in word_forms(doc) for f in (form.casefold(),)}


def word_forms(doc: Document) -> frozenset[str]:
    """The distinct words of the document (as written): rules judge each form once, not each use."""
    return doccache.memo(doc, "word_forms", _word_forms)


def _word_forms(doc: Document) -> frozenset[str]:
    return frozenset(word_texts(doc))


def word_texts(doc: Document) -> list[str]:
    """The text of each of ``doc.words``, in order; computed once per document."""
    return doc.word_texts


class LexiconMemo(dict[K, V], Generic[K, V]):
    """Verdicts about words for one lexicon: computed on first use, a plain dict hit after that.

    ``memo[key]`` and ``map(memo.__getitem__, keys)`` run at C speed for keys already seen; only
    a new key calls ``compute``. Verdicts depend on the lexicon alone (never on the document), so
    one memo serves every document of a run.
    """

    def __init__(self, lexicon: Lexicon, compute: Callable[[K, Lexicon], V]) -> None:
        super().__init__()
        self._lexicon = lexicon
        self._compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self._compute(key, self._lexicon)
        return value


_MEMO_LIMIT = 500_000  # entries per memo before it starts afresh (bounds memory on huge runs)


def lexicon_memo(
    lexicon: Lexicon, name: str, compute: Callable[[K, Lexicon], V]
) -> LexiconMemo[K, V]:
    """The memo called ``name`` of ``compute`` over ``lexicon``: one per lexicon and name,
    kept on the lexicon."""
    key = f"segment.{name}"
    memo: LexiconMemo[K, V] = lexicon.derived(key, lambda: LexiconMemo(lexicon, compute))
    if len(memo) > _MEMO_LIMIT:
        lexicon.forget(key)
        memo = lexicon.derived(key, lambda: LexiconMemo(lexicon, compute))
    return memo


def fragments(words: list[str], lexicon: Lexicon) -> bytes:
    """``is_fragment(w, lexicon)`` for each of ``words`` (a byte each, 1 for true: a long draft
    has millions of words), each distinct word judged once per run."""
    return bytes(map(lexicon_memo(lexicon, "fragment", is_fragment).__getitem__, words))


def is_fragment(word: str, lexicon: Lexicon) -> bool:
    """True when ``word`` is not a word on its own: a single letter other than a/I, or rare."""
    folded = word.casefold()
    if len(folded) == 1:
        return folded not in SINGLE_LETTER_WORDS
    if lexicon.vocabulary.accepts(word):
        return False
    return lexicon.zipf(folded) < FRAGMENT_ZIPF


# Two real words can still be one word split by a space: "govern ment", "develop ment". The joined
# word must then be far likelier than the two words side by side (their Zipf frequencies added,
# as if independent): at least SPLIT_MARGIN Zipf units, which real phrases never reach ("in
# formation": 2.8, "may be": 2.2, "every day": 2.7; "govern ment": 7.8). Function words never
# count, since they pair with anything.
SPLIT_MARGIN = 5.0
SUFFIX_WORD_ZIPF = 4.5  # an ending at least this common as a word ("less", "like") may be one
FUNCTION_WORDS = frozenset(
    (
        "a an the in on at to of for by with as is be it or and but no not nor any every some all "
        "may can will over under out up down off so too"
    ).split()
)


def likely_splits(words: list[str], lexicon: Lexicon) -> bytes:
    """``likely_split(words[i], words[i + 1])`` for each adjacent pair (a byte each), each pair
    judged once."""
    memo = lexicon_memo(lexicon, "likely_split", _likely_split_pair)
    return bytes(map(memo.__getitem__, itertools.pairwise(words)))


def _likely_split_pair(pair: tuple[str, str], lexicon: Lexicon) -> bool:
    return likely_split(pair[0], pair[1], lexicon)


def likely_split(first: str, second: str, lexicon: Lexicon) -> bool:
    """``first second`` is one word split in two, judged by frequencies alone.

    Either the joined word is far likelier than the pair, or the second piece is an ending
    ("result ing", "exact ly") that is no common word by itself ("less" and "like" are), glued
    back onto a stem of three letters or more.
    """
    a, b = first.casefold(), second.casefold()
    if a in FUNCTION_WORDS or b in FUNCTION_WORDS or len(a) < 2 or len(b) < 2:
        return False
    joined = lexicon.zipf(a + b)
    if joined < 3.0:
        return False
    if b in SUFFIXES and len(a) >= 3 and lexicon.zipf(b) < SUFFIX_WORD_ZIPF:
        return True
    if len(b) < 3:
        return False
    return joined - (lexicon.zipf(a) + lexicon.zipf(b) - 9.0) >= SPLIT_MARGIN


def is_known(word: str, lexicon: Lexicon, counts: Counter[str], elsewhere: int = 1) -> bool:
    """A word of the language, of the house vocabulary, or one the document itself uses."""
    if len(word) < 2:
        return False
    if lexicon.zipf(word) >= KNOWN_ZIPF or lexicon.vocabulary.accepts(word):
        return lexicon.known(word, KNOWN_ZIPF)
    return counts.get(word.casefold(), 0) >= elsewhere


def segment(
    token: str, lexicon: Lexicon, max_parts: int = 3, part_zipf: float = PART_ZIPF
) -> list[str] | None:
    """The likeliest split of ``token`` into 2..max_parts common words, or None.

    Each word must be at least ``part_zipf`` frequent (two-letter words ``SHORT_PART_ZIPF``, and
    of single letters only "a"); the score is the sum of log10 probabilities, as in symspellpy's
    word segmentation.
    """
    text = token.casefold()
    n = len(text)
    if n < 3 or n > 40:
        return None
    # best[i]: (score, parts) of the best segmentation of text[:i]
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            prev = best[start]
            if prev is None or len(prev[1]) >= max_parts:
                continue
            part = text[start:end]
            if len(part) == 1 and part != "a":
                continue
            z = lexicon.zipf(part)
            if z < (SHORT_PART_ZIPF if len(part) == 2 else part_zipf):
                continue
            score = prev[0] + (z - 9.0)
            current = best[end]
            if current is None or score > current[0]:
                best[end] = (score, [*prev[1], part])
    found = best[n]
    if found is None or len(found[1]) < 2:
        return None
    return found[1]


def near_known(word: str, lexicon: Lexicon, min_zipf: float = 3.0) -> bool:
    """True when a common word is one edit (delete, swap, replace, insert) away from ``word``.

    The classic edit-distance-1 candidate generation (Norvig's), checked against wordfreq: such a
    token is more likely a misread word ("recieved") than words run together.
    """
    w = word.casefold()
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    for a, b in splits:
        candidates = []
        if b:
            candidates.append(a + b[1:])
            candidates.extend(a + c + b[1:] for c in _LETTERS if c != b[0])
        if len(b) > 1:
            candidates.append(a + b[1] + b[0] + b[2:])
        candidates.extend(a + c + b for c in _LETTERS)
        if any(len(c) > 1 and lexicon.zipf(c) >= min_zipf for c in candidates):
            return True
    # OCR reads some letters as a pair and pairs as one letter ("northem" for "northern")
    for seen, meant in _OCR_MULTI:
        start = w.find(seen)
        while start != -1:
            candidate = w[:start] + meant + w[start + len(seen) :]
            if lexicon.zipf(candidate) >= min_zipf:
                return True
            start = w.find(seen, start + 1)
    return False


_OCR_MULTI = (
    ("m", "rn"),
    ("rn", "m"),
    ("d", "cl"),
    ("cl", "d"),
    ("h", "li"),
    ("li", "h"),
    ("w", "vv"),
    ("vv", "w"),
    ("m", "nn"),
)


# English combining prefixes and suffixes: "post-war", "pre-empt", "actorness" are words built on
# purpose, not words split or run together by extraction.
PREFIXES = frozenset(
    (
        "ante anti arch auto bi bio co contra counter cross cyber de dis eco euro ex extra geo "
        "hyper infra inter intra macro mega meta micro mid mini mis mono multi narco neo non para "
        "petro poly post pre pro proto pseudo quasi re retro self semi socio sub super supra tele "
        "trans tri ultra vice"
    ).split()
)
SUFFIXES = frozenset(
    (
        "ability able al ally ance ation dom ed en ence er ers es ess est ful fully hood ian ible "
        "ic ical ing ise ism ist ity ive ization ize less like ly ment ness ous s ship wise"
    ).split()
)
# The second half of a contraction whose apostrophe was lost ("don t", "it s").
CONTRACTION_TAILS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})

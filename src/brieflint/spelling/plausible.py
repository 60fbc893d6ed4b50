"""Is an unknown word a coinage (a term, a rare or old word) rather than a misspelling?

A spelling check meets words that no word list holds but that are right: a paper's technical
compounds and coinages, an old newspaper's trades and legal words. A slip of the keyboard, of
OCR or of PDF extraction mostly leaves a word one or two edits from the one meant, or a string
English never spells (letter sequences no common word has). So a word is taken for a coinage
when nothing common is near it *and* every letter trigram of it (with the word's edges) occurs in
common English words. Two words run together ("thirtydays", "reportwriting") look like a coinage by
both tests, and so does a compound; a word that splits into two common words, or into two words
that English often writes side by side (the word-pair counts of text/ngrams.py), is left to be
reported: a lost space is the likelier story.

The trigrams come from the lexicon's words at least ``COMMON`` frequent, built on first use and
kept beside the lexicon for the run (some 7,000 trigrams, a few tens of milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

COMMON = 3.0  # Zipf: the words whose letter sequences count as English spelling
MIN_PART = 2  # letters: the shortest part of a join that is tried
RARE_PART = 1.0  # Zipf: beside a common word, a part of a join may be this rare
MIN_RARE_PART = 4  # letters, if it is at least this long


class Pairs(Protocol):
    def pair(self, a: str, b: str) -> float: ...


def trigrams(word: str) -> list[str]:
    """The letter trigrams of ``word`` (lower case), with ``^`` and ``$`` marking its edges."""
    padded = f"^{word}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _english_trigrams(lexicon: Lexicon) -> frozenset[str]:
    def build() -> frozenset[str]:
        table = lexicon.frequencies
        words_at_least = getattr(table, "words_at_least", None)
        if words_at_least is not None:
            words = words_at_least(COMMON)
        else:
            words = [w for w in table if lexicon.zipf(w) >= COMMON]
        found: set[str] = set()
        for word in words:
            if word.isalpha():
                found.update(trigrams(word))
        return frozenset(found)

    return lexicon.derived("plausible.trigrams", build)


def english_spelling(word: str, lexicon: Lexicon) -> bool:
    """Every letter trigram of ``word`` occurs in a common English word ('flumbrication' yes,
    'gxvqlation' no); only for words of ASCII letters, in lower case after the first."""
    key = word.lower()
    if not (key.isascii() and key.isalpha() and key[1:] == word[1:]):
        return False
    known = _english_trigrams(lexicon)
    return all(t in known for t in trigrams(key))


def run_together(
    word: str, pairs: Pairs | None, lexicon: Lexicon, used: Callable[[str], bool]
) -> bool:
    """``word`` is two words, each common or used by the document itself (``used``), or a common
    word and a rarer one of ``MIN_RARE_PART`` letters or more ('ourtokenizer'), or two words
    that English often writes side by side ('thirtydays'): most likely a space lost, which the
    spelling check reports, even though some such joins are compounds ('taskboard')."""
    key = word.lower()

    def part(w: str, z: float) -> bool:
        return z >= COMMON or (z > 0 and len(w) > MIN_PART and used(w))

    for i in range(MIN_PART, len(key) - MIN_PART + 1):
        a, b = key[:i], key[i:]
        za, zb = lexicon.zipf(a), lexicon.zipf(b)
        if part(a, za) and part(b, zb):
            return True
        rare, z = (b, zb) if za >= zb else (a, za)
        if max(za, zb) >= COMMON and z >= RARE_PART and len(rare) >= MIN_RARE_PART:
            return True  # a common word and a rarer one ('ourtokenizer')
        if pairs is not None and pairs.pair(a, b) > 0:
            return True
    return False


FUNCTION_WORD = 6.0  # Zipf: a part this common is a function word ('the', 'was', 'of')
MIN_COMPOUND_PART = 3


def compound_like(word: str, pairs: Pairs | None, lexicon: Lexicon) -> bool:
    """``word`` splits into two common content words of ``MIN_COMPOUND_PART`` letters or more
    ('ropemaker', 'gatekeeping') that English does not often write side by side, and into no pair
    it does: a closed compound as likely as a lost space (without word-pair counts, never)."""
    if pairs is None:
        return False
    key = word.lower()
    found = False
    for i in range(MIN_PART, len(key) - MIN_PART + 1):
        a, b = key[:i], key[i:]
        if pairs.pair(a, b) > 0:
            return False
        if len(a) < MIN_COMPOUND_PART or len(b) < MIN_COMPOUND_PART:
            continue
        za, zb = lexicon.zipf(a), lexicon.zipf(b)
        if COMMON <= za < FUNCTION_WORD and COMMON <= zb < FUNCTION_WORD:
            found = True
    return found

"""Correction candidates for a word, ranked by an edit distance weighted with OCR confusions.

The distance is ocr-stringdist's weighted Levenshtein, with its default OCR cost map extended by
the confusions seen in briefs extracted from PDF (y/v, j/i, g/a, rn/m, cl/d, li/h, u/n, e/c, h/b)
and by diacritics (ü/u, ş/s, ı/i ...), which cost little: "Turkiye" is close to "Türkiye".

Candidate generation is written by hand (what no library does without a precomputed index that
takes seconds to build): every string one edit away (delete, transpose, substitute, insert, and
the multi-letter OCR swaps) is looked up in the lexicon, and the words of the document and of the
house vocabulary are compared directly. Two edits away, only for lower-case words without a
one-edit candidate, rapidfuzz searches the common words of the lexicon.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from brieflint.text.lexicon import normalize, strip_accents

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

# Pairs are symmetric. Lower cost = likelier confusion (a plain edit costs 1.0).
OCR_CONFUSIONS: dict[tuple[str, str], float] = {
    ("v", "y"): 0.6,
    ("i", "j"): 0.6,
    ("g", "a"): 0.5,
    ("rn", "m"): 0.4,
    ("cl", "d"): 0.4,
    ("li", "h"): 0.5,
    ("vv", "w"): 0.4,
    ("u", "n"): 0.6,
    ("e", "c"): 0.5,
    ("h", "b"): 0.6,
    ("l", "1"): 0.2,
    ("o", "0"): 0.2,
    ("i", "l"): 0.5,
    ("u", "v"): 0.5,
    ("m", "n"): 0.6,
    ("r", "n"): 0.6,
    ("t", "f"): 0.6,
    ("a", "o"): 0.6,
}
DIACRITIC_COST = 0.3
TRANSPOSITION_COST = 1.0
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_MULTI = [(a, b) for a, b in OCR_CONFUSIONS if len(a) > 1 or len(b) > 1]


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str  # as it should be written (case of the source: lexicon lower case, names as used)
    cost: float  # OCR-weighted edit distance
    zipf: float  # frequency in the language
    in_document: int  # how often the document uses it (0: not at all)
    in_vocabulary: bool

    @property
    def score(self) -> float:
        """Lower is better: distance first, then frequency and use in the document."""
        bonus = 0.3 if (self.in_document >= 2 or self.in_vocabulary) else 0.0
        return self.cost - 0.15 * min(self.zipf, 7.0) - bonus


@cache
def _costs() -> dict[tuple[str, str], float] | None:
    """The substitution costs of the OCR-weighted metric (None: ocr-stringdist is missing)."""
    try:
        from ocr_stringdist import ocr_distance_map
    except ImportError:
        return None
    costs = {k: v for k, v in ocr_distance_map.items() if k[0].islower() or not k[0].isalpha()}
    costs.update(OCR_CONFUSIONS)
    return costs


@cache
def _metric() -> Any:
    costs = _costs()
    if costs is None:
        return _OneEditMetric()
    from ocr_stringdist import WeightedLevenshtein

    return WeightedLevenshtein(substitution_costs=costs, symmetric_substitution=True)


@dataclass(frozen=True, slots=True)
class _Bound:
    """What a cheap test needs to know that two ASCII strings are further apart than a cost.

    Every edit the metric makes costs at least ``floor``, except the substitutions in ``cheap``
    (which need one side in each string), and touches at most ``span`` characters of either
    string. So a distance of at most ``c`` without a cheap substitution takes at most
    ``c // floor`` edits, and a plain Levenshtein distance of at most ``c // floor * span``.
    """

    floor: float
    span: int
    cheap: tuple[tuple[str, str], ...]

    def limit(self, max_cost: float) -> int:
        return int(max_cost / self.floor + 1e-6) * self.span

    def partners(self, x: str) -> str:
        """Characters that, in the other string, would allow a cheap substitution with ``x``."""
        found = [b for a, b in self.cheap if a in x] + [a for a, b in self.cheap if b in x]
        return "".join(found)


_FLOOR = 0.4  # the cheapest letter-for-letter confusions (c/e, rn/m ...)


@cache
def _bound() -> _Bound | None:
    costs = _costs()
    if costs is None:
        return None
    cheap = tuple(k for k, v in costs.items() if v < _FLOOR)
    span = max(1, *(max(len(a), len(b)) for a, b in costs))
    return _Bound(_FLOOR, span, cheap)


def _maybe_within(x: str, others: list[str], max_cost: float) -> list[bool]:
    """False where ``distance(x, other) > max_cost`` for certain; ``x`` and ``others`` are
    normalised and accent-stripped. Exact and quick: one plain-Levenshtein pass in rapidfuzz
    (the OCR-weighted metric costs some tens of microseconds a pair, and most pairs are far
    apart); only ASCII pairs are judged, the others are left to the metric."""
    bound = _bound()
    if bound is None or not x.isascii():
        return [True] * len(others)
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    limit = bound.limit(max_cost)
    keep = [False] * len(others)
    for _, _, index in process.extract(
        x, others, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
    ):
        keep[index] = True
    partners = bound.partners(x)
    for i, other in enumerate(others):
        if not keep[i] and (not other.isascii() or any(ch in other for ch in partners)):
            keep[i] = True
    return keep


class _OneEditMetric:
    """Stand-in while ocr-stringdist is not installed: rapidfuzz's Levenshtein distance, with
    the OCR costs applied to a single substitution or multi-letter swap (all this module needs)."""

    def distance(self, a: str, b: str) -> float:
        from rapidfuzz.distance import Levenshtein

        plain = float(Levenshtein.distance(a, b))
        best = plain
        for (x, y), cost in OCR_CONFUSIONS.items():
            for src, dst in ((x, y), (y, x)):
                start = a.find(src)
                while start >= 0:
                    if a[:start] + dst + a[start + len(src) :] == b:
                        best = min(best, cost)
                    start = a.find(src, start + 1)
        return best

    def batch_distance(self, a: str, others: list[str]) -> list[float]:
        return [self.distance(a, b) for b in others]


def distance(a: str, b: str) -> float:
    """OCR-weighted edit distance of two words (case folded; diacritics cost little)."""
    x, y = normalize(a), normalize(b)
    if x == y:
        return 0.0
    sx, sy = strip_accents(x), strip_accents(y)
    if sx == sy:
        changed = sum(1 for p, q in zip(x, y, strict=False) if p != q) if len(x) == len(y) else 1
        return min(DIACRITIC_COST * max(changed, 1), 1.0)
    cost = float(_metric().distance(sx, sy))
    if _transposed(sx, sy):
        cost = min(cost, TRANSPOSITION_COST)
    return cost


def distances(word: str, others: list[str]) -> list[float]:
    """:func:`distance` from ``word`` to each of ``others`` (one batch in ocr-stringdist)."""
    x = normalize(word)
    sx = strip_accents(x)
    keys = [normalize(o) for o in others]
    stripped = [strip_accents(k) for k in keys]
    costs = [float(c) for c in _metric().batch_distance(sx, stripped)] if stripped else []
    result = []
    for key, sk, cost in zip(keys, stripped, costs, strict=True):
        if key == x:
            result.append(0.0)
        elif sk == sx:
            result.append(distance(x, key))
        elif _transposed(sx, sk):
            result.append(min(cost, TRANSPOSITION_COST))
        else:
            result.append(cost)
    return result


def distances_within(word: str, others: list[str], max_cost: float) -> list[float]:
    """:func:`distances`, except that a word certainly further than ``max_cost`` gets ``inf``
    without running the metric (callers keep only the words within ``max_cost``)."""
    x = normalize(word)
    sx = strip_accents(x)
    stripped = [strip_accents(normalize(other)) for other in others]
    result = [math.inf] * len(others)
    indexes: list[int] = []
    near: list[str] = []
    for i, keep in enumerate(_maybe_within(sx, stripped, max_cost)):
        if keep:
            indexes.append(i)
            near.append(others[i])
    for i, cost in zip(indexes, distances(word, near), strict=True):
        result[i] = cost
    return result


def _transposed(x: str, y: str) -> bool:
    if len(x) != len(y):
        return False
    diff = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]


def edits1(word: str) -> set[str]:
    """Every string one edit (or one multi-letter OCR swap) from ``word`` (lower case)."""
    letters = set(_ALPHABET) | {ch for ch in word if ch.isalpha()}
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out: set[str] = set()
    for left, right in splits:
        if right:
            out.add(left + right[1:])
            for ch in letters:
                out.add(left + ch + right[1:])
        if len(right) > 1:
            out.add(left + right[1] + right[0] + right[2:])
        for ch in letters:
            out.add(left + ch + right)
    for a, b in _MULTI:
        for src, dst in ((a, b), (b, a)):
            start = word.find(src)
            while start >= 0:
                out.add(word[:start] + dst + word[start + len(src) :])
                start = word.find(src, start + 1)
    out.discard(word)
    return out


def is_inflection(a: str, b: str) -> bool:
    """``a`` and ``b`` are forms of one word (plural, possessive), not a misspelling."""
    x, y = normalize(a), normalize(b)
    for p, q in ((x, y), (y, x)):
        for suffix in ("s", "es", "'s", "'", "ies"):
            if p == q + suffix:
                return True
        if p.endswith("ies") and q.endswith("y") and p[:-3] == q[:-1]:
            return True
    return False


def match_case(template: str, word: str) -> str:
    """``word`` written in the case pattern of ``template`` (lexicon words are lower case)."""
    if not word.islower():
        return word
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def candidates(
    word: str,
    lexicon: Lexicon,
    document: Mapping[str, int] | None = None,
    vocabulary: Iterable[str] = (),
    *,
    max_cost: float = 1.0,
    min_zipf: float = 2.0,
) -> list[Candidate]:
    """Corrections of ``word`` at most ``max_cost`` away, best first.

    ``document`` maps the document's words (as written) to how often they occur; a word used
    in the document or listed in the house vocabulary is a candidate even if the lexicon lacks it.
    """
    document = document or {}
    key = normalize(word)
    found = {
        c.word: Candidate(match_case(word, c.word), c.cost, c.zipf, 0, False)
        for c in _lexicon_candidates(key, lexicon, max_cost, min_zipf)
    }
    compared = [
        entry
        for entry in _names(document, tuple(vocabulary))
        if entry[3] != key and abs(len(entry[3]) - len(key)) <= 2
    ]
    costs = distances_within(key, [nkey for *_, nkey in compared], max_cost)
    for (name, count, vocab, nkey), cost in zip(compared, costs, strict=True):
        if cost > max_cost or is_inflection(nkey, key):
            continue
        prev = found.get(nkey)
        count = max(count, document.get(name, 0), prev.in_document if prev else 0)
        vocab = vocab or (prev.in_vocabulary if prev else False)
        z = lexicon.zipf(name)
        surface = name if not name.islower() else match_case(word, name)
        found[nkey] = Candidate(surface, cost, z, count, vocab)
    return sorted(found.values(), key=lambda c: (c.score, c.word))


_NAMES: list[tuple[Mapping[str, int], tuple[str, ...], list[tuple[str, int, bool, str]]]] = []


def _names(
    document: Mapping[str, int], vocabulary: tuple[str, ...]
) -> list[tuple[str, int, bool, str]]:
    """(word, uses, from the vocabulary, lookup key) of the document's words and the house
    vocabulary, without phrases; kept while the same document is asked about word after word."""
    for doc, vocab, prepared in _NAMES:
        if doc is document and vocab == vocabulary:
            return prepared
    names = [(w, n, False) for w, n in document.items()] + [(w, 0, True) for w in vocabulary]
    prepared = [(name, n, v, normalize(name)) for name, n, v in names if " " not in name]
    _NAMES[:] = [(document, vocabulary, prepared)]
    return prepared


_MEMO: dict[tuple[int, str, float, float], tuple[Candidate, ...]] = {}


def _lexicon_candidates(
    key: str, lexicon: Lexicon, max_cost: float, min_zipf: float
) -> tuple[Candidate, ...]:
    """Lexicon words one edit from ``key`` (lower case), remembered for the process."""
    memo_key = (id(lexicon.frequencies), key, max_cost, min_zipf)
    cached = _MEMO.get(memo_key)
    if cached is not None:
        return cached
    result = []
    for cand in edits1(key):
        z = lexicon.zipf(cand)
        if z < min_zipf or is_inflection(cand, key):
            continue
        cost = distance(key, cand)
        if cost <= max_cost:
            result.append(Candidate(cand, cost, z, 0, False))
    if len(_MEMO) > 20000:
        _MEMO.clear()
    _MEMO[memo_key] = found = tuple(result)
    return found


def far_candidates(word: str, lexicon: Lexicon, limit: int = 5) -> list[Candidate]:
    """Common words two plain edits from ``word`` (rapidfuzz over the lexicon's common words)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    key = normalize(word)
    choices = _common_words(lexicon)
    hits = process.extract(
        key, choices, scorer=Levenshtein.distance, score_cutoff=2, limit=limit * 4
    )
    result = [
        Candidate(match_case(word, w), float(d), lexicon.zipf(w), 0, False)
        for w, d, _ in hits
        if w != key and not is_inflection(w, key)
    ]
    return sorted(result, key=lambda c: (c.score, c.word))[:limit]


_COMMON: dict[int, list[str]] = {}


def _common_words(lexicon: Lexicon) -> list[str]:
    cached = _COMMON.get(id(lexicon.frequencies))
    if cached is None:
        table = lexicon.frequencies
        items = (
            table.items_with_zipf(3.0)
            if hasattr(table, "items_with_zipf")
            else ((w, lexicon.zipf(w)) for w in table)
        )
        cached = [w for w, z in items if z >= 3.0 and w.isalpha()]
        _COMMON.clear()
        _COMMON[id(lexicon.frequencies)] = cached
    return cached


def has_foreign_letters(word: str) -> bool:
    """True when a letter is not Latin (Cyrillic, Greek ...): another rule's business."""
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in word)

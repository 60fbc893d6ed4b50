"""The OCR-weighted edit distance between words, and an exact quick test that skips far pairs.

The distance is ocr-stringdist's weighted Levenshtein, with its default OCR cost map extended by
the confusions seen in briefs extracted from PDF and in OCR of print (y/v, j/i, g/a, rn/m, cl/d,
li/h, u/n, e/c, h/b, ii/u, ri/n, in/m), by thin glyphs added or dropped (l, i), and by
diacritics (ü/u, ş/s, ı/i ...), which cost little: "Turkiye" is close to "Türkiye".

The metric costs some tens of microseconds a pair, and most pairs of a document's words are far
apart: :class:`Pool` first runs one plain-Levenshtein pass in rapidfuzz and sends the metric only
the pairs that may be close (exactly: the bound never drops a pair within the cost).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from brieflint.text.lexicon import normalize, normalize_all, strip_accents, strip_accents_all

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
    ("ii", "u"): 0.4,
    ("ii", "n"): 0.4,
    ("ri", "n"): 0.5,
    ("in", "m"): 0.5,
    ("ni", "m"): 0.5,
}
# Thin glyphs that OCR adds to a word or drops from it (a speck read as l or i): cheaper than
# another letter, never cheaper than the bound below assumes.
THIN_GLYPHS: dict[str, float] = {"l": 0.6, "i": 0.6}
DIACRITIC_COST = 0.3
TRANSPOSITION_COST = 1.0


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

    return WeightedLevenshtein(
        substitution_costs=costs,
        insertion_costs=dict(THIN_GLYPHS),
        deletion_costs=dict(THIN_GLYPHS),
        symmetric_substitution=True,
    )


@dataclass(frozen=True, slots=True)
class _Bound:
    """What a cheap test needs to know that two ASCII strings are further apart than a cost.

    Every edit the metric makes costs at least ``floor``, except the substitutions in ``cheap``
    (which need one side in each string), and touches at most ``span`` characters of either
    string. So a distance of at most ``c`` without a cheap substitution takes at most
    ``c // floor`` edits, and a plain Levenshtein distance of at most ``c // floor * span``.
    Only the substitutions in ``multi`` touch more than one character, and each needs one side
    in each string: without them, the plain distance is at most ``c // floor``.
    """

    floor: float
    span: int
    cheap: tuple[tuple[str, str], ...]
    multi: tuple[tuple[str, str], ...]

    def edits(self, max_cost: float) -> int:
        """The most edits (none of them cheap) a distance of ``max_cost`` can take."""
        return int(max_cost / self.floor + 1e-6)

    def limit(self, max_cost: float) -> int:
        return self.edits(max_cost) * self.span

    def partners(self, x: str) -> str:
        """Characters that, in the other string, would allow a cheap substitution with ``x``."""
        found = [b for a, b in self.cheap if a in x] + [a for a, b in self.cheap if b in x]
        return "".join(found)

    def multi_partners(self, x: str) -> tuple[str, ...]:
        """Strings of which one, in the other string, would allow a multi-letter substitution
        with ``x``."""
        found = [b for a, b in self.multi if a in x] + [a for a, b in self.multi if b in x]
        return tuple(found)


_FLOOR = 0.4  # the cheapest letter-for-letter confusions (c/e, rn/m ...)


@cache
def _bound() -> _Bound | None:
    costs = _costs()
    if costs is None:
        return None
    cheap = tuple(k for k, v in costs.items() if v < _FLOOR)
    span = max(1, *(max(len(a), len(b)) for a, b in costs))
    multi = tuple(k for k in costs if max(len(k[0]), len(k[1])) > 1)
    return _Bound(_FLOOR, span, cheap, multi)


class Pool:
    """Words compared with one query after another (a document's names, its frequent forms).

    Their lookup keys are computed once, and so is what the cheap test of :class:`_Bound` needs
    besides a plain Levenshtein distance: which words are not ASCII, and which contain a given
    character of a cheap substitution (asked for a character when a query first needs it).
    """

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.keys = normalize_all(words)
        self.stripped = strip_accents_all(self.keys)
        stripped = self.stripped
        ascii_only = self._joined.isascii()  # the usual case: no word to look at one by one
        self._foreign = [] if ascii_only else [i for i, k in enumerate(stripped) if not k.isascii()]
        self._containing: dict[str, list[int]] = {}

    def _with(self, ch: str) -> list[int]:
        """Indexes of the ASCII words containing ``ch``."""
        found = self._containing.get(ch)
        if found is None:
            found = []
            if ch in self._joined:  # the usual answer for a digit: in no word at all
                found = [i for i, key in enumerate(self.stripped) if ch in key and key.isascii()]
            self._containing[ch] = found
        return found

    @cached_property
    def _joined(self) -> str:
        return "\n".join(self.stripped)

    def distances_within(self, word: str, indexes: list[int], max_cost: float) -> list[float]:
        """:func:`distances_within` from ``word`` to the words at ``indexes`` (ascending)."""
        result = [math.inf] * len(indexes)
        for _, p, cost in self.near(word, indexes, max_cost):
            result[p] = cost
        return result

    def near(
        self,
        word: str,
        indexes: list[int],
        max_cost: float,
        measured: Mapping[str, float] | None = None,
    ) -> list[tuple[int, int, float]]:
        """(index, position in ``indexes``, distance) of the words at ``indexes`` (ascending) that
        may lie within ``max_cost`` of ``word``, in order; the others are further for certain.
        ``measured`` holds ``distance(word, w)`` of some words ``w``, which is not run again."""
        kept = self._maybe_within(strip_accents(normalize(word)), indexes, max_cost)
        chosen = [indexes[p] for p in kept]
        words = self.words
        if not measured:
            costs = distances(word, [words[i] for i in chosen])
            return list(zip(chosen, kept, costs, strict=True))
        todo = [words[i] for i in chosen if words[i] not in measured]
        found = dict(zip(todo, distances(word, todo), strict=True))
        found.update(measured)
        return [(i, p, found[words[i]]) for i, p in zip(chosen, kept, strict=True)]

    def _maybe_within(self, x: str, indexes: list[int], max_cost: float) -> list[int]:
        """Positions in ``indexes`` of the words that may lie within ``max_cost`` of ``x``
        (normalised and accent-stripped); the others are further for certain. Exact and quick:
        one plain-Levenshtein pass in rapidfuzz (the OCR-weighted metric costs some tens of
        microseconds a pair, and most pairs are far apart); only ASCII pairs are judged, the
        others are left to the metric."""
        bound = _bound()
        if bound is None or not x.isascii():
            return list(range(len(indexes)))
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        stripped = self.stripped
        others = [stripped[i] for i in indexes]
        narrow = bound.edits(max_cost)  # the most without a multi-letter substitution
        limit = bound.limit(max_cost)
        multi = bound.multi_partners(x) if limit > narrow else ()
        cutoff = limit if multi else narrow
        hits = process.extract(
            x, others, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None
        )
        keep = {
            index
            for other, plain, index in hits
            if plain <= narrow or any(part in other for part in multi)
        }
        loose = set(self._foreign)  # left to the metric, as words with a cheap partner
        for ch in set(bound.partners(x)):
            if ch.isascii():  # (the others are in no ASCII word)
                loose.update(self._with(ch))
        for i in loose:
            p = bisect.bisect_left(indexes, i)  # ``indexes`` is sorted
            if p < len(indexes) and indexes[p] == i:
                keep.add(p)
        return sorted(keep)


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
    """:func:`distance` from ``word`` to each of ``others``."""
    x = normalize(word)
    sx = strip_accents(x)
    keys = [normalize(o) for o in others]
    stripped = [strip_accents(k) for k in keys]
    # pair by pair: ``batch_distance`` hands each batch to a thread pool, and for the few pairs
    # a word has, waking its threads costs several times the work (far more on a busy machine)
    metric = _metric().distance
    costs = [float(metric(sx, sk)) for sk in stripped]
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
    return Pool(others).distances_within(word, list(range(len(others))), max_cost)


def _transposed(x: str, y: str) -> bool:
    if len(x) != len(y):
        return False
    diff = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]

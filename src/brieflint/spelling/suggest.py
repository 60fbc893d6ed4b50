"""Correction candidates for a word, ranked by the OCR-weighted distance (``distance.py``).

Candidate generation is written by hand (what no library does without a precomputed index that
takes seconds to build): every string one edit away (delete, transpose, substitute, insert, and
the multi-letter OCR swaps) is looked up in the lexicon, and the words of the document and of the
house vocabulary are compared directly. Two edits away, only for lower-case words without a
one-edit candidate, rapidfuzz searches the common words of the lexicon.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brieflint.spelling.distance import OCR_CONFUSIONS, Pool, distances
from brieflint.text.lexicon import WordTable, normalize, normalize_all

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

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


def edits1(word: str, reach: int | None = None) -> set[str]:
    """Every string one edit (or one multi-letter OCR swap) from ``word`` (lower case); with
    ``reach``, only the edits that keep ``word[:reach]`` or less (made at most that far in)."""
    letters = set(_ALPHABET) | {ch for ch in word if ch.isalpha()}
    last = len(word) if reach is None else min(reach, len(word))
    splits = [(word[:i], word[i:]) for i in range(last + 1)]
    # comprehensions rather than a loop of ``add``: this runs for every unknown word
    out = {left + right[1:] for left, right in splits if right}
    out.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    out.update(left + ch + right[1:] for left, right in splits if right for ch in letters)
    out.update(left + ch + right for left, right in splits for ch in letters)
    for a, b in _MULTI:
        for src, dst in ((a, b), (b, a)):
            start = word.find(src)
            while 0 <= start <= last:
                out.add(word[:start] + dst + word[start + len(src) :])
                start = word.find(src, start + 1)
    out.discard(word)
    return out


def known_edits1(
    word: str, contains: Callable[[str], bool], begins: Callable[[str], bool]
) -> tuple[set[str], int]:
    """``{e for e in edits1(word) if contains(e)}`` and the number of lookups it took (fewer than
    the edits), for a word list that can also tell whether any of its words ``begins`` with a
    string."""
    reach, lookups = start_reach(word, begins)
    tried = edits1(word, reach)
    return set(filter(contains, tried)), lookups + len(tried)


def start_reach(word: str, begins: Callable[[str], bool]) -> tuple[int, int]:
    """The length of the longest start of ``word`` that ``begins`` a listed word, and the number
    of tests it took.

    An edit at position i keeps ``word[:i]``, so no edit made further in than this can be a
    listed word: ``edits1(word, reach)`` holds every listed edit. A misspelling's start usually
    stops matching right at the slip.
    """
    lo, hi, lookups = 0, len(word), 0
    while lo < hi:  # (every shorter start begins a word too)
        mid = (lo + hi + 1) // 2
        lookups += 1
        if begins(word[:mid]):
            lo = mid
        else:
            hi = mid - 1
    return lo, lookups


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
    names = Names(document or {}, vocabulary)
    return names.candidates(word, lexicon, max_cost=max_cost, min_zipf=min_zipf)


class Names:
    """The document's words and the house vocabulary (without phrases), prepared once to be
    compared with word after word: lookup keys computed, indexes bucketed by key length."""

    def __init__(self, document: Mapping[str, int], vocabulary: Iterable[str]) -> None:
        self.document = document
        names = [w for w in document if " " not in w]
        uses = [document[w] for w in names]
        listed = [w for w in vocabulary if " " not in w]
        keys = normalize_all(names + listed)
        self.entries = list(
            zip(
                names + listed,
                uses + [0] * len(listed),
                [False] * len(names) + [True] * len(listed),
                keys,
                strict=True,
            )
        )
        self.pool = Pool(keys)
        self._by_length: dict[int, list[int]] = {}
        for i, key in enumerate(keys):
            self._by_length.setdefault(len(key), []).append(i)

    def near(self, key: str) -> list[int]:
        """Indexes of the entries with another key at most two letters longer or shorter."""
        size = len(key)
        found: list[int] = []
        for n in range(size - 2, size + 3):
            found.extend(self._by_length.get(n, ()))
        found.sort()
        entries = self.entries
        return [i for i in found if entries[i][3] != key]

    def candidates(
        self, word: str, lexicon: Lexicon, *, max_cost: float = 1.0, min_zipf: float = 2.0
    ) -> list[Candidate]:
        """:func:`candidates` of ``word`` with this document and vocabulary."""
        document, entries = self.document, self.entries
        key = normalize(word)
        from_lexicon = _lexicon_candidates(key, lexicon, max_cost, min_zipf)
        found = {
            c.word: Candidate(match_case(word, c.word), c.cost, c.zipf, 0, False)
            for c in from_lexicon
        }
        # a word of the document that is also a lexicon candidate has its distance measured
        # already (the same call on the same keys): the metric runs for the others alone
        measured = {c.word: c.cost for c in from_lexicon}
        for i, _, cost in self.pool.near(key, self.near(key), max_cost, measured):
            name, count, vocab, nkey = entries[i]
            if cost > max_cost or is_inflection(nkey, key):
                continue
            prev = found.get(nkey)
            count = max(count, document.get(name, 0), prev.in_document if prev else 0)
            vocab = vocab or (prev.in_vocabulary if prev else False)
            z = lexicon.zipf(name)
            surface = name if not name.islower() else match_case(word, name)
            found[nkey] = Candidate(surface, cost, z, count, vocab)
        return sorted(found.values(), key=lambda c: (c.score, c.word))


class _TableIndex:
    """What candidate generation keeps about one word table: the candidates found for each word
    (the same words recur draft after draft), the common words for :func:`far_candidates`, and,
    once the process has looked up enough strings one by one to pay for it, the set of the words
    frequent enough to be a candidate (one set intersection then replaces hundreds of lookups)."""

    MEMO_LIMIT = 20000
    SET_AFTER = 40000  # lookups that cost about as much as building the set (ski rental)

    def __init__(self, table: Mapping[str, float]) -> None:
        self.table = table
        self.found: dict[tuple[str, float, float], tuple[Candidate, ...]] = {}
        self.common: list[str] | None = None
        self.far: dict[tuple[str, int], list[tuple[str, float]]] = {}  # far_candidates's
        self._frequent: dict[float, frozenset[str]] = {}
        self._lookups = 0
        # membership and "begins a word" tests of a word table: few lookups find the edits
        self.probes = table.probes() if isinstance(table, WordTable) else None

    def frequent(self, min_zipf: float, lookups: int) -> frozenset[str] | None:
        """A set holding every word of the table at least ``min_zipf`` frequent (and some a
        hundredth rarer: Zipf values are stored in hundredths, and rounding must not lose one),
        or None while looking up ``lookups`` more strings one by one is still the cheaper way."""
        found = self._frequent.get(min_zipf)
        if found is not None:
            return found
        self._lookups += lookups
        words_at_least = getattr(self.table, "words_at_least", None)
        if self._lookups < self.SET_AFTER or words_at_least is None:
            return None
        found = frozenset(words_at_least(min_zipf - 0.01))
        self._frequent[min_zipf] = found
        return found


def _table_index(lexicon: Lexicon) -> _TableIndex:
    """The index of the lexicon's word table, kept on the lexicon."""
    return lexicon.derived("suggest.index", lambda: _TableIndex(lexicon.frequencies))


def _lexicon_candidates(
    key: str, lexicon: Lexicon, max_cost: float, min_zipf: float
) -> tuple[Candidate, ...]:
    """Lexicon words one edit from ``key`` (lower case), remembered for the process."""
    index = _table_index(lexicon)
    memo_key = (key, max_cost, min_zipf)
    cached = index.found.get(memo_key)
    if cached is not None:
        return cached
    frequent: list[tuple[str, float]] = []
    for cand in _known_edits(key, index, min_zipf):
        z = lexicon.zipf(cand)
        if z >= min_zipf and not is_inflection(cand, key):
            frequent.append((cand, z))
    costs = distances(key, [cand for cand, _ in frequent])
    result = [
        Candidate(cand, cost, z, 0, False)
        for (cand, z), cost in zip(frequent, costs, strict=True)
        if cost <= max_cost
    ]
    if len(index.found) > index.MEMO_LIMIT:
        index.found.clear()
    index.found[memo_key] = found = tuple(result)
    return found


def _known_edits(key: str, index: _TableIndex, min_zipf: float) -> set[str]:
    """The strings one edit from ``key`` that may be words at least ``min_zipf`` frequent: those
    in the table (or in its set of frequent words), and those it cannot judge (its words are
    lookup keys; an ASCII edit of a lookup key without capitals is one too)."""
    if _has_ascii_capital(key):
        return edits1(key)
    if index.probes is not None and key.isascii():
        contains, begins = index.probes
        reach, tests = start_reach(key, begins)
        edits = edits1(key, reach)  # all the edits that may be words of the table
        frequent = index.frequent(min_zipf, tests + len(edits))
        return edits & frequent if frequent is not None else set(filter(contains, edits))
    edits = edits1(key)
    frequent = index.frequent(min_zipf, len(edits))
    if frequent is not None:
        found = edits & frequent
    else:
        table = index.table
        found = {cand for cand in edits if cand in table}
    if not key.isascii():  # only then can an edit be other than ASCII
        found.update(cand for cand in edits if not cand.isascii())
    return found


def _has_ascii_capital(word: str) -> bool:
    return any("A" <= ch <= "Z" for ch in word)


def far_candidates(word: str, lexicon: Lexicon, limit: int = 5) -> list[Candidate]:
    """Common words two plain edits from ``word`` (rapidfuzz over the lexicon's common words),
    remembered per word for the run."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    key = normalize(word)
    index = _table_index(lexicon)
    hits = index.far.get((key, limit))
    if hits is None:
        found = process.extract(
            key,
            _common_words(lexicon),
            scorer=Levenshtein.distance,
            score_cutoff=2,
            limit=limit * 4,
        )
        hits = [(w, float(d)) for w, d, _ in found if w != key and not is_inflection(w, key)]
        if len(index.far) > index.MEMO_LIMIT:
            index.far.clear()
        index.far[(key, limit)] = hits
    result = [Candidate(match_case(word, w), d, lexicon.zipf(w), 0, False) for w, d in hits]
    return sorted(result, key=lambda c: (c.score, c.word))[:limit]


def _common_words(lexicon: Lexicon) -> list[str]:
    index = _table_index(lexicon)
    if index.common is None:
        table = lexicon.frequencies
        if isinstance(table, WordTable):
            index.common = [w for w in table.words_at_least(3.0) if w.isalpha()]
        else:
            index.common = [w for w in table if lexicon.zipf(w) >= 3.0 and w.isalpha()]
    return index.common


def has_foreign_letters(word: str) -> bool:
    """True when a letter is not Latin (Cyrillic, Greek ...): another rule's business."""
    if word.isascii():
        return False  # the ASCII letters are Latin
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in word)

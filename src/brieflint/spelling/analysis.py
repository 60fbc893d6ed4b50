"""What a document says about its own words: how often each is used, which start sentences, and
which rare tokens are OCR misreadings of a name or word the document uses several times.

Written by hand: these are document-internal checks that no spelling library makes. Results are
kept for the document being linted, so the spelling and name-variant rules share one pass.
"""

from __future__ import annotations

import bisect
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brieflint.spelling import suggest
from brieflint.text.lexicon import normalize, strip_accents

if TYPE_CHECKING:
    from brieflint.context import Context
    from brieflint.document import Document

POSSESSIVES = ("'s", "’s")  # of one length


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int  # possessive 's excluded
    text: str  # as written, possessive 's excluded
    sentence_start: bool


@dataclass
class Words:
    tokens: list[Token]
    counts: Counter[str]  # by form as written (possessive excluded)
    folded: Counter[str]  # by lookup key (case folded)
    variants: dict[tuple[object, ...], dict[str, Variant]] = field(default_factory=dict)

    def count(self, word: str) -> int:
        return self.folded[normalize(word)]


@dataclass(frozen=True, slots=True)
class Variant:
    target: str  # the form the document (or vocabulary) uses
    count: int  # how often the document uses it (0: from the vocabulary)
    cost: float


_CACHE: list[tuple[weakref.ref[Document], Words]] = []


def words_of(doc: Document) -> Words:
    """The document's word tokens and counts (computed once per document)."""
    for ref, words in _CACHE:
        if ref() is doc:
            return words
    words = _analyse(doc)
    _CACHE[:] = [(weakref.ref(doc), words)]
    return words


def _analyse(doc: Document) -> Words:
    firsts: set[int] = set()
    starts = [w.start for w in doc.words]
    spans: list[tuple[int, int]] = [(s.start, s.end) for s in doc.sentences]
    spans.extend((p.start, p.end) for p in doc.paragraphs)
    for begin, finish in spans:
        i = bisect.bisect_left(starts, begin)
        if i < len(starts) and starts[i] < finish:
            firsts.add(starts[i])
    tokens: list[Token] = []
    texts: list[str] = []
    cut = len(POSSESSIVES[0])
    for w in doc.words:
        text = w.text
        if text.endswith(POSSESSIVES) and len(text) > cut:
            text = text[:-cut]
        tokens.append(Token(w.start, w.start + len(text), text, w.start in firsts))
        texts.append(text)
    counts = Counter(texts)
    folded: Counter[str] = Counter()
    for form, n in counts.items():  # in order of first use, as counting token by token
        folded[normalize(form)] += n
    return Words(tokens, counts, folded)


def variants(
    doc: Document,
    ctx: Context,
    *,
    max_count: int = 2,
    min_count: int = 3,
    max_cost: float = 0.75,
    min_length: int = 4,
) -> dict[str, Variant]:
    """Rare forms (at most ``max_count`` uses) that are one OCR confusion or a diacritic from a
    form used at least ``min_count`` times, or listed in the house vocabulary.

    Only forms the lexicon lacks qualify, except diacritic-only variants of capitalised words
    ("Turkiye" in a brief that writes "Türkiye"). Inflections and possessives are not variants.
    """
    words = words_of(doc)
    key = (max_count, min_count, max_cost, min_length, id(ctx))
    cached = words.variants.get(key)
    if cached is not None:
        return cached
    lexicon = ctx.lexicon
    vocab = ctx.vocabulary
    frequent: dict[str, int] = {}
    for form in words.counts:
        total = words.count(form)
        if total >= min_count and len(form) >= min_length:
            frequent[form] = max(frequent.get(form, 0), total)
    accepted = [w for w in vocab.accept if " " not in w and len(w) >= min_length]
    targets = [*frequent, *accepted]
    by_accentless: dict[str, str] = {}
    for form in targets:
        by_accentless.setdefault(strip_accents(normalize(form)), form)
    # (target, length, capitalised, lookup key): the pool filter's inputs, computed once
    prepared = [(t, len(t), t[:1].isupper(), normalize(t)) for t in targets]
    found: dict[str, Variant] = {}
    for form in words.counts:
        if len(form) < min_length or words.count(form) > max_count:
            continue
        if vocab.accepts(form) or suggest.has_foreign_letters(form):
            continue
        bare = strip_accents(normalize(form))
        twin = by_accentless.get(bare)
        if twin is not None and normalize(twin) != normalize(form) and form[:1].isupper():
            found[form] = Variant(twin, frequent.get(twin, 0), suggest.DIACRITIC_COST)
            continue
        if lexicon.zipf(form) > 0:
            continue
        size, capital, nform = len(form), form[:1].isupper(), normalize(form)
        pool = [
            t
            for t, n, cap, nt in prepared
            if cap == capital and -1 <= n - size <= 1 and nt != nform
        ]
        best: Variant | None = None
        for target, cost in zip(pool, suggest.distances_within(form, pool, max_cost), strict=True):
            if cost > max_cost or suggest.is_inflection(target, form):
                continue
            if best is None or cost < best.cost:
                best = Variant(target, frequent.get(target, 0), cost)
        if best is not None:
            found[form] = best
    words.variants[key] = found
    return found

"""What a document says about its own words: how often each is used, which start sentences, and
which rare tokens are OCR misreadings of a name or word the document uses several times.

Written by hand: these are document-internal checks that no spelling library makes. Results are
kept for the document being linted, so the spelling and name-variant rules share one pass.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brieflint.spelling import distance, suggest
from brieflint.text import doccache, segment
from brieflint.text.lexicon import normalize, strip_accents

if TYPE_CHECKING:
    from brieflint.context import Context
    from brieflint.document import Document
    from brieflint.text.tokens import Span

POSSESSIVES = ("'s", "’s")  # of one length
OCR_COST = 0.75  # an edit at most this dear is an OCR confusion (or a diacritic)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int  # possessive 's excluded
    text: str  # as written, possessive 's excluded
    sentence_start: bool


@dataclass
class Words:
    """The document's words, counted by form: rules judge each form once, not each use."""

    spans: Sequence[Span]  # the document's words, possessive 's included
    texts: list[str]  # the text of each of ``spans``
    forms: dict[str, str]  # word as written → form (possessive 's excluded)
    counts: Counter[str]  # by form as written (possessive excluded), in order of first use
    folded: Counter[str]  # by lookup key (case folded)
    totals: dict[str, int]  # form → uses of its lookup key (``count`` of each form)
    firsts: frozenset[int]  # offsets of the words that open a sentence or paragraph
    openers: Counter[str]  # form → uses that open a sentence or paragraph
    variants: dict[tuple[object, ...], dict[str, Variant]] = field(default_factory=dict)

    def count(self, word: str) -> int:
        return self.folded[normalize(word)]

    def tokens_of(self, forms: Container[str]) -> Iterator[Token]:
        """The uses of ``forms`` in text order (one pass; other words cost a set lookup)."""
        written = {text for text, form in self.forms.items() if form in forms}
        if not written:
            return
        forms_of, firsts = self.forms, self.firsts
        uses = itertools.compress(self.spans, map(written.__contains__, self.texts))
        for start, _, text in uses:  # the filter runs in C: most words are not asked about
            form = forms_of[text]
            yield Token(start, start + len(form), form, start in firsts)


@dataclass(frozen=True, slots=True)
class Variant:
    target: str  # the form the document (or vocabulary) uses
    count: int  # how often the document uses it (0: from the vocabulary)
    cost: float


def words_of(doc: Document) -> Words:
    """The document's word forms and counts (computed once per document)."""
    return doccache.memo(doc, "spelling.words", _analyse)


_START = operator.attrgetter("start")


def _analyse(doc: Document) -> Words:
    # one pass per distinct spelling, not per word; the loops below run for every brief, so
    # they avoid a function call per item (the form drops a possessive 's; ``normalize`` of an
    # ASCII word is written out; and no ``Counter.__missing__``, Python code, for a new form)
    spans = doc.words
    texts = segment.word_texts(doc)  # shared with the other rules that want them
    written = Counter(texts)  # in order of first use
    cut = len(POSSESSIVES[0])
    forms = {t: t[:-cut] if t.endswith(POSSESSIVES) and len(t) > cut else t for t in written}
    counts: Counter[str] = Counter()
    seen = counts.get
    for text, n in written.items():  # a form's first use is that of its first spelling
        form = forms[text]
        counts[form] = seen(form, 0) + n
    keys = {form: form.lower() if form.isascii() else normalize(form) for form in counts}
    folded: Counter[str] = Counter()
    had = folded.get
    for form, n in counts.items():  # in order of first use, as counting token by token
        key = keys[form]
        folded[key] = had(key, 0) + n
    totals = {form: folded[key] for form, key in keys.items()}
    firsts = _openers(doc, spans)
    openers = Counter(forms[spans[i].text] for i in firsts)
    starts = frozenset(spans[i].start for i in firsts)
    return Words(spans, texts, forms, counts, folded, totals, starts, openers)


def _openers(doc: Document, spans: Sequence[Span]) -> set[int]:
    """Indexes in ``spans`` of the first word of each sentence and paragraph."""
    firsts: set[int] = set()
    starts = doc.words.starts if spans is doc.words else list(map(_START, spans))
    bounds: list[tuple[int, int]] = [(s.start, s.end) for s in doc.sentences]
    bounds.extend((p.start, p.end) for p in doc.paragraphs)
    for begin, finish in bounds:
        i = bisect.bisect_left(starts, begin)
        if i < len(starts) and starts[i] < finish:
            firsts.add(i)
    return firsts


def variants(
    doc: Document,
    ctx: Context,
    *,
    max_count: int = 2,
    min_count: int = 2,
    max_cost: float = 1.0,
    min_length: int = 4,
) -> dict[str, Variant]:
    """Rare forms (at most ``max_count`` uses) that are one OCR confusion or a diacritic from a
    form used at least ``min_count`` times, or listed in the house vocabulary.

    Only forms the lexicon lacks qualify, except diacritic-only variants of capitalised words
    ("Turkiye" in a brief that writes "Türkiye"). Inflections and possessives are not variants.
    An edit dearer than an OCR confusion (``OCR_COST``: a plain letter for another, 'Murtin' for
    'Martin') counts only towards a form the document uses at least twice as often, and never
    when the two differ only in their last letters (Ivanov and Ivanova are two people).
    """
    words = words_of(doc)
    key = (max_count, min_count, max_cost, min_length, id(ctx))
    cached = words.variants.get(key)
    if cached is None:
        cached = words.variants[key] = _variants(
            words, ctx, max_count, min_count, max_cost, min_length
        )
    return cached


def _variants(
    words: Words, ctx: Context, max_count: int, min_count: int, max_cost: float, min_length: int
) -> dict[str, Variant]:
    lexicon = ctx.lexicon
    vocab = ctx.vocabulary
    totals = words.totals
    frequent: dict[str, int] = {}
    for form, total in totals.items():
        if total >= min_count and len(form) >= min_length:
            frequent[form] = total
    accepted = [w for w in vocab.accept if " " not in w and len(w) >= min_length]
    targets = _Targets([*frequent, *accepted])
    found: dict[str, Variant] = {}
    for form, total in totals.items():
        if total > max_count or len(form) < min_length:
            continue
        if vocab.accepts(form) or suggest.has_foreign_letters(form):
            continue
        nform = normalize(form)
        twin = targets.by_accentless.get(strip_accents(nform))
        if twin is not None and normalize(twin) != nform and form[:1].isupper():
            found[form] = Variant(twin, frequent.get(twin, 0), distance.DIACRITIC_COST)
            continue
        if lexicon.zipf(form) > 0:
            continue
        best: Variant | None = None
        for i, _, cost in targets.pool.near(form, targets.near(form, nform), max_cost):
            target = targets.pool.words[i]
            if cost > max_cost or suggest.is_inflection(target, form):
                continue
            if cost > OCR_COST and not _plain_variant(form, target, total, frequent):
                continue
            if best is None or cost < best.cost:
                best = Variant(target, frequent.get(target, 0), cost)
        if best is not None:
            found[form] = best
    return found


def _plain_variant(form: str, target: str, total: int, frequent: dict[str, int]) -> bool:
    """A variant by a plain edit: the target is used at least twice as often, and the two
    differ before their last two letters."""
    if frequent.get(target, 0) < 2 * total:
        return False
    a, b = normalize(form), normalize(target)
    same = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return same < min(len(a), len(b)) - 2


class _Targets:
    """The forms a rare form may be a misreading of, bucketed by capital and length so that each
    rare form is compared only with the targets one letter longer or shorter."""

    def __init__(self, targets: list[str]) -> None:
        self.pool = distance.Pool(targets)
        self.by_accentless: dict[str, str] = {}
        for form, stripped in zip(targets, self.pool.stripped, strict=True):
            self.by_accentless.setdefault(stripped, form)
        self._buckets: dict[tuple[bool, int], list[int]] = {}
        for i, form in enumerate(targets):
            self._buckets.setdefault((form[:1].isupper(), len(form)), []).append(i)

    def near(self, form: str, nform: str) -> list[int]:
        """Indexes of the targets with the capital of ``form``, at most one letter longer or
        shorter, and another lookup key; in the order of the targets."""
        capital, size = form[:1].isupper(), len(form)
        found: list[int] = []
        for n in (size - 1, size, size + 1):
            found.extend(self._buckets.get((capital, n), ()))
        found.sort()
        keys = self.pool.keys
        return [i for i in found if keys[i] != nform]

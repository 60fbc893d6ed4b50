"""word-sequence: slips of word order and missing or impossible words, judged by word-pair counts.

Text extraction and hurried editing leave slips that no spelling check sees and that rule-based
grammar checkers (LanguageTool, Harper) mostly miss, because every word is a word: two adjacent
words swapped, a "to" dropped before an infinitive, an article before a word that cannot follow
one, a "many of" without its "the". This kind compares the likelihood of the local word sequence
with that of the nearby alternative, using the English word and word-pair counts of
``text/ngrams.py``, and reports only when the alternative is far likelier. The judgement is
statistical, so findings come as suggestions (never fixes), and each check needs strong evidence:

- ``swapped``: two adjacent words, one a function word, whose pair is rare in this order, common
  in the other, and whose neighbours fit the other order at least as well.
- ``missing-to``: a word usually followed by "to" directly before a word that usually follows
  "to", where the two are not a known pair.
- ``determiner``: "a", "an" or "the" before a common word that almost never follows it ("a what").
- ``article-plural``: "a"/"an" before a plural noun that ends its phrase ("a negotiations between").
- ``partitive``: "many of", "most of" (and other quantifiers) directly before a plural noun.

Words are compared in lower case, with Cyrillic and Greek lookalike letters read as Latin ones.
Only adjacent words with nothing but white space between them (no punctuation, no markup) form a
sequence, so quotations, lists and tables break them up.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress, count, pairwise
from operator import and_
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import doccache

if TYPE_CHECKING:
    from brieflint.text.ngrams import NgramTable

K = TypeVar("K")
V = TypeVar("V")

Check = Literal["swapped", "missing-to", "determiner", "article-plural", "partitive"]

# Closed word classes: grammar, not vocabulary of any text.
ARTICLES = frozenset({"a", "an", "the"})
FUNCTION = frozenset(
    "a an the of to in on at by for with from into onto upon about between among against "
    "through during without within and or but nor as than that which who whom whose is are was "
    "were be been being has have had do does did will would shall should can could may might "
    "must not".split()
)
PRONOUNS = frozenset(
    "i me my mine you your yours he him his she her hers it its we us our ours they them their "
    "theirs this that these those which whom whose what who whoever whichever such myself yourself "
    "himself herself itself ourselves yourselves themselves".split()
)
ADVERBS = frozenset(
    "then also there so thus instead still even just now always often never only first again too "
    "very here already yet soon once".split()
)
NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion dozen".split()
)
QUANTIFIERS = frozenset("many most some all each none several few both any one".split())
IDIOMS_AFTER_OF = frozenset({"course", "late", "old", "note", "interest", "sorts"})
COORDINATORS = frozenset({"and", "or", "nor"})
CLOSED_AFTER_OF = PRONOUNS | NUMBERS | QUANTIFIERS | ARTICLES | IDIOMS_AFTER_OF
STRONG = 2.4  # the gain, as a power of min_gain, that outweighs a pair common in both orders


class WordSequenceOptions(Options):
    checks: list[Check] = Field(
        default_factory=lambda: list[Check](["swapped"]),
        description="Which slips this rule looks for.",
    )
    min_gain: float = Field(
        25.0,
        gt=1,
        description="How many times likelier the swapped order must make the words around it.",
    )
    min_to_gain: float = Field(
        20.0, gt=1, description="How many times likelier the sequence with 'to' must be."
    )


@dataclass(frozen=True, slots=True)
class Slip:
    start: int  # offsets into the text
    end: int
    check: Check
    found: str
    likelier: tuple[str, ...]
    reason: str


def check(doc: Document, options: WordSequenceOptions, ctx: Context) -> Iterator[Hit]:
    # kept for the run beside the lexicon (it depends on nothing but installed data)
    table = ctx.lexicon.derived("ngrams.table", _load)
    if table is None:
        return
    wanted = set(options.checks)
    key = f"word-sequence:{options.min_gain}:{options.min_to_gain}"
    # the verdicts on word pairs are kept for the run, beside the table
    model = ctx.lexicon.derived("word-sequence.model", lambda: _Model(table))
    for slip in doccache.memo(doc, key, lambda d: _slips(d, model, options)):
        if slip.check in wanted:
            params = {"found": slip.found, "likelier": slip.likelier[0], "reason": slip.reason}
            yield Hit(slip.start, slip.end, params, slip.likelier)


def _load() -> NgramTable | None:
    from brieflint.text.ngrams import load_table

    return load_table()


def _slips(doc: Document, model: _Model, options: WordSequenceOptions) -> list[Slip]:
    """The slips of the whole document, in one pass over its words.

    A pair of words is judged only inside a run (words with only white space, at most one line
    break, between them). What the pair's words alone decide (folded forms, known words, whether
    any check could fire on the pair) comes from the run's memos by table lookups, so the Python
    work per word is only for the few pairs that could be slips."""
    texts = doc.word_texts
    n = len(texts)
    if n < 2:
        return []
    model.trim()
    to_gain = math.log(options.min_to_gain)
    swap_gain = math.log(options.min_gain)
    # a byte a word (a list would hold a pointer a word): a long draft has millions of words
    lower = bytes(map(str.islower, texts))
    joined = _joined(doc, model)
    folds = model.folds
    flags = model.flags_for(to_gain)
    maybe = map(flags.__getitem__, pairwise(map(folds.__getitem__, texts)))
    words = doc.words
    text = doc.text
    found: list[Slip] = []
    for i in compress(count(), map(and_, joined, maybe)):
        first = i == 0 or not joined[i - 1]  # the first word of its run
        if not lower[i] and not first:
            continue  # a name inside the sentence: no statistics for it
        a, b = folds[texts[i]], folds[texts[i + 1]]
        more = i + 2 < n and joined[i + 1]  # a third word follows in the run
        w_a, w_b = words[i], words[i + 1]
        span_ab = (w_a.start, w_b.end)
        if lower[i] and lower[i + 1]:
            p = None if first else folds[texts[i - 1]]
            q = folds[texts[i + 2]] if more else None
            if _swap(model, p, a, b, q, swap_gain):
                found.append(
                    Slip(
                        *span_ab,
                        "swapped",
                        text[span_ab[0] : span_ab[1]],
                        (f"{texts[i + 1]} {texts[i]}",),
                        "the words seem swapped",
                    )
                )
            if model.missing_to(a, b, to_gain):
                found.append(
                    Slip(
                        *span_ab,
                        "missing-to",
                        text[span_ab[0] : span_ab[1]],
                        (f"{texts[i]} to {texts[i + 1]}",),
                        "'to' seems missing",
                    )
                )
        if a in ARTICLES and lower[i + 1] and not _part_of_term(text, w_a.start, w_b.end):
            q = folds[texts[i + 2]] if more else None
            if q is None and text[w_b.end : w_b.end + 1] in ("'", "’"):
                q = "'s"  # a plural possessive ("a ladies' tailor") is followed by its noun
            found_ab = text[span_ab[0] : span_ab[1]]
            found.extend(_determiner(model, a, b, q, span_ab, found_ab, texts[i + 1]))
        if a in QUANTIFIERS and b == "of" and more and lower[i + 2]:
            w = folds[texts[i + 2]]
            if w not in CLOSED_AFTER_OF and model.known(w) and _plural_stem(w, model):
                end = words[i + 2].end
                found.append(
                    Slip(
                        w_a.start,
                        end,
                        "partitive",
                        text[w_a.start : end],
                        (f"{texts[i]} of the {texts[i + 2]}",),
                        "'the' seems missing",
                    )
                )
    return found


def _joined(doc: Document, model: _Model) -> bytes:
    """For each pair of neighbouring words, whether only white space (at most one line break,
    none of it masked out) lies between them: whether they are in one run (1 or 0)."""
    gaps = doc.word_gaps  # the prose between neighbouring words
    spaced = bytes(map(model.spaced.__getitem__, gaps))
    prose, text = doc.prose, doc.text
    if prose == text:  # nothing masked: the prose's gaps are the text's
        return spaced
    starts, ends = doc.words.starts, doc.words.ends
    return bytes(ok and text[ends[k] : starts[k + 1]] == gaps[k] for k, ok in enumerate(spaced))


class _Memo(dict[K, V]):
    """A dict that computes a missing value with ``compute`` (and keeps it)."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self.compute(key)
        return value


def _spaced(gap: str) -> bool:
    return gap.isspace() and gap.count("\n") + gap.count("\r") <= 1 + gap.count("\r\n")


def _fold(word: str) -> str:
    low = word.lower().replace("’", "'")
    if low.isascii():
        return low
    from brieflint.text.confusables import has_lookalike_script, latin_form

    if has_lookalike_script(low):
        latin = latin_form(low)
        if latin is not None:
            return latin.lower()
    return low


_MEMO_LIMIT = 300_000  # word-pair verdicts kept for the run (cleared when there are more)


class _Model:
    """Conditional word probabilities from the table, with a cautious estimate for absent pairs,
    and the verdicts on word pairs (which depend on nothing else) remembered for the run: a
    draft, and an archive more so, repeats its word pairs."""

    def __init__(self, table: NgramTable) -> None:
        self.t = table
        self.floor = table.pair_floor
        self._scale = table.pair_total / table.word_total if table.word_total else 0.0
        self.memo: dict[tuple[str, ...], object] = {}
        self.folds: _Memo[str, str] = _Memo(_fold)  # a word as the table spells it
        self.spaced: _Memo[str, bool] = _Memo(_spaced)  # a gap that keeps a run together
        self._flags: dict[float, _Memo[tuple[str, str], bool]] = {}

    def trim(self) -> None:
        """Start the memos afresh when they hold more than ``_MEMO_LIMIT`` verdicts."""
        memos: list[dict[Any, Any]] = [self.folds, self.spaced, self.memo]
        memos.extend(self._flags.values())
        if sum(len(memo) for memo in memos) > _MEMO_LIMIT:
            for memo in memos:
                memo.clear()

    def flags_for(self, to_gain: float) -> _Memo[tuple[str, str], bool]:
        """For a pair of folded words, whether any check could fire on it (``to_gain``: the
        missing-to check's)."""
        if to_gain not in self._flags:
            self._flags[to_gain] = _Memo(lambda pair: self._could_slip(*pair, to_gain))
        return self._flags[to_gain]

    def _could_slip(self, a: str, b: str, to_gain: float) -> bool:
        if not (self.known(a) and self.known(b)):
            return False
        if a in ARTICLES or (a in QUANTIFIERS and b == "of"):
            return True
        return self.swap_pair(a, b) is not None or self.missing_to(a, b, to_gain)

    def swap_pair(self, a: str, b: str) -> tuple[bool, float] | None:
        key = ("swap", a, b)
        if key not in self.memo:
            self.memo[key] = _swap_pair(self, a, b)
        return self.memo[key]  # type: ignore[return-value]

    def missing_to(self, a: str, b: str, gain: float) -> bool:
        key = ("to", a, b, str(gain))
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = _missing_to(self, a, b, gain)
        return found  # type: ignore[return-value]

    def known(self, word: str) -> bool:
        return self.t.count(word) > 0

    def expected(self, a: str, b: str) -> float:
        """The pair count if the two words occurred independently of each other."""
        t = self.t
        if not t.word_total:
            return 0.0
        return t.pair_total * (t.count(a) / t.word_total) * (t.count(b) / t.word_total)

    def ratio(self, a: str, b: str) -> float:
        """Observed over expected count of the pair (0 when absent)."""
        e = self.expected(a, b)
        return self.t.pair(a, b) / e if e else 0.0

    def logp(self, a: str, b: str) -> float | None:
        """log P(b | a); an absent pair counts as its independent estimate, capped below the
        list's floor. None when either word is unknown."""
        t = self.t
        if not (self.known(a) and self.known(b)):
            return None
        base = max(t.starting(a), t.count(a) * self._scale)
        if base <= 0:
            return None
        n = t.pair(a, b) or min(self.expected(a, b), self.floor / 2)
        return math.log(min(n / base, 0.5)) if n > 0 else None


def _plural_stem(word: str, model: _Model) -> str | None:
    """The singular of a regular plural noun ("negotiations" → "negotiation"), or None."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ics", "'s")):
        return None
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if model.t.count(stem) > model.t.count(word) / 20:
                return stem
    return None


def _swap(model: _Model, p: str | None, a: str, b: str, q: str | None, gain: float) -> bool:
    pair = model.swap_pair(a, b)
    if pair is None:
        return False
    if p is not None and p.endswith("'s"):
        p = "its"  # a possessive stands where a possessive determiner would
    if p is None or q is None or not (model.known(p) and model.known(q)):
        return False  # judged only with a neighbour on each side
    usual, pair_gain = pair
    terms = (model.logp(p, b), model.logp(a, q), model.logp(p, a), model.logp(b, q))
    if any(x is None for x in terms):
        return False
    pb, aq, pa, bq = (float(x) for x in terms if x is not None)
    context_gain = pb + aq - pa - bq
    if usual and pair_gain + context_gain > gain and context_gain > -1.0 and pair_gain > -3.0:
        return True
    return pair_gain + context_gain > gain * STRONG and context_gain > 0.0 and pair_gain > 1.0


def _swap_pair(model: _Model, a: str, b: str) -> tuple[bool, float] | None:
    """What the swap of ``a b`` depends on without its neighbours: None when it is ruled out,
    else whether the order is the usual one's reverse and the gain of the pair alone."""
    if a in ARTICLES or b in ARTICLES or not (a in FUNCTION or b in FUNCTION):
        return None
    for w in (a, b):
        if w in PRONOUNS or w in ADVERBS or w.endswith("ly"):
            return None  # pronouns and adverbs move freely
    t = model.t
    forward, backward = t.pair(a, b), t.pair(b, a)
    if not backward or backward <= 3 * forward:
        return None
    # The pair must be rare in this order (absence means little for a pair expected to be rare
    # anyway) and common in the other; or else the evidence as a whole must be overwhelming.
    usual = model.expected(a, b) >= model.floor and model.ratio(a, b) < 0.3
    usual = usual and model.ratio(b, a) > 0.5
    strong = model.ratio(a, b) < 1.0 and model.ratio(b, a) > 2.0
    if not (usual or strong):
        return None
    ba, ab = model.logp(b, a), model.logp(a, b)
    if ba is None or ab is None:
        return None
    return usual, ba - ab


def _missing_to(model: _Model, a: str, b: str, gain: float) -> bool:
    if a in ARTICLES or a in PRONOUNS or b == "be":
        return False
    if b in FUNCTION or b in PRONOUNS or b in ADVERBS:
        return False  # "to" before these is a preposition, not an infinitive's
    if model.t.pair(a, b) or model.t.pair("to", b) <= model.floor:
        return False
    a_to, to_b, ab = model.logp(a, "to"), model.logp("to", b), model.logp(a, b)
    if a_to is None or to_b is None or ab is None:
        return False
    # the second word must read as a verb: it follows "to" far more often than "the"
    t = model.t
    verb = t.pair("to", b) / max(t.pair("the", b), model.floor / 2)
    if verb <= 3 or model.ratio("to", b) <= 2:
        return False
    if a_to + to_b - ab > gain:
        return True
    # A word that "to" follows at least every other time, before a word that is nearly always a
    # verb: an absent pair is evidence enough at a lower gain (for frequent verbs the absent
    # pair's estimate is capped at the list's floor, which understates the gain).
    return a_to >= math.log(0.5) and verb > 20 and a_to + to_b - ab > gain / 4


def _part_of_term(text: str, start: int, end: int) -> bool:
    """The article at ``start`` or the word ending at ``end`` belongs to a longer term: a word
    glued on by a hyphen ("the by-election", a compound) or a symbol before the
    article ("M&A", "R&D")."""
    after = text[end : end + 2]
    before = text[start - 1] if start > 0 else " "
    return (len(after) == 2 and after[0] in "-‐" and after[1].isalpha()) or before in "&/+"


def _determiner(
    model: _Model,
    a: str,
    b: str,
    q: str | None,
    span: tuple[int, int],
    found: str,
    word: str,
) -> Iterator[Slip]:
    if b in COORDINATORS or b == a:
        return  # "a or b": letters as symbols; "the the" is prose.doubled-word's
    if model.expected(a, b) > 20 * model.floor and model.ratio(a, b) < 0.03:
        yield Slip(*span, "determiner", found, (word,), f"'{a}' does not go before '{b}'")
        return
    if a in ("a", "an") and not model.t.pair(a, b) and (q is None or q in FUNCTION):
        stem = _plural_stem(b, model)
        if stem and model.t.pair("the", b):
            yield Slip(
                *span,
                "article-plural",
                found,
                (word, f"{a} {stem}"),
                f"'{a}' before the plural '{b}'",
            )


KIND = Kind(
    "word-sequence",
    WordSequenceOptions,
    check,
    "Swapped words, a missing 'to' or 'the', an impossible word after an article (word-pair "
    "statistics).",
    backend="word-pairs",
)

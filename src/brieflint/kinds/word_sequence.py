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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import doccache

if TYPE_CHECKING:
    from brieflint.text.ngrams import NgramTable
    from brieflint.text.tokens import Span

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
    for slip in doccache.memo(doc, key, lambda d: _slips(d, table, options)):
        if slip.check in wanted:
            params = {"found": slip.found, "likelier": slip.likelier[0], "reason": slip.reason}
            yield Hit(slip.start, slip.end, params, slip.likelier)


def _load() -> NgramTable | None:
    from brieflint.text.ngrams import load_table

    return load_table()


def _slips(doc: Document, table: NgramTable, options: WordSequenceOptions) -> list[Slip]:
    model = _Model(table)
    found: list[Slip] = []
    for run in _runs(doc):
        found.extend(_run_slips(doc, run, model, options))
    return found


def _runs(doc: Document) -> Iterator[list[Span]]:
    """Maximal runs of words with only white space (at most one line break) between them."""
    prose, text = doc.prose, doc.text
    run: list[Span] = []
    for word in doc.words:
        if run:
            gap = prose[run[-1].end : word.start]
            joined = (
                gap.isspace()
                and gap == text[run[-1].end : word.start]
                and gap.count("\n") + gap.count("\r") <= 1 + gap.count("\r\n")
            )
            if not joined:
                yield run
                run = []
        run.append(word)
    if run:
        yield run


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


class _Model:
    """Conditional word probabilities from the table, with a cautious estimate for absent pairs."""

    def __init__(self, table: NgramTable) -> None:
        self.t = table
        self.floor = table.pair_floor
        self._scale = table.pair_total / table.word_total if table.word_total else 0.0

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


def _run_slips(
    doc: Document, run: list[Span], model: _Model, options: WordSequenceOptions
) -> Iterator[Slip]:
    toks = [w.text for w in run]
    low = [_fold(t) for t in toks]
    lower = [t.islower() for t in toks]
    n = len(run)
    swap_gain = math.log(options.min_gain)
    to_gain = math.log(options.min_to_gain)
    for i in range(n - 1):
        a, b = low[i], low[i + 1]
        if not lower[i] and i > 0:
            continue  # a name inside the sentence: no statistics for it
        if not (model.known(a) and model.known(b)):
            continue
        span_ab = (run[i].start, run[i + 1].end)
        found_ab = doc.text[span_ab[0] : span_ab[1]]
        if lower[i] and lower[i + 1]:
            p = low[i - 1] if i > 0 else None
            q = low[i + 2] if i + 2 < n else None
            swapped = _swap(model, p, a, b, q, swap_gain)
            if swapped:
                yield Slip(
                    *span_ab,
                    "swapped",
                    found_ab,
                    (f"{toks[i + 1]} {toks[i]}",),
                    "the words seem swapped",
                )
            if _missing_to(model, a, b, to_gain):
                yield Slip(
                    *span_ab,
                    "missing-to",
                    found_ab,
                    (f"{toks[i]} to {toks[i + 1]}",),
                    "'to' seems missing",
                )
        if a in ARTICLES and lower[i + 1]:
            q = low[i + 2] if i + 2 < n else None
            if q is None and doc.text[run[i + 1].end : run[i + 1].end + 1] in ("'", "’"):
                q = "'s"  # a plural possessive ("a ladies' tailor") is followed by its noun
            yield from _determiner(model, a, b, q, span_ab, found_ab, toks[i + 1])
        if a in QUANTIFIERS and b == "of" and i + 2 < n and lower[i + 2]:
            w = low[i + 2]
            closed = PRONOUNS | NUMBERS | QUANTIFIERS | ARTICLES | IDIOMS_AFTER_OF
            if w not in closed and model.known(w) and _plural_stem(w, model):
                yield Slip(
                    run[i].start,
                    run[i + 2].end,
                    "partitive",
                    doc.text[run[i].start : run[i + 2].end],
                    (f"{toks[i]} of the {toks[i + 2]}",),
                    "'the' seems missing",
                )


def _swap(model: _Model, p: str | None, a: str, b: str, q: str | None, gain: float) -> bool:
    if a in ARTICLES or b in ARTICLES or not (a in FUNCTION or b in FUNCTION):
        return False
    if p is not None and p.endswith("'s"):
        p = "its"  # a possessive stands where a possessive determiner would
    if p is None or q is None or not (model.known(p) and model.known(q)):
        return False  # judged only with a neighbour on each side
    if a in ARTICLES or b in ARTICLES or not (a in FUNCTION or b in FUNCTION):
        return False
    for w in (a, b):
        if w in PRONOUNS or w in ADVERBS or w.endswith("ly"):
            return False  # pronouns and adverbs move freely
    t = model.t
    forward, backward = t.pair(a, b), t.pair(b, a)
    if not backward or backward <= 3 * forward:
        return False
    # The pair must be rare in this order (absence means little for a pair expected to be rare
    # anyway) and common in the other; or else the evidence as a whole must be overwhelming.
    usual = model.expected(a, b) >= model.floor and model.ratio(a, b) < 0.3
    usual = usual and model.ratio(b, a) > 0.5
    strong = model.ratio(a, b) < 1.0 and model.ratio(b, a) > 2.0
    if not (usual or strong):
        return False
    terms = (
        model.logp(b, a),
        model.logp(a, b),
        model.logp(p, b),
        model.logp(a, q),
        model.logp(p, a),
        model.logp(b, q),
    )
    if any(x is None for x in terms):
        return False
    ba, ab, pb, aq, pa, bq = (float(x) for x in terms if x is not None)
    pair_gain = ba - ab
    context_gain = pb + aq - pa - bq
    if usual and pair_gain + context_gain > gain and context_gain > -1.0 and pair_gain > -3.0:
        return True
    return pair_gain + context_gain > gain * STRONG and context_gain > 0.0 and pair_gain > 1.0


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

"""One defect, one finding: what runs over a document's findings after every rule has run.

Rules look at a draft independently, so one defect can draw several findings: a word broken by a
soft hyphen or a line-end hyphen is also spell-checked as two fragments ('main-⏎tainer' gives
'tainer' → 'trainer'), a digit read for a letter leaves fragments ('Midd1e' gives 'Midd'), a
misspelling in the list of common ones is also an unknown word, and LanguageTool repeats what a
brieflint rule says about the same characters. This pass keeps the finding that names the defect
and drops the others:

- a finding of a *word-form* rule (hyphenation, invisible characters, digits or symbols in a
  word, homoglyphs, split and run-together words, common misspellings, name variants) owns the
  characters it covers and the word they belong to: a spelling or LanguageTool finding on them,
  or on a fragment joined to them without a space, is dropped;
- a required-text finding (a house passage such as a disclaimer) owns its passage: no other
  house, spelling or LanguageTool finding is reported inside it;
- a LanguageTool finding on the same characters as any brieflint finding is dropped, except a
  finding of brieflint's statistical grammar rules (word-sequence), which itself yields to a
  LanguageTool or Harper finding on any of its characters: a grammar checker that parsed the
  sentence names the slip more precisely than word-pair counts do.

Which rule is which comes from its kind, so a house rule of the same kind behaves the same way.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from brieflint.findings import Finding

# Ranks of the kinds that judge a word: a finding is dropped when it meets the word of a finding
# of a lower rank (another rule). 0: the word is broken or misread (hyphen, invisible character,
# digit or symbol, homoglyph, split or run together); 1: the word is in a list of wrong words, or
# a variant of a name; 2: the word is unknown (spelling, LanguageTool).
WORD_RANKS: dict[str, int] = {
    "ocr-hyphenation": 0,
    "ocr-invisible-char": 0,
    "ocr-digit-letter": 0,
    "ocr-stray-markup": 0,
    "ocr-homoglyph": 0,
    "ocr-compat-form": 0,
    "ocr-split-word": 0,
    "ocr-run-together": 0,
    "substitution": 1,
    "name-variant": 1,
    "spelling": 2,
    "spelling-variety": 2,
    "languagetool": 2,
}
# kinds that own a whole passage, and the kinds they silence inside it
PASSAGE_KINDS = frozenset({"required-text"})
IN_PASSAGE_KINDS = frozenset(
    {
        "spelling",
        "spelling-variety",
        "languagetool",
        "acronym",
        "name-consistency",
        "name-variant",
        "substitution",
        "capitalization",
        "consistency",
    }
)
# kinds whose findings are statistical guesses: they yield to a grammar tool's on the same words
STATISTICAL_KINDS = frozenset({"word-sequence"})
LANGUAGETOOL_PREFIX = "lt."
# grammar tools whose findings are treated as LanguageTool's (Harper's ``harper.*`` ids)
RELAYED_GRAMMAR_PREFIXES = (LANGUAGETOOL_PREFIX, "harper.")


@dataclass(frozen=True, slots=True)
class _Owner:
    start: int
    end: int
    rule: str


def one_per_defect(findings: list[Finding], text: str, kinds: Mapping[str, str]) -> list[Finding]:
    """``findings`` (of one document) without those that repeat a defect another names.

    ``kinds`` maps each rule id to its kind's name; findings of LanguageTool (``lt.*`` ids) and
    Harper (``harper.*``) count as kind ``languagetool``. ``text`` is the document's text (to see
    which characters join a fragment to an owner's span). The order of the kept findings is
    unchanged.
    """
    if len(findings) < 2:
        return findings

    def kind_of(f: Finding) -> str:
        if f.rule.startswith(RELAYED_GRAMMAR_PREFIXES):
            return "languagetool"
        return kinds.get(f.rule, "")

    words: list[list[_Owner]] = [[], []]  # owners of rank 0 and of rank 1
    passages: list[_Owner] = []
    spans: set[tuple[int, int]] = set()
    grammar: list[_Owner] = []  # a grammar tool's findings, which the statistical ones yield to
    for f in findings:
        kind = kind_of(f)
        rank = WORD_RANKS.get(kind)
        if rank is not None and rank < len(words) and f.end > f.start:
            words[rank].append(_Owner(*_word_around(text, f.start, f.end), f.rule))
        if kind in PASSAGE_KINDS and f.end > f.start:
            passages.append(_Owner(f.start, f.end, f.rule))
        if kind == "languagetool" and f.end > f.start:
            grammar.append(_Owner(f.start, f.end, f.rule))
        elif kind not in STATISTICAL_KINDS:
            spans.add((f.start, f.end))
    owners = [_Owners(words[0]), _Owners(words[0] + words[1])]  # what ranks 1 and 2 yield to
    passage_owners = _Owners(passages)
    grammar_owners = _Owners(grammar)
    kept = []
    for f in findings:
        kind = kind_of(f)
        rank = WORD_RANKS.get(kind, 0)
        if rank > 0 and owners[rank - 1].meet(f):
            continue
        if kind in IN_PASSAGE_KINDS and passage_owners.meet(f):
            continue
        if kind == "languagetool" and f.end > f.start and (f.start, f.end) in spans:
            continue
        if kind in STATISTICAL_KINDS and grammar_owners.meet(f):
            continue
        kept.append(f)
    return kept


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the word a word-form defect sits in ('main' + soft hyphen +
    'tainer', 'Midd1e'): to the run of non-space characters around it, when the span holds a
    letter or digit or sits between two non-space characters. A symbol at a word's edge (a stray
    bracket, '^been') is a defect of its own beside the word, and is not widened."""
    inner = text[start:end]
    inside = start > 0 and end < len(text)
    inside = inside and not text[start - 1].isspace() and not text[end].isspace()
    if not inside and not any(ch.isalnum() for ch in inner):
        return start, end
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace() and start - lo < 64:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - end < 64:
        hi += 1
    return lo, hi


class _Owners:
    """Spans that findings of other rules yield to, by start."""

    def __init__(self, owners: list[_Owner]) -> None:
        self.owners = sorted(owners, key=lambda o: o.start)
        self.starts = [o.start for o in self.owners]

    def meet(self, f: Finding) -> bool:
        """``f`` (not empty) overlaps the span of an owner of another rule."""
        if not self.owners or f.end <= f.start:
            return False
        i = bisect_left(self.starts, f.end)  # the owners that start before f ends
        return any(o.end > f.start and o.rule != f.rule for o in self.owners[:i])

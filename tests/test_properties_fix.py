"""Property tests (hypothesis) for ``brieflint fix``: idempotent, and only flagged spans change.

The fixer re-lints after each round, so a fix may reach text that only became flaggable after an
earlier round. The property is checked round by round: between one round's input and output,
every character outside the union of the edit spans *offered* in that round (chosen or not) is
kept, in order, byte for byte, line endings included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from brieflint import config as config_mod
from brieflint import engine, ruleset
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.fixer import MAX_ROUNDS, fix_text
from brieflint.masking import merge_spans
from tests.test_properties import ALPHABET

# What the fixable rules look for: OCR debris, look-alikes, broken words, markup, doubled words.
FIXABLE = st.sampled_from(
    [
        *["\u00ad", "ﬁ", "ﬂ", "ﬀ", "ﬃ", "\u200b", "\u2060", "\ufeff", "\u00a0"],
        *["р", "е", "с", "х", "а", "о", "Т", "Н", "В", "К", "М"],  # Cyrillic look-alikes
        *["mul-\ntidimensional", "re-\r\nform", "well-\nknown", "agre\u00aded", "gov ernment"],
        *["_{x}", "^{2}", "_{", "}", "\\textit{x}", "$x$"],
        *[" ,", " .", "  ", " ;", "( ", " )", "\n\n", "\r\n\r\n", "\n\n12\n\n", "\nPage 3\n"],
        *["the the ", "The the ", "and and ", "teh ", "recieve ", "Nato ", "NATO "],
        *["policy ", "government ", "cooperation ", "Baku ", "Tbilisi ", "ceasefire "],
        *["The talks continue", "in the region", ". ", ", ", "\r\n", "\r"],
    ]
)
DRAFTS = st.lists(st.one_of(ALPHABET, FIXABLE, FIXABLE), max_size=80).map("".join)

SETUP = ruleset.build(config_mod.default())
ALL_RULES = list(SETUP.base.values()) + list(SETUP.disabled.values())


@dataclass
class Recorder:
    """A lint function for the fixer that remembers each round's text and offered edit spans."""

    path: str
    everything: bool
    rounds: list[tuple[str, list[tuple[int, int]]]] = field(default_factory=list)

    def __call__(self, text: str) -> list[Finding]:
        doc = Document.parse(self.path, text)
        rules = ALL_RULES if self.everything else SETUP.rules_for(self.path)
        findings = engine.lint_document(doc, rules, SETUP)
        spans = [(e.start, e.end) for f in findings if f.fix is not None for e in f.fix.edits]
        self.rounds.append((text, spans))
        return findings


def _kept_outside(before: str, after: str, spans: list[tuple[int, int]]) -> None:
    """Every stretch of ``before`` outside ``spans`` is in ``after``, in order, unchanged."""
    merged = merge_spans(spans)
    kept: list[str] = []
    position = 0
    for start, end in merged:
        kept.append(before[position:start])
        position = end
    kept.append(before[position:])
    if not merged:
        assert after == before
        return
    assert after.startswith(kept[0]), (before, after, merged)
    assert after.endswith(kept[-1]), (before, after, merged)
    cursor = len(kept[0])
    for piece in kept[1:-1]:
        found = after.find(piece, cursor)
        assert found >= 0, (piece, before, after, merged)
        cursor = found + len(piece)
    assert cursor <= len(after) - len(kept[-1]), (before, after, merged)


def _parses(path: str, text: str) -> bool:
    try:
        Document.parse(path, text)
    except BrieflintError:
        return False
    return True


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DRAFTS, st.sampled_from(["d.txt", "d.md"]), st.booleans())
@example(
    "The new \u0440olicy was agre\u00aded.\r\nA mul-\r\ntidimensional \ufb01x.\r\n", "d.txt", False
)
@example("A \ufb01nal  text , with _{x} and the the end.\r\n\r\n12\r\n\r\nMore.", "d.md", True)
def test_fix_is_idempotent_and_touches_only_flagged_spans(
    text: str, path: str, everything: bool
) -> None:
    if not _parses(path, text):
        return
    recorder = Recorder(path, everything)
    result = fix_text(text, recorder, unsafe=everything)  # every rule: every tier of fix too
    assert _parses(path, result.text), "a fix made the draft unreadable"

    # round by round: outside the offered edits nothing moves
    texts = [t for t, _ in recorder.rounds] + [result.text]
    for (before, spans), after in zip(recorder.rounds, texts[1:], strict=True):
        _kept_outside(before, after, spans)
    if not result.changed:
        assert result.text == text

    # idempotent: fixing the fixed text changes nothing
    assert result.rounds < MAX_ROUNDS, "fixes did not settle"
    again = fix_text(result.text, Recorder(path, everything), unsafe=everything)
    assert again.text == result.text, [f.rule for f in again.applied]
    assert not again.changed


@settings(max_examples=100, deadline=None)
@given(DRAFTS)
def test_text_without_offered_fixes_is_returned_unchanged(text: str) -> None:
    recorder = Recorder("d.txt", True)
    if not _parses("d.txt", text):
        return
    result = fix_text(text, recorder)
    first_spans = recorder.rounds[0][1]
    if not first_spans:
        assert result.text == text and result.rounds == 0

"""Property tests (hypothesis) for the safe tier: what ``brieflint fix`` may do unseen.

On drafts built from words, fragments, look-alike letters, invisible characters, ligatures,
spacing slips, abbreviations, numbers, URLs and code:

- a safe fix touches only its finding's text and the white space around it;
- a safe fix never turns known words into an unknown one;
- no fix joins a word to an abbreviation ("p.", "pp.", "No.", "vol.", "e.g."), a number, a URL or
  code, and none changes the text of a URL or of code.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from brieflint import config as config_mod
from brieflint import engine, ruleset
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.findings import Applicability, Finding
from brieflint.fixer import apply_edits, fix_text

SETUP = ruleset.build(config_mod.default())
LEXICON = SETUP.context.lexicon

WORDS = ["policy", "government", "region", "the", "of", "talks", "see", "in", "and", "final"]
FRAGMENTS = ["transfor", "mation", "gov", "ernment", "mul-\ntidimensional", "re-\nform"]
COMPOUNDS = ["state-\nowned", "well-\nknown", "long-\nterm", "on-line", "e-mail"]
DAMAGE = ["\u0440olicy", "gov\u0435rnment", "\u03b1place", "agre\u00aded", "\ufb01nal", "\u200b"]
SLIPS = [" ,", " .", "  ", " ;", " :", "\n\n", "\n"]
ABBREVIATIONS = ["p.", "pp.", "No.", "vol.", "e.g."]
NUMBERS = ["4", "12", "1.5", "2024", "v1", "x2"]
URLS = ["https://example.org/a-b_c", "www.example.com/p. 4"]
CODE = ["`x_1 = y`", "`see p`"]  # code spans (Markdown)

PROTECTED = [*ABBREVIATIONS, *NUMBERS]
PIECES = st.sampled_from(
    [*WORDS, *FRAGMENTS, *COMPOUNDS, *DAMAGE, *SLIPS, *PROTECTED, *URLS, *CODE]
)
DRAFTS = st.lists(PIECES, min_size=1, max_size=40).map(" ".join)
PATHS = st.sampled_from(["d.txt", "d.md"])


def _lint(path: str, text: str) -> list[Finding]:
    doc = Document.parse(path, text)
    return engine.lint_document(doc, SETUP.rules_for(path), SETUP)


def _parses(path: str, text: str) -> bool:
    try:
        Document.parse(path, text)
    except BrieflintError:
        return False
    return True


def _safe(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE]


_SPACE = regex.compile(r"\s*")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` widened over the white space on both sides."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    stop = _SPACE.match(text, end)
    return start, stop.end() if stop else end


def _words_at(text: str, start: int, end: int) -> list[str]:
    """The letter runs that overlap or touch ``start``..``end``."""
    return [m.group() for m in _LETTERS.finditer(text) if m.end() >= start and m.start() <= end]


def _known(word: str) -> bool:
    return LEXICON.known(word)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DRAFTS, PATHS)
@example("the \u0440olicy , of the final. mul-\ntidimensional talks", "d.txt")
def test_a_safe_fix_stays_in_its_span_and_keeps_known_words_known(text: str, path: str) -> None:
    if not _parses(path, text):
        return
    for finding in _safe(_lint(path, text)):
        assert finding.fix is not None
        lo, hi = _around(text, finding.start, finding.end)
        for edit in finding.fix.edits:
            assert lo <= edit.start <= edit.end <= hi, (finding.rule, edit, finding)
        first, last = finding.fix.edits[0], finding.fix.edits[-1]
        before = _words_at(text, first.start, last.end)
        after_text = apply_edits(text, finding.fix.edits)
        shift = sum(len(e.replacement) - (e.end - e.start) for e in finding.fix.edits)
        after = _words_at(after_text, first.start, last.end + shift)
        if before and all(map(_known, before)):
            assert all(map(_known, after)), (finding.rule, before, after)


def _tokens(text: str, piece: str) -> int:
    """How often ``piece`` stands in ``text`` as a token of its own."""
    return len(
        regex.findall(rf"(?<![\p{{L}}\p{{N}}_]){regex.escape(piece)}(?![\p{{L}}\p{{N}}_])", text)
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DRAFTS, PATHS, st.booleans())
@example("The annex (see p. 4) and see p. 12 and vol. 3 and v v1.", "d.txt", True)
def test_no_fix_joins_across_an_abbreviation_a_number_a_url_or_code(
    text: str, path: str, unsafe: bool
) -> None:
    if not _parses(path, text):
        return
    fixed = fix_text(text, lambda t: _lint(path, t), unsafe=unsafe).text
    for piece in PROTECTED:
        assert _tokens(fixed, piece) >= _tokens(text, piece), (piece, text, fixed)
    for piece in URLS + (CODE if path.endswith(".md") else []):
        assert fixed.count(piece) >= text.count(piece), (piece, text, fixed)

"""The rules' scan shortcuts find exactly what a full scan with the same pattern finds.

Several rules try a pattern only where a match can start (a hyphen, a double space, a word
spelt like a phrase's first letters) instead of scanning every position; each shortcut is
checked here against ``pattern.finditer`` over the whole text.
"""

from __future__ import annotations

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint import patterns
from brieflint.document import Document
from brieflint.kinds import ocr_hyphenation, ocr_spacing, ocr_stray_markup
from brieflint.text import tokens

# Pieces that meet the patterns' edges: marks, apostrophes, look-alike capitals, line breaks.
PIECES = st.sampled_from(
    [
        *"ab AB  \t\n.,;:!?-'’_^|~¬\\{}()[]“”\"1",
        *["e\u0301", "İ", "ſ", "\u212a", "ß", "ǅ", "Ab", "ab.Cd", " ,x", "  ", "-\n", "- "],
        *["per cent", "Per\ncent", "o'clock", "clock", "CLOCK's", "s\u212ay", "ſky", "İt"],
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
PHRASES = ["per cent", "clock", "sky", "it", "ab", "a-b", "x1"]


def spans(matches: object) -> list[tuple[int, ...]]:
    return [(*m.span(), *(m.span(g) for g in range(1, m.re.groups + 1))) for m in matches]  # type: ignore[attr-defined]


def test_lead_key_covers_every_case_insensitive_match_of_ascii_letters() -> None:
    letters = regex.compile(r"(?i)[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if letters.fullmatch(char):
            key = patterns.lead_key(char)
            assert regex.fullmatch(r"[a-z]", key), hex(code)
            assert regex.fullmatch(f"(?i){key}", char), hex(code)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([0, regex.IGNORECASE]))
def test_find_words_matches_the_full_scan(text: str, flags: int) -> None:
    doc = Document.parse("d.txt", text)
    full = patterns.finditer(patterns.words_pattern(PHRASES), doc.prose, flags=flags)
    assert spans(patterns.find_words(PHRASES, doc, flags=flags)) == spans(full)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spacing_shortcuts_match_the_full_scans(text: str) -> None:
    sp = ocr_spacing
    marks = tokens.char_offsets(text, sp._MARKS)
    cases = [
        (sp._SPACE_BEFORE, sp._space_before_starts(text, marks)),
        (sp._SPACE_MOVED, sp._space_moved_starts(text, marks)),
        (sp._NO_SPACE_AFTER, sp._no_space_after_starts(text, marks)),
        (sp._SPACE_RUN, sp._double_spaces(text)),
    ]
    for pattern, starts in cases:
        assert spans(patterns.matches_at(pattern, text, starts)) == spans(pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_stray_symbol_and_hyphen_shortcuts_match_the_full_scans(text: str) -> None:
    sm = ocr_stray_markup
    for pattern, starts in ((sm._LONE_SYMBOL, sm._LONE_START), (sm._IN_WORD, sm._IN_WORD_START)):
        found = patterns.matches_at(pattern, text, tokens.char_offsets(text, starts))
        assert spans(found) == spans(pattern.finditer(text))
    hy = ocr_hyphenation
    assert spans(hy._breaks(text)) == spans(hy._BREAK.finditer(text))


@given(TEXTS)
def test_word_tokens_match_the_pattern(text: str) -> None:
    expected = [tokens.Span(m.start(), m.end(), m.group()) for m in tokens.WORD.finditer(text)]
    found = tokens.words(text)
    assert found == expected
    assert all(type(w) is tokens.Span for w in found)

"""Word lists are matched phrase group by phrase group (by first letters), with the matches of
the whole list's pattern."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint import patterns
from brieflint.document import Document

# Phrases that share first letters, so that the longer must win where both could match.
PHRASES = ["web", "web site", "web-site", "website", "we", "don't", "don", "it's", "ab cd"]
PIECES = st.sampled_from(
    [
        *["web", "Web", "WEB", "site", "-site", " site", "  site", "\nsite", "sites", "we"],
        *["don't", "Don’t", "don", "it's", "İt's", "ab", " cd", "cde", "ſite", "e\u0301", " ", "."],
    ]
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from([0, regex.IGNORECASE]))
def test_grouped_phrases_match_like_the_whole_list(text: str, flags: int) -> None:
    doc = Document.parse("d.txt", text)
    full = patterns.finditer(patterns.words_pattern(PHRASES), doc.prose, flags=flags)
    assert spans(patterns.find_words(PHRASES, doc, flags=flags)) == spans(full)


def test_the_longest_phrase_wins_and_matches_do_not_overlap() -> None:
    doc = Document.parse("d.txt", "See the Web  site, a website, the web-site and the web.\n")
    found = [m.group() for m in patterns.find_words(PHRASES, doc, flags=regex.IGNORECASE)]
    assert found == ["Web  site", "website", "web-site", "web"]


def test_a_draft_without_any_first_letters_compiles_nothing() -> None:
    doc = Document.parse("d.txt", "Nothing here starts like a phrase.\n")
    finder = patterns._word_finder(("alpha", "beta gamma"), 0)
    assert finder is not None
    assert list(finder.finditer(doc)) == []
    assert finder._patterns == {}


def test_these_phrases_take_the_shortcut() -> None:
    assert patterns._word_finder(tuple(PHRASES), regex.IGNORECASE) is not None

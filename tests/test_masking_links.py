"""URLs and e-mail addresses: the fast scan finds exactly what the one-pattern scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint import masking

CHARACTERS = ["a", "Z", "1", "_", ".", "+", "-", "@", " ", "\n", "/", ":", "ß", "é", ",", "<", '"']
PIECES = st.sampled_from(
    [*CHARACTERS, ")", "http://", "ftp://", "www.", "x.org", "\u0301", "https://", "ww", "p://"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.integers(min_value=0, max_value=60))
def test_link_spans_equal_the_single_pattern(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert masking.link_spans(text, pos) == [m.span() for m in masking.URL.finditer(text, pos)]


def test_addresses_and_urls_are_not_prose() -> None:
    text = "Write to a.b-c@example.org or see https://example.org/x, then www.example.org."
    spans = masking.link_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "a.b-c@example.org",
        "https://example.org/x",
        "www.example.org",
    ]
    assert masking.link_spans("no links here, just an @ sign and a dot.") == []

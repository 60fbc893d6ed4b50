from __future__ import annotations

import pytest

from tests.kinds._ocr import found

RULE = "prose.doubled-word"


def test_doubled_word_across_a_line_break() -> None:
    assert found("It created the the conditions and the\nthe talks.", RULE) == [
        "the the",
        "the\nthe",
    ]


@pytest.mark.parametrize(
    "text", ["Those who had had doubts said that that was fine.", "It is what it is, is it not?"]
)
def test_grammatical_repetition_is_silent(text: str) -> None:
    assert found(text, RULE) == []

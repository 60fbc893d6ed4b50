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


def test_one_letter_words_repeat_but_other_letters_are_labels() -> None:
    assert found("It is a a clear case, and I I agree.", RULE) == ["a a", "I I"]
    assert found("The rule (t t) pairs x with x, and 'fish t t) ends it.", RULE) == []
    # among words, a letter twice is damage all the same (OCR noise)
    assert found("He walked behind the r r defendant.", RULE) == ["r r"]


def test_letter_spaced_text_is_one_defect_of_another_rule() -> None:
    """'d i s c u s s' holds 's s': the defect is the letter spacing (ocr.split-word)."""
    assert found("We now d i s c u s s how it w i l l work.", RULE) == []


def test_a_repeat_after_a_compound_in_code_is_no_doubled_word() -> None:
    """Names in code ("(has-part part))") repeat the tail of a compound; in a sentence the
    slip is reported all the same."""
    assert found("(test (has-part part)) (cat x)\n", RULE) == []
    assert found("A long-term term plan and the the end.\n", RULE) == ["term term", "the the"]

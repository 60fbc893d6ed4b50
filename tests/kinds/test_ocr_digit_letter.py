"""ocr.digit-for-letter: a digit read for a look-alike letter inside a word."""

from __future__ import annotations

import pytest

from tests.conftest import lint_text
from tests.kinds._ocr import found

RULE = "ocr.digit-for-letter"


def test_digits_read_for_letters_are_found_with_the_word() -> None:
    text = "The Midd1e East and the B1ack Sea matter to Brusse1s. Whi1e 0ctober came, Kasym0v left."
    findings = lint_text(text, select=[RULE])
    assert [(f.context, f.suggestions[0]) for f in findings] == [
        ("Midd1e", "Middle"),
        ("B1ack", "Black"),
        ("Brusse1s", "Brussels"),
        ("Whi1e", "While"),
        ("0ctober", "October"),
        ("Kasym0v", "Kasymov"),
    ]


def test_a_name_the_document_uses_is_the_reading() -> None:
    text = "Tokayev spoke first. Then T0kayev spoke again."
    assert [f.suggestions[0] for f in lint_text(text, select=[RULE])] == ["Tokayev"]


@pytest.mark.parametrize(
    "text",
    [
        "The G20 and CO2 in the 1990s, 4th place, H2O, B2B, mp3, 3D, COVID-19, A4 paper.",
        "A 5G network, F1 racing, Q3 2025, v1.2, pp.15, No.18, ISO9001, Y2K and 10s each.",
        "Codes such as AB12CD and x86 and e10 fuel are not words.",
    ],
)
def test_codes_and_units_are_silent(text: str) -> None:
    assert found(text, RULE) == []


def test_a_three_read_for_a_letter_and_short_words() -> None:
    text = "He said th3 plan ha3 late for the c3ntre and h1s team.\n"
    assert found(text, RULE) == ["th3", "ha3", "c3ntre", "h1s"]
    # ordinals, units, file types and a footnote mark run into a word keep their digits
    assert found("On the 4th and 21st, at 5kg, in rates3 and mp3 files.\n", RULE) == []


def test_an_unknown_word_with_a_digit_written_twice_is_a_name() -> None:
    text = "Install the zlib1g package; zlib1g is small. Kasym0v and Midd1e and Midd1e met."
    assert found(text, RULE) == ["Kasym0v", "Midd1e", "Midd1e"]

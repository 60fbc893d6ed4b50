from __future__ import annotations

import pytest

from tests.kinds._ocr import fixed, found

RULE = "ocr.homoglyph"


def test_mixed_script_word_is_found_and_fixed() -> None:
    text = "The new \u0440olicy was adopted."  # Cyrillic er
    assert found(text, RULE) == ["\u0440olicy"]
    assert fixed(text, RULE) == "The new policy was adopted."


def test_whole_cyrillic_tokens_in_latin_sentence() -> None:
    text = "\u0422\u043e further this, they signed \u0430 treaty."
    assert found(text, RULE) == ["\u0422\u043e", "\u0430"]
    assert fixed(text, RULE) == "To further this, they signed a treaty."


@pytest.mark.parametrize(
    "text",
    [
        "The slogan «Россия и Украина» was chanted.",  # a genuine Cyrillic phrase
        "The coefficient α was estimated at 0.4 and β at 1.2.",  # Greek symbols
        "Мы уже в пути, said the minister.",
        "Plain English with Türkiye, Aydın and Erdoğan.",
        "Particles of 5 μm and 10 μg were found; the Ωmega fund.",  # units, a styled name
    ],
)
def test_genuine_foreign_text_is_not_flagged(text: str) -> None:
    assert found(text, RULE) == []

from __future__ import annotations

import pytest

from tests.conftest import LintFn
from tests.kinds._ocr import found

RULE = "ocr.run-together"


def test_lost_spaces_are_found_with_a_suggestion(lint: LintFn) -> None:
    text = "The talks arethe first step, and wordsin the text matter.\n1For this reason, we act."
    assert found(text, RULE) == ["arethe", "wordsin", "1For"]
    findings = lint(text, select=[RULE])
    assert findings[0].suggestions == ("are the",)
    assert all(f.fix is None for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "The actorness of the state and its intersocietal ties.",  # coined terms
        "Its maneuverability and coexistence were noted.",
        "Policymakers preparina a deal.",  # a misread word, not a lost space
        "Visit https://example.org/wordsin or write to arethe@example.org.",
        "The Abdykalykov government and Kasymov both spoke in 2020.",
        "Postsoviet states and counterterrorism policy.",
    ],
)
def test_words_names_and_urls_are_not_flagged(text: str) -> None:
    assert found(text, RULE) == []

"""spelling-variety: words of the other variety of English than the style's language."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import lint_text

RULE = "spelling.variety"


def _found(text: str, config: Path | None = None) -> list[str]:
    return [f.context for f in lint_text(text, select=[RULE], config_path=config)]


def test_american_spellings_in_a_british_draft() -> None:
    assert _found("The colors of the harbor.\n") == ["colors", "harbor"]


def test_british_spellings_in_a_british_draft_are_silent() -> None:
    assert _found("The colours of the harbour; words that are the same.\n") == []


def test_the_language_decides_which_variety(tmp_path: Path) -> None:
    config = tmp_path / "brieflint.yaml"
    config.write_text("language: en-US\n", encoding="utf-8")
    assert _found("The colours of the harbor.\n", config) == ["colours"]


def test_words_that_are_other_words_in_british_english_are_not_american() -> None:
    # British English writes "draft" and "draught", "practice" and "practise", "ton" and "tonne"
    text = "The first draft sets out the practice of the ministry per ton and its colors.\n"
    assert _found(text) == ["colors"]

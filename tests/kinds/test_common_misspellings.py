"""prose.common-typo's shipped list of common misspellings (read as data)."""

from __future__ import annotations

from brieflint.spelling import misspellings
from tests.kinds._ocr import fixed, found

RULE = "prose.common-typo"


def test_misspellings_that_word_lists_hold_are_found_and_fixed() -> None:
    text = "Teh committee met becuase thier plans, truely, were wierd.\n"
    assert found(text, RULE) == ["Teh", "becuase", "thier", "truely", "wierd"]
    assert fixed(text, RULE) == "The committee met because their plans, truly, were weird.\n"


def test_an_entry_with_several_corrections_is_suggested_not_fixed() -> None:
    from tests.conftest import lint_text

    (finding,) = lint_text("We spent alot on it.\n", select=[RULE])
    assert finding.suggestions[:2] == ("a lot", "allot") and finding.fix is None


def test_names_and_correct_words_are_silent() -> None:
    text = "Chanel opened a shop in Worthing. The committee believed their report truly.\n"
    assert found(text, RULE) == []


def test_the_list_parses_comments_and_several_corrections() -> None:
    parsed = misspellings.parse("# note\nteh->the\nalot->a lot, allot,\nbroken line\n")
    assert parsed == {"teh": ("the",), "alot": ("a lot", "allot")}


def test_the_shipped_list_holds_no_british_spelling() -> None:
    table = misspellings.parse(misspellings.DATA.read_text(encoding="utf-8"))
    assert len(table) > 1000
    assert not {"colour", "organise", "centre", "programme", "judgement"} & set(table)

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
    # putting the space back is an unsafe fix; a number run into a word gets none
    tiers = [f.fix.applicability.value if f.fix else None for f in findings]
    assert tiers == ["unsafe", "unsafe", None]


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


def test_an_ocr_misreading_of_a_letter_pair_is_not_a_lost_space() -> None:
    from tests.conftest import lint_text

    # "rn" read as "m": a misreading for the spelling rules, not "nor them"
    assert lint_text("The northem shelf is retreating.\n", select=["ocr.run-together"]) == []
    found = lint_text("The northem shelf is retreating.\n", select=["spelling.unknown-word"])
    assert [f.suggestions[0] for f in found] == ["northern"]


def test_capitalised_joins_and_words_glued_to_numbers() -> None:
    from tests.conftest import lint_text

    text = (
        "Wealso note that TheDialogue system of Proceedingsof the meeting scored between "
        "0and 1, with a value of0.978.\n"
    )
    hits = lint_text(text, select=[RULE])
    assert [text[f.start : f.end] for f in hits] == [
        "Wealso",
        "TheDialogue",
        "Proceedingsof",
        "0and",
        "of0.978",
    ]
    assert [f.suggestions[0] for f in hits] == [
        "We also",
        "The Dialogue",
        "Proceedings of",
        "0 and",
        "of 0.978",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Inman, Atwood, Ingram, McNew and Daybell spoke; eGovernment and iPhone use grew.",
        "The 10th day, an mp3 file, 5km away, the Covid19 rules, Python3 and the 1990s.",
    ],
)
def test_names_units_and_product_names_are_not_run_together(text: str) -> None:
    assert found(text, RULE) == []


def test_a_function_word_glued_to_a_capitalised_word() -> None:
    text = "InProceedings of the meeting. Sincethis approach works, said Daybell and McNew.\n"
    assert found(text, RULE) == ["InProceedings", "Sincethis"]
    # a known word and an ending is a word the list lacks, not "into national"
    assert found("A larger intonational phrase.\n", RULE) == []


def test_closed_compounds_of_two_content_words_are_words() -> None:
    # English glues content words into compounds that word lists often lack
    assert found("The platelayer left the beerhouse with a headword list.\n", RULE) == []


def test_a_capitalised_token_beside_a_name_is_a_name() -> None:
    """'Atherfold' splits into 'at her fold', 'Usworth' into 'us worth': beside a title or another
    capitalised word they are names. At a sentence start the same kind of token is two words."""
    text = "Then Mr. Atherfold, landlord of the inn, met the manager of the Usworth Colliery.\n"
    assert found(text, RULE) == []
    assert found("The results were clear. Wealso found more.\n", RULE) == ["Wealso"]


def test_a_particle_and_a_word_make_a_compound() -> None:
    """English compounds begin with particles ("overpraised", "outshouted"); a particle glued
    to a function word is a lost space all the same."""
    assert found("The board overpraised them and outshouted the rest.\n", RULE) == []
    assert found("The board came upthe stairs.\n", RULE) == ["upthe"]

from __future__ import annotations

import pytest

from tests.kinds._ocr import fixed, found

RULE = "ocr.split-word"


def test_split_words_are_joined() -> None:
    text = "The transfor mation was real. Abst rac t thinking helps."
    assert found(text, RULE) == ["transfor mation", "Abst rac t"]
    assert fixed(text, RULE) == "The transformation was real. Abstract thinking helps."


def test_joined_form_used_elsewhere_in_the_document_counts() -> None:
    text = "The Karabakhi delegation spoke. Later the Kara bakhi group left."
    assert found(text, RULE) == ["Kara bakhi"]


@pytest.mark.parametrize(
    "text",
    [
        "The aircraft flew in formation.",
        "It is a part of the plan, not apart from it.",
        "The rate rose by ten per cent.",
        "He said it s fine and they don t mind.",  # lost apostrophes, not split words
        "The New York office and the et al. citation.",
        "The post war order and the pre war order.",
        "Send the e-mail. We use a e-book, an e-\nreader and the x-ray.",  # hyphenated words
        "Options a, b and c. The x axis and the y axis.",  # lone letters beside function words
    ],
)
def test_real_phrases_are_not_flagged(text: str) -> None:
    assert found(text, RULE) == []


def test_a_split_next_to_a_hyphenated_word_or_a_lone_letter_is_still_found() -> None:
    text = "The e-mail told of the transfor mation. Options a, b and the reg ion."
    assert found(text, RULE) == ["transfor mation", "reg ion"]


def test_two_real_words_far_likelier_joined_are_a_split_word() -> None:
    from tests.conftest import lint_text

    hits = lint_text("The govern ment and its develop ment plan.\n", select=["ocr.split-word"])
    assert [(f.context, f.suggestions[0]) for f in hits] == [
        ("govern ment", "government"),
        ("develop ment", "development"),
    ]
    phrases = "Planes flew in formation. It may be so. We meet every day; any one of them.\n"
    assert lint_text(phrases, select=["ocr.split-word"]) == []


def test_letter_spaced_words_are_one_finding_each_run() -> None:
    from tests.conftest import lint_text

    text = "We d i s c u s s the plan and t o o t h e r s agree.\n"
    hits = lint_text(text, select=["ocr.split-word"])
    assert [text[f.start : f.end] for f in hits] == ["d i s c u s s", "t o o t h e r s"]
    assert [f.suggestions[0] for f in hits] == ["discuss", "to others"]
    assert hits[0].fix is not None and hits[1].fix is None  # two words: no automatic fix


def test_pieces_that_are_a_word_and_an_ending() -> None:
    assert found("The result ing change was exact ly as planned.", "ocr.split-word") == [
        "result ing",
        "exact ly",
    ]
    assert found("They ge t the highes t marks. F inal ly, W e agree.", "ocr.split-word") == [
        "ge t",
        "highes t",
        "F inal ly",
        "W e",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Points a b c and x y z; the variables p q r; a list of t t pairs.",
        "We could not care less about the home less visible issues.",
        "I don t know; it s here; Plan B and C; A part of it; vitamin C is.",
    ],
)
def test_symbols_phrases_and_contractions_are_not_split_words(text: str) -> None:
    assert found(text, "ocr.split-word") == []


def test_a_function_word_cut_beside_a_letter_that_is_no_word() -> None:
    assert found("T o the board came wit h the talks.\n", RULE) == ["T o", "wit h"]
    # a label beside a function word, and a one-letter word, are left alone
    assert found("Plan B and the rest; options a, b and more.\n", RULE) == []

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

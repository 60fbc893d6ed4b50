from __future__ import annotations

import pytest

from tests.conftest import LintFn
from tests.kinds._ocr import found

RULE = "ocr.lowercase-sentence-start"


def test_lower_case_after_full_stop(lint: LintFn) -> None:
    text = "The process continued. following the trip, talks resumed. the end came."
    # the finding covers the defect: the full stop and the lower-case word, with the word before
    assert found(text, RULE) == ["continued. following", "resumed. the"]
    assert all(f.fix is None for f in lint(text, select=[RULE]))
    first = lint(text, select=[RULE])[0]
    # a speck read as a full stop, a comma, a lost capital
    assert first.suggestions == (
        "continued following",
        "continued, following",
        "continued. Following",
    )


@pytest.mark.parametrize(
    "text",
    [
        "It costs approx. ten euros, e.g. for food, at 9 a.m. daily.",
        "The bill was signed by J. smith and the U.S. team.",
        "Wait... and then it ended. eBay and iPhone sales rose.",
        "Is it true? maybe. Yes!",
        "A paragraph ends here.\n\nlower case start of the next one.",
    ],
)
def test_abbreviations_and_brands_are_silent(text: str) -> None:
    assert found(text, RULE) == []


def test_a_number_and_its_unit_do_not_end_a_sentence() -> None:
    from tests.conftest import lint_text

    text = (
        "He paid 5s. a week for a 4lb. loaf, and 2,000l. in all. It ended in the 1990s. the end.\n"
    )
    hits = lint_text(text, select=["ocr.lowercase-sentence-start"])
    assert [text[f.start : f.end] for f in hits] == ["1990s. the"]


@pytest.mark.parametrize(
    "text",
    [
        # truncations of commoner words, which no list of abbreviations holds in full
        "He was seen on the 13th inst. the prisoner said so, and Lieut. colonel Hughes agreed.",
        "It appeared in Proc. of the annual meeting, Univ. of Leeds.",
        # no vowel: a contraction or a unit
        "She bought 2 lb. of tea and had not received the ls. she was owed.",
        # the full stop ends a quotation or an aside, and the sentence goes on
        'The jury returned a verdict of "Found drowned." returned the foreman (Mon.) on Tuesday.',
    ],
)
def test_words_with_the_shape_of_an_abbreviation_are_silent(text: str) -> None:
    assert found(text, RULE) == []


def test_the_document_shows_which_words_it_abbreviates() -> None:
    once = "Acme Corp. a petition was filed."
    assert found(once, RULE) == ["Corp. a"]
    twice = "Acme Corp. a petition was filed. Then Zenith Corp. an appeal was heard."
    assert found(twice, RULE) == []
    # the commonest words are never abbreviations, however often damage puts a stop after them
    damaged = "He ran and. then fell and. then rose."
    assert found(damaged, RULE) == ["and. then", "and. then"]


def test_a_word_cut_in_two_by_a_full_stop_is_reported() -> None:
    """A line-end hyphen read as a full stop: the first piece looks like a truncation, but the
    two pieces make a word."""
    text = "She was deter. mined to go, and he was sen. tenced to a year."
    assert found(text, RULE) == ["deter. mined", "sen. tenced"]
    # the word the two pieces make comes first
    from tests.conftest import lint_text

    assert [f.suggestions[0] for f in lint_text(text, select=[RULE])] == ["determined", "sentenced"]


def test_a_one_letter_word_after_an_abbreviation_joins_no_word() -> None:
    """'inst. a' would join into a word of some list, but a one-letter second piece joins too
    many to say a word was cut."""
    assert found("It came on the 9th inst. a day late.", RULE) == []


def test_the_labels_of_a_lettered_or_roman_list_are_not_sentence_ends() -> None:
    text = (
        "The licence covers:\n"
        "  i. the right to copy the work;\n"
        " ii. moral rights held by the author;\n"
        "iii. publicity rights of a person.\n"
        " a. No right is waived by this document.\n"
        " b. the owner offers the work as it is.\n"
    )
    assert found(text, RULE) == []
    # in running text a Roman numeral ends a sentence like any word ("Henry vi. the king")
    assert found("The play was Henry vi. the king was absent.", RULE) == ["vi. the"]

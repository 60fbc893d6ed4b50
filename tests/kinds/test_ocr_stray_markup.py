from __future__ import annotations

import pytest

from tests.kinds._ocr import fixed, found

RULE = "ocr.stray-markup"


def test_markup_around_a_name_is_unwrapped() -> None:
    text = "Written by Ayla _{Demir} in 2025."
    assert found(text, RULE) == ["_{Demir}"]
    assert fixed(text, RULE) == "Written by Ayla Demir in 2025."


def test_symbols_lost_characters_and_brackets() -> None:
    text = "The user?s guide ¬ was \\textit{late} (very late. And ] here."
    assert found(text, RULE) == ["?", "¬", "\\textit{late}", "(", "]"]


def test_page_broken_paragraph_keeps_quote_balance() -> None:
    text = 'The motto was stated in\n\n"one nation, two states," by both.\n'
    assert found(text, RULE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Growth of ~5% and 10^6 people (a) first, b) second.",
        'He said “yes” and (twice) [sic]. A 5" screen.',
        "Is it true? Yes. Policy Brief | No. 7",
        "“A quotation that runs on over paragraphs",
    ],
)
def test_clean_text_is_silent(text: str) -> None:
    assert found(text, RULE) == []


def test_symbols_glued_to_a_word_edge() -> None:
    text = "It has ^been a question |rather than fact. We }depend on •exceptional staff in ~Iraq."
    assert found(text, RULE) == ["^", "|", "}", "•", "~"]


def test_braced_fields_bullets_and_table_bars_are_not_glued_symbols() -> None:
    text = "Send the {country} report.\n\n• A bulleted point.\n\nPolicy Brief |Issue 7\n"
    assert found(text, RULE) == []


def test_notation_written_more_than_once_is_not_debris() -> None:
    formula = "Each term T^m, where T^m > 1, bounds the set {a, b} from above."
    assert found(formula, RULE) == []
    damaged = "It has be^en a question, and T^m once."
    assert found(damaged, RULE) == ["^", "^"]


def test_a_quotation_over_several_paragraphs_is_balanced() -> None:
    text = (
        'He gave this account: -"I was on my way to the city, and turned back.\n\n'
        '"Then I saw the old man, and ran.\n\n'
        "The clerk wrote it down.\n\n"
        'I would know him again if I saw him."\n'
    )
    assert found(text, RULE) == []
    unclosed = 'He said, "I was on my way.\n\nThe clerk wrote it down.\n'
    assert found(unclosed, RULE) == ['"']


def test_an_escaped_bracket_is_not_one_of_a_pair() -> None:
    assert found("The pattern \\[a-z\\]+ matches, and so does \\( alone.", RULE) == []


def test_a_bracket_left_open_by_a_cut_paragraph_is_not_reported() -> None:
    """A block that stops mid-sentence was cut (by extraction or a page break): the bracket it
    leaves open closes in the part that is elsewhere."""
    assert found("The results improve on a baseline (see\n", RULE) == []
    assert found("The results improve on a baseline (e.g.\n", RULE) == []
    # a finished paragraph with a bracket left open is reported
    assert found("The results improve on a baseline (see the table.\n", RULE) == ["("]
    # a bracket between letters is a misread letter wherever it stands
    assert found("The STRA(TEGY OF\n", RULE) == ["("]


def test_brackets_among_operators_are_notation() -> None:
    assert found("The rule is (== (?x ?y) ?z)))\n", RULE) == []
    assert found("The rule is (part whole) values)).\n", RULE) == [")", ")"]


def test_one_quote_closing_a_paragraph_ends_a_quotation_begun_above() -> None:
    text = 'He then read the letter aloud.\n\nWe shall not return to the town this year."\n'
    assert found(text, RULE) == []
    # in the middle of a paragraph, or with a quote left open, it is reported
    assert found('We shall not return" to the town this year.\n', RULE) == ['"']


def test_a_quoted_number_is_no_inch_mark() -> None:
    assert found('A note said that "7" would call on them.\n', RULE) == []
    assert found('A note said that 7" would call on them.\n', RULE) == []


def test_a_lone_symbol_among_operators_is_notation() -> None:
    assert found("A rule: S ~ adj T <T num> = <S num>.\n", RULE) == []
    assert found("The talks ~ resumed on Monday.\n", RULE) == ["~"]


def test_a_hyphen_glued_to_the_start_of_a_word_in_a_sentence() -> None:
    assert found("They said they -agreed at once.\n", RULE) == ["-agreed"]
    # a suffix cited, a dash spaced on both sides, a list item and a negative number are left
    text = "The ending -ness is common - here.\n\n-item one, at -5 degrees.\n"
    assert found(text, RULE) == []
    # endings or options cited in a list are not specks
    assert found("Use the right form of -in and -un, and the lists -users and -news.\n", RULE) == []


def test_a_rule_drawn_with_underscores_or_tildes_is_a_separator() -> None:
    text = (
        "The parties signed the text in May.\n\n     ______________________________\n\n"
        "Name of the signatory: ________ and a stray _ here, a stray ~ there.\n"
    )
    assert found(text, RULE) == ["_", "~"]


def test_a_letter_alone_between_words_is_a_stray_letter() -> None:
    assert found("The council e approved the plan on Monday.\n", RULE) == ["e"]
    # "a" is a word; a piece of a split word is ocr.split-word's; a variable is notation
    assert found("The council had a plan, abou t half of it.\n", RULE) == []
    text = "Let m = 3 be the size, where m is small and the set m holds all.\n"
    assert found(text, RULE) == []


def test_a_letter_of_another_script_alone_is_a_homoglyph_not_a_stray_letter() -> None:
    assert found("The council \u0430 approved the plan.\n", RULE) == []


def test_marks_of_code_glued_where_no_text_puts_them() -> None:
    text = "The *annual report of it went on.\n\nHe put it into a* box, and fo+r the rest i&n it.\n"
    assert found(text, RULE) == ["*", "*", "+", "&"]
    # emphasis, a footnote mark after a word, names and code, bullets and quoted mail stay
    clean = "A *very* late start, growth* slowed, AT&T and R&D, C++ code, k* = 1.\n\n* a bullet\n"
    assert found(clean, RULE) == []

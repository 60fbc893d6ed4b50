from __future__ import annotations

import pytest

from tests.kinds._ocr import fixed, found

RULE = "ocr.spacing"


def test_two_spaces_after_a_closing_bracket_without_a_stop_are_a_run() -> None:
    assert found("The talks (in May)  ended.", RULE) == ["  "]


def test_spacing_errors_are_fixed() -> None:
    text = "The talks ended , and the parties left.The next  round is due ."
    assert len(found(text, RULE)) == 4
    assert fixed(text, RULE) == "The talks ended, and the parties left. The next round is due."


@pytest.mark.parametrize(
    "text",
    [
        "Two spaces after a stop.  Are allowed. An ellipsis . . . too.",
        'After a quotation or brackets too: "it ended."  Then (the talks resumed.)  Later.',
        "The licence ends:\n   (a)  on notice, or\n   2)    at the end of the term.",
        "Country    2019    2020\nTurkey     12      14\n",
        "Visit www.Example.Org or e.g.The file, 3.5 and U.S. policy.",
        "| a | b |\n|---|---|\n| x  | y |\n",
    ],
)
def test_clean_text_is_silent(text: str) -> None:
    path = "draft.md" if text.startswith("|") else "draft.txt"
    assert found(text, RULE, path=path) == []


def test_space_on_the_wrong_side_of_a_comma() -> None:
    from tests.conftest import lint_text

    text = "Monitoring ,but it lapsed; funding ;ended.\n"
    hits = lint_text(text, select=["ocr.spacing"])
    assert [f.context for f in hits] == [" ,", " ;"]
    assert lint_text("Monitoring, but it lapsed; funding ended.\n", select=["ocr.spacing"]) == []


def test_two_column_tables_are_not_runs_of_spaces() -> None:
    from tests.conftest import lint_text

    table = "Imports by supplier:\nRussia      410\nIndia       210\nFrance       95\n"
    assert lint_text(table, select=["ocr.spacing"]) == []
    assert [f.rule for f in lint_text("One  line with a gap.\n", select=["ocr.spacing"])] == [
        "ocr.spacing"
    ]


def test_words_glued_at_a_mark() -> None:
    from tests.conftest import lint_text

    text = (
        "We looked in,with care at close friends(Linguistic work) in section 4.Means and Fig.2.\n"
    )
    hits = lint_text(text, select=[RULE])
    assert [text[f.start : f.end] for f in hits] == [
        "in,with",
        "friends(Linguistic",
        "4.Means",
        "Fig.2",
    ]
    assert [f.suggestions[0] for f in hits] == [
        "in, with",
        "friends (Linguistic",
        "4. Means",
        "Fig. 2",
    ]
    assert all(f.fix is None for f in hits)  # could be data: shown, never fixed


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,000 people; the points a,b and c; version 2.1 of data.csv.",
        "The file report.pdf and the value f(x) or friend(s), i.e. the rest.",
    ],
)
def test_numbers_symbols_and_file_names_are_not_glued_words(text: str) -> None:
    assert found(text, RULE) == []


def test_references_and_colons_glued() -> None:
    text = "As Neumann,2003 and Smith,J. say: Therefore,a plan; note:this matters.\n"
    assert found(text, RULE) == ["Neumann,2003", "Smith,J", "Therefore,a", "note:this"]
    # a ratio, a time, a web address and symbols a:b are no glued words
    assert found("A ratio 3:2 at 10:30, see http://example.org and a:b.\n", RULE) == []


def test_a_lost_symbol_between_words_is_not_a_question_mark() -> None:
    assert found("The product distributes over ? from both sides.\n", RULE) == []
    assert found("Why ? Because it is.\n", RULE) == [" ?"]
    # a symbol between symbols, or before another mark, is lost too: "K ⊗ K", "for ε ."
    assert (
        found("It is a monoid K ? K over TI-UC ? TI-FN, tuned for ? . Then it ends.\n", RULE) == []
    )
    assert found("Is it ? A question ? I think so.\n", RULE) == [" ?", " ?"]


def test_page_ranges_function_notation_and_lost_symbols_in_brackets() -> None:
    # a page range glued to its abbreviation is a reference style; a figure number is not
    assert found("See pp.12-19 and Fig.4 here.\n", RULE) == ["Fig.4"]
    # one word in brackets that close at once is a function's notation
    text = "The relation Owns(house) holds, but friends(Linguistic work) differ.\n"
    assert found(text, RULE) == ["friends(Linguistic"]
    # a question mark closed in brackets at once stands for a lost symbol
    assert found("A symbol (shown as ?) here. Why ? Because.\n", RULE) == [" ?"]


def test_a_space_inside_straight_quotes() -> None:
    from tests.conftest import lint_text

    text = 'She said " Later," and left. A "motion " was added.\n'
    assert found(text, RULE) == ['" ', ' "']
    hits = lint_text(text, select=[RULE])
    assert all(h.fix is not None for h in hits)
    # quotes that do not pair up in their paragraph, and inch marks, are left alone
    assert found('She said " Later, and left.\n', RULE) == []
    assert found('A 5" screen and a "motion" were added.\n', RULE) == []


def test_a_space_inside_curly_quotes() -> None:
    assert found("She said “ Later,” and left with a “motion ”.\n", RULE) == ["“ ", " ”"]
    assert found("She said “Later,” and left.\n", RULE) == []


def test_labelled_fields_with_their_colons_aligned_are_layout() -> None:
    fields = (
        "Lists\n\n"
        "  Name        : the announcements list\n"
        "  Moderated   : yes\n"
        "  Subscribe   : open to everyone by mail\n"
    )
    assert found(fields, RULE) == []
    # colons after a space at the end of labels of any length are slips, however many
    said = "The Judge : what then?\nThe witness : nothing.\nMr Hall : he left.\n"
    assert found(said, RULE) == [" :", " :", " :"]
    # a space before a colon in running text is still a slip
    assert found("The talks had one aim : peace. They failed.", RULE) == [" :"]

from __future__ import annotations

from tests.kinds._ocr import fixed, found

RULE = "ocr.broken-paragraph"

LONG = (
    "Until the war the first priority of the state was to end the occupation, and its main fear "
    "came from that. The occupation of the region and the surrounding"
)


def test_page_break_inside_a_paragraph() -> None:
    text = f"{LONG}\n\ndistricts led to insecurity.\n"
    assert found(text, RULE) == ["surrounding\n\ndistricts"]
    assert fixed(text, RULE) == f"{LONG} districts led to insecurity.\n"


def test_continued_quotation() -> None:
    text = 'It was summed up in the motto\n\n"one nation, two states," used by both.\n'
    joined = 'It was summed up in the motto "one nation, two states," used by both.\n'
    assert fixed(text, RULE) == joined


def test_break_across_a_page_number_removes_it() -> None:
    text = f"{LONG}\n\n12\n\ndistricts led to insecurity.\n"
    assert fixed(text, RULE) == f"{LONG} districts led to insecurity.\n"


def test_complete_paragraphs_and_lists_are_not_joined() -> None:
    text = (
        "The first paragraph ends properly.\n\nthe lower-case start is a style choice.\n\n"
        "Key steps for the region\n\nStrengthen cooperation now.\n"
    )
    assert found(text, RULE) == []
    md = "- strengthen regional cooperation now\n\n- improve the dialogue\n"
    assert found(md, RULE, path="draft.md") == []


def test_a_markdown_heading_or_list_item_cut_by_a_page_break() -> None:
    from tests.conftest import lint_text

    heading = "# Brief\n\n## Risks and\n\nremedies\n\nThe body follows here.\n"
    hits = lint_text(heading, select=[RULE], path="draft.md")
    assert [heading[f.start : f.end] for f in hits] == ["and\n\nremedies"]
    item = "# Brief\n\n- The first risk is the loss of\n\nconfidence in the institutions.\n"
    hits += lint_text(item, select=[RULE], path="draft.md")
    assert [f.fix for f in hits] == [None, None]  # a space cannot rejoin a heading or an item


def test_whole_headings_and_lists_are_not_cut() -> None:
    clean = (
        "# Brief\n\n## Risks\n\nremedies are listed below, in order.\n\n"
        "- the first item\n- the second item and\n- the third\n\nwhich we then discuss.\n"
    )
    assert found(clean, RULE, path="draft.md") == []


def test_the_next_item_of_a_lettered_or_roman_list_is_not_a_continuation() -> None:
    items = (
        "The parties agree that each of them may end the agreement in any of the following ways, "
        "whichever comes first: a) by written notice to the others, or\n\n"
    )
    for label in ("b) ", "(b) ", "ii. ", "(iv) "):
        text = f"{items}{label}by the end of the third year of the term.\n"
        assert found(text, RULE) == [], label
    # an item cut by a page break is still one
    text = f"{items}b) by the end of the third\n\nyear of the term, whichever is later.\n"
    assert found(text, RULE) == ["third\n\nyear"]

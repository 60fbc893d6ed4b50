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

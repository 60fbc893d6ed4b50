"""The layout's decisions on pages given as words and boxes: where a paragraph ends, and what a
hyphen at a line's end becomes. (tests/formats/test_pdf_layout.py reads real PDFs; these pin
the rules one by one, on pages set by hand, as a PDF producer would set them.)"""

from __future__ import annotations

from functools import cache

from brieflint.readers import pdf_layout
from brieflint.readers.pdf_lines import Box, PageWords
from brieflint.text.lexicon import Lexicon
from brieflint.vocabulary import Vocabulary

SIZE, CHAR, PITCH = 10.0, 5.0, 12.0  # a monospaced face: every character 5 pt wide
LEFT, WIDTH = 72.0, 300.0  # the text block: 60 characters


@cache
def _known() -> Lexicon:
    return Lexicon.load("en", Vocabulary())


def page(lines: list[str], number: int = 1, *, gaps: frozenset[int] = frozenset()) -> PageWords:
    """A page of ``lines`` set from the top of the block, one every PITCH points (and one more
    PITCH before each line in ``gaps``); leading spaces indent a line."""
    words: list[str] = []
    boxes: list[Box] = []
    breaks: list[bool] = []
    top = 700.0
    for n, line in enumerate(lines):
        if n in gaps:
            top -= PITCH
        x = LEFT + CHAR * (len(line) - len(line.lstrip(" ")))
        for k, word in enumerate(line.split()):
            boxes.append((x, top - SIZE, x + CHAR * len(word), top))
            words.append(word)
            breaks.append(k == 0)
            x += CHAR * (len(word) + 1)
        top -= PITCH
    count = len(words)
    return PageWords(
        number, 595.0, 842.0, "\n".join(lines), words, boxes, breaks, [SIZE] * count, [400] * count
    )


def text(*pages: PageWords) -> str:
    return pdf_layout.assemble(list(pages), _known().known).text


# A paragraph of full lines, as a typesetter fills them (60 characters a line at most).
FULL = [
    "The river authorities publish the depth of every channel in",
    "the basin each morning, and operators plan their loads from",
    "those figures alone.",
]


def test_full_lines_are_one_paragraph_and_a_gap_starts_the_next() -> None:
    got = text(page([*FULL, "A second paragraph starts after a gap."], gaps=frozenset({3})))
    assert got == " ".join(FULL) + "\n\nA second paragraph starts after a gap.\n"


def test_a_line_that_ends_short_before_a_word_that_would_fit_ends_the_paragraph() -> None:
    # no gap and no indent: only the short last line says the paragraph ended
    got = text(page([*FULL, "Another paragraph follows at once."]))
    assert got == " ".join(FULL) + "\n\nAnother paragraph follows at once.\n"


def test_an_indented_first_line_starts_a_paragraph() -> None:
    lines = ["   The first paragraph is indented by three characters and it", *FULL[1:]]
    lines += [
        "   The second one is indented too, without any gap above it,",
        "so the indent says it.",
    ]
    got = text(page(lines))
    first = " ".join(line.strip() for line in lines[:3])
    second = "The second one is indented too, without any gap above it, so the indent says it."
    assert got == f"{first}\n\n{second}\n"


def test_list_items_with_hanging_indents_are_one_paragraph_each() -> None:
    lines = [
        "- the register of depths, kept by the river authorities and",
        "  open to every operator on the same terms",
        "- a fund for dredging that pays out according to the tonnage",
        "  moved rather than to political weight",
    ]
    got = text(page(lines))
    assert got == (
        "- the register of depths, kept by the river authorities and open to every operator on"
        " the same terms\n\n- a fund for dredging that pays out according to the tonnage moved"
        " rather than to political weight\n"
    )


def test_a_paragraph_continues_on_the_next_page() -> None:
    first = page(["Operators told us that uncertainty about water levels is the"])
    second = page(["biggest problem they face, ahead of fees."], number=2)
    assert text(first, second) == (
        "Operators told us that uncertainty about water levels is the biggest problem they face,"
        " ahead of fees.\n"
    )


def test_a_short_last_line_on_a_page_ends_its_paragraph() -> None:
    first = page([FULL[0], "the basin, where the paragraph ends."])
    second = page(["Next page, next paragraph."], number=2)
    assert text(first, second) == (
        f"{FULL[0]} the basin, where the paragraph ends.\n\nNext page, next paragraph.\n"
    )


def _hyphenated(head: str, tail: str, elsewhere: str = "") -> str:
    """The text of a paragraph whose first line ends in ``head`` and a hyphen, and whose second
    starts with ``tail``."""
    start = "Operators said that the most pressing matter of all was the "
    first = start[: 59 - len(head)].rstrip() + " " + head + "-"
    lines = [first.strip(), tail + " of the channels, every day of the year."]
    if elsewhere:
        lines.append(elsewhere)
    return text(page(lines, gaps=frozenset({2})))


def test_a_word_hyphenated_at_a_line_end_is_joined() -> None:
    assert "the mainte nance" not in _hyphenated("mainte", "nance")
    assert " maintenance of the channels" in _hyphenated("mainte", "nance")


def test_a_compound_broken_at_its_hyphen_keeps_it() -> None:
    assert " state-owned of the channels" in _hyphenated("state", "owned")


def test_the_document_decides_when_it_writes_the_word_elsewhere() -> None:
    # "wellbeing" is a word, but this document writes "well-being" itself
    got = _hyphenated("well", "being", "Their well-being matters.")
    assert " well-being of the channels" in got
    assert " wellbeing of" in _hyphenated("well", "being", "Their wellbeing matters.")


def test_a_hyphen_before_a_capital_or_a_conjunction_is_left_as_set() -> None:
    assert " anti-Russian of the" in _hyphenated("anti", "Russian")
    got = _hyphenated("pre", "and")
    assert " pre- and of the" in got

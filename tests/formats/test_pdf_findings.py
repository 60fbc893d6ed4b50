"""The extraction rules on real PDFs: silent on a clean brief, and on one with artefacts in its
text layer, each artefact found on the page and line where it was drawn."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from brieflint import config as config_mod
from brieflint import engine, readers, ruleset
from tests.formats import pdfbrief
from tests.formats.pdfbrief import KERN, Built, Layout

LAYOUT_RULES = ("ocr.page-furniture", "ocr.broken-paragraph", "ocr.hyphenation")


@dataclass(frozen=True)
class Found:
    rule: str
    page: int
    line: int
    text: str


def found(built: Built) -> list[Found]:
    """The findings of every rule on the PDF, read by its reader, with their locations."""
    doc = readers.read("brief.pdf", built.data)
    setup = ruleset.build(config_mod.default(), ruleset.BuildOptions())
    out = []
    for f in engine.lint_document(doc, setup.rules_for("brief.pdf"), setup):
        assert f.location is not None and f.location.page is not None
        assert f.location.line is not None
        out.append(Found(f.rule, f.location.page, f.location.line, doc.text[f.start : f.end]))
    return out


def test_a_clean_brief_pdf_gives_no_finding() -> None:
    built = pdfbrief.build(Layout(lines_per_page=18))
    assert found(built) == []


def test_a_clean_brief_in_two_columns_gives_no_finding() -> None:
    built = pdfbrief.build(Layout(columns=2, table=[], lines_per_page=20))
    assert found(built) == []


# the artefacts, each in a paragraph of its own so that none moves another
BROKEN_AT = "where barg·es now wait"


def _damaged() -> list[str]:
    body = list(pdfbrief.BRIEF)
    # a page label from an earlier extraction, left in the text between two paragraphs
    body.insert(3, "Page 2 of 4")
    # a paragraph cut in two, as when a page break in a source became a paragraph break
    third = body.index(next(p for p in body if BROKEN_AT in p))
    head, tail = body[third].split(BROKEN_AT)
    body[third : third + 1] = [head + BROKEN_AT, tail.strip()]
    # a hyphen whose line break was lost, and a word split by bad kerning, both mid-line
    body[1] = body[1].replace("dredged chan·nels", "dred- ged chan·nels")
    body[0] = body[0].replace("the inte·rior", f"the inte{KERN}rior")
    return body


@cache
def damaged() -> tuple[Built, list[Found]]:
    built = pdfbrief.build(Layout(paragraphs=_damaged(), lines_per_page=18))
    return built, found(built)


def _where(built: Built, needle: str) -> tuple[int, int]:
    line = built.find(needle)
    return line.page, line.number


def test_a_page_label_left_in_the_body_is_found_on_its_page_and_line() -> None:
    built, findings = damaged()
    got = [f for f in findings if f.rule == "ocr.page-furniture"]
    assert [(f.page, f.line, f.text) for f in got] == [
        (*_where(built, "Page 2 of 4"), "Page 2 of 4")
    ]


def test_a_cut_paragraph_is_found_where_it_breaks() -> None:
    built, findings = damaged()
    got = [f for f in findings if f.rule == "ocr.broken-paragraph"]
    assert [(f.page, f.line) for f in got] == [_where(built, "now wait")]


def test_a_hyphen_left_mid_line_is_found_on_its_line() -> None:
    built, findings = damaged()
    drawn = built.find("dred- ged")  # set mid-line, not at the line's end
    got = [f for f in findings if f.rule == "ocr.hyphenation"]
    assert [(f.page, f.line, f.text) for f in got] == [(drawn.page, drawn.number, "dred- ged")]


def test_a_word_split_by_kerning_is_found_on_its_line() -> None:
    built, findings = damaged()
    got = [f for f in findings if f.rule == "ocr.split-word"]
    assert [(f.page, f.line, f.text) for f in got] == [(*_where(built, "interior"), "inte rior")]


def test_nothing_else_is_found() -> None:
    _, findings = damaged()
    rules = {f.rule for f in findings}
    assert rules == {*LAYOUT_RULES, "ocr.split-word"}

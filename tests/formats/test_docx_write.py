"""Writing into a .docx: comments on exactly a finding's text, and edits as tracked changes or
directly, with the formatting of the runs kept and the rest of the text untouched."""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from brieflint import docxfix
from brieflint.findings import Applicability, Edit, Finding, Fix, Severity
from brieflint.word import comments, story
from tests.formats import docxbuild as build


def _styled() -> bytes:
    d = build.new()
    p = d.add_paragraph("We saw te")
    p.add_run("h report and teh").italic = True
    p.add_run(" end.")
    d.add_paragraph("Second paragraph.")
    return build.to_bytes(d)


def _commented_text(document: object, comment_id: int) -> str:
    """The text between a comment's range marks, read from the XML."""
    body = document.element.body  # type: ignore[attr-defined]
    inside = False
    out: list[str] = []
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart") and el.get(qn("w:id")) == str(comment_id):
            inside = True
        elif el.tag == qn("w:commentRangeEnd") and el.get(qn("w:id")) == str(comment_id):
            inside = False
        elif inside and el.tag == qn("w:t"):
            out.append(el.text or "")
    return "".join(out)


def test_comment_on_exactly_the_flagged_text_across_runs() -> None:
    data = _styled()
    doc = build.reopen(data)
    text = story.read(doc).text
    start = text.index("teh")  # "te" + italic "h": two runs
    assert comments.annotate(doc, [comments.Note(start, start + 3, "error: x: m")]) == 1
    again = build.reopen(comments.save(doc))
    assert story.read(again).text == text
    assert _commented_text(again, 0) == "te" + "h"
    italic = [r.italic for r in again.paragraphs[0].runs if r.text == "h"]
    assert italic == [True]
    (comment,) = list(again.comments)
    assert comment.author == "brieflint"
    assert comment.text == "error: x: m"


def test_empty_finding_marks_a_neighbouring_character() -> None:
    doc = build.reopen(_styled())
    text = story.read(doc).text
    at = text.index("Second")
    comments.annotate(doc, [comments.Note(at, at, "info: y: here")])
    again = build.reopen(comments.save(doc))
    assert _commented_text(again, 0) == "S"


def _typo_lint(text: str) -> list[Finding]:
    return [
        Finding(
            "brief.docx",
            1,
            1,
            1,
            1,
            "prose.common-typo",
            Severity.ERROR,
            "typo",
            fix=Fix((Edit(m.start(), m.end(), "the"),), "replace", Applicability.SAFE),
        )
        for m in re.finditer(r"\bteh\b", text)
    ]


def test_tracked_fix_keeps_formatting_and_the_old_text_as_deletion() -> None:
    doc = build.reopen(_styled())
    result = docxfix.fix_document(doc, _typo_lint, track=True)
    assert result.fixed_text == "We saw the report and the end.\n\nSecond paragraph."
    assert len(result.applied) == 2
    again = build.reopen(comments.save(doc))
    assert story.read(again).text == result.fixed_text
    body = again.element.body
    deleted = "".join(t.text for t in body.iter(qn("w:delText")))
    assert deleted == "tehteh"  # right to left: the second "teh" first
    inserted = [el for el in body.iter(qn("w:ins"))]
    assert {el.get(qn("w:author")) for el in inserted} == {"brieflint"}
    # a replacement takes the formatting of the run its first replaced character was in:
    # the first "teh" began in plain text, the second was all italic
    italic = [el.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:i')}") is not None for el in inserted]
    assert italic == [False, True]
    assert [el.findtext(f"{qn('w:r')}/{qn('w:t')}") for el in inserted] == ["the", "the"]


def test_direct_fix_leaves_no_revision_marks() -> None:
    doc = build.reopen(_styled())
    result = docxfix.fix_document(doc, _typo_lint, track=False)
    again = build.reopen(comments.save(doc))
    assert story.read(again).text == result.fixed_text
    body = again.element.body
    assert next(body.iter(qn("w:ins")), None) is None
    assert next(body.iter(qn("w:del")), None) is None


def test_no_fix_no_change() -> None:
    doc = build.reopen(_styled())
    result = docxfix.fix_document(doc, lambda _: [], track=True)
    assert not result.changed

"""A PDF laid out like a book: running headers that change with the chapter and carry the page
number, and headings set large that recur in every chapter (reportlab, read by brieflint)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from brieflint.readers import pdf
from tests.conftest import run_cli

BODY = (
    "The river authorities keep a register of depths that every operator may read, and the",
    "fund for dredging pays out according to the tonnage that barges move on each stretch.",
    "Operators told us that they value reliable information on water levels above any rebate",
    "on the dues they pay at the locks, and that a late delivery costs them the next contract.",
)
CHAPTERS = ("Waterways", "Ports", "Customs", "Finance")


def _book(pages_per_chapter: int = 2, first_number: int = 3) -> bytes:
    """Front matter page, then chapters of two pages each; every body page has a header with
    the printed page number (on the outer edge) and the chapter's title, and each chapter
    opens with a large "Recommendations" heading."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    width, height = A4
    c.setFont("Helvetica-Bold", 20)
    c.drawString(90, height - 120, "Inland Waterways")
    c.showPage()
    number = first_number
    for k, chapter in enumerate(CHAPTERS, 1):
        for page in range(pages_per_chapter):
            c.setFont("Helvetica", 9)
            if number % 2 == 0:
                c.drawString(90, height - 60, str(number))
                c.drawString(130, height - 60, f"Chapter {k}. {chapter}")
            else:
                c.drawString(90, height - 60, f"{k}.{page + 1}. {chapter} today")
                c.drawRightString(width - 90, height - 60, str(number))
            y = height - 110
            if page == 0:
                c.setFont("Helvetica-Bold", 16)
                c.drawString(90, y, "Recommendations")
                y -= 30
            c.setFont("Helvetica", 11)
            for line in BODY * 3:
                c.drawString(90, y, line)
                y -= 14
            c.showPage()
            number += 1
    c.save()
    return out.getvalue()


def test_chapter_headers_with_page_numbers_are_kept_out_of_the_text() -> None:
    doc = pdf.read("book.pdf", _book())
    assert "Chapter" not in doc.text
    assert " today" not in doc.text
    assert "Inland Waterways" in doc.text  # the title page's title is the book's own


def test_a_large_heading_in_every_chapter_is_a_heading() -> None:
    doc = pdf.read("book.pdf", _book())
    headings = [p.text for p in doc.paragraphs if p.heading]
    assert headings.count("Recommendations") == len(CHAPTERS)
    assert all(not p.heading for p in doc.paragraphs if p.text.startswith("The river"))


def test_the_book_is_silent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.pdf"
    path.write_bytes(_book())
    code, out, err = run_cli(["check", "--no-cache", "--select", "ocr", str(path)], capsys)
    assert code == 0, out + err
    assert "0 error(s), 0 warning(s), 0 info in 1 file checked" in out


def test_numbers_that_do_not_keep_in_step_with_the_pages_are_text() -> None:
    # a numbered list at the top of each page: its numbers do not follow the page numbers
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    _width, height = A4
    rivers = ("Danube", "Rhine", "Elbe", "Oder", "Vistula", "Dnieper")
    for page, river in enumerate(rivers):
        c.setFont("Helvetica", 11)
        c.drawString(90, height - 80, f"{(page * 7) % 5 + 1} ports on the {river} reported delays")
        y = height - 110
        for line in BODY * 3:
            c.drawString(90, y, line)
            y -= 14
        c.showPage()
    c.save()
    doc = pdf.read("list.pdf", out.getvalue())
    assert doc.text.count("reported delays") == 6


def test_a_short_bold_line_is_a_heading_and_a_bold_sentence_is_not() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    _width, height = A4
    y = height - 90
    for text, font in (
        ("Key findings", "Helvetica-Bold"),
        (BODY[0], "Helvetica"),
        (BODY[1], "Helvetica"),
        ("Barges carry more grain than trucks do.", "Helvetica-Bold"),
        (BODY[2], "Helvetica"),
        (BODY[3], "Helvetica"),
    ):
        c.setFont(font, 11)
        c.drawString(90, y, text)
        y -= 30
    c.showPage()
    c.save()
    doc = pdf.read("bold.pdf", out.getvalue())
    headings = [p.text for p in doc.paragraphs if p.heading]
    assert headings == ["Key findings"]

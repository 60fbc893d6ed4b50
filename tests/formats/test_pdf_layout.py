"""The PDF layout: real PDFs made with reportlab, read back with pypdfium2, turned into text."""

from __future__ import annotations

import io
import itertools
from functools import cache

import pytest
from reportlab.pdfgen import canvas

from brieflint.readers import pdf_chars, pdf_layout
from brieflint.text.lexicon import Lexicon
from brieflint.vocabulary import Vocabulary
from tests.formats import pdfbrief
from tests.formats.pdfbrief import FOOTER, HEADER, TITLE, Built, Layout


@cache
def _lexicon() -> Lexicon:
    return Lexicon.load("en-GB", Vocabulary())


def read(built: Built) -> pdf_layout.Layout:
    pages = pdf_chars.read(built.data, "brief.pdf")
    lexicon = _lexicon()
    return pdf_layout.assemble(pages, lexicon.known)


@cache
def clean() -> tuple[Built, pdf_layout.Layout]:
    built = pdfbrief.build(Layout(lines_per_page=18))
    return built, read(built)


def paragraphs(layout: pdf_layout.Layout) -> list[str]:
    return [p.strip("\n") for p in layout.text.split("\n\n") if p.strip()]


def test_the_brief_spans_pages_with_hyphenated_line_ends() -> None:
    built, layout = clean()
    assert layout.pages >= 3
    ends = [line.text for line in built.lines if line.text.endswith("-")]
    assert any(not text.endswith("state-") for text in ends), "a word is hyphenated"
    assert any(text.endswith("state-") for text in ends), "a compound breaks at its hyphen"


def test_running_headers_footers_and_page_numbers_are_kept_out_of_the_text() -> None:
    built, layout = clean()
    assert HEADER not in layout.text
    assert FOOTER not in layout.text
    assert "Page " not in layout.text
    furniture = {(line.page, line.number) for line in layout.furniture}
    drawn = {(ln.page, ln.number) for ln in built.lines if HEADER in ln.text or FOOTER in ln.text}
    assert furniture == drawn


def test_the_title_above_the_body_on_page_one_is_text() -> None:
    _, layout = clean()
    assert paragraphs(layout)[0] == TITLE


def test_a_title_used_as_the_running_header_stays_on_page_one() -> None:
    built = pdfbrief.build(Layout(lines_per_page=18, header=TITLE))
    layout = read(built)
    assert paragraphs(layout)[0] == TITLE
    assert layout.text.count(TITLE) == 1


def test_each_paragraph_is_one_and_line_end_hyphens_are_resolved() -> None:
    _, layout = clean()
    got = paragraphs(layout)
    body = [p.replace("·", "") for p in pdfbrief.BRIEF]
    for expected in body:
        assert expected in got
    assert "state-owned" in layout.text  # the compound keeps its hyphen
    assert "channels" in layout.text and "chan-" not in layout.text


def test_a_paragraph_across_a_page_break_is_joined() -> None:
    built, layout = clean()
    # the last body line of a page and the first of the next, from what was drawn
    body = [ln for ln in built.lines if HEADER not in ln.text and FOOTER not in ln.text]
    crossings = [
        (a, b)
        for a, b in itertools.pairwise(body)
        if a.page != b.page and not a.text.endswith(".") and "  " not in a.text + b.text
    ]
    assert crossings, "some paragraph continues on the next page"
    for a, b in crossings:
        joined = f"{a.text.rstrip('-')}{'' if a.text.endswith('-') else ' '}{b.text}"
        assert any(joined.split()[-3] in p and b.text in p for p in paragraphs(layout))
        assert f"{a.text}\n\n" not in layout.text


def test_a_table_keeps_its_rows_and_cells() -> None:
    _, layout = clean()
    rows = ["\t".join(row) for row in pdfbrief.TABLE]
    assert "\n".join(rows) in layout.text


def test_every_character_maps_back_to_its_page_line_and_box() -> None:
    built, layout = clean()
    for drawn in built.lines:
        if HEADER in drawn.text or FOOTER in drawn.text or "  " in drawn.text:
            continue
        probe = drawn.text.rstrip("-").split()[-1]
        # a word of this line that occurs once in the text
        if layout.text.count(probe) != 1:
            continue
        at = layout.text.index(probe)
        glyph = layout.glyph_at(at)
        assert glyph is not None
        assert (glyph.page, glyph.line) == (drawn.page, drawn.number), probe
        left, bottom, _right, top = glyph.box
        assert bottom - 4 <= drawn.baseline <= top
        assert drawn.x <= left <= pdfbrief.RIGHT


def test_a_lone_page_number_at_the_foot_of_a_single_page_is_furniture() -> None:
    built = pdfbrief.build(
        Layout(paragraphs=pdfbrief.BRIEF[:2], table=[], closing=[], number_only=True)
    )
    layout = read(built)
    assert layout.pages == 1
    assert [line.text for line in layout.furniture] == ["1"]
    assert layout.text.rstrip().endswith(pdfbrief.BRIEF[1].replace("·", "")[-20:])


def test_a_short_line_whose_next_word_would_have_fitted_ends_a_paragraph() -> None:
    built = pdfbrief.build(Layout(paragraph_gap=0.0, lines_per_page=60))
    layout = read(built)
    got = paragraphs(layout)
    for expected in pdfbrief.BRIEF[:3]:
        assert expected.replace("·", "") in got


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a PDF file"),
        (b"just some text, saved as .pdf\n", "not a PDF file"),
        (b"%PDF-1.7\n1 0 obj garbage\n", "not a readable PDF"),
    ],
)
def test_what_is_not_a_pdf_is_one_error_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(pdf_chars.InputError) as caught:
        pdf_chars.read(data, "brief.pdf")
    assert message in str(caught.value)
    assert str(caught.value).startswith("brief.pdf: ")
    assert "\n" not in str(caught.value)


def _encrypted(data: bytes, user: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_says_so() -> None:
    built, _ = clean()
    with pytest.raises(pdf_chars.InputError, match="encrypted"):
        pdf_chars.read(_encrypted(built.data, "secret"), "brief.pdf")


def test_a_pdf_encrypted_without_a_user_password_is_read() -> None:
    built, layout = clean()
    pages = pdf_chars.read(_encrypted(built.data, ""), "brief.pdf")
    assert pdf_layout.assemble(pages, _lexicon().known).text == layout.text


def test_a_scan_without_a_text_layer_suggests_ocr() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(72, 72, 300, 500, fill=1)  # an image of a page, as far as text goes
    pdf.showPage()
    pdf.save()
    with pytest.raises(pdf_chars.InputError, match=r"no text layer.*ocrmypdf"):
        pdf_chars.read(out.getvalue(), "scan.pdf")


def test_more_pages_than_the_limit_are_refused_unread() -> None:
    built, layout = clean()
    with pytest.raises(pdf_chars.InputError, match=rf"{layout.pages} pages, more than .* 2\b"):
        pdf_chars.read(built.data, "brief.pdf", max_pages=2)
    assert len(pdf_chars.read(built.data, "brief.pdf", max_pages=layout.pages)) == layout.pages


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1; the first is the catalogue), by hand."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    return out + trailer % (len(objects) + 1, xref)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def test_a_font_without_a_unicode_map_is_said_to_give_unreadable_text() -> None:
    # a Type 3 font whose glyphs have made-up names and no ToUnicode map: what pdfium (or any
    # reader) extracts are the raw character codes, not letters
    text = b"BT /F1 12 Tf 72 700 Td (" + b"\\001\\003\\001 \\003\\001\\001" * 8 + b") Tj ET"
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << /g1 6 0 R /g3 6 0 R >> /Encoding << /Type /Encoding"
        b" /Differences [1 /g1 3 /g3] >> /FirstChar 1 /LastChar 3 /Widths [600 600 600] >>"
    )
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(text),
            font,
            _stream(b"600 0 0 0 500 700 d1 0 0 500 700 re f"),
        ]
    )
    with pytest.raises(pdf_chars.InputError, match=r"no Unicode value .*ToUnicode"):
        pdf_chars.read(data, "garbled.pdf")


@cache
def two_columns() -> tuple[Built, pdf_layout.Layout]:
    built = pdfbrief.build(Layout(columns=2, table=[], lines_per_page=20))
    return built, read(built)


def test_two_columns_are_read_one_after_the_other() -> None:
    built, layout = two_columns()
    assert len({line.x for line in built.lines if line.size == pdfbrief.SIZE}) == 2
    got = paragraphs(layout)
    assert got[0] == TITLE
    for expected in [*pdfbrief.BRIEF, *pdfbrief.CLOSING]:
        assert expected.replace("·", "") in got
    assert HEADER not in layout.text and FOOTER not in layout.text


def test_in_two_columns_every_word_maps_back_to_its_line() -> None:
    built, layout = two_columns()
    checked = 0
    for drawn in built.lines:
        probe = drawn.text.rstrip("-").split()[-1]
        if HEADER in drawn.text or FOOTER in drawn.text or layout.text.count(probe) != 1:
            continue
        glyph = layout.glyph_at(layout.text.index(probe))
        assert glyph is not None
        assert (glyph.page, glyph.line) == (drawn.page, drawn.number), probe
        assert drawn.x <= glyph.box[0]
        checked += 1
    assert checked > 10


def test_a_page_that_cannot_be_loaded_is_one_error_naming_the_page() -> None:
    broken = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"42",  # where the page should be
        ]
    )
    with pytest.raises(pdf_chars.InputError, match=r"^brief.pdf: not a readable PDF \(page 1: "):
        pdf_chars.read(broken, "brief.pdf")


def test_a_bold_lead_in_does_not_cut_its_paragraph() -> None:
    lead = "**Recommendation one.** " + pdfbrief.BRIEF[2]
    built = pdfbrief.build(Layout(paragraphs=[pdfbrief.BRIEF[0], lead, pdfbrief.BRIEF[3]]))
    assert built.find("Recommendation one.").text.startswith("Recommendation one. Operators")
    got = paragraphs(read(built))
    assert "Recommendation one. " + pdfbrief.BRIEF[2].replace("·", "") in got

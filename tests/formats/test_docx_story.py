"""Reading a .docx: the text brieflint lints, and the map from it back to paragraphs, cells,
pages, runs and notes."""

from __future__ import annotations

import datetime as dt

from brieflint.word import props, story
from tests.formats import docxbuild as build


def _read(document: object) -> story.WordText:
    return story.read(build.reopen(build.to_bytes(document)))


def test_body_paragraphs_and_tables_in_document_order() -> None:
    d = build.new()
    d.add_paragraph("Ports and power in the Black Sea.")
    d.add_paragraph("")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Exports"
    table.cell(1, 1).text = "12 per cent"
    d.add_paragraph("After the table.")
    read = _read(d)
    assert read.text == (
        "Ports and power in the Black Sea.\n\nExports\n\n12 per cent\n\nAfter the table."
    )
    by_text = {b.text: b for b in read.blocks}
    assert by_text["Ports and power in the Black Sea."].number == 1
    assert by_text["Exports"].number == 3  # the empty paragraph is counted, as Word counts
    assert by_text["Exports"].cell == (1, 1, 1)
    assert by_text["12 per cent"].cell == (1, 2, 2)
    assert by_text["12 per cent"].number == 6
    assert by_text["After the table."].number == 7
    assert by_text["After the table."].cell is None
    for block in read.blocks:
        assert read.text[block.start : block.start + len(block.text)] == block.text


def test_runs_map_back_to_their_characters() -> None:
    d = build.new()
    p = d.add_paragraph("The ")
    p.add_run("bold").bold = True
    p.add_run(" word.")
    read = _read(d)
    block = read.blocks[0]
    assert [(s.at, s.length) for s in block.segments] == [(0, 4), (4, 4), (8, 6)]
    bold = block.segments[1]
    assert bold.node.text == "bold"
    assert read.block_at(read.text.index("word")) is block


def test_tracked_changes_read_as_accepted() -> None:
    d = build.new()
    p = d.add_paragraph("The minister ")
    build.add_tracked(p, inserted="agreed", deleted="refused")
    read = _read(d)
    assert read.text == "The minister agreed"
    assert read.tracked_changes


def test_no_tracked_changes_said_so() -> None:
    d = build.new()
    d.add_paragraph("Plain.")
    assert not _read(d).tracked_changes


def test_headers_and_footers_are_furniture_not_text() -> None:
    d = build.new()
    build.header(d, "Policy Brief No 7")
    build.footer(d, "Page 1")
    d.add_paragraph("Body text.")
    read = _read(d)
    assert read.text == "Body text."
    assert sorted(read.furniture) == ["Page 1", "Policy Brief No 7"]


def test_text_box_read_once_after_its_paragraph() -> None:
    d = build.new()
    host = d.add_paragraph("Host paragraph.")
    build.add_text_box(host, "Key finding in a box.")
    d.add_paragraph("Next paragraph.")
    read = _read(d)
    assert read.text == "Host paragraph.\n\nKey finding in a box.\n\nNext paragraph."
    box = next(b for b in read.blocks if b.story == story.TEXTBOX)
    assert box.number == 1  # its host's number: text boxes are not body paragraphs
    assert [b.number for b in read.blocks if b.story == story.BODY] == [1, 2]


def test_footnotes_follow_the_body_and_their_marks_read_as_nothing() -> None:
    d = build.new()
    p = d.add_paragraph("A claim.")
    build.add_footnotes(d, p, ["Source: the ministry.", "Second note."])
    read = _read(d)
    assert read.text == "A claim.\n\n Source: the ministry.\n\n Second note."
    notes = [b for b in read.blocks if b.story == story.FOOTNOTE]
    assert [(b.note, b.number) for b in notes] == [(1, None), (2, None)]


def test_pages_from_word_rendered_page_breaks() -> None:
    d = build.new()
    d.add_paragraph("On page one.")
    second = d.add_paragraph("On page two.")
    build.add_page_break_rendered(second)
    d.add_paragraph("Still page two.")
    read = _read(d)
    assert read.paged
    assert [b.page for b in read.blocks] == [1, 2, 2]
    assert read.blocks[1].page_at(0) == 2


def test_no_pages_when_word_did_not_lay_the_file_out() -> None:
    d = build.new()
    d.add_paragraph("One.")
    d.add_page_break()
    d.add_paragraph("Two.")
    read = _read(d)
    assert not read.paged
    assert all(b.page is None for b in read.blocks)


def test_tabs_breaks_and_non_breaking_hyphens() -> None:
    d = build.new()
    p = d.add_paragraph("Left")
    p.add_run().add_tab()
    p.add_run("right")
    p.add_run().add_break()
    p.add_run("next line")
    read = _read(d)
    assert read.text == "Left\tright\nnext line"


def test_core_properties_only_when_the_file_has_them() -> None:
    d = build.new()
    d.core_properties.title = "Ports and Power"
    d.core_properties.author = "Ana Lopes"
    d.core_properties.created = dt.datetime(2025, 2, 28, 9, 0)
    doc = build.reopen(build.to_bytes(d))
    found = props.core(doc)
    assert found["title"] == "Ports and Power"
    assert found["author"] == "Ana Lopes"
    assert found["created"].date() == dt.date(2025, 2, 28)
    data = build.rezip(build.to_bytes(d), {"docProps/core.xml": None})
    stripped = build.reopen(_without_core_rel(data))
    assert props.core(stripped) == {}


def _without_core_rel(data: bytes) -> bytes:
    import zipfile
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(data)) as z:
        rels = z.read("_rels/.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    import re

    rels = re.sub(r"<Relationship [^>]*core-properties[^>]*/>", "", rels)
    types = re.sub(r'<Override PartName="/docProps/core.xml"[^>]*/>', "", types)
    return build.rezip(data, {"_rels/.rels": rels.encode(), "[Content_Types].xml": types.encode()})


def test_custom_properties() -> None:
    d = build.new()
    build.set_custom_properties(d, {"number": "7", "date": "25.11.2025"})
    doc = build.reopen(build.to_bytes(d))
    assert props.custom(doc) == {"number": "7", "date": "25.11.2025"}


def test_no_custom_properties() -> None:
    assert props.custom(build.reopen(build.to_bytes(build.new()))) == {}


def test_endnotes_after_footnotes() -> None:
    d = build.new()
    p = d.add_paragraph("A claim.")
    build.add_footnotes(d, p, ["A footnote."])
    build.add_footnotes(d, p, ["An endnote."], kind="endnote")
    read = _read(d)
    assert read.text == "A claim.\n\n A footnote.\n\n An endnote."
    assert [(b.story, b.note) for b in read.blocks[1:]] == [
        (story.FOOTNOTE, 1),
        (story.ENDNOTE, 1),
    ]


def test_nested_table_inside_its_cell() -> None:
    d = build.new()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Outer"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Inner"
    d.add_paragraph("After.")
    read = _read(d)
    by_text = {b.text: b for b in read.blocks if b.text}
    assert read.text == "Outer\n\nInner\n\nAfter."
    assert by_text["Outer"].cell == (1, 1, 1)
    assert by_text["Inner"].cell == (2, 1, 1)  # the second table in document order


def test_content_controls_read_through() -> None:
    d = build.new()
    title = d.add_paragraph("Ports and Power")
    build.wrap_in_content_control(title)
    d.add_paragraph("Body.")
    read = _read(d)
    assert read.text == "Ports and Power\n\nBody."
    assert [b.number for b in read.blocks] == [1, 2]


def test_page_changes_inside_a_paragraph() -> None:
    d = build.new()
    p = d.add_paragraph("Starts on one ")
    run = p.add_run("and ends on two.")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    run._r.insert(0, parse_xml(f"<w:lastRenderedPageBreak {nsdecls('w')}/>"))
    read = _read(d)
    block = read.blocks[0]
    assert block.page == 1
    assert block.page_at(0) == 1 and block.page_at(len("Starts on one ")) == 2


def test_headings_by_style_name_base_style_and_outline_level() -> None:
    d = build.new()
    d.add_heading("A brief on ports", 0)  # "Title"
    d.add_heading("Recommendations", 1)  # "Heading 1"
    custom = d.styles.add_style("Chapter Head", 1)  # WD_STYLE_TYPE.PARAGRAPH
    custom.base_style = d.styles["Heading 2"]
    d.add_paragraph("Based on a heading style", style="Chapter Head")
    outlined = d.add_paragraph("Outline level set on the paragraph")
    outlined._p.get_or_add_pPr().append(build.qname_element("w:outlineLvl", "0"))
    d.add_paragraph("Body text in the normal style.")
    read = _read(d)
    headings = {b.text: b.heading for b in read.blocks}
    assert headings == {
        "A brief on ports": True,
        "Recommendations": True,
        "Based on a heading style": True,
        "Outline level set on the paragraph": True,
        "Body text in the normal style.": False,
    }

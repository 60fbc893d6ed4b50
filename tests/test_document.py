"""The document model: decoding, positions, front matter, what counts as prose."""

from __future__ import annotations

import codecs

import pytest

from brieflint.decode import BinaryFileError, decode
from brieflint.document import Document
from brieflint.errors import InputError
from tests.conftest import lint_text


def test_bom_is_dropped_and_columns_count_code_points() -> None:
    text = decode(codecs.BOM_UTF8 + "Ça va — the the end\n".encode(), "x.txt")
    assert text.startswith("Ça")
    findings = lint_text(text, select=["prose.doubled-word"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(1, 9, 16)]


def test_crlf_positions() -> None:
    text = "First line.\r\nSecond the the line.\r\n"
    (f,) = lint_text(text, select=["prose.doubled-word"])
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 8, 2, 15)


def test_lone_cr_and_tabs() -> None:
    text = "One.\rTwo\tthe the.\r"
    (f,) = lint_text(text, select=["prose.doubled-word"])
    assert (f.line, f.column) == (2, 5)


def test_astral_characters_are_one_column() -> None:
    text = "😀 🇬🇧 the the\n"
    (f,) = lint_text(text, select=["prose.doubled-word"])
    assert f.column == text.index("the") + 1 == 6


def test_utf16_with_bom_is_decoded() -> None:
    assert decode("Brief – ok".encode("utf-16"), "x.txt") == "Brief – ok"


def test_invalid_utf8_names_byte_and_line() -> None:
    with pytest.raises(InputError) as err:
        decode(b"line one\nline two \xff\n", "bad.txt")
    assert err.value.line == 2
    assert "byte 18" in str(err.value) and str(err.value).startswith("bad.txt:2:")


def test_latin1_gets_a_hint() -> None:
    with pytest.raises(InputError, match="Latin-1"):
        decode("Ergün café".encode("latin-1"), "l1.txt")


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"PK\x03\x04\x00\x00", "x.docx")


def test_front_matter_is_metadata_not_prose() -> None:
    text = "---\ntitle: The the title\nnumber: 7\n---\n\nBody text here.\n"
    doc = Document.parse("b.md", text)
    assert doc.metadata == {"title": "The the title", "number": 7}
    assert doc.front_matter is not None and doc.front_matter.line_of("number") == 3
    assert "title" not in doc.prose and doc.prose.endswith("Body text here.\n")
    assert len(doc.prose) == len(text)
    assert lint_text(text, select=["prose.doubled-word"], path="b.md") == []


@pytest.mark.parametrize(
    "body",
    [
        "`the the`",
        "```\nthe the\n```",
        "    the the code",
        "<!-- the the -->",
        "[link](http://x.org/the/the)",
        "see https://example.org/the the",
        "<div>the the</div>",
    ],
)
def test_markdown_non_prose_is_skipped(body: str) -> None:
    text = f"Intro paragraph.\n\n{body}\n"
    assert lint_text(text, select=["prose.doubled-word"], path="b.md") == []


def test_markdown_prose_positions_refer_to_the_file() -> None:
    text = "---\na: 1\n---\n# Heading\n\nSome `code` and the the word.\n"
    (f,) = lint_text(text, select=["prose.doubled-word"], path="b.md")
    assert (f.line, f.column) == (6, 17)


def test_front_matter_errors() -> None:
    with pytest.raises(InputError, match="not terminated"):
        Document.parse("b.md", "---\ntitle: x\n\nbody\n")
    with pytest.raises(InputError, match="mapping"):
        Document.parse("b.md", "---\n- a\n- b\n---\nbody\n")
    with pytest.raises(Exception, match="duplicate key") as err:
        Document.parse("b.md", "---\ntitle: a\ntitle: b\n---\nbody\n")
    assert "b.md:3" in str(err.value)
    with pytest.raises(Exception, match="unsupported YAML tag"):
        Document.parse("b.md", "---\nx: !!python/object/apply:os.system ['true']\n---\n")


def test_paragraphs_sentences_words() -> None:
    doc = Document.parse("a.txt", "First sentence. Second one, e.g. this.\n\nNew paragraph!\n")
    assert [p.text for p in doc.paragraphs] == [
        "First sentence. Second one, e.g. this.",
        "New paragraph!",
    ]
    assert [s.text for s in doc.sentences] == [
        "First sentence.",
        "Second one, e.g. this.",
        "New paragraph!",
    ]
    assert [w.text for w in doc.words][:3] == ["First", "sentence", "Second"]
    assert all(doc.text[w.start : w.end] == w.text for w in doc.words)


def test_headings_are_blocks_of_their_own() -> None:
    doc = Document.parse("a.md", "# Title\nText under it.\n")
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("Title", True),
        ("Text under it.", False),
    ]


def test_masking_has_no_quadratic_pattern() -> None:
    # hyphenated runs once made the e-mail pattern backtrack for minutes
    doc = Document.parse("a.txt", "ab-" * 333_000 + " mail jo.doe+x@example.org.\n")
    assert "jo.doe" not in doc.prose
    assert doc.prose.rstrip().endswith("mail " + " " * len("jo.doe+x@example.org") + ".")


def test_utf32_with_bom_is_decoded_not_taken_for_utf16() -> None:
    for codec in ("utf-32", "utf-32-le", "utf-32-be"):
        data = "Brief – ok\n".encode(codec)
        if codec != "utf-32":
            data = (codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE) + data
        assert decode(data, "x.txt") == "Brief – ok\n"


def test_a_fix_keeps_the_file_in_its_encoding() -> None:
    from brieflint.fixer import encode_like

    for codec in ("utf-32", "utf-16", "utf-8-sig", "utf-8"):
        original = "old\n".encode(codec)
        assert decode(encode_like(original, "new – text\n"), "x") == "new – text\n"
        assert encode_like(original, "new\n") == "new\n".encode(codec)

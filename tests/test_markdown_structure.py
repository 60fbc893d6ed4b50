"""Markdown structure: headings, list items, table rows and cells are blocks of their own, and
code or markup between two words never makes them neighbours. Real documentation is the clean
negative: brieflint's own docs are Markdown prose full of tables, lists and code."""

from __future__ import annotations

from brieflint.document import Document
from tests.conftest import lint_text

TABLE = """| option | meaning |
|---|---|
| `--select` | select rules. |
| review | review the brief |
"""


def test_table_cells_and_rows_are_separate_blocks() -> None:
    doc = Document.parse("t.md", TABLE)
    texts = [p.text for p in doc.paragraphs]
    assert "review" in texts and "review the brief" in texts
    assert "select rules." in texts


def test_no_doubled_word_or_lower_case_start_across_cells() -> None:
    rules = ["prose.doubled-word", "ocr.lowercase-sentence-start"]
    assert lint_text(TABLE, select=rules, path="t.md") == []
    # the same text as plain prose is a real doubled word
    assert [f.rule for f in lint_text("We review review the brief.\n", select=rules)] == [
        "prose.doubled-word"
    ]


def test_list_items_are_blocks() -> None:
    text = "- the first item ends here.\n- the second item starts lower case\n"
    doc = Document.parse("l.md", text)
    assert len(doc.paragraphs) == 2
    assert lint_text(text, select=["ocr.lowercase-sentence-start"], path="l.md") == []


def test_code_between_words_is_not_a_gap() -> None:
    text = "The brief is approved. `publish` is refused otherwise. The `x` x case.\n"
    rules = ["ocr.lowercase-sentence-start", "prose.doubled-word", "ocr.split-word"]
    assert lint_text(text, select=rules, path="d.md") == []
    # without the code the lower-case start is real
    found = lint_text("The brief is approved. is refused.\n", select=rules, path="d.md")
    assert [f.rule for f in found] == ["ocr.lowercase-sentence-start"]


def test_single_capital_is_not_half_a_split_word() -> None:
    text = 'A list written on one line ("A & B", "A, B and C") is split.\n'
    assert lint_text(text, select=["ocr.split-word"]) == []
    assert [
        f.rule for f in lint_text("The transfor mation began.\n", select=["ocr.split-word"])
    ] == ["ocr.split-word"]


def test_headings_are_blocks() -> None:
    doc = Document.parse("h.md", "# Title\nBody text.\n## Next\nMore.\n")
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("Title", True),
        ("Body text.", False),
        ("Next", True),
        ("More.", False),
    ]

"""capitalization: terms with a fixed capitalization, and the case of headings."""

from __future__ import annotations

from pathlib import Path

from tests.kinds._house import house_style, lint_house


def _style(tmp_path: Path) -> str:
    options = {"terms": ["OSCE"], "headings": "sentence"}
    return house_style(tmp_path, "capitalization", options, "write '{suggestion}'")


def test_a_term_in_the_wrong_case_and_a_title_case_heading(tmp_path: Path) -> None:
    text = "# Trade After The War\n\nThe Osce met.\n"
    found = lint_house(text, _style(tmp_path), path="draft.md")
    assert [(f.line, f.context, f.suggestions) for f in found] == [
        (1, "After", ("after",)),
        (3, "Osce", ("OSCE",)),
    ]


def test_right_case_is_silent(tmp_path: Path) -> None:
    text = "# Trade after the war\n\nThe OSCE met.\n"
    assert lint_house(text, _style(tmp_path), path="draft.md") == []

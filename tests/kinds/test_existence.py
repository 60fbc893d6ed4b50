"""existence: words, phrases and patterns that must not appear."""

from __future__ import annotations

from pathlib import Path

from tests.kinds._house import house_style, lint_house


def _style(tmp_path: Path) -> str:
    options = {"tokens": ["per se"], "patterns": [r"\bTBD\b"]}
    return house_style(tmp_path, "existence", options, "avoid '{match}'")


def test_tokens_and_patterns_are_reported(tmp_path: Path) -> None:
    found = lint_house("The budget is TBD and,\nper se, late.\n", _style(tmp_path))
    assert [(f.line, f.column, f.context, f.message) for f in found] == [
        (1, 15, "TBD", "avoid 'TBD'"),
        (2, 1, "per se", "avoid 'per se'"),
    ]


def test_clean_text_and_code_are_silent(tmp_path: Path) -> None:
    style = _style(tmp_path)
    assert lint_house("The budget is final; personal sets aside.\n", style) == []
    assert lint_house("Run `make TBD` first.\n", style, path="draft.md") == []

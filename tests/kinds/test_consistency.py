"""consistency: two spellings of one thing in one document."""

from __future__ import annotations

from pathlib import Path

from tests.kinds._house import house_style, lint_house


def _style(tmp_path: Path) -> str:
    options = {"groups": [["per cent", "percent"]]}
    message = "'{match}': the draft mostly writes '{suggestion}'"
    return house_style(tmp_path, "consistency", options, message)


def test_the_minority_spelling_is_reported(tmp_path: Path) -> None:
    text = "Ten per cent rose; five per cent fell; one percent left.\n"
    found = lint_house(text, _style(tmp_path))
    assert [(f.column, f.context, f.suggestions) for f in found] == [(44, "percent", ("per cent",))]


def test_one_spelling_throughout_is_silent(tmp_path: Path) -> None:
    text = "Ten per cent rose and five per cent fell.\n"
    assert lint_house(text, _style(tmp_path)) == []

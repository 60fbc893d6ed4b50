"""occurrence: a pattern at least min / at most max times per scope."""

from __future__ import annotations

from pathlib import Path

from tests.kinds._house import house_style, lint_house


def _style(tmp_path: Path) -> str:
    options = {"pattern": r"\bhowever\b", "max": 1, "scope": "sentence"}
    return house_style(tmp_path, "occurrence", options, "'{match}' twice in a sentence")


def test_a_second_occurrence_in_a_sentence_is_reported(tmp_path: Path) -> None:
    found = lint_house("However, it rose; however, it fell.\n", _style(tmp_path))
    assert [(f.line, f.column, f.context) for f in found] == [(1, 19, "however")]


def test_one_per_sentence_is_silent(tmp_path: Path) -> None:
    assert lint_house("However, it rose. However, it fell.\n", _style(tmp_path)) == []

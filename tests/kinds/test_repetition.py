"""repetition: the same word twice in a row, with a fix that drops the repeat."""

from __future__ import annotations

from pathlib import Path

from brieflint.fixer import apply_edits
from tests.kinds._house import house_style, lint_house


def _style(tmp_path: Path) -> str:
    return house_style(tmp_path, "repetition", {"allow": []}, "'{match}'")


def test_a_doubled_word_is_reported_and_fixed(tmp_path: Path) -> None:
    text = "It is is clear.\n"
    found = lint_house(text, _style(tmp_path))
    assert [(f.column, f.context) for f in found] == [(4, "is is")]
    edits = [e for f in found if f.fix for e in f.fix.edits]
    assert apply_edits(text, edits) == "It is clear.\n"


def test_words_repeated_apart_are_silent(tmp_path: Path) -> None:
    assert lint_house("It is clear; is it not?\n", _style(tmp_path)) == []

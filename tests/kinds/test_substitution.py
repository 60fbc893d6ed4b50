"""substitution: a wrong word, with the right one as suggestion and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import lint_text
from tests.kinds._house import RULE, house_style, lint_house
from tests.kinds._ocr import fixed


def _style(tmp_path: Path) -> str:
    return house_style(
        tmp_path, "substitution", {"swap": {"utilise": "use"}}, "write '{suggestion}'"
    )


def test_the_wrong_word_is_replaced_keeping_its_case(tmp_path: Path) -> None:
    style = _style(tmp_path)
    text = "We utilise it. Utilise it.\n"
    found = lint_house(text, style)
    assert [(f.column, f.suggestions, f.message) for f in found] == [
        (4, ("use",), "write 'use'"),
        (16, ("Use",), "write 'Use'"),
    ]
    edits = [e for f in lint_text(text, select=[RULE], style=style) if f.fix for e in f.fix.edits]
    assert [e.replacement for e in edits] == ["use", "Use"]


def test_whole_words_only(tmp_path: Path) -> None:
    assert lint_house("We use it; utilisation grows.\n", _style(tmp_path)) == []


def test_shipped_misspellings_are_fixed() -> None:
    assert fixed("They recieve it.\n", "prose.common-typo") == "They receive it.\n"


def test_a_listed_word_that_is_its_variety_s_own_spelling_is_not_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from brieflint.kinds import substitution

    # a list entry whose correction, respelt in en-GB, is the word itself
    monkeypatch.setattr(substitution.misspellings, "common", lambda lexicon: {"colour": ("color",)})
    found = lint_text("The colour of the report.\n", select=["prose.common-typo"])
    assert found == []

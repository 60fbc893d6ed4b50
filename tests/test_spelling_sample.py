"""The offline spelling rules on whole briefs: every misspelling and misread name is found,
with the right suggestion first; a corrected copy gives nothing."""

from __future__ import annotations

import pytest

from tests.briefs import BRIEFS, Brief
from tests.conftest import lint_text

SPELLING = ["spelling.unknown-word", "spelling.name-variant"]  # spelling.variety is opt-in


@pytest.fixture(params=BRIEFS)
def brief(request: pytest.FixtureRequest) -> Brief:
    got: Brief = request.param
    return got


@pytest.mark.parametrize("style", [None, "secureblacksea"])
def test_every_error_is_found_with_the_right_suggestion_first(
    brief: Brief, style: str | None
) -> None:
    text = brief.text()
    findings = lint_text(text, select=SPELLING, style=style)
    found = {f.context: f for f in findings}
    for wrong, right, rule in brief.spelling:
        assert wrong in found, f"{wrong} not reported"
        finding = found[wrong]
        assert finding.rule == rule
        assert finding.suggestions[0] == right
        assert text[finding.start : finding.end] == wrong
    assert len(findings) == len(brief.spelling), [f.context for f in findings]


def test_name_variant_fixes_replace_the_misread_name(brief: Brief) -> None:
    text = brief.text()
    findings = lint_text(text, select=["spelling.name-variant"])
    assert findings
    for f in findings:
        assert f.fix is not None
        (edit,) = f.fix.edits
        assert text[edit.start : edit.end] == f.context
        assert edit.replacement == f.suggestions[0]


def _corrected(brief: Brief) -> str:
    text = brief.text()
    for wrong, right, _ in brief.spelling:
        assert wrong in text
        text = text.replace(wrong, right)
    return text


@pytest.mark.parametrize("style", [None, "secureblacksea"])
def test_a_corrected_copy_gives_no_spelling_finding(brief: Brief, style: str | None) -> None:
    findings = lint_text(_corrected(brief), select=SPELLING, style=style)
    assert [(f.context, f.message) for f in findings] == []

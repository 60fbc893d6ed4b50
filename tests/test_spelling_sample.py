"""The offline spelling rules on the sample brief: every misspelling and misread name is found,
with the right suggestion first; a corrected copy, with its house vocabulary, gives nothing."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE, lint_text

# (as the extracted text has it, what it should be, which rule reports it)
ERRORS = [
    ("Alivev", "Aliyev", "spelling.name-variant"),
    ("Türkive", "Türkiye", "spelling.name-variant"),
    ("Azerbaiian", "Azerbaijan", "spelling.name-variant"),
    ("favorina", "favoring", "spelling.unknown-word"),
    ("embracina", "embracing", "spelling.unknown-word"),
    ("reversable", "reversible", "spelling.unknown-word"),
]

SPELLING = ["spelling.unknown-word", "spelling.name-variant"]  # spelling.variety is opt-in

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason=f"sample not found: {SAMPLE}")


def _sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("style", [None, "secureblacksea"])
def test_every_error_is_found_with_the_right_suggestion_first(style: str | None) -> None:
    text = _sample()
    findings = lint_text(text, select=SPELLING, style=style)
    found = {f.context: f for f in findings}
    for wrong, right, rule in ERRORS:
        assert wrong in found, f"{wrong} not reported"
        finding = found[wrong]
        assert finding.rule == rule
        assert finding.suggestions[0] == right
        assert text[finding.start : finding.end] == wrong
    assert len(findings) == len(ERRORS), [f.context for f in findings]


def test_name_variant_fixes_replace_the_misread_name() -> None:
    text = _sample()
    findings = lint_text(text, select=["spelling.name-variant"])
    assert findings
    for f in findings:
        assert f.fix is not None
        (edit,) = f.fix.edits
        assert text[edit.start : edit.end] == f.context
        assert edit.replacement == f.suggestions[0]


def _corrected() -> str:
    text = _sample()
    for wrong, right, _ in ERRORS:
        assert wrong in text
        text = text.replace(wrong, right)
    return text


@pytest.mark.parametrize("style", [None, "secureblacksea"])
def test_a_corrected_copy_gives_no_spelling_finding(style: str | None) -> None:
    findings = lint_text(_corrected(), select=SPELLING, style=style)
    assert [(f.context, f.message) for f in findings] == []

"""unused-suppression: a post-pass over the other rules' findings and the suppression comments."""

from __future__ import annotations

from tests.conftest import lint_text

RULES = ["prose.doubled-word", "meta.unused-suppression"]


def _found(text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in lint_text(text, select=RULES, path="d.md")]


def test_a_suppression_that_suppressed_nothing_is_reported() -> None:
    text = "Fine.\n\n<!-- brieflint-disable-next-line prose.doubled-word -->\nAll fine.\n"
    assert _found(text) == [("meta.unused-suppression", 3, 1)]


def test_an_unknown_directive_is_reported_whatever_it_suppressed() -> None:
    found = lint_text("<!-- brieflint-disable-line -->\nthe the\n", select=RULES, path="d.md")
    assert [(f.rule, f.line) for f in found] == [
        ("meta.unused-suppression", 1),
        ("prose.doubled-word", 2),
    ]
    assert "not a suppression directive" in found[0].message


def test_a_used_suppression_is_silent() -> None:
    assert _found("<!-- brieflint-disable-next-line prose.doubled-word -->\nthe the\n") == []

"""Inline suppression comments in Markdown, and reports of suppressions that suppress nothing."""

from __future__ import annotations

from tests.conftest import lint_text

RULES = ["prose.doubled-word", "prose.common-typo", "meta.unused-suppression"]


def rules_at(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, select=RULES, path="d.md")]


def test_disable_next_line() -> None:
    text = "<!-- brieflint-disable-next-line prose.doubled-word -->\nthe the\nthe the\n"
    assert rules_at(text) == [("prose.doubled-word", 3)]


def test_disable_block_until_enable() -> None:
    text = (
        "the the\n\n<!-- brieflint-disable prose.doubled-word -->\n"
        "the the goverment\n\n<!-- brieflint-enable -->\nthe the\n"
    )
    assert rules_at(text) == [
        ("prose.doubled-word", 1),
        ("prose.common-typo", 4),
        ("prose.doubled-word", 7),
    ]


def test_disable_all_rules_and_prefix() -> None:
    text = "<!-- brieflint-disable prose -->\nthe the goverment\n"
    assert rules_at(text) == []
    text = "<!-- brieflint-disable -->\nthe the goverment\n"
    assert rules_at(text) == []


def test_unused_suppression_is_reported_as_info() -> None:
    text = "<!-- brieflint-disable-next-line prose.doubled-word -->\nAll fine here.\n"
    found = lint_text(text, select=RULES, path="d.md")
    assert [(f.rule, f.line, f.column, f.severity.label) for f in found] == [
        ("meta.unused-suppression", 1, 1, "info")
    ]
    assert "prose.doubled-word" in found[0].message


def test_comments_are_not_prose_and_plain_text_has_no_comments() -> None:
    text = "<!-- brieflint-disable-next-line prose.doubled-word -->\nthe the\n"
    found = lint_text(text, select=RULES, path="d.txt")
    assert [(f.rule, f.line) for f in found] == [("prose.doubled-word", 2)]


def test_a_comment_shown_in_code_is_not_a_directive() -> None:
    fenced = "How to silence it:\n\n```markdown\n<!-- brieflint-disable -->\n```\n\nthe the\n"
    assert rules_at(fenced) == [("prose.doubled-word", 7)]
    inline = "Write `<!-- brieflint-disable -->` to silence it.\n\nthe the\n"
    assert rules_at(inline) == [("prose.doubled-word", 3)]
    indented = "Example:\n\n    <!-- brieflint-disable -->\n\nthe the\n"
    assert rules_at(indented) == [("prose.doubled-word", 5)]


def test_inline_and_block_comments_still_work_after_front_matter() -> None:
    text = (
        "---\ntitle: T\n---\n\nSome text <!-- brieflint-disable-next-line prose -->\nthe the\n"
        "\n<!-- brieflint-disable\n  prose.doubled-word -->\nthe the\n"
    )
    assert rules_at(text) == []


def test_a_misspelt_directive_suppresses_nothing_and_is_reported() -> None:
    text = "<!-- brieflint-disable-line prose.doubled-word -->\nthe the\n\nthe the\n"
    found = lint_text(text, select=RULES, path="d.md")
    assert [(f.rule, f.line) for f in found] == [
        ("meta.unused-suppression", 1),
        ("prose.doubled-word", 2),
        ("prose.doubled-word", 4),
    ]
    assert "'brieflint-disable-line' is not a suppression directive" in found[0].message


def test_a_rule_id_that_names_no_rule_is_reported() -> None:
    text = "<!-- brieflint-disable-next-line nosuch.rule -->\nAll fine.\n"
    found = lint_text(text, select=RULES, path="d.md")
    assert [(f.rule, f.line) for f in found] == [("meta.unused-suppression", 1)]
    assert "names no rule: nosuch.rule" in found[0].message


def test_a_known_rule_that_did_not_run_is_not_judged() -> None:
    text = "<!-- brieflint-disable-next-line spelling -->\nAll fine.\n"
    assert rules_at(text) == []

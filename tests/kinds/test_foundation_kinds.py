"""The generic kinds: existence, substitution, occurrence, repetition, consistency, capitalization.

Each kind is exercised through a real rule of the catalogue, with a true positive and a clean
negative, plus the edges a user would try.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint.errors import ConfigError
from tests.conftest import lint_text


def found(text: str, rule: str, path: str = "d.txt") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.context) for f in lint_text(text, select=[rule], path=path)]


# existence
def test_existence_patterns_and_case() -> None:
    assert found("Growth was TK in 2024. Lorem Ipsum.\n", "prose.placeholder") == [
        (1, 12, "TK"),
        (1, 24, "Lorem Ipsum"),
    ]
    assert found("The Tkachenko report was final.\n", "prose.placeholder") == []


def test_existence_tokens_option(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text(
        "rules:\n  prose.placeholder:\n"
        "    options: {tokens: [in order to], patterns: [], ignorecase: true}\n",
        "utf-8",
    )
    hits = lint_text(
        "We act In order\nto win; inorder to.\n", select=["prose.placeholder"], config_path=cfg
    )
    assert [(f.line, f.column, f.end_line) for f in hits] == [(1, 8, 2)]


def test_catastrophic_user_regex_is_reported_not_hung(tmp_path: Path) -> None:
    from brieflint.errors import BrieflintError

    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("rules:\n  prose.placeholder:\n    options: {patterns: ['(a+)+$']}\n", "utf-8")
    with pytest.raises(BrieflintError, match="took longer than"):
        lint_text("a" * 40000 + "!\n", select=["prose.placeholder"], config_path=cfg)


# substitution
def test_substitution_keeps_case_and_offers_a_fix() -> None:
    hits = lint_text("Recieve it. RECIEVE it.\n", select=["prose.common-typo"])
    assert [f.suggestions for f in hits] == [("Receive",), ("RECEIVE",)]
    assert hits[0].fix is not None and hits[0].fix.edits[0].replacement == "Receive"
    assert found("We receive it.\n", "prose.common-typo") == []


# occurrence
def test_occurrence_max_per_paragraph() -> None:
    assert found("Stop! Now!\n\nOnce!\n", "prose.exclamation") == [(1, 10, "!")]
    assert found("Once! And again.\n\nOnce more!\n", "prose.exclamation") == []


def test_occurrence_min(tmp_path: Path) -> None:
    style = tmp_path / "house"
    (style / "rules").mkdir(parents=True)
    (style / "style.yaml").write_text("extends: brief\n", "utf-8")
    (style / "rules" / "house.summary.yaml").write_text(
        "id: house.summary\nkind: occurrence\nseverity: error\nmessage: 'needs a summary'\n"
        "description: d\nwhy: w\nexamples: {bad: x, good: 'Summary: y'}\n"
        "options: {pattern: '^Summary:', min: 1}\n",
        "utf-8",
    )
    hits = lint_text("Intro\ntext\n", style=str(style), select=["house.summary"])
    assert [(f.line, f.column, f.end_column) for f in hits] == [(1, 1, 6)]
    assert lint_text("Summary: ok\n", style=str(style), select=["house.summary"]) == []


def test_occurrence_options_are_validated(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("rules:\n  prose.exclamation:\n    options: {min: 3, max: 1}\n", "utf-8")
    with pytest.raises(ConfigError, match="min is larger than max") as err:
        lint_text("x", config_path=cfg)
    assert err.value.line == 3


# repetition
def test_repetition_across_lines_not_across_punctuation_or_paragraphs() -> None:
    assert found("It was in the\nthe region.\n", "prose.doubled-word") == [(1, 11, "the\nthe")]
    assert found("No, no. Bye bye. The end.\n\nEnd end.\n", "prose.doubled-word") == [
        (3, 1, "End end")
    ]
    assert found("The the.\n\nthe\n", "prose.doubled-word") == [(1, 1, "The the")]
    assert found("Those who had had doubts said that that was all.\n", "prose.doubled-word") == []


# consistency
def test_consistency_reports_the_minority_form() -> None:
    text = "Email us. The email is read. Send an e-mail.\n"
    hits = lint_text(text, select=["prose.spelling-consistency"])
    assert [(f.column, f.context, f.suggestions) for f in hits] == [(38, "e-mail", ("email",))]
    assert "2 time(s)" in hits[0].message
    assert found("Email us. The email is read.\n", "prose.spelling-consistency") == []


# capitalization
def test_capitalization_terms_and_headings() -> None:
    hits = lint_text("The Nato summit; NATO allies; nato.\n", select=["prose.term-case"])
    assert [(f.column, f.suggestions) for f in hits] == [(5, ("NATO",)), (31, ("NATO",))]
    assert found("NATO and the OSCE met.\n", "prose.term-case") == []
    md = "# Security After The War\n\nText.\n"
    hits = lint_text(md, select=["prose.heading-case"], path="d.md")
    assert [(f.line, f.context) for f in hits] == [(1, "After")]
    assert lint_text("# Security after the war\n", select=["prose.heading-case"], path="d.md") == []

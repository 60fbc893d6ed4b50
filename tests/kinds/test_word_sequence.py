"""grammar.word-order, grammar.missing-word, grammar.determiner (kind word-sequence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint.text import ngrams
from tests.conftest import lint_text

RULES = ["grammar.word-order", "grammar.missing-word", "grammar.determiner"]
CLEAN = Path(__file__).resolve().parents[1] / "data" / "clean"


def found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (f.rule, text[f.start : f.end], tuple(f.suggestions)) for f in lint_text(text, select=RULES)
    ]


@pytest.mark.parametrize(
    ("text", "rule", "words", "suggestion"),
    [
        # two adjacent words swapped
        (
            "The officials said they were for ready talks with the new government.",
            "grammar.word-order",
            "for ready",
            "ready for",
        ),
        (
            "The council will meet discuss to the budget next week.",
            "grammar.word-order",
            "discuss to",
            "to discuss",
        ),
        (
            "The region's with trade the capital grew quickly.",
            "grammar.word-order",
            "with trade",
            "trade with",
        ),
        # "to" dropped before an infinitive
        (
            "Officials are expected attend the meeting in Brussels.",
            "grammar.missing-word",
            "expected attend",
            "expected to attend",
        ),
        # "the" dropped after a quantifier with "of"
        (
            "Most of members voted for the motion.",
            "grammar.missing-word",
            "Most of members",
            "Most of the members",
        ),
        (
            "The survey found that several of farmers had sold their land.",
            "grammar.missing-word",
            "several of farmers",
            "several of the farmers",
        ),
        # an article before a word that cannot follow it
        (
            "The council adopted a which it called a reset.",
            "grammar.determiner",
            "a which",
            "which",
        ),
        # "a" before a plural noun that ends its phrase, also with a Cyrillic lookalike "а"
        (
            "The ministers began a reforms of the tax system.",
            "grammar.determiner",
            "a reforms",
            "reforms",
        ),
        (
            "The ministers began \u0430 reforms of the tax system.",
            "grammar.determiner",
            "\u0430 reforms",
            "reforms",
        ),
    ],
)
def test_true_positive(text: str, rule: str, words: str, suggestion: str) -> None:
    hits = [h for h in found(text) if h[0] == rule]
    assert [h[1] for h in hits] == [words]
    assert hits[0][2][0] == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "The officials said they were ready for talks with the new government.",
        "The council will meet to discuss the budget next week.",
        "The region's trade with the capital grew quickly.",
        "Officials are expected to attend the meeting in Brussels.",
        "Most of the members voted for the motion. Most of them stayed.",
        "Many of those who left came back; some of us stayed; one of two options remains.",
        "The council adopted what it called a reset.",
        "The ministers began the reforms of the tax system, a series of changes.",
        "A goods train and a sports car stood at a crossroads.",
        "He worked for a ladies' tailor in the town.",
        "He then said that the plan had usually been a success; she accused him of lying.",
        "Options a or b are open.",
        # a word glued to the next by a hyphen, or an article that ends a term ("M&A")
        "The by-election was held in May.",
        "They planned a M&A into the evening.",
    ],
)
def test_clean_sentences_are_silent(text: str) -> None:
    assert found(text) == []


def test_findings_are_suggestions_never_fixes() -> None:
    [finding] = lint_text("Officials are expected attend the meeting.", select=RULES)
    assert finding.severity.label == "info"
    assert finding.fix is None


@pytest.mark.parametrize(
    ("name", "licence"),
    [("grammar-acl.txt", "grammar-acl.LICENSE"), ("grammar-bln600.txt", "grammar-bln600.LICENSE")],
)
def test_precision_floor_on_clean_text(name: str, licence: str) -> None:
    assert (CLEAN / licence).is_file() and name in (CLEAN / "grammar-README.md").read_text()
    text = (CLEAN / name).read_text(encoding="utf-8")
    words = len(text.split())
    findings = lint_text(text, select=RULES)
    assert words > 5000
    assert len(findings) <= words / 2000, [f.message for f in findings]


def test_table_round_trips_and_is_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFLINT_CACHE_HOME", str(tmp_path))
    built = ngrams.load_table()
    assert built is not None
    [cached] = (tmp_path / "ngrams").glob("*.bin")
    again = ngrams.load_table()
    assert again is not None
    for a, b in [("of", "the"), ("able", "to"), ("with", "contacts")]:
        assert again.pair(a, b) == pytest.approx(built.pair(a, b))
    assert again.pair("able", "to") > again.pair_floor > again.pair("with", "contacts") == 0
    assert again.count("the") > again.count("government") > 0
    # a damaged table is rebuilt, not trusted
    cached.write_bytes(cached.read_bytes()[:100])
    rebuilt = ngrams.load_table()
    assert rebuilt is not None and rebuilt.pair("able", "to") == pytest.approx(
        built.pair("able", "to")
    )
    with pytest.raises(ValueError):
        ngrams.NgramTable.from_bytes(b"not a table")


def test_reports_name_the_word_pair_backend() -> None:
    from brieflint import backends, ruleset
    from brieflint import config as config_mod

    on = ruleset.build(config_mod.default())
    off = ruleset.build(config_mod.default(), ruleset.BuildOptions(ignore=("grammar",)))
    assert backends.describe(on)["word-pairs"] == "offline (symspellpy)"
    assert "word-pairs" not in backends.describe(off)

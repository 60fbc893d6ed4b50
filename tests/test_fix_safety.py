"""``brieflint fix`` can be trusted unseen: the bugs reported against it, as regression tests.

Safe fixes are applied by ``fix``; unsafe ones only with ``--unsafe-fixes``. Each test runs the
real command on a real file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _fix(tmp_path: Path, text: str, *args: str, name: str = "draft.txt") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    from brieflint.cli import main

    assert main(["fix", str(path), *args]) in (0, 1)
    return path.read_bytes().decode("utf-8")


ABBREVIATIONS = (
    "The figures are in the annex (see p. 4). See p. 12 for details.\n",
    "The tables (see pp. 12-14) and the notes (see vol. 3) agree.\n",
    "Read the brief (see No. 7) and the annex (see e.g. the map).\n",
)


@pytest.mark.parametrize("text", ABBREVIATIONS)
@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_split_word_never_joins_a_word_and_an_abbreviation(
    tmp_path: Path, text: str, tier: tuple[str, ...]
) -> None:
    assert _fix(tmp_path, text, *tier) == text


def test_split_word_still_joins_a_split_word_before_a_full_stop(tmp_path: Path) -> None:
    text = "They planned the transfor mation. Then they left.\n"
    fixed = _fix(tmp_path, text, "--unsafe-fixes")
    assert fixed == "They planned the transformation. Then they left.\n"
    assert _fix(tmp_path, text) == text  # joining pieces is unsafe


def test_split_word_never_joins_a_symbol_with_digits(tmp_path: Path) -> None:
    text = "The vectors v v1 and v2 are orthogonal.\n"
    assert _fix(tmp_path, text, "--unsafe-fixes") == text


TIE = "Send an e-mail to the policy-makers. The email reached the policymakers.\n"


def test_spelling_consistency_never_resolves_a_tie(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _fix(tmp_path, TIE, "--unsafe-fixes") == TIE
    path = str(tmp_path / "draft.txt")
    args = ["check", path, "--select", "prose.spelling-consistency", "--format", "json"]
    _, out, _ = run_cli(args, capsys)
    findings = json.loads(out)["findings"]
    assert len(findings) == 2 and all(f["fix"] is None for f in findings)
    assert all(f["suggestions"] for f in findings)  # still says what the other form is


def test_spelling_consistency_majority_is_an_unsafe_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Send an email to the team, an email to the board and an e-mail to the press.\n"
    assert _fix(tmp_path, text) == text
    fixed = _fix(tmp_path, text, "--unsafe-fixes")
    assert fixed == "Send an email to the team, an email to the board and an email to the press.\n"
    _, out, _ = run_cli(["rules"], capsys)
    line = next(x for x in out.splitlines() if x.startswith("prose.spelling-consistency "))
    assert " unsafe " in line


def test_doubled_word_is_fixed_as_its_listing_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "He said the the minister was right.\n"
    _, out, _ = run_cli(["rules"], capsys)
    line = next(x for x in out.splitlines() if x.startswith("prose.doubled-word "))
    assert " unsafe " in line
    assert _fix(tmp_path, text) == text
    assert _fix(tmp_path, text, "--unsafe-fixes") == "He said the minister was right.\n"


# Correct text that `fix` damaged: every change below was made by the safe tier before.
CLEAN = {
    # three papers in one file, each with its numbered headings
    "headings": "".join(
        f"1 Introduction\n\n{body}\n\n6 Acknowledgements\n\nWe thank the reviewers of {n}.\n\n"
        for n, body in enumerate(
            [
                "Parsing noisy text is hard, and this first paper explains at some length why "
                "the usual methods fail on it and what can be done instead.",
                "Tagging is easier than parsing, as this second paper shows with several "
                "experiments on three corpora of different sizes and genres.",
                "Spelling correction helps both, as the third paper argues with results on "
                "newspaper text and on papers extracted from their printed form.",
            ]
        )
    ),
    "heading before a paragraph": (
        "The first part ends here.\n\n4 The Semantic Representation\n\n"
        "phase will already fail when the input is noisy.\n"
    ),
    "greek in a formula": "Here, αplace is a hybrid autosegment, and βx is its dual.\n",
    "hyphenated compound": (
        "The on-line system and the online one, unlike other online tools, are fast.\n"
    ),
    "formula spacing": "The map f(x1) : y sends k ? 0 to T(t . fA) for every x.\n",
    "symbols with digits": "Let v v1 be the vectors, and x x2 their images.\n",
    "control character": "The operator \x01 distributes over both sides.\n",
    "old typesetting": "He was a carman ; George Wood, a dealer, refused.\n",
    "in-word hyphen": "The over-whelming evidence and the Fish-mongers' hall.\n",
}


@pytest.mark.parametrize("text", CLEAN.values(), ids=CLEAN.keys())
def test_safe_fixes_leave_correct_text_alone(tmp_path: Path, text: str) -> None:
    assert _fix(tmp_path, text) == text


def test_fix_reports_what_the_unsafe_tier_would_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("A \ufb01ne day; the the talks.\n", encoding="utf-8")
    code, _, err = run_cli(["fix", str(path), "--show-fixes"], capsys)
    assert code == 1
    assert "1 × ocr.compat-form (safe): expand a ligature" in err
    assert "1 more fix(es) available with --unsafe-fixes" in err
    assert path.read_text(encoding="utf-8") == "A fine day; the the talks.\n"


@pytest.mark.parametrize(
    ("language", "fixed"),
    [
        ("en-GB", "My favourite neighbour has a behaviour problem.\n"),
        ("en-US", "My favorite neighbor has a behavior problem.\n"),
    ],
)
def test_a_listed_correction_is_written_in_the_configured_variety(
    tmp_path: Path, language: str, fixed: str
) -> None:
    (tmp_path / "brieflint.yaml").write_text(f"language: {language}\n", encoding="utf-8")
    text = "My favorate neigbor has a behavoir problem.\n"
    assert _fix(tmp_path, text, "--select", "prose.common-typo") == fixed


def test_respelling_keeps_oxford_spelling_and_case() -> None:
    from brieflint.text.varieties import respell

    assert respell("Favoring the organized colors", "en-GB") == "Favouring the organized colours"
    assert respell("FAVOURING the organised colours", "en-US") == "FAVORING the organized colors"
    assert respell("favoring", "en") == "favoring"


def test_a_pair_that_is_two_words_in_british_english_is_not_respelt() -> None:
    from brieflint.text.lexicon import Lexicon
    from brieflint.text.varieties import respell
    from brieflint.vocabulary import Vocabulary

    lexicon = Lexicon.load("en-GB", Vocabulary())
    text = "the draft practice of the colors"
    assert respell(text, "en-GB", lexicon) == "the draft practice of the colours"
    # without word frequencies the tables are read as they stand
    assert respell(text, "en-GB") != text

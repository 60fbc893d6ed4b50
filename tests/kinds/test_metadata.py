"""metadata kind: front matter and cover fields against a schema, and its cross-checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint import rulespec, style
from brieflint.errors import ConfigError
from brieflint.findings import Finding
from tests.conftest import lint_text

RULE = "house.metadata"

GOOD_MD = """\
---
number: 12
title: Ports and Power
authors: [Ana Lopes, Piotr Nowak]
date: 28.02.2025
---
# Ports and Power

Ports matter.
"""

HOUSE_COVER = """\
POLICY BRIEF NO: 3

Ports and Power on the Black Sea

Ana Lopes & Piotr Nowak

28.02.2025

This policy brief is based on the field research conducted between 2 January and 9 February 2025.

PORTS AND POWER ON THE BLACK SEA

Ports matter to every state on the coast, and more so since the war began.

Ana Lopes is a researcher at a university in Lisbon.

Piotr Nowak is a professor at a university in Gdańsk.
"""


def md(text: str, style_name: str | None = None) -> list[Finding]:
    return lint_text(text, select=[RULE], path="brief.md", style=style_name)


def house(text: str, path: str = "brief.txt") -> list[Finding]:
    return lint_text(text, select=[RULE], path=path, style="secureblacksea")


def where(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in findings]


def test_brief_examples_of_the_generic_rule() -> None:
    """The brief style's own house.metadata (the house style replaces it under the same id)."""
    layer = style.load_chain("brief", None)[-1]
    spec: rulespec.RuleSpec = layer.rules[RULE][0]
    assert [f.rule for f in md(spec.examples.bad, "brief")] == [RULE]
    assert md(spec.examples.good, "brief") == []


# Markdown: front matter
def test_front_matter_complete_is_clean() -> None:
    assert md(GOOD_MD) == []


def test_front_matter_missing_field_points_at_line_1() -> None:
    text = GOOD_MD.replace("number: 12\n", "")
    assert where(md(text)) == [
        (1, 1, "metadata: 'number' is missing from the front matter (a positive whole number)")
    ]


def test_front_matter_invalid_values_point_at_their_key() -> None:
    text = GOOD_MD.replace("number: 12", "number: twelve").replace("28.02.2025", "31.02.2025")
    found = where(md(text))
    assert found == [
        (2, 1, "metadata: 'number' must be a whole number, not 'twelve'"),
        (
            5,
            1,
            "metadata: 'date' is not a valid date: '31.02.2025' (write DD.MM.YYYY or YYYY-MM-DD)",
        ),
    ]


def test_front_matter_author_not_given_family_points_at_the_item() -> None:
    text = GOOD_MD.replace(
        "authors: [Ana Lopes, Piotr Nowak]", "authors:\n  - Ana Lopes\n  - nowak"
    )
    found = where(md(text))
    assert len(found) == 1
    assert found[0][0] == 6 and "'nowak' is not written as \"Given Family\"" in found[0][2]


def test_yaml_dates_and_iso_strings_are_accepted() -> None:
    assert md(GOOD_MD.replace("28.02.2025", "2025-02-28")) == []
    assert md(GOOD_MD.replace("28.02.2025", "'2025-02-28'")) == []


def test_negative_number_is_reported() -> None:
    assert where(md(GOOD_MD.replace("number: 12", "number: -1"))) == [
        (2, 1, "metadata: 'number' must be at least 1, not -1")
    ]


def test_generic_style_ignores_drafts_without_metadata() -> None:
    assert md("# A note\n\nNo metadata at all.\n") == []
    assert lint_text("Just a memo.\n\nNothing more.\n", select=[RULE]) == []


# plain text: cover patterns
def test_generic_plain_text_cover_number_and_date() -> None:
    assert lint_text("Policy Brief No. 4\n\nTitle\n\n12.03.2024\n\nText.\n", select=[RULE]) == []
    bad = lint_text("Policy Brief No. 4\n\nTitle\n\n30.02.2024\n\nText.\n", select=[RULE])
    assert [(f.line, f.column) for f in bad] == [(5, 1)]
    missing = lint_text("Policy Brief No. 4\n\nTitle\n\nText.\n", select=[RULE])
    assert where(missing) == [
        (1, 1, "metadata: 'date' is missing from the cover (DD.MM.YYYY or YYYY-MM-DD)")
    ]


def test_house_cover_complete_is_clean() -> None:
    assert house(HOUSE_COVER) == []


def test_house_cover_number_removed() -> None:
    found = where(house(HOUSE_COVER.replace("POLICY BRIEF NO: 3", "POLICY BRIEF NO:")))
    assert len(found) == 1 and found[0][:2] == (1, 17) and "'number' is empty" in found[0][2]
    gone = where(house(HOUSE_COVER.replace("POLICY BRIEF NO: 3\n\n", "")))
    assert len(gone) == 1 and gone[0][:2] == (1, 1) and "'number' is missing" in gone[0][2]


def test_house_cover_impossible_date_at_its_line() -> None:
    found = where(house(HOUSE_COVER.replace("28.02.2025", "30.02.2025")))
    assert found == [
        (
            7,
            1,
            "metadata: 'date' is not a valid date: '30.02.2025' (write DD.MM.YYYY or YYYY-MM-DD)",
        )
    ]


def test_house_markdown_front_matter_uses_the_same_schema() -> None:
    body = HOUSE_COVER.split("\n", 8)[8]
    front = "---\nnumber: 3\ntitle: Ports and Power on the Black Sea\n"
    front += "authors: [Ana Lopes, Piotr Nowak]\ndate: 28.02.2025\n---\n"
    assert house(front + body, path="brief.md") == []
    assert [f.line for f in house(front.replace("number: 3\n", "") + body, "brief.md")] == [1]


# cross-checks
def test_title_repeated_inside_must_match() -> None:
    text = HOUSE_COVER.replace(
        "PORTS AND POWER ON THE BLACK SEA", "PORTS AND POWERS ON THE BLACK SEA"
    )
    (f,) = house(text)
    assert (f.line, f.column) == (11, 1)
    assert "differs from the title on the cover" in f.message
    assert f.suggestions == ("PORTS AND POWER ON THE BLACK SEA",)


def test_title_not_repeated() -> None:
    text = HOUSE_COVER.replace("PORTS AND POWER ON THE BLACK SEA\n\n", "")
    assert where(house(text)) == [(3, 1, "metadata: the title is not repeated above the text")]


def test_biography_missing_and_extra() -> None:
    text = HOUSE_COVER.replace("Piotr Nowak is a professor", "Jan Kowal is a professor")
    found = where(house(text))
    assert (5, 13, "metadata: author 'Piotr Nowak' has no biography") in found
    assert (17, 1, "metadata: 'Jan Kowal' has a biography but is not in the byline") in found
    assert len(found) == 2


def test_field_research_after_the_brief_date() -> None:
    text = HOUSE_COVER.replace("9 February 2025", "9 March 2025")
    assert where(house(text)) == [
        (
            9,
            82,
            "metadata: the end of the field research (9 March 2025) is after the date of "
            "the brief (28.02.2025)",
        )
    ]


def test_schema_errors_are_config_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text(
        "rules:\n  house.metadata:\n    options:\n      fields:\n        n: {type: number}\n",
        "utf-8",
    )
    with pytest.raises(ConfigError) as err:
        lint_text("x\n", select=[RULE], config_path=cfg)
    assert err.value.line == 5 and err.value.key is not None and "fields.n.type" in err.value.key


def test_unknown_field_named_by_title_field_is_a_config_error(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("rules:\n  house.metadata:\n    options: {title_field: heading}\n", "utf-8")
    with pytest.raises(ConfigError, match="'heading' is not one of the fields"):
        lint_text("x\n", select=[RULE], config_path=cfg)


def test_runaway_cover_pattern_is_a_clear_error(tmp_path: Path) -> None:
    from brieflint.errors import BrieflintError

    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text(
        "rules:\n  house.metadata:\n    options:\n      fields:\n"
        "        number: {type: int, cover: {pattern: '(a+)+$'}}\n",
        "utf-8",
    )
    with pytest.raises(BrieflintError, match="took longer than"):
        lint_text("a" * 40000 + "!\n", select=[RULE], config_path=cfg)

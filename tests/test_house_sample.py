"""The SecureBlackSea house style on whole briefs in its layout, and on edited copies of them."""

from __future__ import annotations

import pytest

from brieflint import cli
from brieflint.findings import Finding
from tests.briefs import BRIEFS, Brief
from tests.conftest import lint_text

HOUSE_RULES = ["house.metadata", "house.disclaimer", "house.attribution"]


def house(text: str) -> list[Finding]:
    return lint_text(text, select=HOUSE_RULES, style="secureblacksea", path="brief.txt")


@pytest.fixture(params=BRIEFS)
def brief(request: pytest.FixtureRequest) -> Brief:
    got: Brief = request.param
    return got


def _line_with(text: str, words: str) -> tuple[int, str]:
    for number, line in enumerate(text.splitlines(), 1):
        if words in line:
            return number, line
    raise AssertionError(f"no line with {words!r}")


def test_wrong_programme_acronym_in_the_disclaimer_at_its_column(brief: Brief) -> None:
    text = brief.text()
    findings = house(text)
    assert [f.rule for f in findings] == ["house.disclaimer"]
    (f,) = findings
    line, line_text = _line_with(text, "The views expressed")
    wrong = f.context
    assert (f.line, f.column) == (line, line_text.index(" Programme.") - len(wrong) + 1)
    assert f.suggestions and f.suggestions[0] != wrong and len(f.suggestions[0]) == len(wrong)
    assert f.fix is not None


def test_metadata_of_the_sample_is_complete(brief: Brief) -> None:
    assert lint_text(brief.text(), select=["house.metadata"], style="secureblacksea") == []


def _new(brief: Brief, copy: str) -> list[tuple[str, int, str]]:
    before = {(f.rule, f.message) for f in house(brief.text())}
    return [(f.rule, f.line, f.message) for f in house(copy) if (f.rule, f.message) not in before]


def test_disclaimer_removed(brief: Brief) -> None:
    text = brief.text()
    _, disclaimer = _line_with(text, "The views expressed")
    findings = house(text.replace(disclaimer, ""))
    assert [(f.rule, f.line) for f in findings] == [("house.disclaimer", 1)]
    assert "missing from the first page" in findings[0].message


def test_brief_number_removed(brief: Brief) -> None:
    text = brief.text()
    number_line, cover_line = _line_with(text, "POLICY BRIEF NO")
    emptied = cover_line.split(":")[0] + ":"
    assert _new(brief, text.replace(cover_line, emptied)) == [
        (
            "house.metadata",
            number_line,
            "metadata: 'number' is empty (a positive whole number, on a line "
            '"POLICY BRIEF NO: N")',
        )
    ]
    new = _new(brief, text.replace(cover_line + "\n", ""))
    assert [(rule, line) for rule, line, _ in new] == [("house.metadata", 1)]
    assert "'number' is missing from the cover" in new[0][2]


def test_impossible_date(brief: Brief) -> None:
    text = brief.text()
    import regex

    m = regex.search(r"(?m)^\d{2}\.\d{2}\.\d{4}$", text)
    assert m is not None
    line = text.count("\n", 0, m.start()) + 1
    copy = text[: m.start()] + "31.02." + m.group()[-4:] + text[m.end() :]
    new = _new(brief, copy)
    assert [(rule, n) for rule, n, _ in new] == [("house.metadata", line)]
    assert "'date' is not a valid date" in new[0][2]


def test_cli_on_the_brief(brief: Brief, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["check", "--style", "secureblacksea", "--select", "house", str(brief.path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "house.disclaimer" in out and "house.metadata" not in out
